// Budget files: per förbund and year, per project (insats or budget line), optionally per month, with every
// revision the board decided kept with its date. JSON or CSV; amounts in display signs (kostnader negative).
import {toUtfallRow} from "../src/lib/drift.js";
import {DIM_PROJECT, type Diagnostic, type Ledger, type ReadCounts} from "../src/lib/ledger.js";
import type {Mapping} from "../src/lib/mapping.js";
import {parseSwedishAmount} from "../src/lib/number.js";
import {parseCsv} from "./csv.js";

/** One budget line of one revision, money in öre. */
export interface BudgetRecord {
  forbund: string;
  year: number;
  revision: string;
  /** The date the board decided the revision (YYYY-MM-DD). */
  date: string;
  label: string;
  project: string;
  /** 1–12, or 0 for an annual amount. */
  month: number;
  amount: bigint;
  line: number;
}

export interface BudgetResult {
  records: BudgetRecord[];
  diagnostics: Diagnostic[];
  counts: ReadCounts;
}

interface BudgetJson {
  forbund: string;
  year: number;
  unit?: "kr" | "tkr";
  source?: string;
  revisions: {
    id: string;
    date: string;
    label?: string;
    lines: {project: string; amount: string | number; month?: number}[];
  }[];
}

/** The largest amount a BIGINT öre column holds: 92 233 720 368 547 758,07 kr. */
export const MAX_ORE = 2n ** 63n - 1n;

/** Öre of an amount in kr or tkr; null when it is not a number, "range" when no BIGINT öre column holds it. */
function toOre(text: string, unit: "kr" | "tkr"): bigint | null | "range" {
  // More integer digits than an öre BIGINT can hold are refused before decimal.js would round them.
  if ((/\d[\d\s]*/.exec(text)?.[0].replace(/\s/g, "").length ?? 0) > 17) return "range";
  const ore = parseSwedishAmount(String(text));
  if (ore === null) return null;
  // parseSwedishAmount gives öre for kronor; a tkr figure is a thousand times that.
  const scaled = unit === "tkr" ? ore * 1000n : ore;
  return scaled > MAX_ORE || scaled < -MAX_ORE ? "range" : scaled;
}

/** The problem with an amount that toOre did not read, for a diagnostic. */
function amountProblem(text: unknown, result: null | "range"): string {
  return result === "range"
    ? `beloppet ${text} är för stort: en budgetrad rymmer högst 92 233 720 368 547 758,07 kr`
    : `beloppet "${text}" är inte ett tal`;
}

/** The 1-based line of the n-th occurrence of a key in a JSON text, for diagnostics. */
function lineOfNth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; ++i) if ((at = text.indexOf(needle, at + 1)) < 0) return 0;
  return text.slice(0, at).split("\n").length;
}

/** What a JSON value is, in Swedish, for a message about the wrong shape. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "en lista";
  return typeof value === "object" ? "ett objekt" : typeof value === "string" ? "en text" : `ett ${typeof value}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads a JSON budget file. Amounts written as JSON numbers are read from their digits, not through a double, so
 * a figure beyond 2^53 öre is read exactly (or refused, beyond what a BIGINT öre column holds). A file of the wrong
 * shape (revisions that are not a list, a line that is null) is reported by what is wrong, never thrown.
 */
