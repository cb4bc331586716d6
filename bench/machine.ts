// The machine a benchmark ran on, printed above the table so that figures can be compared honestly.
import os from "node:os";

/** CPU model, cores, memory, Node version, platform and date, as label–value pairs. */
export function machineInfo(now = new Date()): [string, string][] {
  const cpus = os.cpus();
  return [
    ["Processor", cpus[0]?.model.trim() ?? "okänd"],
    ["Kärnor", String(cpus.length)],
    ["Minne", `${(os.totalmem() / 1024 ** 3).toFixed(1).replace(".", ",")} GiB`],
    ["Node", process.version],
    ["System", `${os.platform()} ${os.release()} ${os.arch()}`],
    ["Datum", now.toISOString().slice(0, 16).replace("T", " ") + " UTC"]
  ];
}
