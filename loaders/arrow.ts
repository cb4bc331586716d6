// Arrow IPC streams (.arrows) for Framework data loaders: typed columns, money as Int64 öre, no floats for money.
// The stream extension also keeps Framework from adding its CDN apache-arrow import for .arrow attachments.
import {Table, Utf8, makeVector, tableToIPC, vectorFromArray} from "apache-arrow";

export type Column =
  {type: "utf8"; values: (string | null)[]} | {type: "int32"; values: number[]} | {type: "int64"; values: bigint[]};

/** An Arrow IPC stream (the format DuckDB-WASM inserts) from named, typed columns. */
export function toArrowStream(columns: Record<string, Column>): Uint8Array {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, c]) => {
      if (c.type === "int64") return [name, makeVector(BigInt64Array.from(c.values))];
      if (c.type === "int32") return [name, makeVector(Int32Array.from(c.values))];
      return [name, vectorFromArray(c.values, new Utf8())];
    })
  );
  return tableToIPC(new Table(vectors), "stream");
}

/** Builds columns row by row: each call adds one value per column. */
export function columnBuilder<T extends Record<string, Column["type"]>>(types: T) {
  const columns = Object.fromEntries(
    Object.entries(types).map(([k, type]) => [k, {type, values: []}])
  ) as unknown as Record<keyof T, Column>;
  return {
    columns,
    add(row: {[K in keyof T]: T[K] extends "int64" ? bigint : T[K] extends "int32" ? number : string | null}) {
      for (const k in row) (columns[k].values as unknown[]).push(row[k]);
    }
  };
}
