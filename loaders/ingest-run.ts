// The ingestion itself (called by ensureIngested in loaders/ingest.ts under its lock): reads every input once and
// writes every table of the site into the cache folder, each file atomically, then the manifest that says they are
// complete. Ledger files are read one at a time, and each one's results are kept by its content hash and name.
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import type {MonthlyMovement} from "../src/lib/balances.js";
import {checkReports, ledgerFindings, ruleNames, severityNames, type Registry} from "../src/lib/checker.js";
import {toUtfallRow} from "../src/lib/drift.js";
import type {Balance, Diagnostic, FiscalYear} from "../src/lib/ledger.js";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import type {FigureComparison, PublishedReport} from "../src/lib/published.js";
import {fromJsonWithBigints, toJsonWithBigints} from "../src/lib/json-bigint.js";
import type {PlanFile} from "../src/lib/projection.js";
import type {AccountBalance} from "../src/lib/statements.js";
import {toArrowStream} from "./arrow.js";
import {budgetFromSie} from "./budget-read.js";
import {latestBudgetLines, loadBudgetTables} from "./budgets.js";
import {writeFileAtomic} from "./files.js";
import {fileError, forbundOfName, listInputs, readJsonFolder, readJsonSafe} from "./ingest-inputs.js";
import {ledgerFileTables, type LedgerFileInfo, type LedgerFileTables} from "./ingest-ledger.js";
import {LEDGER_COMPARISONS_FILE, LedgerTableRows, partitionTexts, VOUCHER_TEXTS_FILE} from "./ledger-tables.js";
import {planToJson, readPlanFile} from "./plan.js";
import type {Profile} from "./profile.js";
import {ingestScb, scbDescription} from "./ingest-scb.js";
import {compareYearTables} from "./reconstruct/verify.js";
import {writeParquetPartition, writePartition} from "./voucher-partitions.js";
import {withheldDiagnostics} from "./workspace.js";

/** What an ingestion is asked to do: the data folder, its cache folder and profile, the fingerprint and its parts. */
export interface IngestJob {
  data: string;
  dir: string;
  profile: Profile;
  key: string;
  hashes: Record<string, string>;
  code: string;
}

/** What an ingestion wrote, and what the build says about the inputs. */
export interface IngestManifest {
  key: string;
  data: string;
  dir: string;
  profile: Profile;
  /** The voucher partitions (full profile only): förbund, year (from #RAR 0), and the files in the cache folder. */
  partitions: {forbund: string; year: number; file: string; arrows: string; parquet: string; rows: number}[];
  /** Rows of each table written (account-balances, movements, budgets, hae, arbetsmarknadsstatus, population). */
  rows: Record<string, number>;
  /** Every error and warning of the inputs, for the build's output. */
  problems: Diagnostic[];
}

/** The ledger files a data folder's sie/ holds: SIE (.se, .si, .sie) and CSV exports (.csv). */
export const LEDGER_FILES = /\.(se|si|sie|csv)$/i;

/** A ledger file's results as cached: its tables, its partition's row count, and its voucher texts (leak guard). */
type CachedLedgerFile = LedgerFileTables & {partitionRows: number; texts: string[]};

