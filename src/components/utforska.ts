// The Utforska page: an SQL editor over the workspace tables, a schema browser, a paged result, a quick chart and
// downloads. The query lives in the address (?sql=…), so a link opens and runs it and back/forward step through runs.
import type {CatalogTable} from "../lib/catalog.js";
import {addressParam, setAddressParams} from "./address.js";
import {h} from "./dom.js";
import {downloadCsv, downloadXlsx} from "./export.js";
import {catalogInfo, runScript, workspaceTables, type ResultSource} from "./utforska-db.js";
import {chartPanel} from "./utforska-chart.js";
import {ensureStyles, formatNumber, resultTable} from "./utforska-table.js";

/** The examples to start from: label and query. */
export const EXAMPLES: {label: string; sql: string}[] = [
  {
    label: "Kostnader per projekt och månad",
    sql: `-- Kostnader (konto 4000–7999, debet positivt) per projekt och månad; belopp i öre, kr() visar kronor
SELECT make_date(ar, manad, 1) AS manad, projekt,
       SUM(belopp_ore) AS kostnad_ore, kr(SUM(belopp_ore)) AS kostnad_kr
FROM rorelser
WHERE forbund = 'falun-borlange' AND ar = 2023 AND konto BETWEEN '4000' AND '7999'
GROUP BY ALL
ORDER BY manad, projekt`
  },
  {
    label: "HÅE per kommun och år",
    sql: `-- Helårsekvivalenter per kommun och år: snittet av årets månader (tiondelar / 10)
SELECT kommun, ar, ROUND(SUM(tiondelar) / 10 / COUNT(DISTINCT manad), 1) AS hae
FROM hae
GROUP BY ALL
ORDER BY kommun, ar`
  },
  {
    label: "Eget kapital per förbund och år",
    sql: `-- Eget kapital vid årets slut: konto 2000–2099 plus årets resultat (konto 3000–8999), kredit som positivt
SELECT forbund, ar,
       -SUM(utgaende_ore) FILTER (WHERE konto BETWEEN '2000' AND '2099')
       - SUM(rorelse_ore) FILTER (WHERE konto >= '3000') AS eget_kapital_ore,
       kr(eget_kapital_ore) AS eget_kapital_kr
FROM saldon
GROUP BY ALL
ORDER BY forbund, ar`
  }
];

/** DuckDB's message, with a Swedish word on the usual causes. */
function hintFor(message: string, tables: CatalogTable[]): string {
  const missing = /Table with name "?([\w]+)"? does not exist/i.exec(message)?.[1];
  if (missing)
    return `Tabellen ${missing} finns inte i den här arbetsytan. Tabellerna som finns: ${tables.map((t) => t.name).join(", ")}.`;
  if (/Parser Error/i.test(message)) return "Frågan har ett syntaxfel (se DuckDB:s meddelande).";
  if (/Binder Error/i.test(message))
    return "En kolumn eller funktion i frågan finns inte; kolumnerna står i tabellistan.";
  return "";
}

/** The frame around a failed query: what went wrong in Swedish, DuckDB's own message below. */
export function queryError(error: unknown, tables: CatalogTable[]): HTMLElement {
  const message = (error instanceof Error ? error.message : String(error)).trim();
  const hint = hintFor(message, tables);
  return h(
    "div",
    {class: "fa-error", role: "alert", "data-error": "sql"},
    h("strong", {}, "Frågan kunde inte köras. "),
    hint,
    h("pre", {class: "fa-sql-message"}, message)
  );
}

/** A result's rows as export cells: exact integers as bigint, decimals as numbers, truth values in Swedish. */
async function exportRows(source: ResultSource): Promise<(string | number | bigint | null)[][]> {
  const rows = await source.rows(0, source.count);
  return rows.map((r) =>
    r.map((v, i) => {
      if (v === null || v === undefined) return null;
      const kind = source.columns[i].kind;
      if (kind === "decimal") return /^-?\d+$/.test(String(v)) ? BigInt(String(v)) : Number(v);
      if (typeof v === "boolean") return v ? "sant" : "falskt";
      if (typeof v === "number" || typeof v === "bigint" || typeof v === "string") return v;
      return String(v);
    })
  );
}

/** Download buttons for the whole result, as CSV for Swedish Excel and as XLSX. */
function downloads(source: ResultSource): HTMLElement {
  const columns = source.columns.map((c) => c.name);
  const button = (label: string, save: (rows: (string | number | bigint | null)[][]) => void) =>
    h("button", {type: "button", onclick: async () => save(await exportRows(source))}, label);
  return h(
    "div",
    {class: "fa-export"},
    button("Ladda ned CSV", (rows) => downloadCsv("utforska.csv", columns, rows)),
    button("Ladda ned Excel", (rows) => downloadXlsx("utforska.xlsx", "Resultat", columns, rows))
  );
}

