// The Eget kapital page's chart: equity in percent of the chosen denominator against the ceiling, with the
// scenarios, their spread and the board's plan, and a text description for screen readers. Plot is imported on first
// use (plot-lazy): the chart's place is held at its own size until Plot has loaded, and the page's tables do not wait.
import type * as PlotModule from "@observablehq/plot";
import Decimal from "decimal.js";
import {equityChartRows, type ScenarioProjection} from "../lib/eget-kapital.js";
import {formatDecimal, formatPercent} from "../lib/format.js";
import {
  type Denominator,
  type ForbundPlan,
  type PlanYear,
  type ProjectedYear,
  type SpendRate
} from "../lib/projection.js";
import {chartTable, pivot} from "./chart-table.js";
import {h} from "./dom.js";
import {chartWithExport} from "./export.js";
import {categorical, dashFor, diverging} from "./palette.js";
import {drawWhenLoaded} from "./plot-lazy.js";
import {chartAtWidth, spacedTicks, wrapWords} from "./chart-width.js";

/** The denominator as the page's sentences say it. */
export function denominatorWord(d: Denominator): string {
  return d === "tilldelning" ? "tilldelningen" : "de totala intäkterna";
}

const FONT = {fontSize: "12px"};

/** The chart of equity in percent of the chosen denominator: utfall, the scenarios, the spread, the board's plan. */
export function equityChart(
  fp: ForbundPlan,
  projections: ScenarioProjection[],
  spread: {low: ProjectedYear[]; high: ProjectedYear[]} | null,
  rate: SpendRate | null,
  denominator: Denominator,
  ceiling: Decimal,
  planYears: PlanYear[],
  assumed: number[]
): HTMLElement {
  const {lineRows, bandRows, boardRows, years, series} = equityChartRows(fp, projections, spread, denominator);
  const word = denominatorWord(denominator);
  const colors = series.map((_, i) => categorical[i]);
  const bandColor = categorical[series.findIndex((s) => s.startsWith("2."))] ?? categorical[2];
  const ceilingPct = ceiling.times(100).toNumber();
  // The legend is drawn inside the SVG (in the top margin), so the exported SVG and PNG carry it too. Each series
  // has its own dash, drawn as a coloured glyph beside a black label, so neither colour nor pale text carries meaning.
  const glyphs = ["———", "– – –", "·······", "–·–·–"];
  const legend = [
    ...series.map((text, i) => ({glyph: glyphs[i], text, color: colors[i], opacity: 1})),
    ...(spread && rate
      ? [
          {
            glyph: "▇▇",
            text: `spännvidd ${formatPercent(rate.min)}–${formatPercent(rate.max)} (lägsta–högsta historiska grad)`,
            color: bandColor,
            opacity: 0.35
          }
        ]
      : []),
    ...(boardRows.length
      ? [
          {
            glyph: "◆ ◇",
            text: "styrelsens plan (tryckt), räknad ur styrelsens tryckta resultat",
            color: "#000000",
            opacity: 1
          }
        ]
      : [])
  ];
  // Drawn at the column's width (chart-width.ts), so its 12 px text is 12 px on a phone too: the legend wraps to
  // the width (about 7 px per character) and the years thin out to keep their labels apart.
  const layout = (width: number) => {
    const lines = legend.map((item) => wrapWords(item.text, Math.floor((width - 56) / 7)));
    const rows = lines.reduce((n, l) => n + l.length, 0);
    return {lines, rows, height: 420 + 18 * rows};
  };
  const plot = (Plot: typeof PlotModule, width: number) => {
    const {lines, rows, height} = layout(width);
    const before = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length, 0));
    const legendText = (text: string, i: number, options: PlotModule.TextOptions) =>
      Plot.text([text], {
        frameAnchor: "top-left",
        lineAnchor: "top",
        lineHeight: 1.5,
        dy: -18 * (rows - before[i]) - 14,
        textAnchor: "start",
        fontSize: 12,
        ...options
      });
    return Plot.plot({
      width,
      height,
      marginLeft: 60,
      marginRight: 20,
      marginTop: 30 + 18 * rows,
      style: FONT,
      x: {label: "År", ticks: spacedTicks(years, width - 80, 40), tickFormat: (d: number) => String(d)},
      y: {
        label: `Eget kapital 31/12, % av ${word}`,
        grid: true,
        zero: true,
        tickFormat: (d: number) => `${formatDecimal(d, 0)} %`
      },
      color: {domain: series, range: colors},
      marks: [
        Plot.areaY(bandRows, {x: "year", y1: "lo", y2: "hi", fill: bandColor, fillOpacity: 0.15}),
        Plot.ruleY([ceilingPct], {stroke: diverging.bad, strokeDasharray: "6,4"}),
        Plot.text([`Tak ${formatPercent(ceiling)}`], {
          x: years.at(-1),
          y: ceilingPct,
          dy: -8,
          textAnchor: "end",
          fill: "currentColor",
          fontWeight: 600,
          fontSize: 12
        }),
        ...series.map((s) =>
          Plot.line(
            lineRows.filter((d) => d.serie === s),
            {
              x: "year",
              y: "share",
              stroke: "serie",
              strokeWidth: 2,
              marker: "circle",
              strokeDasharray: dashFor(series, s) ?? undefined
            }
          )
        ),
        Plot.dot(
          boardRows.filter((d) => d.printed),
          {x: "year", y: "share", fill: "#000000", r: 5, symbol: "diamond2"}
        ),
        Plot.dot(
          boardRows.filter((d) => !d.printed),
          {x: "year", y: "share", fill: "#ffffff", stroke: "#000000", r: 5, symbol: "diamond2"}
        ),
        Plot.tip(
          lineRows,
          Plot.pointer({
            x: "year",
            y: "share",
            fontSize: 12,
            title: (d) => `${d.serie}\n${d.year}: ${formatDecimal(d.share, 1)} %`
          })
        ),
        Plot.ruleY([0]),
        ...legend.flatMap((item, i) => [
          legendText(item.glyph, i, {dx: -56, fill: item.color, fillOpacity: item.opacity, fontWeight: 700}),
          legendText(lines[i].join("\n"), i, {dx: -8, fill: "currentColor"})
        ])
      ]
    });
  };
  const {slot, drawn} = chartSlot((width) => layout(width).height, plot);
  const tableSeries = [...series, ...(boardRows.length ? ["Styrelsens plan"] : [])];
  const tableRows = pivot(
    [...lineRows, ...boardRows.map((b) => ({...b, serie: "Styrelsens plan"}))],
    (d) => String(d.year),
    (d) => d.serie,
    tableSeries,
    (d) => (d.share === null ? null : `${formatDecimal(d.share, 1)} %`)
  ).sort((a, b) => Number(a[0]) - Number(b[0]));
  const figure = chartWithExport(
    `eget-kapital-${fp.forbund}`,
    slot,
    `${fp.name}: eget kapital 31/12 i % av ${word}, utfall och tre scenarier ${planYears[0].year}–${planYears.at(-1)!.year}, tak ${formatPercent(ceiling)}.`
  );
  // The SVG and PNG buttons have nothing to save until the chart is drawn.
  const buttons = [...figure.querySelectorAll("button")];
  for (const b of buttons) b.disabled = true;
  drawn.then((ok) => ok && buttons.forEach((b) => (b.disabled = false)));
  return h(
    "div",
    {},
    figure,
    chartTable(`${fp.name}: eget kapital 31/12, % av ${word}`, ["År", ...tableSeries], tableRows),
    h(
      "p",
      {class: "fa-sr"},
      "Heldragen linje: utfall. Streckade och prickade linjer: scenarierna från det senaste utfallsåret, med var sitt mönster. Det ljusa fältet är spännvidden mellan förbundets lägsta och högsta historiska förbrukningsgrad. Svarta romber: styrelsens tryckta plansiffror; vita romber: styrelsens plan räknad ur dess tryckta resultat.",
      assumed.length
        ? ` Åren ${assumed.join(", ")} finns inte i styrelsens plan; där upprepas ${fp.plan.length ? "planens sista år" : "det senaste utfallsårets tilldelning med en budget i balans (kostnader = tilldelning)"}.`
        : ""
    )
  );
}

