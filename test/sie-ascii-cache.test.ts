// AsciiCache (loaders/sie/scan.ts) finds a value again by the bytes it was made from: keys of up to eight bytes by
// their bytes packed into two numbers, longer ones by a hash and their text. Either way a key must find its own value
// and never another's: checked on random keys of every length around the border, NUL and high bytes among them.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {AsciiCache} from "../loaders/sie/scan.js";

const textOf = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe("AsciiCache", () => {
  it("gives each key the value made from its own text, made once", () => {
    const byte = fc.constantFrom(0, 1, 0x20, 0x30, 0x31, 0x41, 0x7f, 0x80, 0xff);
    fc.assert(
      fc.property(fc.array(fc.array(byte, {maxLength: 12}), {minLength: 1, maxLength: 60}), (keys) => {
        const made: string[] = [];
        const cache = new AsciiCache((text) => {
          made.push(text);
          return {text};
        });
        for (const key of [...keys, ...keys]) {
          // Each key at an offset in a larger buffer, as the reader looks keys up inside a line.
          const bytes = Uint8Array.from([9, 9, ...key, 9]);
          expect(cache.get(bytes, 2, 2 + key.length).text).toBe(textOf(Uint8Array.from(key)));
        }
        expect(made.sort()).toEqual([...new Set(keys.map((key) => textOf(Uint8Array.from(key))))].sort());
      }),
      {numRuns: 500}
    );
  });

  it("keeps keys that pack alike apart by their length", () => {
    const cache = new AsciiCache((text) => text);
    const keys = ["", "\0", "\0\0", "\0\0\0\0", "\0\0\0\0\0", "A", "\0A", "\0\0\0\0A", "AAAA", "AAAAA", "AAAAAAAAA"];
    for (const key of [...keys, ...keys.reverse()]) {
      expect(
        cache.get(
          Uint8Array.from(key, (c) => c.charCodeAt(0)),
          0,
          key.length
        )
      ).toBe(key);
    }
  });
});
