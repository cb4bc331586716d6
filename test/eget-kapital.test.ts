// The Eget kapital page's view of a plan: scenarios, the plan table's rows as the page shows them, the check
// against the printed result, and citations as a reader finds them in the report (no file paths, no line numbers).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readPublishedReports} from "../loaders/workspace.js";
import {
  equityChartRows,
  percentNumber,
  planRows,
  planYearsFor,
  projectScenarios,
  reportPlace,
  resultChecks,
  withoutLineRefs
} from "../src/lib/eget-kapital.js";
import {formatPercent} from "../src/lib/format.js";
import {readPlanFile} from "../loaders/plan.js";
import type {PlanFile} from "../src/lib/projection.js";
import {roundToUnit} from "../src/lib/rounding.js";

const file = (id: string) =>
  JSON.parse(readFileSync(new URL(`../data/plans/${id}.json`, import.meta.url), "utf-8")) as PlanFile;
const sodra = readPlanFile(file("sodra-dalarna"));

describe("the plan of Södra Dalarna as the page shows it", () => {
  const {planYears, assumed} = planYearsFor(sodra, "prognos");
  const {projections, rate} = projectScenarios(sodra, planYears, 90);
  const rows = planRows(sodra, planYears, assumed, projections, "tkr");
  const row = (year: number, kind: string) => rows.find((r) => r.year === year && r.kind === kind)!;

  it("has the three scenarios, the historical one at the förbund's own rate", () => {
    expect(projections.map((p) => p.short)).toEqual([
      "1. Budget helt",
      `2. Historisk grad ${formatPercent(rate!.mean)}`,
      "3. Vald grad 90 %"
    ]);
  });

  it("the 2023 utfall and the 2024 full-budget scenario as printed (1 657 tkr, 26,3 %; 265 tkr)", () => {
    expect(roundToUnit(row(2023, "Utfall").equity!, "tkr")).toBe(1657n);
    expect(formatPercent(row(2023, "Utfall").shareT!)).toBe("26,3\u00a0%");
    expect(roundToUnit(row(2024, "1. Budget helt").equity!, "tkr")).toBe(265n);
  });

  it("the äskande replaces the prognosis of tilldelning in the plan years", () => {
    const askande = planYearsFor(sodra, "askande").planYears.find((y) => y.year === 2025)!;
    expect(roundToUnit(askande.tilldelning, "tkr")).toBe(7500n);
  });

  it("the chart rows start each scenario at the last utfall", () => {
    const {lineRows, series} = equityChartRows(sodra, projections, null, "tilldelning");
    expect(series[0]).toBe("Utfall");
    for (const s of series.slice(1)) expect(lineRows.find((d) => d.serie === s)!.year).toBe(2023);
  });

  it("the plan file's 2022 and 2023 results agree with the printed resultaträkning", () => {
    expect(resultChecks(readPublishedReports(), "sodra-dalarna", sodra.history)).toEqual([
      {year: 2022, ok: true},
      {year: 2023, ok: true}
    ]);
  });
});

describe("citations", () => {
  const report = readFileSync(new URL("../data/seeds/001_f109d7aa777c861b.txt", import.meta.url), "utf-8").split("\n");
  it("names the table a line belongs to, else the statement, else nothing", () => {
    expect(reportPlace(report, 373)).toBe("tabell 15");
    expect(reportPlace(report, 337)).toBe("tabell 13");
    expect(reportPlace(report, 529)).toBe("driftsredovisningen");
    expect(reportPlace(["Inledning", "", "text"], 3)).toBeNull();
  });
  it("drops references to lines of the source file from remarks", () => {
    expect(withoutLineRefs("Tabell 15 (rad 373–383) är styrelsens egen prognos.")).toBe(
      "Tabell 15 är styrelsens egen prognos."
    );
    expect(withoutLineRefs("budget 2023 totalt −600 = 6 308 − 6 908, rad 529). Förbrukningen")).toBe(
      "budget 2023 totalt −600 = 6 308 − 6 908). Förbrukningen"
    );
  });
  it("reads a printed target share", () => {
    expect(percentNumber("20 %", 5)).toBe(20);
    expect(percentNumber("17,5 %", 5)).toBe(17.5);
    expect(percentNumber(undefined, 5)).toBe(5);
  });
});
