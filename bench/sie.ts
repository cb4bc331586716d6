// SIE benchmark: reads generated SIE 4 files of 10 000 and 100 000 vouchers (or --sizes), alone, with every voucher
// then made an object (ledger.vouchers, the object view of the reader's columns), and followed by account balances and
// statements, each with every check on, as the ingestion reads. Each workload is timed in a child process of its own
// (sie-time.ts): the median of --runs after a warm-up run, whose time (it also compiles the reader) is in the note.
// Peak memory is measured once per size and workload in another fresh child (sie-peak.ts), from the kernel's maxRSS.
// Beside them, in this process on the same buffer: a plain byte scan (the memory-bandwidth ceiling, with readSie's
// share of it in the note), and the CP437/ISO-8859-15 decoders against iconv-lite up to 100 000 vouchers
// (bench/sie-decode.ts).
import {fork} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {writeFileAtomic} from "../loaders/files.js";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {syntheticSie} from "./ledger.js";
import {check, lastCpuMedian, timeMedian, type Benchmark, type Row} from "./runner.js";
import {countLines, loadIconv, sumBytes, timeDecoders} from "./sie-decode.js";
import type {PeakReport} from "./sie-peak.js";
import type {TimeReport} from "./sie-time.js";
import {prepareWorkloads, streamWorkloads, workload, type StreamName, type WorkloadName} from "./sie-work.js";

const DEFAULT_SIZES = [10_000, 100_000];
const LARGE = 1_000_000;
const WORKLOADS: Exclude<WorkloadName, StreamName>[] = ["read", "read-objects", "reports"];
/** Decoders are compared up to this size: beyond it each run decodes a string of hundreds of megabytes. */
const DECODE_UP_TO = 100_000;
/**
 * Untimed runs before the timed ones, for the reader and the byte scans alike: the target is the speed of the code as
 * it runs once compiled. The first run, which also compiles it, is in each row's note.
 */
const WARMUPS = 1;
/** readSie's target in MB/s in process (issue 15, item 6). */
const TARGET_MB_S = 100;

/** Runs `script` (a file beside this one) with `args` in a child process; what it sends, or its error. */
function runChild<T>(script: string, args: string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let report: T | undefined;
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), args, {
      stdio: ["ignore", "inherit", "pipe", "ipc"]
    });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.on("message", (message) => (report = message as T));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0 && report) resolve(report);
      else reject(new Error(`${what} avslutades med kod ${code}:\n${stderr.trim()}`));
    });
  });
}

/** Runs one workload once in a child process and returns its peak RSS; rejects if the child's check fails. */
function measurePeak(file: string, name: WorkloadName, vouchers: number): Promise<PeakReport> {
  return runChild("./sie-peak.ts", [file, name, String(vouchers)], `minnesmätningen (${name}, ${vouchers})`);
}

/** Times one workload in a child process of its own (see sie-time.ts); rejects if the child's check fails. */
function measureTime(file: string, name: WorkloadName, vouchers: number, runs: number): Promise<TimeReport> {
  const args = [file, name, String(vouchers), String(runs), String(WARMUPS)];
  return runChild("./sie-time.ts", args, `tidmätningen (${name}, ${vouchers})`);
}

/** Timed runs per size: --runs when given, otherwise 5, or 3 for a million vouchers or more. */
function runsFor(vouchers: number, runs?: number): number {
  return runs ?? (vouchers >= LARGE ? 3 : 5);
}

export const sieBenchmark: Benchmark = {
  name: "sie",
  description: "readSie, och readSie + accountBalances + buildStatements (BAS-mappning)",
  async run(options, progress) {
    prepareWorkloads();
    const rows: Row[] = [];
    const iconv = await loadIconv();
    const dir = mkdtempSync(join(tmpdir(), "finsam-bench-"));
    try {
      for (const vouchers of options.sizes ?? DEFAULT_SIZES) {
        progress(`sie: genererar ${vouchers} verifikationer`);
        const bytes = syntheticSie(vouchers);
        const file = join(dir, `synthetic-${vouchers}.se`);
        writeFileAtomic(file, bytes);
        const runs = runsFor(vouchers, options.runs);
        // The in-memory workloads read the file's bytes; the stream workloads read the file in chunks.
        const timed = [
          ...WORKLOADS.map((name) => ({name, label: workload(name).label})),
          ...(Object.keys(streamWorkloads) as StreamName[]).map((name) => ({name, label: streamWorkloads[name].label}))
        ];
        for (const work of timed) {
          progress(`sie: ${work.label}, ${vouchers} verifikationer, ${runs} körningar`);
          const {medianMs, cpuMs, firstMs} = await measureTime(file, work.name, vouchers, runs);
          const peak = await measurePeak(file, work.name, vouchers);
          check(peak.maxRssBytes > 0, "maxRSS saknas");
          rows.push({
            benchmark: work.label,
            size: `${new Intl.NumberFormat("sv-SE").format(vouchers)} ver.`,
            runs,
            medianMs,
            rate: {value: vouchers / (medianMs / 1000), unit: "ver/s"},
            fileBytes: bytes.length,
            peakRss: {bytes: peak.maxRssBytes, growthBytes: Math.max(0, peak.maxRssBytes - peak.rssBeforeBytes)},
            note: `${cpuNote(cpuMs, bytes.length)}; första körningen (uppvärmningen) ${format(firstMs)} ms, ${format(bytes.length / MB / (firstMs / 1000))} MB/s`
          });
        }
        rows.push(...contextRows(bytes, vouchers, runs, rows, iconv));
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
    return rows;
  }
};

const MB = 1e6;

const format = (n: number) => new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 1}).format(n);

