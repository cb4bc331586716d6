// npm run fetch:scb -- --kommuner 2080,2081 [--from 2014M01] [--to 2025M12] [--tables hae,arbetsmarknadsstatus,arbetsmarknadsstatus-inkomst]
//   [--refresh] [--cache data/scb/cache] [--out data/scb/fetched] [--id hae-alder=TAB…] [--base-url URL]
// Fetches HÅE and arbetsmarknadsstatus tables from SCB's PxWeb API v2 into the on-disk cache and writes one tidy CSV per table.
// Everything is fetched before anything is written, so a run that loses the network leaves the CSVs as they were.
import {mkdirSync} from "node:fs";
import {relative} from "node:path";
import {pathToFileURL} from "node:url";
import {writeFileAtomic} from "../loaders/files.js";
import {dataDir} from "../loaders/paths.js";
import {
  createScbClient,
  isOfflineError,
  ScbHttpError,
  type ScbClient,
  type ScbDataPart
} from "../loaders/scb/client.js";
import {
  ContentCodeError,
  metadataVariables,
  normalizeLabel,
  resolveContentCodes,
  type MetadataVariable,
  type ResolvedCodes
} from "../loaders/scb/content-codes.js";
import {SCB_TABLE_KEYS, SCB_TABLES, type ScbTableKey, type ScbTableSpec} from "../loaders/scb/fetch-specs.js";
import {toObservations} from "../loaders/scb/tidy.js";
import type {StatCube} from "../loaders/scb/types.js";

/** Parsed command line of fetch:scb. */
export interface FetchScbArgs {
  kommuner: string[];
  from?: string;
  to?: string;
  tables?: ScbTableKey[];
  refresh: boolean;
  cacheDir: string;
  outDir: string;
  ids: Partial<Record<ScbTableKey, string>>;
  baseUrl?: string;
}

/** What main needs from the outside world; tests inject a fake fetch, clock and output. */
export interface FetchScbDeps {
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  error?: (line: string) => void;
  /** The json-stat2 reader; loaded from loaders/scb/jsonstat.ts when not given. */
  readJsonStat?: (bytes: Uint8Array, file: string) => {cube: StatCube | null};
}

const USAGE =
  "Användning: npm run fetch:scb -- --kommuner 2080,2081 [--from 2014M01] [--to 2025M12] " +
  `[--tables ${SCB_TABLE_KEYS.join(",")}] [--refresh] [--cache DIR] [--out DIR] [--id tabell=TAB…]`;

class UsageError extends Error {}

