// Rounding a whole statement to kr or tkr so that every sum equals the sum of the rounded lines shown.
import {allocateRounded} from "./format.js";
import type {StatementLine} from "./statements.js";
import {orePerUnit, roundToUnit, type Unit} from "./units.js";

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
