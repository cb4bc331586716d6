// What the SIE benchmark measures: reading a file, and reading it and building the statements. Each workload checks
// its own result, so the timed parent and the memory-measuring child process agree on what a correct run is.
import {createReadStream, readFileSync} from "node:fs";
import {readSie, type SieResult} from "../loaders/sie/read.js";
import {readSieStream} from "../loaders/sie/stream.js";
import {readSieSums} from "../loaders/sie/sums.js";
import {fileChunks} from "../scripts/finsam/saldobalans.js";
import {dataDir} from "../loaders/paths.js";
import {accountBalances, MovementSums} from "../src/lib/balances.js";
import type {Voucher} from "../src/lib/ledger.js";
import {voucherColumns} from "../src/lib/voucher-columns.js";
import {combineMappings, type Mapping, type MappingFile} from "../src/lib/mapping.js";
import {buildStatements, type AccountBalance, type Statements} from "../src/lib/statements.js";
import {check} from "./runner.js";

export type WorkloadName = "read" | "read-objects" | "reports" | StreamName;
export type StreamName = "stream" | "stream-reports" | "sums-reports";

interface Workload<T> {
  label: string;
  run(bytes: Uint8Array): T;
  verify(result: T, vouchers: number): void;
}

let mapping: Mapping | undefined;

/** The BAS default mapping of data/mapping/bas.json, read once. */
function basMapping(): Mapping {
  const file = JSON.parse(readFileSync(dataDir("mapping", "bas.json"), "utf8")) as MappingFile;
  return (mapping ??= combineMappings(file));
}

/** How the ingestion reads a ledger (loaders/ingest-ledger.ts): with every check, so the bench times what the app does. */
const APP_READ = {strict: true};

/** Reads a file with readSieStream in 1 MB chunks, never holding its bytes or text whole. */
export function streamFile(file: string, onVoucher?: (voucher: Voucher) => void): Promise<SieResult> {
  return readSieStream(createReadStream(file, {highWaterMark: 1 << 20}), "bench.se", onVoucher, APP_READ);
}

/** The workloads that read from the file in chunks: keeping the vouchers, or summing them and keeping none. */
export const streamWorkloads: Record<
  StreamName,
  {label: string; run(file: string): Promise<unknown>; verify(result: unknown, vouchers: number): void}
> = {
  stream: {
    label: "SIE läsning, ström (1 MB-bitar)",
    run: (file) => streamFile(file),
    verify: (result, vouchers) => verifyRead(result as SieResult, vouchers)
  },
  "stream-reports": {
    label: "SIE ström + rapporter, utan att spara ver.",
    async run(file) {
      const sums = new MovementSums();
      const result = await streamFile(file, (v) => sums.add(v));
      const balances = accountBalances(result.ledger, 0, sums);
      return {result, balances, statements: buildStatements(balances, basMapping())};
    },
    verify: verifyStreamed
  },
  "sums-reports": {
    label: "SIE summor ur bytes (readSieSums) + rapporter",
    async run(file) {
      const result = await readSieSums(() => fileChunks(file), "bench.se", {strict: true});
      const balances = accountBalances(result.ledger, 0, result.sums);
      return {result, balances, statements: buildStatements(balances, basMapping())};
    },
    verify(value, vouchers) {
      verifyStreamed(value, vouchers);
      const {fullRead} = (value as ReportsResult).result as Awaited<ReturnType<typeof readSieSums>>;
      check(fullRead === undefined, `readSieSums läste hela filen: ${fullRead}`);
    }
  }
};

/** Throws unless a read that keeps no voucher counted every voucher as kept and the statements check out. */
function verifyStreamed(value: unknown, vouchers: number): void {
  const {result, statements} = value as ReportsResult;
  const {read, kept} = result.counts.vouchers;
  check(read === vouchers && kept === vouchers, `strömläsningen läste ${read} och behöll ${kept} av ${vouchers}`);
  check(result.ledger.vouchers.length === 0, `${result.ledger.vouchers.length} verifikationer sparades`);
  verifyStatements(statements);
}