/** Parses the command line; throws a UsageError with a Swedish message on bad input. */
export function parseArgs(argv: string[]): FetchScbArgs {
  const args: FetchScbArgs = {
    kommuner: [],
    refresh: false,
    cacheDir: dataDir("scb", "cache"),
    outDir: dataDir("scb", "fetched"),
    ids: {}
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} behöver ett värde`);
      return v;
    };
    const month = (v: string) => {
      if (!/^\d{4}M(0[1-9]|1[0-2])$/.test(v))
        throw new UsageError(`${flag} ska vara en månad som 2014M01, inte "${v}"`);
      return v;
    };
    switch (flag) {
      case "--kommuner":
        args.kommuner = value()
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean);
        for (const k of args.kommuner)
          if (!/^\d{4}$/.test(k)) throw new UsageError(`"${k}" är ingen kommunkod (4 siffror)`);
        break;
      case "--from":
        args.from = month(value());
        break;
      case "--to":
        args.to = month(value());
        break;
      case "--tables":
        args.tables = value()
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean) as ScbTableKey[];
        for (const t of args.tables) if (!SCB_TABLES[t]) throw new UsageError(`okänd tabell "${t}"`);
        break;
      case "--refresh":
        args.refresh = true;
        break;
      case "--cache":
        args.cacheDir = value();
        break;
      case "--out":
        args.outDir = value();
        break;
      case "--base-url":
        args.baseUrl = value();
        break;
      case "--id": {
        const [key, id] = value().split("=", 2);
        if (!SCB_TABLES[key as ScbTableKey] || !id)
          throw new UsageError(`--id ska vara tabell=TAB…, t.ex. hae-alder=TAB1234`);
        args.ids[key as ScbTableKey] = id;
        break;
      }
      default:
        throw new UsageError(`okänt argument "${argv[i]}"`);
    }
  }
  if (args.kommuner.length === 0) throw new UsageError("--kommuner saknas");
  if (args.from && args.to && args.from > args.to)
    throw new UsageError(`--from ${args.from} ligger efter --to ${args.to}`);
  return args;
}

/** A table ready to fetch: its spec, id, the resolved codes and the selection in metadata order. */
interface PlannedTable {
  spec: ScbTableSpec;
  id: string;
  variables: MetadataVariable[];
  category: ResolvedCodes;
  selection: Record<string, string[]>;
  /** Variable code → the tidy column it feeds. */
  columns: Record<string, "kommun" | "month" | "category" | "sex" | "age">;
}

class PlanError extends Error {}

/** Resolves one table's selection from its metadata: kommuner, months, category codes and fixed variables. */
export function planTable(
  spec: ScbTableSpec,
  id: string,
  metadata: unknown,
  args: Pick<FetchScbArgs, "kommuner" | "from" | "to">
): PlannedTable {
  const variables = metadataVariables(metadata);
  const selection: Record<string, string[]> = {};
  const columns: PlannedTable["columns"] = {};
  const where = `${spec.key} (${id})`;

  const region = variables.find((v) => v.code === "Region");
  if (!region) throw new PlanError(`${where}: tabellen saknar variabeln Region`);
  const known = new Set(region.values.map((v) => v.code));
  const unknown = args.kommuner.filter((k) => !known.has(k));
  if (unknown.length > 0) throw new PlanError(`${where}: kommunkoderna ${unknown.join(", ")} finns inte i tabellen`);
  selection.Region = args.kommuner;
  columns.Region = "kommun";

  const time = variables.find((v) => v.time);
  if (!time) throw new PlanError(`${where}: tabellen saknar tidsvariabel`);
  const months = time.values
    .map((v) => v.code)
    .filter((c) => (!args.from || c >= args.from) && (!args.to || c <= args.to));
  if (months.length === 0) {
    const range = `${time.values[0]?.code ?? "?"}–${time.values.at(-1)?.code ?? "?"}`;
    throw new PlanError(
      `${where}: inga månader mellan ${args.from ?? "början"} och ${args.to ?? "slutet"} (tabellen har ${range})`
    );
  }
  selection[time.code] = months;
  columns[time.code] = "month";

  const category = resolveContentCodes(metadata, spec.category.patterns, spec.category.variable);
  selection[category.variable] = spec.category.patterns.map((p) => category.codes[p.id]).filter(Boolean);
  columns[category.variable] = "category";
  if (spec.contents) {
    const contents = resolveContentCodes(metadata, spec.contents, "ContentsCode");
    selection.ContentsCode = spec.contents.map((p) => contents.codes[p.id]).filter(Boolean);
  }

  for (const choice of spec.variables) {
    const variable = variables.find((v) => choice.code.test(v.code));
    if (!variable) {
      if (choice.optional) continue;
      throw new PlanError(
        `${where}: ingen variabel passar ${choice.code} (finns: ${variables.map((v) => v.code).join(", ")})`
      );
    }
    if (choice.values === "all") {
      selection[variable.code] = variable.values.map((v) => v.code);
    } else {
      selection[variable.code] = choice.values.map((pattern) => {
        const hits = variable.values.filter((v) => pattern.test(normalizeLabel(v.label)));
        if (hits.length !== 1) {
          const labels = variable.values.map((v) => `"${v.label}"`).join(", ");
          throw new PlanError(
            `${where}: ${pattern} passar ${hits.length} värden i ${variable.code} (finns: ${labels})`
          );
        }
        return hits[0].code;
      });
    }
    if (choice.column) columns[variable.code] = choice.column;
  }

  // A variable we did not choose may be left out only if SCB can eliminate it (sum or total); otherwise the API
  // would reject the query, so say which one instead.
  const rest = variables.filter((v) => !selection[v.code]);
  const required = rest.filter((v) => !v.elimination);
  if (required.length > 0) {
    throw new PlanError(
      `${where}: variablerna ${required.map((v) => v.code).join(", ")} måste väljas men saknas i tables.ts`
    );
  }

  const ordered: Record<string, string[]> = {};
  for (const v of variables) if (selection[v.code]) ordered[v.code] = selection[v.code];
  return {spec, id, variables, category, selection: ordered, columns};
}

/** Our names for SCB's sex labels. */
function sexName(label: string): string {
  const l = normalizeLabel(label);
  if (l === "män") return "man";
  if (l === "kvinnor") return "kvinna";
  if (l.includes("totalt") || l.includes("samtliga")) return "totalt";
  return label;
}

/** "20–64 år" → "20-64". */
function ageName(label: string): string {
  return normalizeLabel(label).replace(/ år$/, "");
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The tidy CSV of a fetched table: kommun, month (YYYY-MM), type/status/income, sex, age, value. */
export function tidyCsv(
  plan: PlannedTable,
  parts: ScbDataPart[],
  readJsonStat: NonNullable<FetchScbDeps["readJsonStat"]>
): {csv: string; rows: number} {
  const order = new Map(plan.spec.category.patterns.map((p, i) => [p.id, i]));
  const rows: {key: (string | number)[]; fields: string[]}[] = [];
  for (const part of parts) {
    const result = readJsonStat(new TextEncoder().encode(part.text), part.entry.url);
    if (!result.cube)
      throw new PlanError(`${plan.spec.key}: svaret från ${part.entry.url} gick inte att läsa som json-stat2`);
    const cube = result.cube;
    const labels = new Map(cube.variables.map((v) => [v.code, new Map(v.values.map((x) => [x.code, x.label]))]));
    for (const obs of toObservations(cube)) {
      const out = {kommun: "", month: "", category: "", sex: "", age: ""};
      let sexAt = 0;
      let ageAt = 0;
      for (const [code, valueCode] of Object.entries(obs.keys)) {
        const column = plan.columns[code];
        // Sex and age sort in SCB's published order (män before kvinnor), not alphabetically.
        if (column === "sex") sexAt = plan.selection[code]?.indexOf(valueCode) ?? 0;
        if (column === "age") ageAt = plan.selection[code]?.indexOf(valueCode) ?? 0;
        const label = labels.get(code)?.get(valueCode) ?? valueCode;
        if (column === "kommun") out.kommun = valueCode;
        else if (column === "month") out.month = valueCode.replace(/^(\d{4})M(\d{2})$/, "$1-$2");
        else if (column === "category") out.category = plan.category.ids[valueCode] ?? "";
        else if (column === "sex") out.sex = sexName(label);
        else if (column === "age") out.age = ageName(label);
      }
      if (!out.category) continue;
      // Missing cells keep SCB's symbol (".." etc.), never a made-up 0.
      const value = typeof obs.value === "number" ? String(obs.value) : obs.value.symbol;
      rows.push({
        key: [out.kommun, out.month, order.get(out.category) ?? 99, sexAt, ageAt],
        fields: [out.kommun, out.month, out.category, out.sex, out.age, value]
      });
    }
  }
  rows.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i] ? -1 : 1;
    return 0;
  });
  const header = ["kommun", "month", plan.spec.category.column, "sex", "age", "value"];
  const lines = [header, ...rows.map((r) => r.fields)].map((f) => f.map(csvField).join(","));
  return {csv: lines.join("\n") + "\n", rows: rows.length};
}

const fmt = (n: number) => n.toLocaleString("sv-SE");

/** Runs fetch:scb and returns the exit code: 0 done, 1 bad input or SCB error, 2 no network. */
export async function main(argv: string[], deps: FetchScbDeps = {}): Promise<number> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const error = deps.error ?? ((line: string) => console.error(line));
  let args: FetchScbArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    error(`fetch:scb: ${err.message}\n${USAGE}`);
    return 1;
  }

  const keys = args.tables ?? SCB_TABLE_KEYS;
  const tables: {spec: ScbTableSpec; id: string}[] = [];
  for (const key of keys) {
    const spec = SCB_TABLES[key];
    const id = args.ids[key] ?? spec.id;
    if (id) tables.push({spec, id});
    else if (args.tables) {
      error(`fetch:scb: tabell-id för ${key} är inte bekräftat; ange det med --id ${key}=TAB…`);
      return 1;
    } else log(`Hoppar över ${key}: tabell-id är inte bekräftat (ange --id ${key}=TAB…).`);
  }

  const client: ScbClient = createScbClient({
    baseUrl: args.baseUrl,
    fetch: deps.fetch,
    now: deps.now,
    sleep: deps.sleep,
    cacheDir: args.cacheDir
  });
  const shown = (path: string) => relative(process.cwd(), path) || ".";
  const host = new URL(client.baseUrl).host;

  const fetched: {plan: PlannedTable; parts: ScbDataPart[]}[] = [];
  let step = "";
  try {
    for (const {spec, id} of tables) {
      step = `metadata för ${id}`;
      const meta = await client.metadata(id, {refresh: args.refresh});
      const plan = planTable(spec, id, JSON.parse(meta.text), args);
      step = `data för ${id}`;
      const parts = await client.data(id, plan.selection, {refresh: args.refresh});
      fetched.push({plan, parts});
    }
  } catch (err) {
    if (isOfflineError(err)) {
      const changed =
        client.cacheWrites === 0
          ? "inget har ändrats"
          : `${client.cacheWrites} nya svar sparades i cachen, men inga CSV-filer skrevs`;
      error(
        `Ingen kontakt med SCB (${host}): nätverket nås inte från den här datorn. ` +
          `Befintlig cache i ${shown(args.cacheDir)} används; ${changed}.`
      );
      error(
        `(Det som saknades i cachen: ${step}. Kör igen med nätverk${args.refresh ? ", eller utan --refresh" : ""}.)`
      );
      return 2;
    }
    if (err instanceof ScbHttpError || err instanceof ContentCodeError || err instanceof PlanError) {
      error(`fetch:scb: ${err.message}`);
      error("Inga CSV-filer skrevs.");
      return 1;
    }
    throw err;
  }

  // Loaded here rather than at the top so that fetching, and the offline path, do not depend on the parser.
  const readJsonStat = deps.readJsonStat ?? (await import("../loaders/scb/jsonstat.js")).readJsonStat;
  const outputs: {file: string; csv: string; line: string}[] = [];
  try {
    for (const {plan, parts} of fetched) {
      const {csv, rows} = tidyCsv(plan, parts, readJsonStat);
      const file = `${args.outDir}/${plan.spec.key}.csv`;
      const cells = Object.values(plan.selection).reduce((n, v) => n * v.length, 1);
      const cached = parts.filter((p) => p.fromCache).length;
      const dims = Object.entries(plan.selection)
        .map(([code, values]) => `${values.length} ${code}`)
        .join(" × ");
      outputs.push({
        file,
        csv,
        line:
          `${plan.spec.key} (${plan.id}, ${plan.spec.pxName}): ${dims} = ${fmt(cells)} celler i ${parts.length} anrop ` +
          `(${cached} ur cachen) → ${shown(file)}, ${fmt(rows)} rader`
      });
    }
  } catch (err) {
    if (!(err instanceof PlanError)) throw err;
    error(`fetch:scb: ${err.message}`);
    error("Inga CSV-filer skrevs.");
    return 1;
  }
  mkdirSync(args.outDir, {recursive: true});
  for (const o of outputs) {
    writeFileAtomic(o.file, o.csv);
    log(o.line);
  }
  log(
    `Klart: ${client.requestCount} anrop till ${host}, ${client.cacheWrites} nya svar i ${shown(args.cacheDir)}, ` +
      `${outputs.length} CSV-filer i ${shown(args.outDir)}.`
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
