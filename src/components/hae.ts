// The HÅE page's pieces: loading the statistics, the controls, and the four views (period comparison, month by
// month, average per year, share of the population, sex and age), each with its table and downloads.
import {formatDecimal, formatPercent} from "../lib/format.js";
import {
  HAE_LABELS,
  HAE_TYPES,
  MONTH_SHORT,
  monthsWithData,
  periodComparison,
  periodLabel,
  populationShares,
  yearlyAverages,
  type MonthlyTotal
} from "../lib/hae.js";
import {chartTable, pivot} from "./chart-table.js";
import {bindToAddress, choiceParam} from "./address.js";
import {h} from "./dom.js";
import {select} from "./inputs.js";
import {loadTables} from "./duckdb-lazy.js";
import type {ArrowSource} from "./arrow-source.js";
import {chartWithExport, csvButton} from "./export.js";
import {categorical, colorScale} from "./palette.js";
import {
  areaKommuner,
  areaMembersAt,
  areaName,
  haeBySexAge as liveBySexAge,
  haeMonthly as liveMonthly,
  monthDate,
  populationYearly as livePopulation,
  sumForArea,
  tableExtent as liveExtent,
  type Area,
  type ScbMeta
} from "./scb-data.js";
import {loadInBackground, precomputed, useFirstView} from "./first-view.js";
import {AGES_20_64, DEFAULT_MONTHS, defaultHaeYear} from "../lib/hae-default.js";
import {periodColumns, periodCsvRows, periodTable} from "./scb-period-table.js";
import {areaOptions, scbSources, sexInput, sexText, stopWithoutData} from "./scb-page.js";
import {simpleTable} from "./scb-table.js";
import type * as PlotModule from "@observablehq/plot";
import {plotModule} from "./plot-lazy.js";
import {chartAtWidth, spacedTicks} from "./chart-width.js";
import {guard} from "./status.js";

const FONT = {fontSize: "12px"};

// Plot is imported when the first chart is drawn (plotModule): the period table, the page's first figure, does not wait for it.

// The page's questions, answered from the precomputed first view for the default selection (src/lib/hae-default.ts)
// until a control changes, and by DuckDB after that.
const tableExtent = precomputed("tableExtent", liveExtent);
const haeMonthly = precomputed("haeMonthly", liveMonthly);
const haeBySexAge = precomputed("haeBySexAge", liveBySexAge);
const populationYearly = precomputed(
  "populationYearly",
  livePopulation,
  (entries) => new Map(entries as [string, number][])
);

/** The files of the HÅE page: the SCB description, the two tables, and the precomputed first view. */
export interface HaeFiles {
  meta: {json(): Promise<ScbMeta>};
  hae: ArrowSource;
  population: ArrowSource;
  firstView: {text(): Promise<string>};
}

/**
 * Loads the SCB metadata and the first view, and starts loading the HÅE and population tables into DuckDB in the
 * background; a missing table shows one Swedish message and stops the page.
 */
export async function loadHae(files: HaeFiles) {
  const meta = await guard(files.meta.json(), "SCB-statistikens beskrivning (data/scb.json)");
  await useFirstView(files.firstView);
  await loadInBackground(
    () => loadTables({hae: files.hae, population: files.population}),
    "SCB-statistiken för helårsekvivalenter (data/hae.arrows)"
  );
  await stopWithoutData(meta, "hae", "SCB-statistik för helårsekvivalenter (data/scb)");
  const extent = await guard(tableExtent("hae"), "SCB-statistiken för helårsekvivalenter (data/hae.arrows)");
  return {meta, extent};
}

/** Where the figures come from, the demo banner, and the statistics files' problems. */
export function haeSources(meta: ScbMeta): HTMLElement {
  return scbSources(
    meta,
    [
      {table: "hae", name: "helårsekvivalenter"},
      {table: "population", name: "befolkning"}
    ],
    {
      demo: "Demodata: genererad, inte SCB:s statistik, utom snitten per månad för januari–juni 2022 och 2023 i Falun och Borlänge, som är förankrade i Finsam Falun-Borlänges årsredovisning 2023.",
      problems: "Statistikfilerna har fel:"
    }
  );
}

export {areaOptions};

/** The chosen filters in words: "kvinnor och män, 20–64 år". */
export function filterText(sex: string, age: string): string {
  return `${sexText(sex)}, ${age === "alla" ? "20–64 år" : `${age.replace("-", "–")} år`}`;
}

