// The machine a benchmark ran on, printed above the table so that figures can be compared honestly.
import os from "node:os";

const loads = (values: number[]): string => values.map((v) => v.toFixed(2).replace(".", ",")).join(" / ");

/** CPU model, cores, memory, load average (before the run and now), Node version, platform and date. */
export function machineInfo(now = new Date(), loadBefore?: number[]): [string, string][] {
  const cpus = os.cpus();
  return [
    ["Processor", cpus[0]?.model.trim() ?? "okänd"],
    ["Kärnor", String(cpus.length)],
    ["Minne", `${(os.totalmem() / 1024 ** 3).toFixed(1).replace(".", ",")} GiB`],
    ["Belastning", `${loadBefore ? `före ${loads(loadBefore)}, ` : ""}efter ${loads(os.loadavg())} (1/5/15 min)`],
    ["Node", process.version],
    ["System", `${os.platform()} ${os.release()} ${os.arch()}`],
    ["Datum", now.toISOString().slice(0, 16).replace("T", " ") + " UTC"]
  ];
}
