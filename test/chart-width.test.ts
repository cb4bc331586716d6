// The chart-width helpers that need no browser: ticks thinned to keep their labels apart, and legend text wrapped.
import {describe, expect, it} from "vitest";
import {spacedTicks, wrapWords} from "../src/components/chart-width.js";

describe("spacedTicks", () => {
  const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];
  it("keeps every tick when they are far enough apart, every k-th when not", () => {
    expect(spacedTicks(years, 560, 40)).toEqual(years);
    expect(spacedTicks(years, 246, 40)).toEqual([2020, 2022, 2024, 2026]);
    expect(spacedTicks(years, 100, 40)).toEqual([2020, 2024]);
  });
  it("keeps the first tick when there is no room at all", () => {
    expect(spacedTicks(years, 0, 40)).toEqual([2020]);
  });
});

describe("wrapWords", () => {
  it("breaks between words at the width, a longer word on its own line", () => {
    expect(wrapWords("spännvidd 84,6 %–95,9 % (lägsta–högsta historiska grad)", 38)).toEqual([
      "spännvidd 84,6 %–95,9 % (lägsta–högsta",
      "historiska grad)"
    ]);
    expect(wrapWords("Arbetsmarknadsåtgärder x", 10)).toEqual(["Arbetsmarknadsåtgärder", "x"]);
  });
});
