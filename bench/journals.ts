// Journals benchmark: the same generated ledger as SIE and as hledger and ledger-cli journals. Whole process
// against whole process: `finsam saldobalans` (the compiled plain-JavaScript command, node bin/finsam.js) against
// `ledger balance` and `hledger balance`, by wall time and by CPU time (user + sys), with account 1930 checked to be
// the same in all three. Our in-process read + statements (readSie, and streaming with sums only) are extra rows.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {writeSie} from "../loaders/sie/write.js";
import {accountBalances} from "../src/lib/balances.js";
import type {AccountBalance} from "../src/lib/statements.js";
import {journalAmount, writeJournalFile} from "./journal.js";
import {syntheticLedger} from "./ledger.js";
import {check, median, timeMedianAsync, type Benchmark, type Row} from "./runner.js";
import {prepareWorkloads, streamWorkloads, workload, type ReportsResult} from "./sie-work.js";
import {ensureTools, type Tool} from "./tools.js";

const DEFAULT_SIZES = [10_000, 100_000];
const ACCOUNT = "1930";
/** A run of a tool longer than this is stopped and reported, not waited for. */
const TIMEOUT_MS = 20 * 60_000;
const ROOT = new URL("..", import.meta.url).pathname;
/** The compiled command, as `npx finsam` runs it. */
const FINSAM = join(ROOT, "bin/finsam.js");
/** How many times faster than each tool `finsam saldobalans` is to be, by wall time and by CPU (issue 15, target 4). */
export const TARGETS: Record<Tool, number> = {ledger: 3, hledger: 20};

export interface ProcessRun {
  /** Wall time, measured around the child process. */
  ms: number;
  /** CPU time of the child, user + system, from /usr/bin/time. */
  cpuMs: number;
  stdout: string;
  maxRssBytes?: number;
}

/** Runs a command once under /usr/bin/time for its CPU time and peak RSS; throws on failure or timeout. */
export function runProcess(args: string[], dir: string): ProcessRun {
  const timeFile = join(dir, "time.txt");
  const start = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S %M", "-o", timeFile, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: TIMEOUT_MS
  });
  const ms = performance.now() - start;
  if (run.error || run.status !== 0) {
    throw new Error(
      `${args.join(" ")}: ${run.error?.message ?? `kod ${run.status}`} ${(run.stderr ?? "").slice(0, 300)}`
    );
  }
  const [user, sys, kb] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return {
    ms,
    cpuMs: (user + sys) * 1000,
    stdout: run.stdout,
    maxRssBytes: Number.isFinite(kb) ? kb * 1024 : undefined
  };
}

/** The amount of an account in a `balance` report of either tool, as "-1234.56". */
export function balanceOf(report: string, account: string): string | undefined {
  const line = report.split("\n").find((l) => new RegExp(`SEK\\s+${account}\\b`).test(l));
  return line ? /(-?[\d,.]+) SEK/.exec(line)?.[1].replace(/,/g, "") : undefined;
}

/** The closing balance (UB) of an account in `finsam saldobalans` output, as "-1234.56". */
export function finsamBalanceOf(report: string, account: string): string | undefined {
  const line = report.split("\n").find((l) => l.startsWith(`${account} `));
  const ub = line?.split(/\s{2,}/).at(-1);
  return ub?.replace(/ /g, "").replace(",", ".");
}

/** Account 1930's closing balance as the journals print it, "-1234.56". */
function closingOf(balances: AccountBalance[]): string {
  const b = balances.find((a) => a.account === ACCOUNT);
  return journalAmount((b?.opening ?? 0n) + (b?.movement ?? 0n));
}

/**
 * Writes the generated ledger as SIE and as both journals; returns the journals' sizes and account 1930's total.
 * In a function of its own, so the generated ledger (a gigabyte at a million vouchers) is garbage by the time ours
 * is timed, rather than marked in every collection of the timed runs.
 */
function writeInputs(vouchers: number, sieFile: string, files: Record<Tool, string>) {
  const ledger = syntheticLedger(vouchers);
  writeFileSync(sieFile, writeSie(ledger));
  const bytes: Record<Tool, number> = {hledger: 0, ledger: 0};
  for (const tool of ["hledger", "ledger"] as Tool[]) bytes[tool] = writeJournalFile(ledger, tool, files[tool]);
  return {bytes, expected: closingOf(accountBalances(ledger))};
}

