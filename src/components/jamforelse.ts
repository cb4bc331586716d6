// The comparison page's pieces (src/jamforelse.md): its controls, bound to the address, the demo-data banner, the
// small multiples with the merger explained under the panels where the jump is, the table with its download, and
// the definitions and sources for what is chosen.
import {metric, metrics, type MetricId} from "../lib/comparison-metrics.js";
import type {ComparisonCast} from "../lib/comparison-inputs.js";
import {comparisonCsvColumns, comparisonCsvRows} from "../lib/comparison-sources.js";
import {
  comparisonViews,
  mergerNote,
  mergerTableNotes,
  panelCaption,
  yearsOf,
  type ComparisonView,
  type ViewRow
} from "../lib/comparison-views.js";
import {bindToAddress, choiceParam, listParam} from "./address.js";
import {lineLegend} from "./chart-table.js";
import {comparisonTable, metricChart} from "./comparison-view.js";
import {h} from "./dom.js";
import {chartWithExport, csvButton} from "./export.js";
import {checkboxes, radio} from "./inputs.js";
import {colorScale} from "./palette.js";

/** The metrics chosen when the address names none: all but the combined insatsandel. */
const defaultMetrics = metrics.map((m) => m.id).filter((id) => id !== "insatsandel");

/** The page's three controls, each bound to its address parameter (matt, forbund, visa). */
export function comparisonControls(cast: ComparisonCast) {
  const ids = metrics.map((m) => m.id);
  const metricInput = checkboxes(
    metrics.map((m) => ({value: m.id, label: m.label})),
    {label: "Mått", value: defaultMetrics}
  );
  const forbundInput = checkboxes(
    cast.forbundIds.map((id) => ({value: id, label: cast.names.get(id) ?? id})),
    {label: "Förbund", value: cast.forbundIds}
  );
  const viewInput = radio(comparisonViews, {label: "Visa", value: "absolut" as ComparisonView});
  return {
    metrics: bindToAddress(metricInput, "matt", listParam(ids)),
    forbund: bindToAddress(forbundInput, "forbund", listParam(cast.forbundIds)),
    view: bindToAddress(viewInput, "visa", choiceParam(comparisonViews.map((v) => v.value)))
  };
}

/** The warning shown over per-capita values when the population is generated demo data; nothing otherwise. */
export function demoBanner(
  view: ComparisonView,
  scbMeta: {tables: {population: {source: string}}; demoNotice?: string}
) {
  if (view !== "per_invanare" || scbMeta.tables.population.source !== "demo") return h("span", {});
  return h(
    "div",
    {class: "fa-error", role: "alert", "data-banner": "demo"},
    h("strong", {}, "Befolkningen är demodata: genererad, inte SCB:s statistik. "),
    "Beloppen per invånare visar hur jämförelsen fungerar, men är inte underlag för beslut. ",
    scbMeta.demoNotice ? h("q", {}, scbMeta.demoNotice) : ""
  );
}

/** The legend and one chart per chosen metric, in a grid that fills the page's width (one column on a phone). */
export async function smallMultiples(
  rows: ViewRow[],
  chosen: MetricId[],
  view: ComparisonView,
  cast: ComparisonCast,
  width: number
) {
  const colors = colorScale(cast.forbundIds.map((id) => cast.names.get(id) ?? id));
  const years = yearsOf(rows);
  const span: [number, number] = years.length ? [years[0], years.at(-1)!] : [2020, 2023];
  const columns = width >= 820 ? 2 : 1;
  const panelWidth = Math.floor((width - 24 * (columns - 1)) / columns);
  const panels = await Promise.all(
    chosen.map(async (id) => {
      const m = metric(id);
      const data = rows.filter((r) => r.metric === id);
      const mergers = cast.mergers.filter(
        (g) => g.year > span[0] && g.year <= span[1] && data.some((r) => r.forbund === g.forbund)
      );
      const caption = [panelCaption(m, data, view, span), ...mergers.map((g) => mergerNote(g, data, view))].join(" ");
      const figure = data.length
        ? chartWithExport(
            `jamforelse-${id}`,
            await metricChart(m, data, view, cast.names, colors, span, mergers, panelWidth),
            caption
          )
        : h("figure", {class: "fa-chart"}, h("p", {class: "fa-sr"}, `${m.label}: inga värden för de valda förbunden.`));
      figure.setAttribute("data-metric", id);
      return figure;
    })
  );
  const note =
    view === "index"
      ? ". Index: förbundets värde det första år som alla valda förbund har = 100; resultat och andelar visas som de är."
      : view === "per_invanare"
        ? ". Per invånare 20–64 år (kr; deltagare per 1 000 invånare); andelar visas som de är."
        : "";
  return h(
    "div",
    {},
    !chosen.length || !rows.length ? h("p", {class: "fa-note"}, "Välj minst ett mått och ett förbund.") : "",
    // The legend lists every förbund, so each keeps its colour and dash whichever are chosen.
    lineLegend(colors.domain, colors.range),
    h(
      "p",
      {class: "fa-sr"},
      "● huvudbok  ○ tryckt årsredovisning  ◯ (röd ring) huvudbok och tryckt belopp skiljer sig",
      note
    ),
    h(
      "div",
      {
        class: "fa-multiples",
        style: `display: grid; grid-template-columns: repeat(${columns}, minmax(0, 1fr)); gap: 0 24px`
      },
      panels
    )
  );
}

/** The table of the chosen rows with its CSV and XLSX download. */
export function tableWithDownload(
  rows: ViewRow[],
  chosen: MetricId[],
  forbunds: string[],
  view: ComparisonView,
  cast: ComparisonCast,
  live: boolean
) {
  const shownForbund = cast.forbundIds.filter((id) => forbunds.includes(id));
  // data-rows says whether the figures are the build's precomputed ones or computed live (the e2e test compares them).
  return h(
    "div",
    {"data-rows": live ? "live" : "precomputed"},
    comparisonTable(chosen, shownForbund, rows, view, cast.names, yearsOf(rows), mergerTableNotes(cast, shownForbund)),
    csvButton(`jamforelse-${view}.csv`, comparisonCsvColumns, () => comparisonCsvRows(rows, view, cast.names))
  );
}