/** One ledger file's results, from the per-file cache or from one read of the file. */
function ledgerResults(
  input: {file: string; path: string; size: number},
  hash: string,
  options: {dir: string; profile: Profile; code: string; used: Set<string>}
): {tables: LedgerFileTables; texts: string[]; partition?: {arrows: string; parquet: string; rows: number}} {
  const filesDir = join(options.dir, "files");
  mkdirSync(filesDir, {recursive: true});
  // The name is part of the key: diagnostics name the file.
  const key = `${hash.slice(0, 24)}-${Buffer.from(input.file).toString("hex").slice(0, 64)}-${options.code.slice(0, 12)}`;
  const json = join(filesDir, `${key}.json`);
  const arrows = join(filesDir, `${key}.arrows`);
  const parquet = join(filesDir, `${key}.parquet`);
  const full = options.profile === "full";
  for (const f of [json, arrows, parquet]) options.used.add(f);
  if (existsSync(json) && (!full || (existsSync(arrows) && existsSync(parquet)))) {
    const cached = fromJsonWithBigints(readFileSync(json, "utf-8")) as CachedLedgerFile;
    const {partitionRows, texts, ...tables} = cached;
    return {tables, texts, partition: full && tables.fiscalYear ? {arrows, parquet, rows: partitionRows} : undefined};
  }
  const {tables, rows} = ledgerFileTables(input.path, input.file, input.size);
  const texts = partitionTexts(rows);
  let partition: {arrows: string; parquet: string; rows: number} | undefined;
  // The lsg profile's cache holds no voucher: its site must not, and nothing here is written for it.
  if (full && tables.fiscalYear) {
    const written = writePartition(rows, tables.fiscalYear, input.file);
    writeFileAtomic(arrows, written.chunks);
    writeFileAtomic(parquet, writeParquetPartition(rows, written.order, written.counts.batchRows));
    partition = {arrows, parquet, rows: written.index.rows};
  }
  const cached: CachedLedgerFile = {...tables, partitionRows: partition?.rows ?? 0, texts};
  writeFileAtomic(json, toJsonWithBigints(cached));
  return {tables, texts, partition};
}

/** The message for a file whose name says another year than its #RAR 0. */
function yearMismatch(file: string, named: number, fy: FiscalYear): Diagnostic {
  return {
    file,
    line: 0,
    severity: "warning",
    message:
      `Filnamnet anger året ${named} men #RAR 0 anger räkenskapsåret ${fy.start}–${fy.end}; året tas från #RAR 0 ` +
      `(byt gärna namn på filen)`
  };
}

