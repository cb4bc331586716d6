import {describe, expect, it} from "vitest";
import {parseDecimal, parseSwedishAmount, parseSwedishInteger} from "../src/lib/number.js";

describe("parseSwedishAmount", () => {
  it.each([
    ["1 234,50", 123450n],
    ["1234,5", 123450n],
    ["-1 234", -123400n],
    ["\u22121 234", -123400n],
    ["\u20131 234", -123400n],
    ["\u2212 1 234,50", -123450n],
    ["1\u00A0234\u00A0567,89", 123456789n],
    ["1\u202F234,50", 123450n],
    ["1\u2009234,50", 123450n],
    ["8\u00A0629\u00A0008,50", 862900850n],
    ["1.234,50", 123450n],
    ["1.234.567", 123456700n],
    ["1234.50", 123450n],
    ["1234.5", 123450n],
    ["1,234.50", 123450n],
    ["1,234,567", 123456700n],
    ["(1 234)", -123400n],
    ["( 1 234,50 kr )", -123450n],
    ["(1 234) kr", -123400n],
    ["1234-", -123400n],
    ["1 234,50\u2212", -123450n],
    ["+1 234", 123400n],
    ["1 234 kr", 123400n],
    ["1234kr", 123400n],
    ["1 234,50 KR", 123450n],
    ["-1 234 kr", -123400n],
    ["100:-", 10000n],
    ["0", 0n],
    ["-0,00", 0n],
    ["  42  ", 4200n],
    ["0,05", 5n],
    ["123456789012345678,99", 12345678901234567899n]
  ])("reads %j as %s öre", (text, ore) => {
    expect(parseSwedishAmount(text)).toBe(ore);
  });

  it.each([
    "",
    " ",
    "-",
    "kr",
    "1,234",
    "1.234",
    "1 234,567",
    "1234.567",
    "12,3,4",
    "1,23,456",
    "12 34",
    "1 2345",
    "1 234.567.890",
    "1.234,5.0",
    "1,234.5,0",
    "1234,",
    ",50",
    "abc",
    "12a",
    "1e5",
    "--5",
    "+-5",
    "-5-",
    "(-5)",
    "(5",
    "5)",
    "1 234,50 EUR",
    "Infinity",
    "NaN"
  ])("rejects %j", (text) => {
    expect(parseSwedishAmount(text)).toBeNull();
  });
});

describe("parseSwedishInteger", () => {
  it.each([
    ["12 345", 12345],
    ["12\u00A0345", 12345],
    ["\u22127", -7],
    ["(7)", -7],
    ["1.234", 1234],
    ["1,234", 1234],
    ["1.234.567", 1234567],
    ["-0", 0],
    ["9007199254740991", 9007199254740991]
  ])("reads %j as %d", (text, value) => {
    expect(parseSwedishInteger(text)).toBe(value);
  });

  it.each(["12,0", "1.5", "1,23", "12 34", "1 234,0", "abc", "", "9007199254740992", "10 kr"])("rejects %j", (text) => {
    expect(parseSwedishInteger(text)).toBeNull();
  });

  it("never returns negative zero", () => {
    expect(Object.is(parseSwedishInteger("-0"), -0)).toBe(false);
  });
});

describe("parseDecimal", () => {
  it.each([
    ["33,7", "33.7"],
    ["33,7 %", "33.7"],
    ["33,7\u00A0%", "33.7"],
    ["0.337", "0.337"],
    ["1,234", "1.234"],
    ["1.234", "1.234"],
    ["1 234,5678", "1234.5678"],
    ["\u22120,25", "-0.25"],
    ["1.234.567,891", "1234567.891"],
    ["(2,5)", "-2.5"],
    ["-0", "0"]
  ])("reads %j as %s", (text, value) => {
    expect(parseDecimal(text)?.toString()).toBe(value);
  });

  it("keeps every digit, unlike a float", () => {
    expect(parseDecimal("0,1")!.plus(parseDecimal("0,2")!).toString()).toBe("0.3");
    expect(parseDecimal("12345678901234567,123456789")!.toFixed()).toBe("12345678901234567.123456789");
  });

  it.each(["", "%", "1,2,3", "12 34,5", "x1", "33,7 kr", "1e3"])("rejects %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});
