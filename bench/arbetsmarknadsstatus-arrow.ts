// The national demo arbetsmarknadsstatus cube as the workspace's arbetsmarknadsstatus table, and the sums the DuckDB benchmark checks against.
import {toArrowStream} from "../loaders/arrow";
import type {ArbetsmarknadsstatusCube} from "../loaders/scb/demo";

/** Calls fn for every cell of the cube with its index, in the cube's order (kommun, month, status, sex, age). */
function eachCell(
  cube: ArbetsmarknadsstatusCube,
  fn: (i: number, kommun: string, month: string, status: string, sex: string, age: string) => void
): void {
  let i = 0;
  for (const kommun of cube.kommuner) {
    for (const month of cube.months) {
      for (const status of cube.statuses) {
        for (const sex of cube.sexes) for (const age of cube.ages) fn(i++, kommun, month, status, sex, age);
      }
    }
  }
}

/** The arbetsmarknadsstatus table's columns as src/data/arbetsmarknadsstatus.arrows.ts writes them (loaders/scb-tables.ts), source "demo". */
export function arbetsmarknadsstatusArrowStream(cube: ArbetsmarknadsstatusCube): Uint8Array {
  const n = cube.values.length;
  const names = ["kommun", "month", "status", "sex", "age"] as const;
  const text = Object.fromEntries(names.map((c) => [c, new Array<string>(n)])) as Record<string, string[]>;
  eachCell(cube, (i, kommun, month, status, sex, age) => {
    text.kommun[i] = kommun;
    text.month[i] = month;
    text.status[i] = status;
    text.sex[i] = sex;
    text.age[i] = age;
  });
  const utf8 = (values: string[]) => ({type: "utf8" as const, values});
  return toArrowStream({
    ...Object.fromEntries(names.map((c) => [c, utf8(text[c])])),
    persons: {type: "int32", values: Array.from(cube.values)},
    source: utf8(new Array<string>(n).fill("demo"))
  });
}

/** Sums of persons by `key` over the cells it keeps (undefined leaves a cell out). */
export function arbetsmarknadsstatusSums(
  cube: ArbetsmarknadsstatusCube,
  key: (kommun: string, month: string, status: string, sex: string, age: string) => string | undefined
): Map<string, number> {
  const sums = new Map<string, number>();
  eachCell(cube, (i, kommun, month, status, sex, age) => {
    const k = key(kommun, month, status, sex, age);
    if (k !== undefined) sums.set(k, (sums.get(k) ?? 0) + cube.values[i]);
  });
  return sums;
}
