// The statements page's rules: which view an old link opens, which prior years are another förbund's figures, how
// the accounts behind a line add up to it in the statement's signs, and how a page of rows is described.
import {formatDecimal} from "./format.js";
import type {LeafLine} from "./lines.js";
import {displayValue, type AccountBalance, type StatementLine} from "./statements.js";
import {allocateRounded, orePerUnit, type Unit} from "./rounding.js";

/** The förbund and year of an old link (#förbund/år), or undefined for any other hash. */
export function legacyHash(hash: string): {forbund: string; year: string} | undefined {
  const m = /^#([^/]+)\/(\d{4})$/.exec(safeDecode(hash));
  return m ? {forbund: m[1], year: m[2]} : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A registry entry as far as comparability needs it (data/forbund.json). */
export interface RegistryEntry {
  id: string;
  name: string;
  shortName?: string;
  /** The day the förbund was formed, when it was formed by a merger. */
  from?: string;
  /** The förbund it was formed from; the first is the one whose books it continues. */
  predecessors?: string[];
}

/** Why a prior year cannot be compared with the year shown: the figures are a predecessor's alone. */
export interface NotComparable {
  year: number;
  /** A short mark for a column heading. */
  mark: string;
  /** One sentence for the page. */
  text: string;
}

const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** Whether `year` of a förbund holds only its predecessor's figures (formed by a merger after that year). */
export function notComparable(registry: RegistryEntry[], forbund: string, year: number): NotComparable | null {
  const entry = registry.find((f) => f.id === forbund);
  if (!entry?.from || !entry.predecessors?.length || year >= Number(entry.from.slice(0, 4))) return null;
  const names = entry.predecessors.map((id) => {
    const p = registry.find((f) => f.id === id);
    return p?.shortName ?? p?.name ?? id;
  });
  const own = entry.shortName ?? entry.name;
  return {
    year,
    mark: `${year}: ${names[0]} ensam`,
    text: `${year} är inte jämförbart: ${own} bildades ${entry.from} ur ${names.join(" och ")}, och siffrorna för ${year} är ${genitive(names[0])} ensam (jämförelsetalen i årsredovisningen har inte räknats om).`
  };
}

/** One account behind a statement line, its figure in the statement's signs and rounded to the unit. */
export interface DrillRow {
  account: string;
  name: string;
  /** Öre, in the statement's signs (income and assets positive, costs and claims negative or positive as printed). */
  value: bigint;
  /** The figure rounded to the unit so that the rows add up to the line as the statement shows it. */
  shown: bigint;
}

/**
 * The accounts behind a leaf line with their figures as the statement counts them, rounded so that they add up to
 * the line's value as shown (`lineShown`, in the unit); `total` is that value.
 */
export function drillRows(
  line: StatementLine,
  balances: AccountBalance[],
  unit: Unit,
  lineShown: bigint
): {rows: DrillRow[]; total: bigint} {
  const own = balances.filter((b) => line.accounts.includes(b.account));
  const values = own.map((b) => displayValue(line.id as LeafLine, b, "closing"));
  const d = orePerUnit[unit];
  const shown = allocateRounded(values, lineShown * d, d).map((v) => v / d);
  return {
    rows: own.map((b, i) => ({account: b.account, name: b.name, value: values[i], shown: shown[i]})),
    total: lineShown
  };
}

/** How the page describes rows [offset, offset + count) of total: "Visar 1–50 av 960 000". */
export function pageLabel(offset: number, count: number, total: number): string {
  if (!total) return "Inga rader";
  return `Visar ${formatDecimal(offset + 1)}–${formatDecimal(offset + count)} av ${formatDecimal(total)}`;
}

/** The offsets of the previous and the next page, or null where there is none. */
export function pageSteps(offset: number, size: number, total: number): {previous: number | null; next: number | null} {
  return {previous: offset > 0 ? Math.max(0, offset - size) : null, next: offset + size < total ? offset + size : null};
}
