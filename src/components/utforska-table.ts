// A query result as a table that pages: only the rows on screen are read (LIMIT/OFFSET on the result), so a
// million-row result shows its count and 50 rows, with a Swedish pager. Numbers are shown exactly and the Swedish
// way: DECIMAL and HUGEINT from their text, groups of three with a no-break space, decimal comma, minus sign "−".
import {h} from "./dom.js";
import type {ColumnKind, ResultColumn, ResultSource} from "./utforska-db.js";

const NBSP = "\u00a0";

/** The kind of a DuckDB type, and the expression that reads a column of it exactly. */
export function columnOf(name: string, type: string): {column: ResultColumn; expression: string} {
  const quoted = `"${name.replace(/"/g, '""')}"`;
  const t = type.toUpperCase();
  const asText = `CAST(${quoted} AS VARCHAR) AS ${quoted}`;
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/.test(t))
    return {column: {name, type, kind: "integer"}, expression: quoted};
  // Arrow would give these as unscaled 128-bit integers: as text they are exact.
  if (/^(HUGEINT|UHUGEINT|UBIGINT)$/.test(t) || /^DECIMAL\(\d+,\s*0\)$/.test(t))
    return {column: {name, type, kind: "decimal"}, expression: asText};
  if (t.startsWith("DECIMAL")) return {column: {name, type, kind: "decimal"}, expression: asText};
  if (/^(DOUBLE|FLOAT|REAL)$/.test(t)) return {column: {name, type, kind: "float"}, expression: quoted};
  if (t === "BOOLEAN") return {column: {name, type, kind: "boolean"}, expression: quoted};
  if (t === "VARCHAR") return {column: {name, type, kind: "text"}, expression: quoted};
  // Dates, times, lists, structs …: DuckDB's own text (2023-01-31), the Swedish standard form for dates.
  return {column: {name, type, kind: "text"}, expression: asText};
}

/** Digits grouped by three from the right, for numbers of five digits or more ("2023" stays as it is). */
function group(digits: string): string {
  return digits.length > 4 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : digits;
}

/** An exact decimal's text ("-1234567.50") the Swedish way: "−1 234 567,50". */
export function formatExact(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, minus, int, frac] = match;
  return `${minus ? "−" : ""}${group(int)}${frac !== undefined ? `,${frac}` : ""}`;
}

/** A number of any kind the Swedish way; floats with at most six decimals. */
export function formatNumber(value: number | bigint): string {
  if (typeof value === "bigint") return formatExact(String(value));
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "–" : value > 0 ? "∞" : "−∞";
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return formatExact(value.toFixed(0));
  const fixed = value.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  return formatExact(fixed === "-0" ? "0" : fixed);
}

/** A cell's text for a column kind; null is empty. */
export function formatCell(kind: ColumnKind, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (kind === "decimal") return formatExact(String(value));
  if (typeof value === "number" || typeof value === "bigint") return formatNumber(value);
  if (typeof value === "boolean") return value ? "sant" : "falskt";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v));
  return String(value);
}

const NUMERIC: ColumnKind[] = ["integer", "decimal", "float"];

const STYLES = `
.fa-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.fa-result { margin: 0.5rem 0 1rem; max-width: 100%; }
.fa-result-scroll { overflow-x: auto; max-width: 100%; }
.fa-result-table { border-collapse: collapse; font: 13px var(--sans-serif); max-width: none; }
.fa-result-table th, .fa-result-table td { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--theme-foreground-faintest); text-align: left; white-space: nowrap; }
.fa-result-table th { vertical-align: bottom; }
.fa-result-table .fa-num { text-align: right; font-variant-numeric: tabular-nums; }
.fa-coltype { display: block; font: 400 11px var(--monospace); color: var(--theme-foreground-muted); }
.fa-pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin-top: 0.5rem; font: 13px var(--sans-serif); }
.fa-pager button, .fa-pager select { font: 13px var(--sans-serif); }
.fa-pager-status { padding: 0 0.4rem; }
.fa-explorer-top { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 900px) { .fa-explorer-top { grid-template-columns: minmax(0, 1fr); } }
.fa-editor label { display: block; font: 600 14px var(--sans-serif); margin-bottom: 0.3rem; }
.fa-sql-editor { width: 100%; box-sizing: border-box; font: 13px/1.5 var(--monospace); padding: 0.5rem; tab-size: 2; resize: vertical; }
.fa-editor-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.4rem 0; }
.fa-editor-actions button, .fa-editor-actions select { font: 14px var(--sans-serif); padding: 0.25rem 0.8rem; }
.fa-run { font-weight: 600 !important; }
.fa-run-status { font: 13px var(--sans-serif); color: var(--theme-foreground-muted); margin: 0.3rem 0; }
.fa-schema h2 { margin-top: 0; font-size: 16px; }
.fa-schema details { border-bottom: 1px solid var(--theme-foreground-faintest); padding: 0.3rem 0; }
.fa-schema summary { cursor: pointer; font: 14px var(--sans-serif); }
.fa-rowcount { color: var(--theme-foreground-muted); font-size: 12px; }
.fa-table-description { display: block; font-size: 12px; color: var(--theme-foreground-muted); margin-left: 1rem; }
.fa-schema-columns { font: 12px var(--sans-serif); margin: 0.4rem 0; }
.fa-schema-columns td, .fa-schema-columns th { padding: 0.1rem 0.4rem; vertical-align: top; }
.fa-schema button { font: 12px var(--sans-serif); }
.fa-sql-message { white-space: pre-wrap; font: 12px var(--monospace); margin: 0.4rem 0 0; }
.fa-chart-controls { display: flex; flex-wrap: wrap; gap: 0.8rem; margin-bottom: 0.5rem; }
.fa-chart-choice { font: 13px var(--sans-serif); display: flex; flex-direction: column; }
.fa-chart-choice select { font: 13px var(--sans-serif); }
`;