/** The schema browser: every table with its row count, description and columns (type, unit, description). */
function schemaBrowser(tables: CatalogTable[], rows: Record<string, number>, open: (sql: string) => void) {
  return h(
    "section",
    {class: "fa-schema", "aria-label": "Tabeller"},
    h("h2", {}, "Tabeller"),
    tables.map((t) =>
      h(
        "details",
        {"data-table": t.name},
        h(
          "summary",
          {},
          h("code", {}, t.name),
          " ",
          h("span", {class: "fa-rowcount"}, `${formatNumber(rows[t.name] ?? 0)} rader`),
          h("span", {class: "fa-table-description"}, t.description)
        ),
        h(
          "table",
          {class: "fa-schema-columns"},
          h("caption", {class: "fa-hidden"}, `Kolumnerna i ${t.name}`),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["Kolumn", "Typ", "Enhet", "Beskrivning"].map((c) => h("th", {scope: "col"}, c))
            )
          ),
          h(
            "tbody",
            {},
            t.columns.map((c) =>
              h(
                "tr",
                {},
                h("td", {}, h("code", {}, c.name)),
                h("td", {}, c.type),
                h("td", {}, c.unit),
                h("td", {}, c.description)
              )
            )
          )
        ),
        h(
          "button",
          {type: "button", onclick: () => open(`SELECT * FROM ${t.name} LIMIT 100`)},
          `Visa rader ur ${t.name}`
        )
      )
    )
  );
}

/** Keyboard use of the editor: Ctrl+Enter (⌘+Enter) runs, Tab indents, and Esc then Tab leaves the box. */
function editorKeys(editor: HTMLTextAreaElement, run: () => void): void {
  let leaving = false;
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === "Tab" && !event.shiftKey && !leaving) {
      event.preventDefault();
      editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
    } else leaving = event.key === "Escape";
  });
}

/** The whole page below its introduction. */
export async function explorer(): Promise<HTMLElement> {
  ensureStyles();
  const [tables, info] = await Promise.all([workspaceTables(), catalogInfo()]);
  const editor = h("textarea", {
    id: "fa-sql",
    class: "fa-sql-editor",
    rows: 9,
    spellcheck: "false",
    wrap: "off",
    autocapitalize: "off",
    autocomplete: "off",
    "aria-describedby": "fa-sql-help"
  });
  const examples = h(
    "select",
    {"aria-label": "Exempel"},
    h("option", {value: ""}, "Exempel att börja från …"),
    EXAMPLES.map((e, i) => h("option", {value: String(i)}, e.label))
  );
  const runButton = h("button", {type: "button", class: "fa-run"}, "Kör");
  const status = h("p", {class: "fa-run-status", "aria-live": "polite"});
  const output = h("div", {class: "fa-output"});
  let current: ResultSource | undefined;
  let runs = 0;

  async function execute(sql: string, {push = true} = {}): Promise<void> {
    editor.value = sql;
    setAddressParams({sql: sql.trim() ? sql : null}, {push});
    const mine = ++runs;
    status.textContent = "Kör frågan …";
    output.setAttribute("aria-busy", "true");
    const started = performance.now();
    try {
      const source = await runScript(sql);
      if (mine !== runs) return void source.dispose();
      await current?.dispose();
      current = source;
      const seconds = ((performance.now() - started) / 1000).toFixed(2).replace(".", ",");
      status.textContent = `${formatNumber(source.count)} ${source.count === 1 ? "rad" : "rader"} på ${seconds} s`;
      output.replaceChildren(
        resultTable(source, {caption: "Frågans resultat"}),
        downloads(source),
        h("h2", {}, "Diagram"),
        await chartPanel(source)
      );
    } catch (e) {
      if (mine !== runs) return;
      status.textContent = "Frågan misslyckades.";
      output.replaceChildren(queryError(e, tables));
    } finally {
      if (mine === runs) output.removeAttribute("aria-busy");
    }
  }

  const run = () => execute(editor.value);
  editorKeys(editor, run);
  runButton.addEventListener("click", run);
  examples.addEventListener("change", () => {
    const example = EXAMPLES[Number(examples.value)];
    examples.value = "";
    if (example) execute(example.sql);
  });
  // Back and forward, or an edited address, run the query the address holds.
  addEventListener("popstate", () => {
    const sql = addressParam("sql") ?? "";
    if (sql !== editor.value || !current) {
      if (sql) execute(sql, {push: false});
      else {
        editor.value = "";
        output.replaceChildren();
        status.textContent = "";
      }
    }
  });

  const page = h(
    "div",
    {class: "fa-explorer"},
    h(
      "div",
      {class: "fa-explorer-top"},
      h(
        "section",
        {class: "fa-editor", "aria-label": "SQL-fråga"},
        h("label", {for: "fa-sql"}, "SQL-fråga (DuckDB)"),
        editor,
        h("div", {class: "fa-editor-actions"}, runButton, examples),
        h(
          "p",
          {id: "fa-sql-help", class: "fa-note"},
          "Ctrl+Enter (⌘+Enter) kör frågan. Tabb drar in; tryck Esc och sedan Tabb för att lämna rutan. ",
          "Belopp är heltal i öre: kr(belopp_ore) visar hela kronor, tkr() tusental och kr_ore() kronor och öre; procent(andel) visar en andel i procent."
        ),
        status
      ),
      schemaBrowser(tables, info.rows, (sql) => execute(sql))
    ),
    output
  );
  const initial = addressParam("sql");
  if (initial) execute(initial, {push: false});
  else editor.value = EXAMPLES[0].sql;
  return page;
}
