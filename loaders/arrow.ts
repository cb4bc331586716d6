// Arrow IPC streams (.arrows) for Framework data loaders: typed columns, money as Int64 öre, no floats for money.
// The stream extension also keeps Framework from adding its CDN apache-arrow import for .arrow attachments.
import {Table, Utf8, makeData, makeVector, tableToIPC, type Data} from "apache-arrow";

export type Column =
  {type: "utf8"; values: (string | null)[]} | {type: "int32"; values: number[]} | {type: "int64"; values: bigint[]};

/** An Arrow IPC stream (the format DuckDB-WASM inserts) from named, typed columns. */
export function toArrowStream(columns: Record<string, Column>): Uint8Array {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, c]) => {
      if (c.type === "int64") return [name, makeVector(BigInt64Array.from(c.values))];
      if (c.type === "int32") return [name, makeVector(Int32Array.from(c.values))];
      return [name, makeVector(utf8Data(c.values))];
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

const ENCODER = new TextEncoder();

/**
 * Strings as Arrow Utf8 data, as apache-arrow's builder (vectorFromArray) makes them but without its TextEncoder call
 * per value: ASCII, nearly every value in a ledger, is copied a character at a time, and only a string with other
 * characters is encoded. At a 200 MB ledger the builder was a third of the ingestion's time. The same bytes, except
 * that the validity bitmap is not padded to 64 bytes (test/arrow.test.ts).
 */
export function utf8Data(values: ArrayLike<string | null>): Data<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const validity = new Uint8Array((n + 7) >> 3);
  let bytes = new Uint8Array(Math.max(64, n * 8));
  let at = 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === null || s === undefined) nulls++;
    else {
      validity[i >> 3] |= 1 << (i & 7);
      // A UTF-16 code unit is at most three bytes of UTF-8.
      if (at + s.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + s.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      let j = 0;
      for (; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (c >= 0x80) break;
        bytes[at + j] = c;
      }
      at += j === s.length ? j : ENCODER.encodeInto(s, bytes.subarray(at)).written;
    }
    offsets[i + 1] = at;
  }
  const type = new Utf8();
  return makeData({
    type,
    length: n,
    nullCount: nulls,
    nullBitmap: validity,
    valueOffsets: offsets,
    data: bytes.subarray(0, at)
  });
}
