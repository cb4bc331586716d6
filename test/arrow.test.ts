import {Table, Utf8, tableToIPC, vectorFromArray, tableFromIPC, makeVector} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {toArrowStream, utf8Data} from "../loaders/arrow.js";

/** The IPC stream of one Utf8 column built by apache-arrow's own builder: what utf8Data must equal byte for byte. */
function builderStream(values: (string | null)[]): Uint8Array {
  return tableToIPC(new Table({s: vectorFromArray(values, new Utf8())}), "stream");
}

const VALUES: (string | null)[][] = [
  [],
  [null],
  [""],
  ["1930", "2023-01-05", null, "", "A", "12"],
  ["Hyra för lokal, kv 1", "Årets resultat", "ÅÄÖ åäö é ü", null, "€ 100", "😀 emoji", "x".repeat(300)],
  Array.from({length: 1000}, (_, i) => (i % 7 === 0 ? null : i % 5 === 0 ? `Förbund ${i} – ö` : `konto ${i}`))
];

describe("utf8Data", () => {
  it("reads back as apache-arrow's builder writes, byte for byte without nulls and never larger with them", () => {
    for (const values of VALUES) {
      const ours = tableToIPC(new Table({s: makeVector(utf8Data(values))}), "stream");
      const theirs = builderStream(values);
      expect(tableFromIPC(ours).getChild("s")!.toArray()).toEqual(values);
      // The builder pads its validity bitmap to 64 bytes; ours is the bitmap's own size, rounded to 8 by the writer.
      if (values.includes(null)) expect(ours.length).toBeLessThanOrEqual(theirs.length);
      else expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    }
  });

  it("keeps toArrowStream's utf8 columns as they were", () => {
    const values = ["Falun-Borlänge", null, "Klarälvdalen"];
    const stream = toArrowStream({namn: {type: "utf8", values}, n: {type: "int32", values: [1, 2, 3]}});
    expect(
      tableFromIPC(stream)
        .toArray()
        .map((r) => r.toJSON())
    ).toEqual([
      {namn: "Falun-Borlänge", n: 1},
      {namn: null, n: 2},
      {namn: "Klarälvdalen", n: 3}
    ]);
  });
});
