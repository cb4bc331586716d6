// How a page says that its data is missing, broken or doubtful: in Swedish, next to the figures it concerns, with
// what to do about it. Framework would otherwise show a red stack trace, or a page that stops half-way with the
// cause only in the console, and the reader of a board report cannot act on either.
import type {Diagnostic, ReadCounts} from "../lib/ledger.js";
import {h} from "./dom.js";

/** Where each kind of data comes from and how to get it back, by the names that appear in files and messages. */
const SOURCES: {match: RegExp; fix: string}[] = [
  {
    match: /account-balances|movements|vouchers|huvudb|\.se\b|\bsie\b/i,
    fix: "Kontrollera att filen finns i data/sie"
  },
  {match: /budget/i, fix: "Kontrollera budgetfilerna i data/budgets"},
  {
    match: /hae|arbetsmarknadsstatus\.arrows|population|scb|helårs|befolkning|arbetsmarknad/i,
    fix: "Hämta statistiken med npm run fetch:scb (eller skapa demodata med npm run scb-demo)"
  },
  {match: /plans|plan/i, fix: "Lägg förbundets flerårsplan i data/plans"},
  {match: /workspace|forbund|mapping/i, fix: "Kontrollera data/forbund.json och data/mapping"}
];

const REBUILD = "och bygg om med npm run build.";

/** The advice for a subject: which folder to check, then rebuild. */
function adviceFor(text: string): string {
  const source = SOURCES.find((s) => s.match.test(text));
  return `${source?.fix ?? "Kontrollera datamappen"} ${REBUILD}`;
}

/** The message of anything thrown, without the "Error: " prefix a reader has no use for. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error:\s*/, "").replace(/[.\s]+$/, "");
}

/**
 * A Swedish alert for data that could not be read: what (e.g. "huvudböckerna (data/account-balances.arrows)"), why,
 * and what to do, e.g. "Kunde inte läsa huvudböckerna (data/account-balances.arrows): … Kontrollera att filen finns i
 * data/sie och bygg om med npm run build."
 */
export function dataProblem(error: unknown, what: string): HTMLElement {
  const why = messageOf(error);
  return h(
    "div",
    {class: "fa-error", role: "alert", "data-problem": what},
    h("strong", {}, `Kunde inte läsa ${what}: `),
    `${why}. ${adviceFor(`${what} ${why}`)}`
  );
}

/**
 * A Swedish notice for data that is simply not there (no SCB statistics, no plans): the page says so and what to
 * add, rather than drawing empty charts or failing on the first missing value.
 */
export function dataMissing(what: string, detail = ""): HTMLElement {
  return h(
    "div",
    {class: "fa-error", role: "alert", "data-missing": what},
    h("strong", {}, `Data saknas: ${what}. `),
    detail ? `${detail} ` : "",
    adviceFor(what)
  );
}

/** Puts a notice at the top of the page, once per subject, since the cell that failed may have no place of its own. */
function showAtTop(notice: HTMLElement): void {
  const main = document.querySelector("main") ?? document.body;
  const key = notice.getAttribute("data-problem") ?? notice.getAttribute("data-missing");
  if (
    [...main.querySelectorAll("[data-problem], [data-missing]")].some(
      (n) => (n.getAttribute("data-problem") ?? n.getAttribute("data-missing")) === key
    )
  )
    return;
  const after = main.querySelector(".fa-lead") ?? main.querySelector("h1");
  if (after) after.after(notice);
  else main.prepend(notice);
}

/** A promise that never settles: the cells that depend on it wait quietly instead of each showing an error. */
const never = <T>() => new Promise<T>(() => {});

/**
 * Runs a load or query and, if it fails, shows dataProblem at the top of the page and stops the cells that need
 * its result, so the reader sees one Swedish explanation instead of Framework's red error in every cell.
 */
export function guard<T>(promise: Promise<T>, what: string): Promise<T> {
  return promise.catch((error) => {
    console.warn(`Kunde inte läsa ${what}:`, error);
    showAtTop(dataProblem(error, what));
    return never<T>();
  });
}