/** Adds the explorer's styles to the document once. */
export function ensureStyles(): void {
  if (document.getElementById("fa-utforska-styles")) return;
  document.head.append(h("style", {id: "fa-utforska-styles"}, STYLES));
}

/** The pager's sizes. */
export const PAGE_SIZES = [25, 50, 100, 500];

/** "1–50 av 1 000 000 rader", or "Inga rader". */
export function rangeText(offset: number, shown: number, count: number): string {
  if (!count) return "Inga rader";
  const rows = count === 1 ? "rad" : "rader";
  return `Rad ${formatNumber(offset + 1)}–${formatNumber(offset + shown)} av ${formatNumber(count)} ${rows}`;
}

/**
 * A table of a result that reads one page at a time; `caption` names it for screen readers. Its value is the
 * current offset, and it dispatches "input" when the page changes.
 */
export function resultTable(source: ResultSource, {caption = "Resultat", pageSize = 50} = {}): HTMLElement {
  ensureStyles();
  let offset = 0;
  let size = pageSize;
  let request = 0;
  const status = h("span", {class: "fa-pager-status", "aria-live": "polite"});
  const body = h("tbody");
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      source.columns.map((c) =>
        h(
          "th",
          {scope: "col", class: NUMERIC.includes(c.kind) ? "fa-num" : null},
          c.name,
          h("span", {class: "fa-coltype"}, c.type)
        )
      )
    )
  );
  const table = h("table", {class: "fa-result-table"}, h("caption", {class: "fa-hidden"}, caption), head, body);
  const button = (label: string, text: string, go: () => number) =>
    h("button", {type: "button", "aria-label": label, onclick: () => show(go())}, text);
  const first = button("Första sidan", "« Första", () => 0);
  const prev = button("Föregående sida", "‹ Föregående", () => offset - size);
  const next = button("Nästa sida", "Nästa ›", () => offset + size);
  const last = button("Sista sidan", "Sista »", () => Math.floor((source.count - 1) / size) * size);
  const sizes = h(
    "select",
    {"aria-label": "Rader per sida"},
    PAGE_SIZES.map((n) => h("option", {value: String(n), selected: n === size}, `${n} rader per sida`))
  );
  sizes.addEventListener("change", () => {
    size = Number(sizes.value);
    show(Math.floor(offset / size) * size);
  });
  const pager = h("div", {class: "fa-pager"}, first, prev, status, next, last, sizes);
  const root = h("div", {class: "fa-result"}, h("div", {class: "fa-result-scroll"}, table), pager);

  async function show(to: number): Promise<void> {
    offset = Math.max(0, Math.min(to, Math.max(0, source.count - 1)));
    const mine = ++request;
    let rows: unknown[][];
    try {
      rows = await source.rows(offset, size);
    } catch (e) {
      if (mine !== request) return;
      body.replaceChildren(
        h("tr", {}, h("td", {colspan: source.columns.length}, `Sidan kunde inte läsas: ${(e as Error).message}`))
      );
      return;
    }
    if (mine !== request) return;
    body.replaceChildren(
      ...rows.map((r) =>
        h(
          "tr",
          {},
          source.columns.map((c, i) =>
            h("td", {class: NUMERIC.includes(c.kind) ? "fa-num" : null}, formatCell(c.kind, r[i]))
          )
        )
      )
    );
    status.textContent = rangeText(offset, rows.length, source.count);
    first.disabled = prev.disabled = offset === 0;
    next.disabled = last.disabled = offset + size >= source.count;
    (root as unknown as {value: number}).value = offset;
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }
  show(0);
  return root;
}

/** A result held in memory (an analyst's rows) as a source for resultTable(). */
export function memorySource(rows: Record<string, unknown>[], columns?: ResultColumn[]): ResultSource {
  const names = columns?.map((c) => c.name) ?? Object.keys(rows[0] ?? {});
  const kindOf = (name: string): ColumnKind => {
    const v = rows.find((r) => r[name] != null)?.[name];
    if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) return "integer";
    if (typeof v === "number") return "float";
    if (typeof v === "boolean") return "boolean";
    return "text";
  };
  // An analyst's rows hold numbers, not text: the kinds are what the values are now.
  const cols = names.map((name) => ({
    name,
    type: columns?.find((c) => c.name === name)?.type ?? "",
    kind: kindOf(name)
  }));
  const arrays = (names: string[], from: number, to: number) => rows.slice(from, to).map((r) => names.map((n) => r[n]));
  return {
    columns: cols,
    count: rows.length,
    rows: async (offset, limit) => arrays(names, offset, offset + limit),
    columnsOf: async (wanted, limit) => arrays(wanted, 0, limit),
    dispose: async () => undefined
  };
}
