// Reporting units: kronor or thousands of kronor, rounded half away from zero as the reports round.
export type Unit = "kr" | "tkr";

const orePerUnit: Record<Unit, bigint> = {kr: 100n, tkr: 100_000n};

/** Rounds öre to whole units (kr or tkr), half away from zero. */
export function roundToUnit(ore: bigint, unit: Unit): bigint {
  const d = orePerUnit[unit];
  const q = ore / d;
  const r = ore % d;
  if (2n * (r < 0n ? -r : r) >= d) return q + (ore < 0n ? -1n : 1n);
  return q;
}
