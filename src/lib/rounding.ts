// Every rounding of the workspace: öre to kr or tkr, a Decimal to whole öre, parts that must sum to their rounded
// total, and a whole statement so that every sum equals the sum of the rounded lines shown. All rounding is half
// away from zero (2,5 → 3 and −2,5 → −3), the rule used in annual reports; formatting (format.ts) only prints.
import Decimal from "decimal.js";
import type {StatementLine} from "./statements.js";

/** Öre per krona. */
export const KR = 100n;
/** Öre per tusen kronor (tkr). */
export const TKR = 100_000n;

/** A reporting unit: kronor or thousands of kronor. */
export type Unit = "kr" | "tkr";

/** Öre in one unit. */
export const orePerUnit: Record<Unit, bigint> = {kr: KR, tkr: TKR};

/** a / b rounded half away from zero, exactly; b > 0. */
export function roundDiv(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError(`divisor must be positive, got ${b}`);
  const q = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -q : q;
}

/** Rounds öre to whole units (kr or tkr), half away from zero. */
export function roundToUnit(ore: bigint, unit: Unit): bigint {
  return roundDiv(ore, orePerUnit[unit]);
}

/** Rounds a Decimal to a number of decimals, half away from zero (Decimal's ROUND_HALF_UP). */
export function roundToDecimals(x: Decimal, decimals: number): Decimal {
  return x.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** Rounds a Decimal number of öre to whole öre, half away from zero. */
export function roundToOre(x: Decimal): bigint {
  return BigInt(roundToDecimals(x, 0).toFixed(0));
}

/** Rounds öre to the nearest multiple of unit (in öre), half away from zero; the result is still öre. */
export function roundToMultiple(ore: bigint, unit: bigint): bigint {
  return roundDiv(ore, unit) * unit;
}

/**
 * Rounds each part to a multiple of unit (öre in, öre out) so that the rounded parts sum to the rounded total.
 *
 * Rule (largest remainder): the total (default: the sum of the parts) is rounded half away from zero. Each part
 * is first rounded down (towards −∞); the units still missing to reach the rounded total go one each to the
 * parts with the largest remainders, ties to the earlier part. A negative total is solved as its mirror image,
 * so negating every input negates every output. When total is the sum of the parts, every rounded part is
 * within one unit of its exact value; an explicit total that differs from the sum spreads the difference evenly.
 */
export function allocateRounded(parts: bigint[], total?: bigint, unit: bigint = TKR): bigint[] {
  if (unit <= 0n) throw new RangeError(`unit must be positive, got ${unit}`);
  if (parts.length === 0) return [];
  const sum = total ?? parts.reduce((a, b) => a + b, 0n);
  if (sum < 0n) return allocateRounded(parts.map(negate), -sum, unit).map(negate);
  const target = roundToMultiple(sum, unit) / unit;
  const floors = parts.map((p) => floorDiv(p, unit));
  const remainders = parts.map((p, i) => p - floors[i] * unit);
  const missing = target - floors.reduce((a, b) => a + b, 0n);
  const n = BigInt(parts.length);
  const each = missing / n;
  const extra = Number(missing % n);
  const order = parts.map((_, i) => i).sort((a, b) => compareDesc(remainders[a], remainders[b]) || a - b);
  const result = floors.map((f) => f + each);
  // A positive extra goes to the largest remainders, a negative one is taken from the smallest.
  const bumped = extra >= 0 ? order.slice(0, extra) : order.slice(order.length + extra);
  for (const i of bumped) result[i] += extra >= 0 ? 1n : -1n;
  return result.map((units) => units * unit);
}

/**
 * Rounds a statement's lines to the unit. The leaves under each top-level sum are rounded together by the
 * largest-remainder rule, with that sum rounded half away from zero as their total; every sum line is then
 * the sum of its rounded parts. A leaf under no sum (likvida medel) is rounded on its own.
 */
export function roundStatement(
  lines: StatementLine[],
  unit: Unit,
  fixed: Map<string, bigint> = new Map()
): Map<string, bigint> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const used = new Set(lines.flatMap((l) => l.sum ?? []));
  const leavesOf = (id: string): string[] => {
    const l = byId.get(id);
    return l?.sum ? l.sum.flatMap(leavesOf) : [id];
  };
  // Lines already rounded elsewhere (årets resultat, as the resultaträkning shows it) keep that value, so the
  // same figure never shows two ways; the other leaves share what remains of the rounded total.
  const rounded = new Map<string, bigint>(fixed);
  const d = orePerUnit[unit];
  for (const root of lines.filter((l) => l.sum && !used.has(l.id))) {
    const leaves = leavesOf(root.id).filter((id) => !rounded.has(id));
    const fixedPart = leavesOf(root.id)
      .filter((id) => fixed.has(id))
      .reduce((s, id) => s + fixed.get(id)! * d, 0n);
    const total = roundToUnit(root.value, unit) * d - fixedPart;
    const parts = allocateRounded(
      leaves.map((id) => byId.get(id)!.value),
      total,
      d
    );
    leaves.forEach((id, i) => rounded.set(id, parts[i] / d));
  }
  for (const l of lines) {
    if (l.sum)
      rounded.set(
        l.id,
        l.sum.reduce((s, id) => s + (rounded.get(id) ?? 0n), 0n)
      );
    else if (!rounded.has(l.id)) rounded.set(l.id, roundToUnit(l.value, unit));
  }
  return rounded;
}

function negate(x: bigint): bigint {
  return -x;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

function compareDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
