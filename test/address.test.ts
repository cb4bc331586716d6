// The address codecs: what a page writes into ?key=value and what it accepts back from an edited link.
import {describe, expect, it} from "vitest";
import {choiceParam, listParam, numberParam} from "../src/components/address.js";

describe("address codecs", () => {
  it("accept only the listed choices", () => {
    const years = choiceParam([2022, 2023]);
    expect([years.parse("2023"), years.parse("2021"), years.parse("abc")]).toEqual([2023, undefined, undefined]);
    expect(years.format(2022)).toBe("2022");
  });
  it("read numbers with a decimal comma within bounds", () => {
    const rate = numberParam(0, 100);
    expect([rate.parse("33,5"), rate.parse("101"), rate.parse(""), rate.parse("abc")]).toEqual([
      33.5,
      undefined,
      undefined,
      undefined
    ]);
  });
  it("write lists comma-separated, the empty list as '-', and refuse a list with one unknown item", () => {
    const types = listParam(["sjukpenning", "arbetsloshet"]);
    expect(types.format(["sjukpenning", "arbetsloshet"])).toBe("sjukpenning,arbetsloshet");
    expect(types.format([])).toBe("-");
    expect(types.parse("-")).toEqual([]);
    expect(types.parse("arbetsloshet")).toEqual(["arbetsloshet"]);
    expect(types.parse("arbetsloshet,okand")).toBeUndefined();
  });
});
