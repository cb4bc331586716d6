// Entry point of `npm run bench`: runs the benchmarks and prints one table with the machine they ran on.
// Options: --sizes 10000,100000  --runs 5  --only sie[,journals,browser,build,ingest,scb,duckdb,parquet]
import os from "node:os";
import {buildBenchmark} from "./build.js";
import {duckdbScbBenchmark} from "./duckdb-hae.js";
import {ingestBenchmark} from "./ingest.js";
import {journalsBenchmark} from "./journals.js";
import {browserBenchmark} from "./statements-page.js";
import {machineInfo} from "./machine.js";
import {pagesBenchmark} from "./pages.js";
import {parquetBenchmark} from "./parquet.js";
import {CheckError, type BenchOptions, type Benchmark, type Row} from "./runner.js";
import {scbReadBenchmark} from "./scb-read.js";
import {sieBenchmark} from "./sie.js";
import {formatTable} from "./table.js";

/** Every benchmark, in table order; a new one is a module exporting a Benchmark, added here. */
const BENCHMARKS: Benchmark[] = [
  sieBenchmark,
  journalsBenchmark,
  browserBenchmark,
  buildBenchmark,
  ingestBenchmark,
  scbReadBenchmark,
  duckdbScbBenchmark,
  parquetBenchmark,
  pagesBenchmark
];

interface Args extends BenchOptions {
  only?: string[];
}

/** Parses --sizes, --runs and --only, as "--flag value" or "--flag=value". */
export function parseArgs(argv: string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} saknar värde`);
      return v;
    };
    const positive = (text: string): number => {
      const n = Number(text.replace(/[_\s]/g, ""));
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: "${text}" är inte ett positivt heltal`);
      return n;
    };
    if (flag === "--sizes") args.sizes = value().split(",").map(positive);
    else if (flag === "--runs") args.runs = positive(value());
    else if (flag === "--only") args.only = value().split(",");
    else throw new Error(`Okänt argument ${argv[i]} (känner till --sizes, --runs, --only)`);
  }
  for (const name of args.only ?? []) {
    if (!BENCHMARKS.some((b) => b.name === name)) {
      throw new Error(`Okänd mätning "${name}" (finns: ${BENCHMARKS.map((b) => b.name).join(", ")})`);
    }
  }
  return args;
}

async function main(): Promise<number> {
  const loadBefore = os.loadavg();
  const args = parseArgs(process.argv.slice(2));
  const selected = BENCHMARKS.filter((b) => !args.only || args.only.includes(b.name));
  const rows: Row[] = [];
  const failures: string[] = [];
  const progress = (message: string) => process.stderr.write(`… ${message}\n`);
  // --sizes counts vouchers; the SCB benchmarks count kommuner, so they keep their own sizes unless run alone.
  const perVoucher = new Set<Benchmark>([sieBenchmark, journalsBenchmark, browserBenchmark]);
  const voucherRun = selected.some((b) => perVoucher.has(b));
  for (const benchmark of selected) {
    const options = voucherRun && !perVoucher.has(benchmark) ? {...args, sizes: undefined} : args;
    try {
      rows.push(...(await benchmark.run(options, progress)));
    } catch (error) {
      const kind = error instanceof CheckError ? "kontroll fallerade" : "fel";
      failures.push(`${benchmark.name}: ${kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(formatTable(machineInfo(new Date(), loadBefore), rows));
  const notes: string[] = [];
  if (selected.some((b) => b === sieBenchmark || b === journalsBenchmark || b === scbReadBenchmark)) {
    notes.push(
      "Tid: median av körningarna i samma process, med skräpsamling före varje körning (utanför tidtagningen)."
    );
  }
  if (selected.includes(sieBenchmark)) {
    notes.push(
      "SIE: varje läsning tidtas i en egen barnprocess, som inläsningen i bygget; före de tidtagna körningarna en" +
        "\notidtagen uppvärmning (läsaren och bytesökningarna lika), vars tid (den kompilerar också koden) står i" +
        "\nanmärkningen som första körningen.",
      "Topp-RSS: kernelns maxRSS (process.resourceUsage) i en egen barnprocess som läser filen och kör arbetet en" +
        "\ngång, inklusive Node, tsx och filens bytes; inom parentes ökningen från RSS strax före arbetet."
    );
  }
  if (selected.includes(journalsBenchmark)) {
    notes.push(
      "Journaler: samma genererade huvudbok som SIE-fil och som hledger- och ledger-journal; verktygens tid är hela" +
        "\nprocessen (balance på hela filen, median) mot `node bin/finsam.js saldobalans` som hel process, i vägg och" +
        "\nCPU (user + sys); raderna i processen (extra) är readSie + rapporter, strömläsning med MovementSums och" +
        '\nreadSieSums (finsams summering ur bytes); "i processen N× våra summor" är verktygets tid delad med den sista.' +
        "\nKontot 1930:s summa jämförs mellan alla."
    );
  }
  if (selected.includes(browserBenchmark)) {
    notes.push(
      "Räkenskaper: kopia av dist/ med två genererade år (2023, 2024) som saldo- och månadstabeller och" +
        "\nverifikationspartitioner; sidladdning är tid från navigeringens start till att RR:s årets resultat visas" +
        "\n(MutationObserver), årsbyte från select-händelsen till att cellen visar det andra årets värde (två uppslag" +
        "\ni saldotabellen + buildStatements + rendering); verifikationer: transactionsFor för ett konto, med" +
        "\nRange-anrop mot partitionen (den första laddar modulen och hämtar indexet; ingen DuckDB)."
    );
  }
  if (selected.includes(duckdbScbBenchmark)) {
    notes.push(
      "DuckDB: tid mätt i sidan (performance.now kring varje anrop, med workerns rundresa), median efter en" +
        "\nuppvärmning, utan skräpsamling; MB/s avser Arrow-strömmen; rader/s tabellens rader, bara där hela tabellen läses." +
        "\nBåda tabellerna i samma DuckDB; omfångets tre DISTINCT-frågor kör sidorna samtidigt, här en i taget." +
        "\nBAS-frågorna är sidans egna (src/components/scb-sql.ts) utom riket, som sidan aldrig frågar efter."
    );
  }
  console.log("\n" + notes.join("\n"));
  for (const failure of failures) console.error(`FEL ${failure}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
);
