// The comparison's views: indexed on the first common year, per inhabitant, and the text under a merger's panels.
import {Decimal} from "decimal.js";
import {describe, expect, it} from "vitest";
import type {MetricId} from "../src/lib/comparison-metrics.js";
import type {ComparisonRow} from "../src/lib/comparison-series.js";
import {metric} from "../src/lib/comparison-metrics.js";
import {formatShown, indexSeries, panelCaption, perCapita, unitLabel} from "../src/lib/comparison-views.js";

describe("views", () => {
  const row = (forbund: string, year: number, metric: MetricId, value: bigint | Decimal): ComparisonRow => ({
    forbund,
    year,
    metric,
    value,
    source: "tryckt"
  });
  const list = [
    row("a", 2020, "intakter", 100_00n),
    row("a", 2021, "intakter", 150_00n),
    row("a", 2022, "intakter", 120_00n),
    row("b", 2021, "intakter", 400_00n),
    row("b", 2022, "intakter", 500_00n),
    row("a", 2021, "arets_resultat", -5_00n),
    row("a", 2021, "soliditet", new Decimal("0.5")),
    row("a", 2021, "deltagare", new Decimal(30))
  ];

  it("indexes on the first year every förbund has, and leaves results and shares unindexed", () => {
    const indexed = indexSeries(list);
    const at = (f: string, y: number, m: MetricId = "intakter") =>
      indexed.find((r) => r.forbund === f && r.year === y && r.metric === m)!;
    expect(at("a", 2021).baseYear).toBe(2021);
    expect(at("a", 2020).index?.toString()).toBe(new Decimal(100).div(150).times(100).toString());
    expect(at("a", 2021).index?.toNumber()).toBe(100);
    expect(at("a", 2022).index?.toNumber()).toBe(80);
    expect(at("b", 2022).index?.toNumber()).toBe(125);
    expect(at("a", 2021, "arets_resultat").index).toBeNull();
    expect(at("a", 2021, "soliditet").index).toBeNull();
    expect(at("a", 2021, "deltagare").index?.toNumber()).toBe(100);
    expect(at("a", 2021).commonBase).toBe(true);
  });

  it("without a year common to all, each förbund is indexed on its own first year", () => {
    const apart = indexSeries([
      row("a", 2020, "eget_kapital", 200n),
      row("a", 2021, "eget_kapital", 300n),
      row("b", 2022, "eget_kapital", 50n),
      row("b", 2023, "eget_kapital", 40n)
    ]);
    expect(apart.map((r) => [r.baseYear, r.index?.toNumber(), r.commonBase])).toEqual([
      [2020, 100, false],
      [2020, 150, false],
      [2022, 100, false],
      [2022, 80, false]
    ]);
  });

  it("per inhabitant aged 20–64: kr per invånare, participants per 1 000, shares not at all", () => {
    const withPop = perCapita(list, [
      {forbund: "a", year: 2021, persons: 3},
      {forbund: "b", year: 2021, persons: 1000}
    ]);
    const at = (f: string, y: number, m: MetricId = "intakter") =>
      withPop.find((r) => r.forbund === f && r.year === y && r.metric === m)!;
    expect(at("a", 2021).perCapita?.toString()).toBe("50");
    expect(at("b", 2021).perCapita?.toString()).toBe("0.4");
    expect(at("a", 2021, "arets_resultat").perCapita?.toString()).toBe("-1.6666666666666666667");
    expect(at("a", 2021, "deltagare").perCapita?.toString()).toBe("10000");
    expect(at("a", 2021, "soliditet").perCapita).toBeNull();
    expect(at("a", 2022).perCapita).toBeNull();
  });

  it("shows each view in its unit, the Swedish way, and says in the caption what the index is based on", () => {
    const indexed = indexSeries(list);
    const at = (f: string, y: number, m: MetricId = "intakter") =>
      indexed.find((r) => r.forbund === f && r.year === y && r.metric === m)!;
    // 500 kr is 0,5 tkr, shown rounded half up as the reports print tkr.
    expect(formatShown(at("b", 2022), "absolut")).toBe("1");
    expect(formatShown(at("a", 2021, "deltagare"), "absolut")).toBe("30");
    expect(formatShown(at("b", 2022), "index")).toBe("125,0");
    expect(formatShown(at("a", 2021, "soliditet"), "index")).toBe("50,0\u00a0%");
    expect(formatShown(at("a", 2021), "per_invanare")).toBe("–");
    expect(unitLabel(metric("deltagare"), "per_invanare")).toBe("per 1 000 invånare 20–64 år");
    expect(unitLabel(metric("soliditet"), "index")).toBe("%");
    const intakter = indexed.filter((r) => r.metric === "intakter");
    expect(panelCaption(metric("intakter"), intakter, "index", [2020, 2022])).toBe(
      "Verksamhetens intäkter (index, index 2021 = 100) per förbund 2020–2022."
    );
    expect(panelCaption(metric("ek_andel_tilldelning"), [], "absolut", [2020, 2023])).toBe(
      "Eget kapital i % av tilldelning (%) per förbund 2020–2023. Streckad röd linje: 20 %."
    );
  });
});
