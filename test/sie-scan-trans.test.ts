// SimpleLine.scanTrans, the one-pass split of `#TRANS account {list} amount`, must find exactly the fields that the
// generic SimpleLine.scan finds, and leave every other line to scan(). Checked on hand-made border lines and on random
// lines built from pieces of #TRANS rows.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {OTHER_LINE, RECORD_LINE, SimpleLine} from "../loaders/sie/scan.js";
import {parseDate} from "../loaders/sie/values.js";

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** What a line's scan found: the result and, for a record, each field's range and whether it is a list. */
function fieldsOf(line: SimpleLine, result: number): unknown {
  if (result !== RECORD_LINE) return result;
  const fields: unknown[] = [];
  for (let n = 0; n < line.count; n++) fields.push([line.start(n), line.end(n), line.hasList(n, n + 1)]);
  return {count: line.count, fields, pairs: line.hasList(2, 3) ? line.pairsUp(2) : undefined};
}

function check(text: string): boolean {
  const bytes = bytesOf(`xx${text}yy`);
  const start = 2;
  const end = bytes.length - 2;
  const one = new SimpleLine("cp437", parseDate);
  const generic = new SimpleLine("cp437", parseDate);
  const fast = one.scanTrans(bytes, start, end);
  const general = generic.scan(bytes, start, end);
  if (fast === RECORD_LINE) {
    expect(fieldsOf(one, fast), text).toEqual(fieldsOf(generic, general));
    expect(generic.count, text).toBe(4);
    // What scanTrans reads on the way: the amount as plainOre reads it (-0 and NaN included), a four-digit account.
    expect(one.transOre, text).toBe(generic.ore(3) ?? NaN);
    const account = String.fromCharCode(...bytes.subarray(generic.start(1), generic.end(1)));
    expect(one.transAccount, text).toBe(/^[0-9]{4}$/.test(account) ? Number(account) : -1);
    return true;
  }
  expect(fast, text).toBe(OTHER_LINE);
  return false;
}

describe("SimpleLine.scanTrans", () => {
  it("takes the common rows with the fields scan() finds", () => {
    const taken = [
      "#TRANS 1930 {} -100.00",
      "#TRANS 1510 {} 113159.21",
      '#TRANS 4020 {1 "200" 6 "604"} 3945.66',
      "#TRANS\t7210 {1 100}\t8124.14  ",
      "#TRANS  3000   {  }   5",
      '#TRANS 3000 {"1" "2"} -0.5\t',
      // Amounts plainOre does not read, and accounts that are not four digits: split all the same.
      "#TRANS 1930 {} -0",
      "#TRANS 1930 {} 1.",
      "#TRANS 1930 {} -.5",
      "#TRANS 1930 {} 1.234",
      "#TRANS 1930 {} 12345678901234",
      "#TRANS 1930 {} 1234567890123.45",
      "#TRANS 1930 {} 1,50",
      "#TRANS 1930 {} 1-",
      "#TRANS 193 {} 1",
      "#TRANS 19300 {} 1",
      "#TRANS 19a0 {} 1",
      "#TRANS 0000 {} 1"
    ];
    for (const line of taken) expect(check(line), line).toBe(true);
  });

  it("leaves every other shape to scan()", () => {
    const left = [
      "#TRANS 1930 {} -100.00 20240101",
      '#TRANS 1930 {} -100.00 "" ""',
      "#TRANS 1930 -100.00",
      " #TRANS 1930 {} 1",
      "#TRANSX 1930 {} 1",
      "#trans 1930 {} 1",
      "#TRANS 1930{} 1",
      "#TRANS 1930 {}1",
      '#TRANS "1930" {} 1',
      "#TRANS 1930 {1 2",
      '#TRANS 1930 {1 "a\\"b"} 1',
      '#TRANS 1930 {} "1"',
      "#TRANS 1930 {} 1\r2",
      "#TRANS 1930 {} 1\u0094",
      "#TRANS 19\u009430 {} 1",
      "#TRANS 1930 {} {}",
      "#TRANS 1930 {}",
      "#TRANS",
      "#VER A 1 20240101"
    ];
    for (const line of left) expect(check(line), line).toBe(false);
  });

  it("agrees with scan() on random #TRANS-like lines", () => {
    const piece = fc.constantFrom(
      "#TRANS",
      " ",
      "\t",
      "  ",
      "1930",
      "{",
      "}",
      "{}",
      '"',
      '"6"',
      "1",
      "-100.50",
      "-",
      ".",
      "0",
      "25",
      "12345678901234",
      "\\",
      "\r",
      "\u0094",
      "x",
      "20240101"
    );
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
        check(["#TRANS ", ...pieces].join(""));
      }),
      {numRuns: 5000}
    );
  });
});
