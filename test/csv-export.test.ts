import {describe, expect, it} from "vitest";
import {oreToCsvKr, toCsv} from "../src/lib/csv-export.js";

describe("toCsv", () => {
  it("writes ; separated rows with CRLF, decimal comma and quotes only where needed", () => {
    expect(
      toCsv(
        ["Rad", "2023 (kr)"],
        [
          ["Verksamhetens intäkter", 8629008n],
          ["Andel", 0.337],
          ['Text; med "citat"', null]
        ]
      )
    ).toBe('Rad;2023 (kr)\r\nVerksamhetens intäkter;8629008\r\nAndel;0,337\r\n"Text; med ""citat""";\r\n');
  });
});

describe("oreToCsvKr", () => {
  it.each([
    [123456n, "1234,56"],
    [-24252_00n, "-24252"],
    [5n, "0,05"],
    [-105n, "-1,05"]
  ])("%s öre → %s", (ore, text) => expect(oreToCsvKr(ore)).toBe(text));
});
