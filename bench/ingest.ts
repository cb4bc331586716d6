// Build benchmark of the one-pass ingestion (loaders/ingest.ts): whole builds (scripts/build.ts as a process, under
// /usr/bin/time for the peak RSS of its largest process) of a data folder with 1 and with 20 förbund-years, a
// rebuild after one page changed (the ingestion's cache then reads no input again), and a build of one 200 MB SIE
// file, against the targets of issue 15 (≤ 90 s, ≤ 1,5 GB). Every row notes the load average before and after,
// since other work on the machine slows a build down.
import {spawnSync} from "node:child_process";
import {
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync
} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {ingestDir} from "../loaders/ingest.js";
import {syntheticSie} from "./ledger.js";
import {check, type Benchmark, type Row} from "./runner.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET_MS = 90_000;
const TARGET_RSS = 1.5e9;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1).replace(".", ","))
    .join(" / ");

/** One whole build of a data folder into a temporary folder: wall and CPU time, the largest process's peak RSS. */
function timedBuild(data: string): {ms: number; cpuMs: number; peakRss: number; stderr: string} {
  const out = join(mkdtempSync(join(tmpdir(), "finsam-ingest-out-")), "site");
  try {
    const start = performance.now();
    const run = spawnSync(
      "/usr/bin/time",
      ["-f", "maxrss-kb %M cpu %U %S", "npx", "tsx", "scripts/build.ts", "--out", out],
      {
        cwd: ROOT,
        env: {...process.env, FINSAM_DATA: data},
        encoding: "utf8",
        maxBuffer: 1 << 26
      }
    );
    const ms = performance.now() - start;
    check(run.status === 0, `bygget av ${data} misslyckades (kod ${run.status}): ${(run.stderr ?? "").slice(-600)}`);
    const [, kb, user, sys] = /maxrss-kb (\d+) cpu ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? ["", "0", "0", "0"];
    return {ms, cpuMs: (Number(user) + Number(sys)) * 1000, peakRss: Number(kb) * 1024, stderr: run.stderr};
  } finally {
    rmSync(join(out, ".."), {recursive: true, force: true});
  }
}

/** A data folder with the embedded registry and mappings and the given SIE files (name in folder → bytes or path). */
function dataFolder(files: Record<string, string | Uint8Array>): string {
  const data = mkdtempSync(join(tmpdir(), "finsam-ingest-data-"));
  mkdirSync(join(data, "sie"));
  cpSync(join(ROOT, "data/mapping"), join(data, "mapping"), {recursive: true});
  cpSync(join(ROOT, "data/forbund.json"), join(data, "forbund.json"));
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === "string") cpSync(content, join(data, "sie", name));
    else writeFileSync(join(data, "sie", name), content);
  }
  return data;
}

/** Removes a data folder and its ingestion cache. */
function removeData(data: string): void {
  rmSync(data, {recursive: true, force: true});
  rmSync(join(ingestDir("full", data), ".."), {recursive: true, force: true});
}

/**
 * A SIE file of about `bytes` bytes: a generated ledger's header once, then its vouchers again and again with their
 * numbers moved on by a million per copy, so that every voucher is distinct. Written in pieces, never whole.
 */
export function writeLargeSie(path: string, bytes: number): number {
  const text = Buffer.from(syntheticSie(50_000)).toString("latin1");
  const first = text.indexOf("\n#VER ") + 1;
  const head = text.slice(0, first);
  const body = text.slice(first);
  const fd = openSync(path, "w");
  let written = writeSync(fd, Buffer.from(head, "latin1"));
  for (let copy = 0; written < bytes; copy++) {
    const moved = copy
      ? body.replace(/^(#VER "\w*" ")(\d+)"/gm, (_, pre, n) => `${pre}${Number(n) + copy * 1_000_000}"`)
      : body;
    written += writeSync(fd, Buffer.from(moved, "latin1"));
  }
  closeSync(fd);
  return written;
}

/** The rows of the ingestion benchmark. */
export function ingestBuildRows(progress: (message: string) => void): Row[] {
  const rows: Row[] = [];
  const embedded = readdirSync(join(ROOT, "data/sie")).filter((f) => f.endsWith(".se"));
  const cpu = (ms: number) => `CPU ${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  const row = (
    benchmark: string,
    size: string,
    result: {ms: number; cpuMs: number; peakRss: number},
    before: string,
    note = ""
  ) =>
    rows.push({
      benchmark,
      size,
      runs: 1,
      medianMs: result.ms,
      peakRss: {bytes: result.peakRss},
      note: `${cpu(result.cpuMs)}; ${note}${note ? "; " : ""}belastning före ${before}, efter ${load()}`
    });

  progress("ingest: bygge av 1 förbundsår");
  const one = dataFolder({"klaralvdalen-2023.se": join(ROOT, "data/sie/klaralvdalen-2023.se")});
  try {
    const before = load();
    row("Bygge, 1 förbundsår", "1 SIE-fil", timedBuild(one), before);
  } finally {
    removeData(one);
  }

  progress("ingest: bygge av 20 förbundsår");
  // The eight embedded ledgers, copied under further förbund ids until there are twenty förbund-years.
  const twenty: Record<string, string> = {};
  for (let copy = 0; Object.keys(twenty).length < 20; copy++)
    for (const f of embedded) {
      if (Object.keys(twenty).length === 20) break;
      twenty[copy ? f.replace(/-(\d{4})\.se$/, `-kopia${copy}-$1.se`) : f] = join(ROOT, "data/sie", f);
    }
  const many = dataFolder(twenty);
  const page = join(ROOT, "src/index.md");
  const original = readFileSync(page, "utf-8");
  try {
    let before = load();
    const first = timedBuild(many);
    row("Bygge, 20 förbundsår", "20 SIE-filer", first, before, "första bygget: inläsningen körs");
    progress("ingest: ombygge efter en ändrad sida");
    writeFileSync(page, `${original}\n<!-- bench: ändrad sida -->\n`);
    before = load();
    const again = timedBuild(many);
    row(
      "Ombygge efter en ändrad sida, 20 förbundsår",
      "20 SIE-filer",
      again,
      before,
      `inläsningen ur cachen (ingen indatafil läses om); ${(again.ms / first.ms).toFixed(2).replace(".", ",")} × första bygget`
    );
  } finally {
    writeFileSync(page, original);
    removeData(many);
  }

  progress("ingest: skriver en SIE-fil på 200 MB");
  const big = dataFolder({});
  try {
    const size = writeLargeSie(join(big, "sie/stor-2024.se"), 200e6);
    progress("ingest: bygge av SIE-filen på 200 MB");
    const before = load();
    const result = timedBuild(big);
    const met = result.ms <= TARGET_MS && result.peakRss <= TARGET_RSS;
    const cpuMet = result.cpuMs <= TARGET_MS && result.peakRss <= TARGET_RSS;
    row(
      "Bygge, en SIE-fil på 200 MB",
      `${(size / 1e6).toFixed(0)} MB`,
      result,
      before,
      `mål ≤ 90 s och ≤ 1,5 GB: ${met ? "nått" : "inte nått"} i vägg, ${cpuMet ? "nått" : "inte nått"} i CPU-tid`
    );
  } finally {
    removeData(big);
  }
  return rows;
}

/** The ingestion's builds alone (`--only ingest`); `--only build` runs them after the site's build and first views. */
export const ingestBenchmark: Benchmark = {
  name: "ingest",
  description: "bygget med 1 och 20 förbundsår, ombygge efter en ändrad sida, och en SIE-fil på 200 MB",
  async run(_options, progress) {
    return ingestBuildRows(progress);
  }
};