/** The area's HÅE per month and type, summed over its kommuner (a förbund by membership month by month). */
export async function areaTotals(meta: ScbMeta, area: Area, sex: string, age: string): Promise<MonthlyTotal[]> {
  const perKommun = await haeMonthly(areaKommuner(meta.registry, area), sex, age);
  const sums = sumForArea(
    meta.registry,
    area,
    perKommun,
    (r) => `${r.month}|${r.type}`,
    (r) => r.tenths
  );
  return [...sums].map(([key, tenths]) => ({month: key.slice(0, 7), type: key.slice(8), tenths}));
}

export interface Period {
  fromMonth: number;
  toMonth: number;
  year: number;
  previousYear: number;
}

/** The report's period table for the chosen types, or why there is none. */
export function periodSection(
  name: string,
  areaId: string,
  totals: MonthlyTotal[],
  types: string[],
  p: Period,
  filters: string
) {
  if (p.fromMonth > p.toMonth)
    return h(
      "p",
      {class: "fa-error", role: "alert"},
      "Periodens första månad ligger efter den sista; välj om perioden."
    );
  if (!types.length) return h("p", {class: "fa-note"}, "Välj minst en ersättning.");
  const rows = periodComparison(totals, {...p, types});
  const cols = periodColumns(
    name,
    periodLabel(p.fromMonth, p.toMonth, p.previousYear),
    periodLabel(p.fromMonth, p.toMonth, p.year)
  );
  const n = p.toMonth - p.fromMonth + 1;
  const have = [p.previousYear, p.year].map((y) => monthsWithData(totals, y, p));
  return h(
    "div",
    {},
    h(
      "div",
      {style: "overflow-x: auto", tabindex: 0, role: "region", "aria-label": "Tabell som kan rullas i sidled"},
      periodTable(rows, cols)
    ),
    csvButton(`helarsekvivalenter-${areaId}-${p.previousYear}-${p.year}.csv`, cols, () => periodCsvRows(rows)),
    h(
      "p",
      {class: "fa-note"},
      `${name}, ${filters}. Snitt per månad över perioden, avrundat till hela personer (halva bort från noll). `,
      "Kolumnen diff. är skillnaden mellan de oavrundade snitten, avrundad, som i årsredovisningen; den kan därför skilja sig med en från skillnaden mellan de avrundade talen. Summan räknas på samma sätt ur de valda ersättningarna.",
      have.some((m) => m < n)
        ? ` Obs: data saknas för en del av perioden (${have[0]} respektive ${have[1]} av ${n} månader); snittet är taget över de månader som finns.`
        : ""
    )
  );
}

/** Whether a chart this wide has room for the names at the right end of its bands (210 px of its width). */
const named = (width: number) => width >= 560;

const typeColor = colorScale(HAE_TYPES.map((t) => HAE_LABELS[t]));

