import {describe, expect, it} from "vitest";
import {arbetsmarknadsstatusMonthlySql, extentSql, sexAgeWhere} from "../src/components/scb-sql";

// The benchmark runs these strings as the pages' queries, so their text is pinned here.
describe("the SCB pages' SQL", () => {
  it("reads a table's extent one column at a time", () => {
    expect(extentSql("arbetsmarknadsstatus", "month")).toBe(
      "SELECT DISTINCT month AS v FROM arbetsmarknadsstatus ORDER BY v"
    );
  });

  it("builds arbetsmarknadsstatusMonthly's query with the sex and age filters only when chosen", () => {
    expect(arbetsmarknadsstatusMonthlySql(["2080", "2081"], "alla", ["20-24", "25-34"])).toBe(
      `SELECT kommun, month, status, SUM(persons)::BIGINT AS persons FROM arbetsmarknadsstatus
     WHERE kommun IN ('2080', '2081') AND age IN ('20-24', '25-34')
     GROUP BY ALL ORDER BY month, kommun, status`
    );
    expect(sexAgeWhere("2", "alla")).toBe(" AND sex = '2'");
    expect(sexAgeWhere("alla", "alla")).toBe("");
  });

  it("refuses values that could change the SQL", () => {
    expect(() => arbetsmarknadsstatusMonthlySql(["2080' OR 1=1 --"], "alla", "alla")).toThrow(/Ogiltigt värde/);
    expect(() => sexAgeWhere("3", "alla")).toThrow(/Ogiltigt värde/);
  });
});