/** Shows dataMissing at the top of the page and stops the cells that need the data; await it. */
export function stopMissing(what: string, detail = ""): Promise<never> {
  showAtTop(dataMissing(what, detail));
  return never();
}

/** Which diagnostics to list: those of a file (or files), optionally only those that name an account. */
export interface DiagnosticsWhere {
  file: string | string[];
  account?: string;
  /** What the file holds, for the heading; "huvudboken" by default. */
  kind?: string;
}

/**
 * The errors and warnings of some files, listed with file:line and message beside the table they affect; null
 * when there are none, so a clean ledger adds nothing to the page.
 */
export function diagnosticsNear(
  diagnostics: Diagnostic[],
  {file, account, kind = "huvudboken"}: DiagnosticsWhere
): HTMLElement | null {
  const files = Array.isArray(file) ? file : [file];
  const mentions = account ? new RegExp(`(^|\\D)${account}(\\D|$)`) : undefined;
  const shown = diagnostics.filter(
    (d) => d.severity !== "info" && files.includes(d.file) && (!mentions || mentions.test(d.message))
  );
  if (!shown.length) return null;
  const errors = shown.filter((d) => d.severity === "error").length;
  const heading = errors
    ? `${errors === 1 ? "Ett fel" : `${errors} fel`} i ${kind} påverkar siffrorna nedan`
    : `Anmärkningar på ${kind} som rör siffrorna nedan`;
  return h(
    "div",
    {class: errors ? "fa-error" : "fa-note", role: errors ? "alert" : null, "data-diagnostics": files.join(" ")},
    h("strong", {}, `${heading}${account ? ` (konto ${account})` : ""}:`),
    h(
      "ul",
      {},
      shown.map((d) =>
        h(
          "li",
          {class: d.severity, "data-file": d.file, "data-line": d.line},
          h("code", {}, `${d.file}:${d.line}`),
          `: ${d.severity === "warning" ? "varning: " : ""}${d.message}`
        )
      )
    )
  );
}

/** A ledger file as the workspace describes it, enough to tell how the statements are affected. */
export interface LedgerFileStatus {
  file: string;
  year: number;
  counts: {vouchers: ReadCounts};
  diagnostics: Diagnostic[];
  diagnosticCounts?: {error: number};
}