/** Runs the ingestion of a data folder into a cache folder and returns the manifest it wrote. */
export function runIngestion(options: IngestJob): IngestManifest {
  const {data, dir, profile} = options;
  const tablesDir = join(dir, "tables");
  mkdirSync(tablesDir, {recursive: true});
  const problems: Diagnostic[] = [];
  const printedOnly: Diagnostic[] = [];
  const missingFolder = (folder: string, what: string) => {
    if (!existsSync(join(data, folder)))
      problems.push(fileError(`${folder}/`, `Mappen ${folder}/ saknas i datamappen; ${what} saknas därför på sidorna`));
  };
  missingFolder("sie", "huvudböckerna");
  missingFolder("mapping", "kontomappningen");
  missingFolder("budgets", "budgetarna");

  // Reference data: the registry, mappings, published figures and plans; a broken file is skipped with a diagnostic.
  let registry: Registry = {forbund: []} as unknown as Registry;
  if (!existsSync(join(data, "forbund.json")))
    problems.push(fileError("forbund.json", "Filen forbund.json saknas; förbundens namn och medlemmar saknas därför"));
  else {
    const read = readJsonSafe(join(data, "forbund.json"), "forbund.json");
    if ("problem" in read)
      problems.push({...read.problem, message: `${read.problem.message}; förbundens namn och medlemmar saknas därför`});
    else if (!Array.isArray((read.value as {forbund?: unknown})?.forbund))
      problems.push(fileError("forbund.json", '"forbund" saknas eller är ingen lista; förbundens namn saknas därför'));
    else registry = read.value as Registry;
  }
  const mappings = readJsonFolder<MappingFile>(data, "mapping");
  const published = readJsonFolder<PublishedReport>(data, "published");
  const plans = readJsonFolder<PlanFile>(data, "plans");
  problems.push(...mappings.problems, ...published.problems, ...plans.problems);
  const chartOf = (forbund: string) =>
    (registry.forbund.find((f) => f.id === forbund) as {chart?: string} | undefined)?.chart ?? "bas";
  const mappingOf = (forbund: string) => combineMappings(mappings.values[forbund], mappings.values[chartOf(forbund)]);

  // Ledgers: each file once; its year from #RAR 0.
  const tableRows = new LedgerTableRows();
  const texts = new Set<string>();
  const listing = listInputs(data, "sie", LEDGER_FILES, true);
  problems.push(...listing.problems);
  const used = new Set<string>();
  const ledgers: LedgerFileInfo[] = [];
  const years: {forbund: string; year: number; balances: AccountBalance[]; movements: MonthlyMovement[]}[] = [];
  const partitions: IngestManifest["partitions"] = [];
  const sieBudgets: ReturnType<typeof budgetFromSie> = [];
  const seen = new Map<string, string>();
  for (const input of listing.files) {
    const {
      tables,
      texts: fileTexts,
      partition
    } = ledgerResults(input, options.hashes[`sie/${input.file}`] ?? "", {
      ...options,
      used
    });
    for (const t of fileTexts) texts.add(t);
    const forbund = forbundOfName(input.file);
    const fy = tables.fiscalYear;
    if (!fy) {
      // The reason first; the reader's own messages may quote a voucher, so the lsg site gets only the reason.
      const [reason, ...rest] = tables.diagnostics.map((d) => ({...d, file: `sie/${input.file}`}));
      problems.push(reason);
      (profile === "full" ? problems : printedOnly).push(...rest.filter((d) => d.severity !== "info"));
      continue;
    }
    const year = Number(fy.start.slice(0, 4));
    const diagnostics = [...tables.diagnostics];
    const named = /-(\d{4})\.\w+$/.exec(input.file)?.[1];
    if (named && Number(named) !== year) diagnostics.unshift(yearMismatch(input.file, Number(named), fy));
    const other = seen.get(`${forbund}|${year}`);
    if (other) {
      problems.push(
        fileError(`sie/${input.file}`, `${forbund} ${year} finns redan i ${other} (enligt #RAR 0); filen hoppas över`)
      );
      continue;
    }
    seen.set(`${forbund}|${year}`, input.file);
    const {program, companyName, counts} = tables;
    ledgers.push({file: input.file, forbund, year, program, companyName, counts, diagnostics});
    years.push({forbund, year, balances: tables.balances, movements: tables.movements});
    tableRows.add(forbund, year, tables);
    if (partition) partitions.push({forbund, year, file: input.file, ...partition});
    const budgetBalances = tables.budgetLedger.balances as Balance[];
    if (budgetBalances.length) {
      const ledger = {...tables.budgetLedger, accounts: [], dimensions: [], objects: [], vouchers: []};
      sieBudgets.push(...budgetFromSie(ledger, forbund, mappingOf(forbund)));
    }
  }
  for (const l of ledgers) problems.push(...l.diagnostics.filter((d) => d.severity !== "info"));

  // Budgets, checked against the förbund's projects and ledger years.
  const budgets = loadBudgetTables(
    data,
    (forbund) => ({
      projects: (mappings.values[forbund]?.projects ?? []).map((p) => p.code),
      ledgerYears: ledgers.filter((f) => f.forbund === forbund).map((f) => f.year)
    }),
    sieBudgets
  );
  problems.push(...budgets.problems);
  for (const b of budgets.files) problems.push(...b.diagnostics.filter((d) => d.severity !== "info"));

  // The consistency checks of the published reports, against the ledgers where both exist for a year.
  const reports = Object.values(published.values);
  let checks: unknown;
  const comparisons: FigureComparison[] = [];
  try {
    for (const y of years) {
      const mapping = mappingOf(y.forbund);
      const actuals = (rows: MonthlyMovement[]) => rows.map((r) => toUtfallRow(mapping, r)).filter((a) => a !== null);
      const previous = years.find((p) => p.forbund === y.forbund && p.year === y.year - 1);
      const budget = latestBudgetLines(budgets.records.filter((r) => r.forbund === y.forbund)).get(y.year) ?? null;
      const theirs = reports.filter((r) => r.forbund === y.forbund);
      const tables = {
        year: y.year,
        balances: y.balances,
        actuals: actuals(y.movements),
        previousActuals: previous ? actuals(previous.movements) : []
      };
      comparisons.push(...compareYearTables(tables, mapping, mappings.values[y.forbund], theirs, budget));
    }
    checks = {
      findings: [...checkReports(reports, {registry}), ...ledgerFindings(reports, comparisons, {registry})],
      documents: reports.map((r) => ({
        forbund: r.forbund,
        document: r.document,
        unit: r.unit,
        source: r.source,
        figures: r.figures.length
      })),
      forbund: registry.forbund.map((f) => ({id: f.id, name: f.shortName ?? f.name ?? f.id})),
      ruleNames,
      severityNames
    };
  } catch (e) {
    const problem = fileError("published/", `Granskningen kunde inte köras: ${(e as Error).message}`);
    problems.push(problem);
    checks = {findings: [], documents: [], forbund: [], ruleNames, severityNames, diagnostics: [problem]};
  }

  const planDiagnostics = existsSync(join(data, "plans"))
    ? plans.problems
    : [fileError("plans/", "Mappen plans/ saknas i datamappen; det finns inga flerårsplaner")];
  const forbundPlans = Object.entries(plans.values).flatMap(([id, file]) => {
    try {
      return [planToJson(readPlanFile(file))];
    } catch (e) {
      const problem = fileError(`plans/${id}.json`, `${(e as Error).message}; filen hoppas över`);
      problems.push(problem);
      planDiagnostics.push(problem);
      return [];
    }
  });
  const workspace = {
    profile,
    registry,
    mappings: mappings.values,
    published: published.values,
    ledgers: profile === "lsg" ? ledgers.map(withheldDiagnostics) : ledgers,
    budgets: budgets.files,
    problems: problems.filter(
      (d) => !ledgers.some((l) => l.file === d.file) && !budgets.files.some((b) => b.file === d.file)
    )
  };
  const write = (name: string, data: string | Uint8Array) => writeFileAtomic(join(tablesDir, name), data);
  write("account-balances.arrows", toArrowStream(tableRows.accountBalances));
  write("movements.arrows", toArrowStream(tableRows.movements));
  write(LEDGER_COMPARISONS_FILE, toJsonWithBigints(comparisons));
  // The leak guard's list (scripts/build.ts), beside tables/ rather than in it: no data loader hands it over.
  writeFileAtomic(join(dir, VOUCHER_TEXTS_FILE), JSON.stringify([...texts]));
  write("budgets.arrows", toArrowStream(budgets.budgets));
  write("workspace.json", JSON.stringify(workspace));
  write("checks.json", JSON.stringify(checks));
  write("plans.json", toJsonWithBigints({plans: forbundPlans, diagnostics: planDiagnostics}));
  // The SCB statistics: read again only when their files changed (loaders/ingest-scb.ts).
  const scb = ingestScb(data, tablesDir, options.hashes, options.code);
  write("scb.json", JSON.stringify(scbDescription(scb, registry)));

  // Cached results of files no longer in the folder (or of older code) are removed.
  const filesDir = join(dir, "files");
  if (existsSync(filesDir))
    for (const f of readdirSync(filesDir)) if (!used.has(join(filesDir, f))) rmSync(join(filesDir, f), {force: true});
  const manifest: IngestManifest = {
    key: options.key,
    data,
    dir,
    profile,
    partitions,
    rows: {
      "account-balances": tableRows.accountBalances.forbund.values.length,
      movements: tableRows.movements.forbund.values.length,
      budgets: budgets.budgets.forbund.values.length,
      ...scb.rows
    },
    problems: [...problems, ...printedOnly]
  };
  const temp = join(dir, `manifest.json.${process.pid}.tmp`);
  writeFileAtomic(temp, JSON.stringify(manifest));
  renameSync(temp, join(dir, "manifest.json"));
  return manifest;
}