/** Throws unless every generated voucher was read and kept, with no error diagnostics. */
export function verifyRead(result: SieResult, vouchers: number): void {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  check(errors.length === 0, `readSie gav ${errors.length} fel, först: ${errors[0]?.message}`);
  const {read, kept} = result.counts.vouchers;
  check(
    read === vouchers && kept === vouchers,
    `readSie läste ${read} och behöll ${kept} av ${vouchers} verifikationer`
  );
  // Counted in the columns while the vouchers are there: asking ledger.vouchers would make every voucher an object.
  const held = voucherColumns(result.ledger)?.voucherCount ?? result.ledger.vouchers.length;
  check(held === vouchers, `ledgern har ${held} verifikationer`);
}

const read: Workload<SieResult> = {
  label: "SIE läsning",
  run: (bytes) => readSie(bytes, "bench.se", APP_READ),
  verify: verifyRead
};

/** readSie and then every voucher made an object (ledger.vouchers): what the object view costs on top of the read. */
const readObjects: Workload<SieResult> = {
  label: "SIE läsning + alla ver. som objekt",
  run(bytes) {
    const result = readSie(bytes, "bench.se", APP_READ);
    check(result.ledger.vouchers.length > 0, "inga verifikationer");
    return result;
  },
  verify(result, vouchers) {
    check(voucherColumns(result.ledger) === undefined, "verifikationerna gjordes inte till objekt");
    verifyRead(result, vouchers);
    const rows = result.ledger.vouchers.reduce((n, v) => n + v.transactions.length, 0);
    check(rows === result.counts.transactions.kept, `${rows} rader som objekt av ${result.counts.transactions.kept}`);
  }
};

/** What the workloads that build the statements return: the read, the balances behind the statements, and them. */
export interface ReportsResult {
  result: SieResult;
  balances: AccountBalance[];
  statements: Statements;
}

const reports: Workload<ReportsResult> = {
  label: "SIE läs + rapporter",
  run(bytes) {
    const result = readSie(bytes, "bench.se", APP_READ);
    const balances = accountBalances(result.ledger);
    return {result, balances, statements: buildStatements(balances, basMapping())};
  },
  verify({result, statements}, vouchers) {
    verifyRead(result, vouchers);
    verifyStatements(statements);
  }
};

/** Throws unless every check of the statements holds. */
function verifyStatements(statements: Statements): void {
  const failed = statements.checks.filter((c) => !c.ok).map((c) => `${c.id} (differens ${c.difference})`);
  check(failed.length === 0, `rapporternas kontroller fallerade: ${failed.join(", ")}`);
}

/** The workloads by name; `workload(name)` runs and verifies without the caller knowing the result type. */
export function workload(name: Exclude<WorkloadName, StreamName>): {
  label: string;
  run(bytes: Uint8Array): unknown;
  verify(result: unknown, vouchers: number): void;
} {
  return (name === "read" ? read : name === "read-objects" ? readObjects : reports) as Workload<unknown>;
}

/** Loads the mapping before timing, so the first timed run does not pay for reading JSON. */
export function prepareWorkloads(): void {
  basMapping();
}

/**
 * A workload on a file, as the child processes run it (sie-time.ts, sie-peak.ts): a stream workload reads the file
 * in chunks on each run; an in-memory one runs on the file's bytes, read here once.
 */
export function workloadOnFile(
  name: WorkloadName,
  file: string
): {run(): Promise<unknown>; verify(result: unknown, vouchers: number): void} {
  if (name in streamWorkloads) {
    const work = streamWorkloads[name as StreamName];
    return {run: () => work.run(file), verify: work.verify};
  }
  const work = workload(name as Exclude<WorkloadName, StreamName>);
  const bytes = readFileSync(file);
  return {run: async () => work.run(bytes), verify: work.verify};
}