export function readBudgetJson(bytes: Uint8Array, file: string): BudgetResult {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const diagnostics: Diagnostic[] = [];
  const nothing = (line: number, message: string): BudgetResult => ({
    records: [],
    diagnostics: [{file, line, severity: "error", message}],
    counts: {read: 0, kept: 0, rejected: 0}
  });
  let doc: unknown;
  try {
    // Amount literals become strings before parsing; the quotes add no line, so line numbers stay.
    doc = JSON.parse(text.replace(/("amount"\s*:\s*)(-?[\d.]+(?:[eE][+-]?\d+)?)(?=\s*[,}\]])/g, '$1"$2"'));
  } catch (e) {
    return nothing(0, `Ogiltig JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc))
    return nothing(1, `Budgetfilen ska vara ett JSON-objekt men är ${kindOf(doc)}; inget har lästs in`);
  const budget = doc as Partial<BudgetJson>;
  if (!Array.isArray(budget.revisions))
    return nothing(
      lineOfNth(text, '"revisions"', 0) || 1,
      `"revisions" ska vara en lista av revisioner men är ${kindOf(budget.revisions)}; inget har lästs in`
    );
  if (!Number.isInteger(budget.year))
    return nothing(
      lineOfNth(text, '"year"', 0) || 1,
      `"year" ska vara ett år men är ${JSON.stringify(budget.year)}; inget har lästs in`
    );
  const unit = budget.unit === "tkr" ? "tkr" : "kr";
  const records: BudgetRecord[] = [];
  let read = 0;
  let n = 0;
  for (const [r, rev] of budget.revisions.entries()) {
    const revLine = lineOfNth(text, '"lines"', r);
    if (!isObject(rev) || !Array.isArray(rev.lines)) {
      const what = isObject(rev) ? `dess "lines" är ${kindOf(rev.lines)}` : `den är ${kindOf(rev)}`;
      diagnostics.push({file, line: revLine, severity: "error", message: `Revision ${r + 1} hoppas över: ${what}`});
      continue;
    }
    for (const [i, l] of (rev.lines as unknown[]).entries()) {
      ++read;
      if (!isObject(l)) {
        const message = `Rad ${i + 1} i revision ${String(rev.id ?? r + 1)} är ${kindOf(l)}, inte en budgetrad`;
        diagnostics.push({file, line: revLine, severity: "error", message});
        continue;
      }
      const line = lineOfNth(text, '"project"', n++);
      const amount = toOre(String(l.amount), unit);
      if (amount === null || amount === "range") {
        const message =
          amount === null
            ? `Beloppet "${l.amount}" för projekt ${l.project} är inte ett tal`
            : `Beloppet ${l.amount} för projekt ${l.project} är för stort: en budgetrad rymmer högst 92 233 720 368 547 758,07 kr`;
        diagnostics.push({file, line, severity: "error", message});
        continue;
      }
      records.push({
        forbund: String(budget.forbund),
        year: budget.year!,
        revision: String(rev.id),
        date: String(rev.date),
        label: String(rev.label ?? rev.id),
        project: String(l.project),
        month: Number(l.month ?? 0),
        amount,
        line
      });
    }
  }
  return {records, diagnostics, counts: {read, kept: records.length, rejected: read - records.length}};
}

const columns = {
  forbund: /^(förbund|forbund)$/i,
  year: /^(år|ar|year)$/i,
  revision: /^(revision|version)$/i,
  date: /^(datum|beslutsdatum|date)$/i,
  project: /^(projekt|insats|project|id)$/i,
  amount: /^(belopp|budget|amount)$/i,
  month: /^(månad|manad|month)$/i,
  label: /^(benämning|text|label)$/i
};

/** Reads a CSV budget file (columns år, revision, datum, projekt, belopp in kr; optional förbund, månad, benämning). */
export function readBudgetCsv(bytes: Uint8Array, file: string, defaults: {forbund: string}): BudgetResult {
  const table = parseCsv(bytes);
  const index = Object.fromEntries(
    Object.entries(columns).map(([k, re]) => [k, table.header.findIndex((h) => re.test(h.trim()))])
  ) as Record<keyof typeof columns, number>;
  const missing = (["year", "revision", "date", "project", "amount"] as const).filter((k) => index[k] < 0);
  if (missing.length) {
    const names = {year: "år", revision: "revision", date: "datum", project: "projekt", amount: "belopp"};
    return {
      records: [],
      diagnostics: [
        {
          file,
          line: 1,
          severity: "error",
          message: `Kolumn saknas: ${missing.map((k) => names[k]).join(", ")}; inget har lästs in`
        }
      ],
      counts: {read: table.rows.length, kept: 0, rejected: table.rows.length}
    };
  }
  const records: BudgetRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const {line, fields} of table.rows) {
    const get = (k: keyof typeof columns) => (index[k] >= 0 ? (fields[index[k]] ?? "").trim() : "");
    const amount = toOre(get("amount"), "kr");
    const amountBad = amount === null || amount === "range";
    const year = Number(get("year"));
    const month = get("month") ? Number(get("month")) : 0;
    const problems = [
      amountBad ? amountProblem(get("amount"), amount) : "",
      !/^\d{4}$/.test(get("year")) ? `året "${get("year")}" är inte ett år` : "",
      !/^\d{4}-\d{2}-\d{2}$/.test(get("date")) ? `datumet "${get("date")}" är inte ÅÅÅÅ-MM-DD` : "",
      !Number.isInteger(month) || month < 0 || month > 12 ? `månaden "${get("month")}" är inte 1–12` : "",
      !get("project") ? "projekt saknas" : ""
    ].filter(Boolean);
    if (problems.length) {
      diagnostics.push({file, line, severity: "error", message: `Rad ${line}: ${problems.join("; ")}`});
      continue;
    }
    records.push({
      forbund: get("forbund") || defaults.forbund,
      year,
      revision: get("revision"),
      date: get("date"),
      label: get("label") || get("revision"),
      project: get("project"),
      month,
      amount: amount as bigint,
      line
    });
  }
  return {
    records,
    diagnostics,
    counts: {read: table.rows.length, kept: records.length, rejected: table.rows.length - records.length}
  };
}

/** Checks budget records against the förbund's projects and ledger years: unknown projects, duplicate lines, years without a ledger. */
export function validateBudget(
  records: BudgetRecord[],
  file: string,
  context: {projects: string[]; ledgerYears: number[]}
): {records: BudgetRecord[]; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const kept: BudgetRecord[] = [];
  const reportedYears = new Set<number>();
  for (const r of records) {
    const key = `${r.year}|${r.revision}|${r.project}|${r.month}`;
    if (!context.projects.includes(r.project)) {
      diagnostics.push({
        file,
        line: r.line,
        severity: "error",
        message: `Okänt projekt ${r.project} i budget ${r.year} (${r.revision}); lägg till det i förbundets projektlista`
      });
      continue;
    }
    if (seen.has(key)) {
      diagnostics.push({
        file,
        line: r.line,
        severity: "error",
        message: `Dubblerad budgetrad: projekt ${r.project}${r.month ? ` månad ${r.month}` : ""} finns redan på rad ${seen.get(key)} i revision ${r.revision}`
      });
      continue;
    }
    if (!context.ledgerYears.includes(r.year) && !reportedYears.has(r.year)) {
      reportedYears.add(r.year);
      diagnostics.push({
        file,
        line: r.line,
        severity: "warning",
        message: `Budgetåret ${r.year} har ingen huvudbok; utfall kan inte jämföras`
      });
    }
    seen.set(key, r.line);
    kept.push(r);
  }
  return {records: kept, diagnostics};
}

/** The revisions of a year, oldest first by decision date. */
export function revisionsOf(records: BudgetRecord[], year: number): {revision: string; date: string; label: string}[] {
  const m = new Map<string, {revision: string; date: string; label: string}>();
  for (const r of records) if (r.year === year) m.set(r.revision, {revision: r.revision, date: r.date, label: r.label});
  return [...m.values()].sort((a, b) => a.date.localeCompare(b.date) || a.revision.localeCompare(b.revision));
}

/** Budget records from a ledger's #PBUDGET period budgets: per project (dimension 6) where the row names one,
 * else per the account's cost category, in display signs (kostnader negative). */
export function budgetFromSie(ledger: Ledger, forbund: string, mapping: Mapping): BudgetRecord[] {
  const records = new Map<string, BudgetRecord>();
  for (const b of ledger.balances) {
    if (b.kind !== "pbudget" || !b.period) continue;
    const fy = ledger.fiscalYears.find((y) => y.yearIndex === b.yearIndex);
    const actual = toUtfallRow(mapping, {
      project: b.object?.dim === DIM_PROJECT ? b.object.code : null,
      account: b.account,
      month: 0,
      amount: b.amount
    });
    if (!fy || !actual) continue;
    const project = actual.project ?? `kategori:${actual.category ?? "ovrigt"}`;
    const month = Number(b.period.slice(4, 6));
    const key = `${fy.start}|${project}|${month}`;
    const record = records.get(key) ?? {
      forbund,
      year: Number(fy.start.slice(0, 4)),
      revision: `SIE ${ledger.file}`,
      date: ledger.generated ?? fy.start,
      label: "Periodbudget i SIE-filen (#PBUDGET)",
      project,
      month,
      amount: 0n,
      line: b.line
    };
    // SIE budgets are in SIE signs (costs debit, positive); the drift shows costs negative.
    record.amount -= b.amount;
    records.set(key, record);
  }
  return [...records.values()];
}
