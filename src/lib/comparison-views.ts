// The comparison's views of its rows: the rows chosen, indexed on the first common year or per inhabitant, each
// value in its display unit and formatted the Swedish way, with the text that says what a panel shows.
import {Decimal} from "decimal.js";
import {metric, type MetricDef, type MetricId} from "./comparison-metrics.js";
import type {ComparisonRow, PopulationYear} from "./comparison-series.js";
import {formatDecimal, formatPercent, formatTkr} from "./format.js";

export type ComparisonView = "absolut" | "index" | "per_invanare";

/** The views in the order the page offers them, with their Swedish labels. */
export const comparisonViews: {value: ComparisonView; label: string}[] = [
  {value: "absolut", label: "belopp"},
  {value: "index", label: "index (första gemensamma år = 100)"},
  {value: "per_invanare", label: "per invånare 20–64 år"}
];

/** A row with what the views need: its index (and base year) and its value per inhabitant. */
export type ViewRow = ComparisonRow & {index: Decimal | null; baseYear: number | null; commonBase: boolean};

/** The value as a number for charts: kr for belopp, per cent for andel, the count for antal. */
export function displayNumber(row: {metric: MetricId; value: bigint | Decimal}): number {
  const kind = metric(row.metric).kind;
  if (typeof row.value === "bigint") return Number(row.value) / 100;
  return kind === "andel" ? row.value.times(100).toNumber() : row.value.toNumber();
}

/** Indexes each förbund's series: its value in the first year that every förbund in the rows has a positive value
 * for the metric = 100; when no year is common to all, each förbund's own first positive year (commonBase false).
 * Metrics that cannot be indexed get null. */
export function indexSeries<T extends ComparisonRow>(
  rows: T[]
): (T & {index: Decimal | null; baseYear: number | null; commonBase: boolean})[] {
  const bases = new Map<string, {year: number; value: bigint | Decimal; common: boolean}>();
  for (const id of new Set(rows.map((r) => r.metric))) {
    if (!metric(id).indexable) continue;
    const of = rows.filter((r) => r.metric === id && isPositive(r.value)).sort((a, b) => a.year - b.year);
    const forbunds = [...new Set(rows.filter((r) => r.metric === id).map((r) => r.forbund))];
    const common = of
      .map((r) => r.year)
      .find((y) => forbunds.every((f) => of.some((r) => r.forbund === f && r.year === y)));
    for (const f of forbunds) {
      const base = of.find((r) => r.forbund === f && (common === undefined || r.year === common));
      if (base) bases.set(`${id}|${f}`, {year: base.year, value: base.value, common: common !== undefined});
    }
  }
  return rows.map((r) => {
    const base = bases.get(`${r.metric}|${r.forbund}`);
    const index = base ? toDecimal(r.value).div(toDecimal(base.value)).times(100) : null;
    return {...r, index, baseYear: base?.year ?? null, commonBase: base?.common ?? false};
  });
}

/** Adds each row's value per inhabitant aged 20–64 (kr per invånare; antal per 1 000 invånare); null where the
 * metric is a share or the population is missing. */
export function perCapita<T extends ComparisonRow>(rows: T[], population: PopulationYear[]): T[] {
  const persons = new Map(population.map((p) => [`${p.forbund}|${p.year}`, p.persons]));
  return rows.map((r) => {
    const n = persons.get(`${r.forbund}|${r.year}`);
    const m = metric(r.metric);
    if (!m.perCapita || !n) return {...r, perCapita: null};
    const value = typeof r.value === "bigint" ? new Decimal(r.value.toString()).div(100) : r.value.times(1000);
    return {...r, perCapita: value.div(n)};
  });
}

const toDecimal = (v: bigint | Decimal) => (typeof v === "bigint" ? new Decimal(v.toString()) : v);
const isPositive = (v: bigint | Decimal) => (typeof v === "bigint" ? v > 0n : v.greaterThan(0));

/** The rows of the chosen förbund and metrics, indexed among those förbund (the base follows the choice). */
export function selectRows(rows: ComparisonRow[], forbunds: string[], metrics: MetricId[]): ViewRow[] {
  return indexSeries(rows.filter((r) => forbunds.includes(r.forbund) && metrics.includes(r.metric)));
}