/** Why a statement's figures cannot be trusted as shown, and which of its lines to mark. */
export interface Impact {
  reasons: string[];
  lines: string[];
  /** Whether a ledger file has errors, rather than only accounts without mapping. */
  ledgerErrors: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How errors in the ledgers behind a statement affect it: rejected vouchers are missing from every figure of their
 * year, and an account without mapping is missing from the totals it would have gone into.
 */
export function ledgerImpact(files: LedgerFileStatus[], unmapped: {account: string}[] = []): Impact {
  const reasons: string[] = [];
  const lines = new Set<string>();
  for (const f of files) {
    const errors = f.diagnosticCounts?.error ?? f.diagnostics.filter((d) => d.severity === "error").length;
    if (!errors) continue;
    const rejected = f.counts.vouchers.rejected;
    reasons.push(
      `${f.year}: ${rejected ? `${plural(rejected, "avvisad verifikation", "avvisade verifikationer")} saknas i siffrorna` : plural(errors, "fel", "fel")} (${f.file})`
    );
  }
  if (unmapped.length) {
    reasons.push(
      `${plural(unmapped.length, "konto", "konton")} utan mappning ingår inte (${unmapped.map((a) => a.account).join(", ")})`
    );
    // The totals an unmapped account would have gone into: its side of the balance sheet, or the year's result.
    for (const {account} of unmapped) {
      if (account.startsWith("1")) lines.add("br.summa_tillgangar");
      else if (account.startsWith("2")) lines.add("br.summa_ek_skulder");
      else ["rr.arets_resultat", "br.arets_resultat", "kfa.arets_resultat"].forEach((l) => lines.add(l));
    }
  }
  return {reasons, lines: [...lines], ledgerErrors: reasons.length > (unmapped.length ? 1 : 0)};
}

/**
 * Marks a statement table whose figures are affected: a badge on its caption ("⚠ Påverkas av fel i huvudboken")
 * with the reasons, and a mark on each affected line. The table is returned as it was when nothing is wrong.
 */
export function markAffected(table: HTMLElement, {reasons, lines, ledgerErrors}: Impact): HTMLElement {
  if (!reasons.length) return table;
  table.setAttribute("data-affected", "");
  table
    .querySelector("caption")
    ?.append(
      " ",
      h(
        "span",
        {class: "fa-diff", "data-badge": "affected"},
        `⚠ ${ledgerErrors ? "Påverkas av fel i huvudboken" : "Påverkas av konton utan mappning"}: ${reasons.join("; ")}`
      )
    );
  for (const id of lines) {
    const row = table.querySelector(`tr[data-line="${id}"]`);
    row?.setAttribute("data-affected", "");
    row?.querySelector("th")?.append(
      " ",
      h(
        "span",
        {
          class: "fa-diff",
          // An image role, since a plain span may not carry a label for screen readers.
          role: "img",
          title: "Påverkas av konton utan mappning",
          "aria-label": "Påverkas av konton utan mappning"
        },
        "⚠"
      )
    );
  }
  return table;
}

/** What the workspace (data/workspace.json) says about its input files, enough to list their problems. */
export interface WorkspaceStatus {
  /** Files that could not be used at all, and problems of the data folder as a whole. */
  problems?: Diagnostic[];
  ledgers?: {file: string; diagnostics: Diagnostic[]}[];
  budgets?: {file: string; diagnostics: Diagnostic[]}[];
}

/** "file:line" for a diagnostic, or the file alone when the problem concerns the whole file (line 0). */
const placeOf = (d: Diagnostic) => (d.line ? `${d.file}:${d.line}` : d.file);

/**
 * The problems of the data folder's input files, as a list with file, line and message; null when there are none.
 * Without `folder` (the start page, Översikt) it lists every file that could not be used and counts the errors of
 * the files that were read, with the page that shows them; with `folder` ("sie" on Räkenskaper, "budgets" on
 * Driftsredovisning) only the files of that folder that could not be used, since the page lists the rest itself.
 */
export function inputProblems(
  workspace: WorkspaceStatus,
  {folder}: {folder?: "sie" | "budgets"} = {}
): HTMLElement | null {
  const problems = (workspace.problems ?? []).filter(
    (d) => d.severity !== "info" && (!folder || d.file.startsWith(`${folder}/`))
  );
  const pageOf = {ledgers: "Räkenskaper", budgets: "Driftsredovisning"} as const;
  const read = folder
    ? []
    : (["ledgers", "budgets"] as const).flatMap((kind) =>
        (workspace[kind] ?? []).flatMap((f) => {
          const errors = f.diagnostics.filter((d) => d.severity === "error").length;
          return errors ? [{file: f.file, errors, page: pageOf[kind]}] : [];
        })
      );
  if (!problems.length && !read.length) return null;
  const errors = problems.filter((d) => d.severity === "error").length + read.length;
  const files = new Set([...problems.map((d) => d.file), ...read.map((r) => r.file)]).size;
  return h(
    "div",
    {class: errors ? "fa-error" : "fa-note", role: errors ? "alert" : null, "data-input-problems": folder ?? "alla"},
    h(
      "strong",
      {},
      `${files === 1 ? "En fil" : `${files} filer`} i datamappen${folder ? ` (${folder}/)` : ""} har problem` +
        `${problems.some((d) => /hoppas över|ingår inte/.test(d.message)) ? "; det som inte kunde läsas ingår inte i siffrorna" : ""}:`
    ),
    h(
      "ul",
      {},
      problems.map((d) =>
        h(
          "li",
          {class: d.severity, "data-file": d.file, "data-line": d.line},
          h("code", {}, placeOf(d)),
          `: ${d.severity === "warning" ? "varning: " : ""}${d.message}`
        )
      ),
      read.map((r) =>
        h(
          "li",
          {class: "error", "data-file": r.file},
          h("code", {}, r.file),
          `: ${r.errors === 1 ? "ett fel" : `${r.errors} fel`}, se sidan ${r.page}`
        )
      )
    ),
    REBUILD_HINT
  );
}

const REBUILD_HINT = "Rätta eller ta bort filerna och bygg om med npm run build.";
