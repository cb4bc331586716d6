// The HÅE page's yearly averages and population shares, on a small hand-made series.
import {describe, expect, it} from "vitest";
import {populationShares, yearlyAverages} from "../src/lib/hae.js";

describe("yearlyAverages", () => {
  it("averages over the months with data, per year and label, with numeric years", () => {
    const rows = [
      {month: "2022-01", label: "A", value: 10},
      {month: "2022-02", label: "A", value: 20},
      {month: "2023-01", label: "A", value: 30},
      {month: "2023-01", label: "B", value: 4}
    ];
    expect(yearlyAverages(rows)).toEqual([
      {year: 2022, label: "A", value: 15, months: 2},
      {year: 2023, label: "A", value: 30, months: 1},
      {year: 2023, label: "B", value: 4, months: 1}
    ]);
  });
});

describe("populationShares", () => {
  it("sets each month's HÅE against the population of that month's members, and skips months without population", () => {
    const totals = [
      {month: "2022-01", type: "x", tenths: 1000n},
      {month: "2022-02", type: "x", tenths: 3000n},
      {month: "2022-02", type: "y", tenths: 999n},
      {month: "2023-01", type: "x", tenths: 500n}
    ];
    const members = (month: string) => (month === "2022-01" ? ["a"] : ["a", "b"]);
    const population = new Map([
      ["a|2022", 1000],
      ["b|2022", 1000]
    ]);
    expect(populationShares(totals, ["x"], members, population)).toEqual([
      {year: 2022, hae: 200, people: 1500, share: 400 / 3000}
    ]);
  });
});
