// Where a comparison value comes from: the hover text cites the report by document and section (no file paths),
// and the CSV row carries the exact value, its source and the difference from the print.
import {describe, expect, it} from "vitest";
import {comparisonCsvColumns, comparisonCsvRows, sourceText} from "../src/lib/comparison-sources.js";
import type {ViewRow} from "../src/lib/comparison-views.js";

const printed: ViewRow = {
  forbund: "falun-borlange",
  year: 2020,
  metric: "intakter",
  value: 416_000_000n,
  source: "tryckt",
  document: "Årsredovisning 2023",
  seedLine: 61,
  parts: [
    {
      line: "oversikt.intakter",
      document: "Årsredovisning 2023",
      seedLine: 61,
      printed: "4 160",
      section: "Flerårsöversikt"
    }
  ],
  index: null,
  baseYear: null,
  commonBase: false
};
const ledger: ViewRow = {
  forbund: "falun-borlange",
  year: 2022,
  metric: "eget_kapital",
  value: 182_612_345n,
  source: "huvudbok",
  document: "falun-borlange-2022.se",
  printed: {value: 182_500_000n, parts: [{...printed.parts![0], line: "br.eget_kapital", section: "Balansräkning"}]},
  printedDiffers: {printed: 182_500_000n, difference: 100_000n},
  index: null,
  baseYear: null,
  commonBase: false
};

describe("sources", () => {
  it("cites a printed value by document and section, as printed", () => {
    expect(sourceText(printed)).toBe("Källa: tryckt årsredovisning\nÅrsredovisning 2023, Flerårsöversikt: ”4 160”");
  });

  it("a ledger value names its year, and where the print differs, the print and the difference in kr", () => {
    expect(sourceText(ledger)).toBe(
      "Källa: huvudbok 2022\n⚠ Tryckt 1\u00a0825 tkr (Årsredovisning 2023, Balansräkning); huvudboken − tryckt = 1\u00a0000 kr"
    );
    expect(sourceText(ledger)).not.toContain(".se");
  });

  it("the CSV keeps exact kr with öre, the document and the source line", () => {
    const names = new Map([["falun-borlange", "Falun-Borlänge"]]);
    expect(comparisonCsvColumns).toHaveLength(13);
    expect(comparisonCsvRows([printed, ledger], "absolut", names)).toEqual([
      [
        "Verksamhetens intäkter",
        "Falun-Borlänge",
        2020,
        "4160000,00",
        "kr",
        "",
        "",
        "tryckt årsredovisning",
        "Årsredovisning 2023",
        "61",
        "",
        "",
        ""
      ],
      [
        "Eget kapital",
        "Falun-Borlänge",
        2022,
        "1826123,45",
        "kr",
        "",
        "",
        "huvudbok",
        "falun-borlange-2022.se",
        "61",
        "1825000,00",
        "1000,00",
        ""
      ]
    ]);
  });
});