/** The chosen types per month as a stacked area, each band named at its right end when tall enough. */
export async function monthlySection(
  name: string,
  areaId: string,
  totals: MonthlyTotal[],
  types: string[],
  filters: string,
  span: string
) {
  const monthly = totals
    .filter((t) => types.includes(t.type))
    .map((t) => ({
      date: monthDate(t.month),
      month: t.month,
      label: HAE_LABELS[t.type as keyof typeof HAE_LABELS],
      value: Number(t.tenths) / 10
    }));
  const lastMonth = monthly.reduce((m, d) => (d.month > m ? d.month : m), "");
  const lastTotal = monthly.filter((d) => d.month === lastMonth).reduce((s, d) => s + d.value, 0);
  const Plot = await plotModule();
  // Drawn at the column's width (chart-width.ts); a column too narrow for the names at the bands' ends (a phone)
  // leaves them to the legend above the chart.
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 380,
      marginLeft: 60,
      marginRight: named(width) ? 210 : 20,
      style: FONT,
      x: {label: "Månad", type: "utc"},
      y: {label: "Helårsekvivalenter", grid: true, tickFormat: (v: number) => formatDecimal(v)},
      color: {...typeColor, legend: true, style: FONT} as PlotModule.ScaleOptions,
      marks: [
        Plot.areaY(monthly, {
          x: "date",
          y: "value",
          fill: "label",
          order: typeColor.domain,
          tip: {format: {x: (d: Date) => d.toISOString().slice(0, 7), y: (v: number) => formatDecimal(v, 1)}}
        }),
        Plot.text(
          monthly.filter((d) => d.month === lastMonth),
          Plot.stackY({
            x: "date",
            y: "value",
            z: "label",
            order: typeColor.domain,
            text: (d: {value: number; label: string}) => (named(width) && d.value >= 0.05 * lastTotal ? d.label : ""),
            textAnchor: "start",
            dx: 6,
            fill: "currentColor",
            fontSize: 12
          })
        ),
        Plot.ruleY([0])
      ]
    })
  );
  const labels = typeColor.domain.filter((l) => monthly.some((d) => d.label === l));
  return {
    monthly,
    element: h(
      "div",
      {},
      chartWithExport(
        `hae-manad-${areaId}`,
        chart,
        `Helårsekvivalenter per månad ${span} för ${name}, ${filters}, staplade per ersättning.`
      ),
      chartTable(
        `Helårsekvivalenter per månad, ${name}`,
        ["Månad", ...labels],
        pivot(
          monthly,
          (d) => d.month,
          (d) => d.label,
          labels,
          (d) => formatDecimal(d.value, 1)
        )
      ),
      csvButton(`hae-manad-${areaId}.csv`, ["Månad", "Ersättning", "Helårsekvivalenter"], () =>
        monthly.map((d) => [d.month, d.label, d.value])
      )
    )
  };
}

/**
 * The average per month and year as stacked bars. The last year's segments are named to the right of its bar, in
 * the right margin, so a name neither covers the bar nor runs off the chart.
 */
export async function yearlySection(
  name: string,
  areaId: string,
  monthly: {month: string; label: string; value: number}[],
  filters: string
) {
  const yearly = yearlyAverages(monthly);
  const years = [...new Set(yearly.map((d) => d.year))];
  const last = years.at(-1);
  const lastTotal = yearly.filter((d) => d.year === last).reduce((s, d) => s + d.value, 0);
  const Plot = await plotModule();
  const chart = chartAtWidth((width) => {
    const [marginLeft, marginRight] = [60, named(width) ? 210 : 20];
    // Plot's band scale pads by 0.1 of a step on each side and between bars.
    const step = (width - marginLeft - marginRight) / (years.length + 0.1);
    return Plot.plot({
      width,
      height: 320,
      marginLeft,
      marginRight,
      style: FONT,
      x: {label: "År", type: "band", ticks: spacedTicks(years, step * years.length, 40), tickFormat: String},
      y: {label: "Snitt per månad", grid: true, tickFormat: (v: number) => formatDecimal(v)},
      color: {...typeColor, legend: true, style: FONT} as PlotModule.ScaleOptions,
      marks: [
        Plot.barY(yearly, {
          x: "year",
          y: "value",
          fill: "label",
          order: typeColor.domain,
          tip: {format: {y: (v: number) => formatDecimal(v, 1)}}
        }),
        Plot.text(
          yearly.filter((d) => d.year === last),
          Plot.stackY({
            x: "year",
            y: "value",
            z: "label",
            order: typeColor.domain,
            text: (d: {value: number; label: string}) => (named(width) && d.value >= 0.06 * lastTotal ? d.label : ""),
            textAnchor: "start",
            dx: (step * 0.9) / 2 + 6,
            fill: "currentColor",
            fontSize: 12
          })
        ),
        Plot.ruleY([0])
      ]
    });
  });
  const labels = typeColor.domain.filter((l) => yearly.some((d) => d.label === l));
  return h(
    "div",
    {},
    chartWithExport(
      `hae-ar-${areaId}`,
      chart,
      `Helårsekvivalenter, snitt per månad och år, för ${name}, ${filters}. Ett år med färre än tolv månader i data visar snittet över de månader som finns.`
    ),
    chartTable(
      `Helårsekvivalenter, snitt per månad och år, ${name}`,
      ["År", ...labels],
      pivot(
        yearly,
        (d) => String(d.year),
        (d) => d.label,
        labels,
        (d) => formatDecimal(d.value, 1)
      )
    ),
    csvButton(`hae-ar-${areaId}.csv`, ["År", "Ersättning", "Snitt per månad", "Månader med data"], () =>
      yearly.map((d) => [d.year, d.label, Number(d.value.toFixed(1)), d.months])
    )
  );
}

