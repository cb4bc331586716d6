import Decimal from "decimal.js";
import {describe, expect, it} from "vitest";
import {formatDate, formatDecimal, formatKr, formatKrOre, formatPercent, formatTkr} from "../src/lib/format.js";

// Written with visible markers so the expected strings show which space and minus are used.
const sv = (s: string) => s.replace(/_/g, "\u00A0").replace(/~/g, "\u2212");

describe("formatKr", () => {
  it.each([
    [862900800n, "8_629_008"],
    [862900850n, "8_629_009"],
    [862900849n, "8_629_008"],
    [-862900850n, "~8_629_009"],
    [-862900849n, "~8_629_008"],
    [0n, "0"],
    [-49n, "0"],
    [-50n, "~1"],
    [99999n, "1_000"],
    [12345678901234567800n, "123_456_789_012_345_678"]
  ])("%s öre → %s", (ore, text) => {
    expect(formatKr(ore)).toBe(sv(text));
  });
});

describe("formatKrOre", () => {
  it.each([
    [862900850n, "8_629_008,50"],
    [-862900805n, "~8_629_008,05"],
    [5n, "0,05"],
    [-5n, "~0,05"],
    [0n, "0,00"],
    [100000n, "1_000,00"]
  ])("%s öre → %s", (ore, text) => {
    expect(formatKrOre(ore)).toBe(sv(text));
  });
});

describe("formatTkr", () => {
  it.each([
    [862900850n, "8_629"],
    [862950000n, "8_630"],
    [862949999n, "8_629"],
    [-862950000n, "~8_630"],
    [-4999n, "0"],
    [-50000n, "~1"],
    [123456789000000n, "1_234_567_890"]
  ])("%s öre → %s", (ore, text) => {
    expect(formatTkr(ore)).toBe(sv(text));
  });
});

describe("formatPercent and formatDecimal", () => {
  it.each([
    [0.337, 1, "33,7_%"],
    [new Decimal("0.3365"), 1, "33,7_%"],
    [new Decimal("-0.3365"), 1, "~33,7_%"],
    [new Decimal("0.33649"), 1, "33,6_%"],
    [0.5, 0, "50_%"],
    [12.345, 1, "1_234,5_%"],
    [-0.0004, 1, "0,0_%"],
    [new Decimal(1).dividedBy(3), 2, "33,33_%"]
  ])("%s with %d decimals → %s", (x, decimals, text) => {
    expect(formatPercent(x, decimals)).toBe(sv(text));
  });

  it("defaults to one decimal and shows a dash for what is not a number", () => {
    expect(formatPercent(0.25)).toBe(sv("25,0_%"));
    expect(formatPercent(NaN)).toBe("–");
    expect(formatPercent(Infinity)).toBe("–");
    expect(formatPercent(new Decimal(NaN))).toBe("–");
  });

  it("formats decimals with comma and NBSP groups", () => {
    expect(formatDecimal(1234567.891, 2)).toBe(sv("1_234_567,89"));
    expect(formatDecimal(new Decimal("-2.5"))).toBe(sv("~3"));
    expect(formatDecimal(2.5)).toBe("3");
    expect(formatDecimal(999.5)).toBe(sv("1_000"));
  });
});

describe("formatDate", () => {
  it("formats ISO strings, compact strings and Date objects", () => {
    expect(formatDate("2023-01-31")).toBe("2023-01-31");
    expect(formatDate("20230131")).toBe("2023-01-31");
    expect(formatDate("2023-01-31", "long")).toBe("31 januari 2023");
    expect(formatDate("2023-12-01", "long")).toBe("1 december 2023");
    expect(formatDate(new Date("2023-05-07"))).toBe("2023-05-07");
    expect(formatDate(new Date(Date.UTC(2023, 4, 7, 23, 30)), "long")).toBe("7 maj 2023");
  });

  it("leaves text it cannot read as it is", () => {
    expect(formatDate("okänt")).toBe("okänt");
    expect(formatDate("2023-13-01")).toBe("2023-13-01");
    expect(formatDate(new Date(NaN))).toBe("–");
  });
});