/** The median CPU time of a row's runs and the MB/s it gives: what the targets are judged on, on a loaded machine. */
function cpuNote(cpuMs: number, bytes: number): string {
  return `CPU ${format(cpuMs)} ms, ${format(bytes / MB / (cpuMs / 1000))} MB/s per CPU-sekund`;
}

/**
 * The byte scans on the same buffer, with readSie's speed as a share of the faster one, and the decoders compared.
 * `rows` holds this size's readSie row, whose median gives readSie's MB/s.
 */
function contextRows(
  bytes: Uint8Array,
  vouchers: number,
  runs: number,
  rows: Row[],
  iconv: Awaited<ReturnType<typeof loadIconv>>
): Row[] {
  const size = `${new Intl.NumberFormat("sv-SE").format(vouchers)} ver.`;
  const lines = countLines(bytes);
  const expectedSum = sumBytes(bytes);
  const scanMs = timeMedian(
    runs,
    () => countLines(bytes),
    (n) => check(n === lines, "fel antal rader"),
    WARMUPS
  );
  const scanCpu = lastCpuMedian();
  const loopMs = timeMedian(
    runs,
    () => sumBytes(bytes),
    (n) => check(n === expectedSum, "fel summa"),
    WARMUPS
  );
  const loopCpu = lastCpuMedian();
  const read = rows.find((r) => r.size === size && r.benchmark === workload("read").label);
  const mbs = (ms: number) => bytes.length / MB / (ms / 1000);
  const readMbs = read ? mbs(read.medianMs) : 0;
  // readSie's CPU time, from its row's note: the ratio that holds however loaded the machine is.
  const readCpu = Number(
    /CPU ([\d\s\u00a0,]+) ms/
      .exec(read?.note ?? "")?.[1]
      .replace(/[\s\u00a0]/g, "")
      .replace(",", ".")
  );
  const readCpuMbs = readCpu ? mbs(readCpu) : 0;
  const verdict = (v: number) => (v >= TARGET_MB_S ? "uppnått" : `ej uppnått (${format(TARGET_MB_S / v)}× kvar)`);
  const out: Row[] = [
    {
      benchmark: "Bytesökning: radslut med indexOf",
      size,
      runs,
      medianMs: scanMs,
      rate: {value: mbs(scanMs), unit: "MB/s"},
      fileBytes: bytes.length,
      note:
        `${cpuNote(scanCpu, bytes.length)}; readSie ${format(readMbs)} MB/s i vägg, ${format(readCpuMbs)} per ` +
        `CPU-sekund = ${format((readCpuMbs / mbs(scanCpu)) * 100)} % av detta; mål ${TARGET_MB_S} MB/s: ` +
        `${verdict(readMbs)} i vägg, ${verdict(readCpuMbs)} i CPU`
    },
    {
      benchmark: "Byte-loop: varje byte en gång",
      size,
      runs,
      medianMs: loopMs,
      rate: {value: mbs(loopMs), unit: "MB/s"},
      fileBytes: bytes.length,
      note: `${cpuNote(loopCpu, bytes.length)}; readSie = ${format((readCpuMbs / mbs(loopCpu)) * 100)} % av detta`
    }
  ];
  if (iconv && vouchers <= DECODE_UP_TO) {
    for (const {label, medianMs} of timeDecoders(iconv, bytes, runs)) {
      out.push({benchmark: `Avkodning ${label}`, size, runs, medianMs, rate: {value: mbs(medianMs), unit: "MB/s"}});
    }
  }
  return out;
}