/** HÅE as a share of the population 20–64 per year (only for all ages: the two tables' age groups do not pair). */
export async function shareSection(
  meta: ScbMeta,
  area: Area,
  name: string,
  areaId: string,
  totals: MonthlyTotal[],
  types: string[],
  sex: string,
  age: string,
  filters: string
) {
  if (age !== "alla")
    return h(
      "p",
      {class: "fa-note"},
      "Andelen visas bara för alla åldrar 20–64 år: helårsekvivalenternas åldersgrupper (20–29, 30–39 …) och befolkningens (20–24, 25–34 …) går inte att para ihop."
    );
  const population = await populationYearly(areaKommuner(meta.registry, area), sex, [...AGES_20_64]);
  const rows = populationShares(totals, types, (month) => areaMembersAt(meta.registry, area, month), population);
  if (!rows.length) return h("p", {class: "fa-note"}, "Befolkningsdata saknas för det valda området.");
  const Plot = await plotModule();
  const years = rows.map((r) => r.year);
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 300,
      marginLeft: 60,
      style: FONT,
      x: {label: "År", tickFormat: (y: number) => String(y), ticks: spacedTicks(years, width - 80, 40)},
      y: {
        label: "Andel av befolkningen 20–64 år",
        grid: true,
        tickFormat: (v: number) => formatPercent(v, 0),
        zero: true
      },
      marks: [
        Plot.lineY(rows, {
          x: "year",
          y: "share",
          stroke: categorical[0],
          marker: "dot",
          tip: {format: {y: (v: number) => formatPercent(v)}}
        }),
        Plot.ruleY([0])
      ]
    })
  );
  const which =
    types.length === HAE_TYPES.length
      ? "alla ersättningar"
      : types.map((t) => HAE_LABELS[t as keyof typeof HAE_LABELS].toLowerCase()).join(", ");
  const cols = ["År", "Helårsekvivalenter, snitt per månad", "Befolkning 20–64 år", "Andel"];
  return h(
    "div",
    {},
    chartWithExport(
      `hae-andel-${areaId}`,
      chart,
      `Helårsekvivalenter (${which}) som andel av befolkningen 20–64 år, snitt per år, ${name}, ${filters}. Befolkningen är årets befolkning enligt befolkningstabellen.`
    ),
    simpleTable(
      "hae-andel",
      `Andel av befolkningen 20–64 år, ${name}`,
      cols,
      rows.map((r) => ({
        key: String(r.year),
        label: String(r.year),
        cells: [formatDecimal(r.hae), formatDecimal(r.people), formatPercent(r.share)]
      }))
    ),
    csvButton(`hae-andel-${areaId}.csv`, cols, () =>
      rows.map((r) => [r.year, Number(r.hae.toFixed(1)), Math.round(r.people), Number(r.share.toFixed(4))])
    )
  );
}

