// The national demo HÅE cube as the workspace's Arrow table, and the sums the DuckDB benchmark checks against.
import type {Column} from "../loaders/arrow.js";
import {toArrowStream} from "../loaders/arrow.js";
import type {HaeCube} from "../loaders/scb/demo.js";

/** Columns kommun, month ("YYYY-MM"), type, sex, age (utf8) and tenths (int64, HÅE in tenths) as an IPC stream. */
export function haeArrowStream(hae: HaeCube): Uint8Array {
  const n = hae.values.length;
  const columns = {kommun: [], month: [], type: [], sex: [], age: []} as Record<string, string[]>;
  for (const values of Object.values(columns)) values.length = n;
  const tenths = new Array<bigint>(n);
  let i = 0;
  for (const kommun of hae.kommuner) {
    for (const month of hae.months) {
      for (const type of hae.types) {
        for (const sex of hae.sexes) {
          for (const age of hae.ages) {
            columns.kommun[i] = kommun;
            columns.month[i] = month;
            columns.type[i] = type;
            columns.sex[i] = sex;
            columns.age[i] = age;
            tenths[i] = BigInt(Math.round(hae.values[i] * 10));
            i++;
          }
        }
      }
    }
  }
  const utf8 = (values: string[]): Column => ({type: "utf8", values});
  return toArrowStream({
    kommun: utf8(columns.kommun),
    month: utf8(columns.month),
    type: utf8(columns.type),
    sex: utf8(columns.sex),
    age: utf8(columns.age),
    tenths: {type: "int64", values: tenths}
  });
}

/** Sums of tenths over sex and age, keyed "kommun|month|type"-style by `key`, for the kommuner and months kept. */
export function haeSums(
  hae: HaeCube,
  key: (kommun: string, month: string, type: string) => string | undefined
): Map<string, number> {
  const sums = new Map<string, number>();
  const cell = hae.sexes.length * hae.ages.length;
  let i = 0;
  for (const kommun of hae.kommuner) {
    for (const month of hae.months) {
      for (const type of hae.types) {
        const k = key(kommun, month, type);
        if (k !== undefined) {
          let sum = 0;
          for (let j = i; j < i + cell; j++) sum += Math.round(hae.values[j] * 10);
          sums.set(k, (sums.get(k) ?? 0) + sum);
        }
        i += cell;
      }
    }
  }
  return sums;
}