/**
 * The chart's place, held at the chart's size until Plot has loaded and the chart, drawn at the column's width,
 * replaces the placeholder; `drawn` settles once the chart is in (true) or could not be drawn (false). A placeholder
 * whose cell output was discarded meanwhile (a control changed before Plot loaded) is not drawn: that chart would
 * never be seen, and the cell's new output has a placeholder of its own.
 */
function chartSlot(
  height: (width: number) => number,
  plot: (Plot: typeof PlotModule, width: number) => Element
): {slot: HTMLElement; drawn: Promise<boolean>} {
  const slot = h("div", {class: "fa-chart-slot"});
  const {element, drawn} = drawWhenLoaded((Plot) =>
    slot.isConnected ? chartAtWidth((width) => plot(Plot, width)) : element
  );
  // The faint box, as tall as the chart will be at this width, reads as a chart on its way.
  element.style.background = "var(--theme-background-alt)";
  element.append(chartAtWidth((width) => h("div", {style: `height: ${height(width)}px`})));
  slot.append(element);
  // Plot that cannot be fetched (or a chart that cannot be drawn) leaves a message, not a blank space.
  const failed = (error: unknown) => {
    console.error(error);
    const why = error instanceof Error ? error.message : String(error);
    const text = `Diagrammet kunde inte ritas: ${why}. Tabellen under ”Visa som tabell” visar samma värden.`;
    element.replaceWith(h("p", {class: "fa-error", role: "alert"}, text));
    return false;
  };
  return {slot, drawn: drawn.then(() => true, failed)};
}