/** HÅE by sex and age group over the chosen period of the chosen year, for the chosen types. */
export async function sexAgeSection(
  meta: ScbMeta,
  area: Area,
  name: string,
  areaId: string,
  types: string[],
  p: Period
) {
  if (p.fromMonth > p.toMonth || !types.length)
    return h("p", {class: "fa-note"}, "Välj en giltig period och minst en ersättning.");
  const month = (m: number) => `${p.year}-${String(m).padStart(2, "0")}`;
  const raw = await haeBySexAge(areaKommuner(meta.registry, area), types, month(p.fromMonth), month(p.toMonth));
  const cells = sumForArea(
    meta.registry,
    area,
    raw,
    (r) => `${r.sex}|${r.age}`,
    (r) => r.tenths
  );
  const months = new Set(raw.map((r) => r.month)).size || 1;
  const avg = (tenths: bigint) => Number(tenths) / 10 / months;
  const cell = (s: string, a: string) => cells.get(`${s}|${a}`) ?? 0n;
  const ages = [...new Set(raw.map((r) => r.age))].sort();
  const breakdown = ages.flatMap((a) =>
    ["2", "1"].map((s) => ({age: a.replace("-", "–"), sex: meta.sexLabels[s], value: avg(cell(s, a))}))
  );
  const Plot = await plotModule();
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 300,
      marginLeft: 60,
      style: FONT,
      // Each bar is named on the axis below it, so kön is not told by colour alone.
      // On a phone the bars are named K and M (the legend says Kvinnor and Män) and the groups need no heading.
      fx: {label: named(width) ? "Åldersgrupp" : null, axis: "top"},
      x: {label: null, tickFormat: (s: string) => (named(width) ? s : s[0])},
      y: {label: "Snitt per månad", grid: true, tickFormat: (v: number) => formatDecimal(v)},
      color: {...colorScale(["Kvinnor", "Män"]), legend: true, style: FONT} as PlotModule.ScaleOptions,
      marks: [
        Plot.barY(breakdown, {
          fx: "age",
          x: "sex",
          y: "value",
          fill: "sex",
          tip: {format: {y: (v: number) => formatDecimal(v, 1)}}
        }),
        Plot.ruleY([0])
      ]
    })
  );
  const label = periodLabel(p.fromMonth, p.toMonth, p.year);
  const total = (s: string) => ages.reduce((sum, a) => sum + cell(s, a), 0n);
  const rows = [
    ...ages.map((a) => ({
      key: a,
      label: `${a.replace("-", "–")} år`,
      strong: false,
      values: [avg(cell("2", a)), avg(cell("1", a)), avg(cell("2", a) + cell("1", a))]
    })),
    {
      key: "summa",
      label: "Summa",
      strong: true,
      values: [avg(total("2")), avg(total("1")), avg(total("2") + total("1"))]
    }
  ];
  const cols = ["Åldersgrupp", "Kvinnor", "Män", "Totalt"];
  return h(
    "div",
    {},
    chartWithExport(
      `hae-kon-alder-${areaId}-${p.year}`,
      chart,
      `Helårsekvivalenter efter kön och åldersgrupp, snitt per månad ${label}, ${name}, valda ersättningar.`
    ),
    simpleTable(
      "hae-kon-alder",
      `Efter kön och ålder, snitt per månad ${label}, ${name}`,
      cols,
      rows.map((r) => ({...r, cells: r.values.map((v) => formatDecimal(v))}))
    ),
    csvButton(`hae-kon-alder-${areaId}-${p.year}.csv`, cols, () =>
      rows.map((r) => [r.label, ...r.values.map((v) => Number(v.toFixed(1)))])
    ),
    h(
      "p",
      {class: "fa-note"},
      "Kön och ålder visas för alla kön och åldrar oavsett filtren ovan; ersättningar och period följer valen. Avrundat per cell, så summorna kan skilja sig med en."
    )
  );
}

export {areaName};

/**
 * The filter and period inputs, each bound to its query parameter, in two rows: kön and ålder, then the period and
 * the two years (by default the latest full year against the one before; the years come from the whole table, so a
 * filter never resets them).
 */
export function periodControls(extent: {months: string[]; ages: string[]}) {
  const years = [...new Set(extent.months.map((m) => Number(m.slice(0, 4))))];
  const full = defaultHaeYear(extent.months);
  const yearOptions = years.map((y) => ({value: y, label: String(y)})).reverse();
  const months = MONTH_SHORT.map((m, i) => ({value: i + 1, label: m}));
  const ages = [
    {value: "alla", label: "Alla (20–64 år)"},
    ...extent.ages.map((a) => ({value: a, label: `${a.replace("-", "–")} år`}))
  ];
  const bind = <T>(input: HTMLElement & {value: T}, key: string, values: T[]) =>
    bindToAddress(input, key, choiceParam(values));
  const inputs = {
    sex: sexInput(),
    age: bind(
      select(ages, {label: "Åldersgrupp"}),
      "alder",
      ages.map((o) => o.value)
    ),
    fromMonth: bind(
      select(months, {label: "Period från", value: DEFAULT_MONTHS.fromMonth}),
      "fran",
      months.map((o) => o.value)
    ),
    toMonth: bind(
      select(months, {label: "till", value: DEFAULT_MONTHS.toMonth}),
      "till",
      months.map((o) => o.value)
    ),
    year: bind(select(yearOptions, {label: "År", value: full}), "ar", years),
    previousYear: bind(select(yearOptions, {label: "Jämfört med", value: full - 1}), "jamfor", years)
  };
  const element = h(
    "div",
    {},
    h("div", {class: "fa-controls"}, inputs.sex, inputs.age),
    h("div", {class: "fa-controls"}, inputs.fromMonth, inputs.toMonth, inputs.year, inputs.previousYear)
  );
  return {inputs, element};
}