/** Timed runs: --runs when given, else 3, or 1 for a tool on a million vouchers or more. */
const runsFor = (vouchers: number, runs?: number) => runs ?? (vouchers >= 1_000_000 ? 1 : 3);

const sv = (value: number, decimals = 1) =>
  new Intl.NumberFormat("sv-SE", {maximumFractionDigits: decimals, minimumFractionDigits: decimals}).format(value);
const seconds = (ms: number) => `${sv(ms / 1000, 2)} s`;

/** How a tool compares with finsam: the two ratios and whether the target is met, or by how much it is missed. */
export function verdict(tool: Tool, wall: number, cpu: number): string {
  const target = TARGETS[tool];
  const met = (ratio: number) => (ratio >= target ? "uppnått" : `missat med ${sv((1 - ratio / target) * 100, 0)} %`);
  return `${tool}/finsam: ${sv(wall)}× i vägg (${met(wall)}), ${sv(cpu)}× i CPU (${met(cpu)}); mål ≥ ${target}×`;
}

/** Compiles bin/finsam.js from the current sources, as npm's prepare does, so the bench times what users run. */
function compileFinsam(): void {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts/finsam/compile.mjs")], {encoding: "utf8"});
  check(run.status === 0, `scripts/finsam/compile.mjs: ${run.stderr}`);
}

