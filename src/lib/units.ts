// Reporting units: kronor or thousands of kronor, rounded half away from zero as the reports round.
import {KR, TKR, roundToMultiple} from "./format.js";

export type Unit = "kr" | "tkr";

/** Öre in one unit. */
export const orePerUnit: Record<Unit, bigint> = {kr: KR, tkr: TKR};

/** Rounds öre to whole units (kr or tkr), half away from zero. */
export function roundToUnit(ore: bigint, unit: Unit): bigint {
  return roundToMultiple(ore, orePerUnit[unit]) / orePerUnit[unit];
}