/** The years the rows cover, in order. */
export function yearsOf(rows: {year: number}[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** Whether the metric changes under the view; shares and results that cannot be indexed are shown as they are. */
export function transformed(m: MetricDef, view: ComparisonView): boolean {
  return view === "index" ? m.indexable : view === "per_invanare" ? m.perCapita : false;
}

/** The unit a metric is shown in under a view, for axis labels and column headings. */
export function unitLabel(m: MetricDef, view: ComparisonView): string {
  if (transformed(m, view) && view === "index") return "index";
  if (transformed(m, view) && view === "per_invanare")
    return m.kind === "antal" ? "per 1 000 invånare 20–64 år" : "kr per invånare 20–64 år";
  return m.kind === "belopp" ? "tkr" : m.kind === "andel" ? "%" : "antal";
}

/** The value shown, as a Decimal in the display unit (tkr, %, index, kr per invånare …); null when the view has none. */
export function shownValue(row: ViewRow, view: ComparisonView): Decimal | null {
  const m = metric(row.metric);
  if (transformed(m, view)) return view === "index" ? row.index : (row.perCapita ?? null);
  if (typeof row.value === "bigint") return new Decimal(row.value.toString()).div(100_000);
  return m.kind === "andel" ? row.value.times(100) : row.value;
}

/** The shown value formatted the Swedish way, in the unit of unitLabel. */
export function formatShown(row: ViewRow, view: ComparisonView): string {
  const m = metric(row.metric);
  const v = shownValue(row, view);
  if (v === null) return "–";
  if (!transformed(m, view)) {
    if (typeof row.value === "bigint") return formatTkr(row.value);
    return m.kind === "andel" ? formatPercent(row.value, 1) : formatDecimal(row.value, 0);
  }
  return formatDecimal(v, view === "index" || m.kind === "antal" ? 1 : 0);
}

/** A förbund formed by a merger: from its first year its figures are the merged förbund's, before it a predecessor's. */
export interface Merger {
  forbund: string;
  year: number;
  /** The merged förbund's name, e.g. "Falun-Borlänge". */
  name: string;
  /** The predecessors' names; the first is the one whose figures the years before show. */
  predecessors: string[];
}

/** The mark on a chart at the merger, e.g. "Falun-Borlänge bildas 2023, före: Finsam Falun". */
export function mergerLabel(g: Merger): string {
  return `${g.name} bildas ${g.year}, före: ${g.predecessors[0]}`;
}

/** What a panel's jump at a merger is, in words and in the panel's own figures: "… (4 160 → 8 629 tkr) …". */
export function mergerNote(g: Merger, rows: ViewRow[], view: ComparisonView): string {
  const m = metric(rows[0].metric);
  const at = (year: number) => rows.find((r) => r.forbund === g.forbund && r.year === year);
  const [before, after] = [at(g.year - 1), at(g.year)];
  const jump =
    before && after && shownValue(before, view) !== null && shownValue(after, view) !== null
      ? ` (${formatShown(before, view)} → ${formatShown(after, view)}${unitLabel(m, view) === "%" ? "" : ` ${unitLabel(m, view)}`})`
      : "";
  return `${g.name}: ${g.year - 1} och ${g.year}${jump} är inte jämförbara. ${mergerSentence(g)}`;
}

/** The merger in one sentence: who merged, and whose figures the years before are. */
function mergerSentence(g: Merger): string {
  return `${g.name} bildades ${g.year} genom sammanslagning av ${g.predecessors.join(" och ")}, och till och med ${g.year - 1} visas ${g.predecessors[0]}s siffror ensamma.`;
}

/** The table caption's note for each merged förbund shown. */
export function mergerTableNotes(cast: {mergers: Merger[]}, forbunds: string[]): string[] {
  return cast.mergers.filter((g) => forbunds.includes(g.forbund)).map(mergerSentence);
}

/** The caption of one metric's panel: what it shows, in which unit and view, with the 20 % line where drawn. */
export function panelCaption(m: MetricDef, rows: ViewRow[], view: ComparisonView, span: [number, number]): string {
  const base = rows.find((r) => r.baseYear !== null);
  const indexText =
    view === "index" && transformed(m, view)
      ? base?.commonBase
        ? `, index ${base.baseYear} = 100`
        : ", index: inget år gemensamt för alla valda förbund, så varje förbunds första år = 100"
      : "";
  const rule = m.rule !== undefined && !transformed(m, view) ? " Streckad röd linje: 20 %." : "";
  return `${m.label} (${unitLabel(m, view)}${indexText}) per förbund ${span[0]}–${span[1]}.${rule}`;
}