export const journalsBenchmark: Benchmark = {
  name: "journals",
  description: "finsam saldobalans mot hledger balance och ledger balance som hela processer, på samma huvudbok",
  async run(options, progress) {
    const versions = ensureTools(progress);
    progress("journals: kompilerar bin/finsam.js (scripts/finsam/compile.mjs)");
    compileFinsam();
    prepareWorkloads();
    const rows: Row[] = [];
    const number = new Intl.NumberFormat("sv-SE");
    const dir = mkdtempSync(join(tmpdir(), "finsam-journals-"));
    try {
      for (const vouchers of options.sizes ?? DEFAULT_SIZES) {
        const size = `${number.format(vouchers)} ver.`;
        progress(`journals: skriver ${vouchers} verifikationer som SIE och journaler`);
        const sieFile = join(dir, `bench-${vouchers}.se`);
        const files: Record<Tool, string> = {
          hledger: join(dir, `${vouchers}.journal`),
          ledger: join(dir, `${vouchers}.ledger`)
        };
        const {bytes, expected} = writeInputs(vouchers, sieFile, files);
        const runs = options.runs ?? (vouchers >= 1_000_000 ? 1 : 3);
        const sieBytes = readFileSync(sieFile).length;
        // Ours twice: reading into a ledger, and what `balance` does, summing as the file streams by (MovementSums).
        const reports = workload("reports");
        const stream = streamWorkloads["stream-reports"];
        const sums = streamWorkloads["sums-reports"];
        const inProcess = [
          {
            label: "Vår läsning + rapporter i processen (extra)",
            what: "läsning",
            work: reports,
            run: async () => reports.run(new Uint8Array(readFileSync(sieFile)))
          },
          {
            label: "Vår ström + rapporter i processen (extra)",
            what: "strömläsning",
            work: stream,
            run: () => stream.run(sieFile)
          },
          {
            label: "Våra summor ur bytes + rapporter i processen (extra)",
            what: "summering",
            work: sums,
            run: () => sums.run(sieFile)
          }
        ];
        const oursMs: number[] = [];
        for (const {label, what, work, run} of inProcess) {
          progress(`journals: vår ${what} + rapporter, ${size}, ${runs} körningar`);
          let total = "";
          const ms = await timeMedianAsync(runs, run, (result) => {
            work.verify(result, vouchers);
            total = closingOf((result as ReportsResult).balances);
          });
          check(total === expected, `vår ${what}s summa för ${ACCOUNT} är ${total}, generatorn säger ${expected}`);
          oursMs.push(ms);
          rows.push({
            benchmark: label,
            size,
            runs,
            medianMs: ms,
            rate: {value: vouchers / (ms / 1000), unit: "ver/s"},
            fileBytes: sieBytes,
            note: `${ACCOUNT}: ${total}`
          });
        }
        // Whole process against whole process. finsam and ledger alternate run by run, so a change in the machine's
        // load falls on both; hledger, minutes at a million vouchers, runs after them.
        const toolRuns = runsFor(vouchers, options.runs);
        const available = (["ledger", "hledger"] as Tool[]).filter((tool) => versions.get(tool));
        for (const tool of ["ledger", "hledger"] as Tool[]) {
          if (available.includes(tool)) continue;
          progress(`journals: ${tool} saknas`);
          rows.push({benchmark: `${tool} saknas`, size, runs: 0, medianMs: NaN});
        }
        const commands: Record<"finsam" | Tool, string[]> = {
          finsam: [process.execPath, FINSAM, "saldobalans", sieFile],
          ledger: ["ledger", "-f", files.ledger, "balance"],
          hledger: ["hledger", "balance", "-f", files.hledger]
        };
        const results: Record<"finsam" | Tool, ProcessRun[]> = {finsam: [], ledger: [], hledger: []};
        const failed = new Map<Tool, string>();
        const loads: number[] = [];
        const phases: ("finsam" | Tool)[][] = [["finsam", ...available.filter((t) => t === "ledger")]];
        if (available.includes("hledger")) phases.push(["hledger"]);
        for (const phase of phases) {
          for (let i = 0; i < toolRuns; i++) {
            for (const who of phase) {
              if (who !== "finsam" && failed.has(who)) continue;
              const shown = who === "finsam" ? ["finsam", ...commands.finsam.slice(2)] : commands[who];
              progress(`journals: ${shown.join(" ")}, körning ${i + 1} av ${toolRuns}`);
              loads.push(os.loadavg()[0]);
              try {
                results[who].push(runProcess(commands[who], dir));
              } catch (error) {
                if (who === "finsam") throw error;
                failed.set(who, String(error).slice(0, 120));
              }
            }
          }
        }
        const finsamTotal = finsamBalanceOf(results.finsam[0].stdout, ACCOUNT);
        check(
          finsamTotal === expected,
          `finsam saldobalans: ${ACCOUNT} är ${finsamTotal}, generatorn säger ${expected}`
        );
        const ours = {
          ms: median(results.finsam.map((r) => r.ms)),
          cpu: median(results.finsam.map((r) => r.cpuMs))
        };
        const loadText = `belastning ${sv(Math.min(...loads))}–${sv(Math.max(...loads))}`;
        rows.push({
          benchmark: "finsam saldobalans (hel process, SIE)",
          size,
          runs: toolRuns,
          medianMs: ours.ms,
          rate: {value: vouchers / (ours.ms / 1000), unit: "ver/s"},
          fileBytes: sieBytes,
          peakRss: {bytes: Math.max(...results.finsam.map((r) => r.maxRssBytes ?? 0))},
          note: `CPU ${seconds(ours.cpu)}; ${ACCOUNT}: ${finsamTotal}; ${loadText}`
        });
        for (const tool of available) {
          if (failed.has(tool)) {
            rows.push({benchmark: `${tool} balance`, size, runs: 0, medianMs: NaN, note: failed.get(tool)});
            continue;
          }
          const got = balanceOf(results[tool][0].stdout, ACCOUNT);
          check(got === expected, `${tool}: ${ACCOUNT} är ${got}, finsam och generatorn säger ${expected}`);
          const ms = median(results[tool].map((r) => r.ms));
          const cpu = median(results[tool].map((r) => r.cpuMs));
          rows.push({
            benchmark: `${tool} balance (hel process, journal)`,
            size,
            runs: results[tool].length,
            medianMs: ms,
            rate: {value: vouchers / (ms / 1000), unit: "ver/s"},
            fileBytes: bytes[tool],
            peakRss: {bytes: Math.max(...results[tool].map((r) => r.maxRssBytes ?? 0))},
            note: `CPU ${seconds(cpu)}; ${verdict(tool, ms / ours.ms, cpu / ours.cpu)}; ${ACCOUNT} lika; i processen ${sv(ms / oursMs[2])}× våra summor`
          });
        }
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
    return rows;
  }
};
