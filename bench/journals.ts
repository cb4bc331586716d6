// Journals benchmark: the same generated ledger as SIE and as hledger and ledger-cli journals; the time of
// `hledger balance` and `ledger balance` on the journals against our read + statements on the SIE file, as ratios:
// reading into a ledger (readSie), and streaming with sums only (what `balance` does); the total of account 1930 is
// checked to be the same in all.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
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

interface ToolRun {
  ms: number;
  stdout: string;
  maxRssBytes?: number;
}

/** Runs a tool once under /usr/bin/time for its peak RSS; throws on failure or timeout. */
function runTool(args: string[], dir: string): ToolRun {
  const rssFile = join(dir, "time.txt");
  const start = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", "-o", rssFile, ...args], {
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
  const kb = Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1));
  return {ms, stdout: run.stdout, maxRssBytes: Number.isFinite(kb) ? kb * 1024 : undefined};
}

/** The amount of an account in a `balance` report of either tool, as "-1234.56". */
export function balanceOf(report: string, account: string): string | undefined {
  const line = report.split("\n").find((l) => new RegExp(`SEK\\s+${account}\\b`).test(l));
  return line ? /(-?[\d,.]+) SEK/.exec(line)?.[1].replace(/,/g, "") : undefined;
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

export const journalsBenchmark: Benchmark = {
  name: "journals",
  description: "hledger balance och ledger balance på samma huvudbok som journal, mot vår läsning + rapporter",
  async run(options, progress) {
    const versions = ensureTools(progress);
    prepareWorkloads();
    const rows: Row[] = [];
    const number = new Intl.NumberFormat("sv-SE");
    const ratio = (value: number) => new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 1}).format(value);
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
        const runs = options.runs ?? (vouchers >= 1_000_000 ? 3 : 5);
        const sieBytes = readFileSync(sieFile).length;
        // Ours twice: reading into a ledger, and what `balance` does, summing as the file streams by (MovementSums).
        const reports = workload("reports");
        const stream = streamWorkloads["stream-reports"];
        const ours = [
          {
            label: "Vår läsning + rapporter (SIE-fil)",
            what: "läsning",
            work: reports,
            run: async () => reports.run(new Uint8Array(readFileSync(sieFile)))
          },
          {label: "Vår ström + rapporter (SIE-fil)", what: "strömläsning", work: stream, run: () => stream.run(sieFile)}
        ];
        const oursMs: number[] = [];
        for (const {label, what, work, run} of ours) {
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
        for (const tool of ["hledger", "ledger"] as Tool[]) {
          if (!versions.get(tool)) {
            progress(`journals: ${tool} saknas`);
            rows.push({benchmark: `${tool} saknas`, size, runs: 0, medianMs: NaN});
            continue;
          }
          const args =
            tool === "hledger" ? ["hledger", "balance", "-f", files[tool]] : ["ledger", "-f", files[tool], "balance"];
          const toolRuns = runsFor(vouchers, options.runs);
          progress(`journals: ${args.join(" ")}, ${toolRuns} körningar`);
          const results: ToolRun[] = [];
          try {
            for (let i = 0; i < toolRuns; i++) results.push(runTool(args, dir));
          } catch (error) {
            rows.push({benchmark: `${tool} balance`, size, runs: 0, medianMs: NaN, note: String(error).slice(0, 120)});
            continue;
          }
          const got = balanceOf(results[0].stdout, ACCOUNT);
          check(got === expected, `${tool}: ${ACCOUNT} är ${got}, vår summa ${expected}`);
          const ms = median(results.map((r) => r.ms));
          const rss = Math.max(...results.map((r) => r.maxRssBytes ?? 0));
          rows.push({
            benchmark: `${tool} balance (journal)`,
            size,
            runs: toolRuns,
            medianMs: ms,
            rate: {value: vouchers / (ms / 1000), unit: "ver/s"},
            fileBytes: bytes[tool],
            peakRss: rss ? {bytes: rss} : undefined,
            note: `${ratio(ms / oursMs[0])} × vår läsning, ${ratio(ms / oursMs[1])} × vår ström; ${ACCOUNT} lika`
          });
        }
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
    return rows;
  }
};
