// What the SCB statistics pages (HÅE, arbetsmarknadsstatus) share: the stop when a table has no rows, the source
// line with the demo banner and the files' problems, the kön control, and the choice of förbund or kommun.
import {forbundWithData, registryKommuner} from "../lib/membership.js";
import {bindToAddress, choiceParam} from "./address.js";
import {h} from "./dom.js";
import {radio} from "./inputs.js";
import type {ScbMeta} from "./scb-data.js";
import {sourceNote} from "./scb-table.js";
import {stopMissing} from "./status.js";

type TableName = keyof ScbMeta["tables"];

/** Stops the page with one Swedish notice when the table kept no rows (missing or unreadable statistics). */
export async function stopWithoutData(meta: ScbMeta, table: TableName, what: string): Promise<void> {
  if (meta.tables[table].counts.kept) return;
  const errors = meta.tables[table].diagnostics.filter((d) => d.severity === "error");
  await stopMissing(what, errors.map((d) => `${d.file}: ${d.message}.`).join(" "));
}

/** Where the figures come from, the demo banner (what is and is not real), and the listed tables' problems. */
export function scbSources(
  meta: ScbMeta,
  tables: {table: TableName; name: string}[],
  {demo, problems: heading}: {demo: string; problems: string}
): HTMLElement {
  const problems = tables.flatMap(({table}) => meta.tables[table].diagnostics.filter((d) => d.severity !== "info"));
  return h(
    "div",
    {},
    sourceNote(tables.map(({table, name}) => ({name, ...meta.tables[table]}))),
    tables.some(({table}) => meta.tables[table].source === "demo")
      ? h(
          "div",
          {class: "fa-error", role: "alert", "data-banner": "demo"},
          h("strong", {}, `${demo} `),
          h("span", {}, "Ur beskrivningen av demodatan: ", h("q", {}, meta.demoNotice))
        )
      : "",
    problems.length
      ? h(
          "div",
          {class: "fa-error", role: "alert"},
          h("strong", {}, `${heading} `),
          h(
            "ul",
            {},
            problems.slice(0, 20).map((d) => h("li", {}, `${d.file}:${d.line}: ${d.message}`))
          ),
          problems.length > 20 ? `… och ${problems.length - 20} till.` : ""
        )
      : ""
  );
}

const SEXES = [
  {value: "alla", label: "Alla"},
  {value: "2", label: "Kvinnor"},
  {value: "1", label: "Män"}
];

/** The kön control (alla, kvinnor, män), bound to the address as kon. */
export function sexInput() {
  return bindToAddress(radio(SEXES, {label: "Kön"}), "kon", choiceParam(SEXES.map((s) => s.value)));
}

/** The chosen kön in words: "kvinnor och män", "kvinnor" or "män". */
export function sexText(sex: string): string {
  return sex === "alla" ? "kvinnor och män" : sex === "2" ? "kvinnor" : "män";
}

/** The kommuner or förbund with data, as choices. */
export function areaOptions(meta: ScbMeta, extent: {kommuner: string[]}, kind: "kommun" | "forbund") {
  if (kind === "kommun") {
    const names = registryKommuner(meta.registry);
    return extent.kommuner.map((code) => ({value: code, label: `${names.get(code) ?? code} (${code})`}));
  }
  return forbundWithData(meta.registry, extent.kommuner).map((f) => ({value: f.id, label: f.name}));
}
