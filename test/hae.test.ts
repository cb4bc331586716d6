// The HÅE period comparison reproduces the Falun-Borlänge report's printed table from the demo data, exactly.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseCsv} from "../loaders/csv.js";
import {
  HAE_LABELS,
  HAE_TYPES,
  latestCompleteYear,
  periodComparison,
  periodLabel,
  type MonthlyTotal
} from "../src/lib/hae.js";
import {roundDiv} from "../src/lib/rounding.js";

const data = new URL("../data/", import.meta.url);

/** The seed's printed tables: kommun → rows of [label, 2022, 2023, diff], and the column headings. */
function printedHaeTables(seed: string): Map<string, {headings: string[]; rows: [string, number, number, number][]}> {
  const lines = seed.split("\n").map((l) => l.replace(/<\/?b>/g, ""));
  const tables = new Map<string, {headings: string[]; rows: [string, number, number, number][]}>();
  lines.forEach((line, i) => {
    if (!line.startsWith("Helårsekvivalenter, snitt per månad")) return;
    const headings = lines[i + 1].split("\t").filter(Boolean);
    const rows = lines.slice(i + 2, i + 9).map((row) => {
      const [label, ...values] = row.split("\t");
      const [a, b, c] = values.slice(0, 3).map((v) => Number(v.replace(/\s/g, "")));
      return [label, a, b, c] as [string, number, number, number];
    });
    tables.set(headings[0], {headings, rows});
  });
  return tables;
}

const seed = readFileSync(new URL("seeds/000_58d3f4fcd9577ce2.txt", data), "utf-8");
const printed = printedHaeTables(seed);
const csv = parseCsv(new Uint8Array(readFileSync(new URL("scb/demo/hae.csv", data))));

/** Monthly totals per type for one kommun, summed over sex and age, from the demo file. */
function totalsFor(kommun: string): MonthlyTotal[] {
  const sums = new Map<string, bigint>();
  for (const {fields} of csv.rows) {
    const [k, month, type, , , value] = fields;
    if (k !== kommun) continue;
    const [int, dec = "0"] = value.split(".");
    const key = `${month}|${type}`;
    sums.set(key, (sums.get(key) ?? 0n) + BigInt(int) * 10n + BigInt(dec));
  }
  return [...sums].map(([key, tenths]) => ({month: key.split("|")[0], type: key.split("|")[1], tenths}));
}

describe("periodComparison against the seed", () => {
  it("finds both printed tables", () => expect([...printed.keys()]).toEqual(["Falun", "Borlänge"]));

  it.each([
    ["Falun", "2080"],
    ["Borlänge", "2081"]
  ])("%s jan–jun 2022 vs 2023 equals the printed table", (name, code) => {
    const table = printed.get(name)!;
    expect(table.headings.slice(1)).toEqual([periodLabel(1, 6, 2022), periodLabel(1, 6, 2023), "diff."]);
    const rows = periodComparison(totalsFor(code), {fromMonth: 1, toMonth: 6, year: 2023, previousYear: 2022});
    expect(rows.map((r) => [r.label, r.previous, r.current, r.diff])).toEqual(table.rows);
  });
});

describe("periodComparison arithmetic", () => {
  const totals = (values: Record<string, number>): MonthlyTotal[] =>
    Object.entries(values).map(([k, tenths]) => ({
      month: k.split("|")[0],
      type: k.split("|")[1],
      tenths: BigInt(tenths)
    }));

  it("rounds half away from zero and takes diff from the unrounded averages", () => {
    // 2022: 12,5 and 2023: 13,4 per month → 13 and 13, but diff 0,9 → 1.
    const rows = periodComparison(totals({"2022-01|sjukpenning": 125, "2023-01|sjukpenning": 134}), {
      fromMonth: 1,
      toMonth: 1,
      year: 2023,
      previousYear: 2022,
      types: ["sjukpenning"]
    });
    expect(rows).toEqual([
      {type: "sjukpenning", label: "Sjukpenning", previous: 13, current: 13, diff: 1},
      {type: "summa", label: "Summa helårsekvivalenter", previous: 13, current: 13, diff: 1}
    ]);
  });

  it("sums only the chosen types and averages over the months with data", () => {
    const rows = periodComparison(
      totals({
        "2022-01|arbetsloshet": 100,
        "2022-02|arbetsloshet": 200,
        "2022-02|sjukpenning": 999,
        "2023-01|arbetsloshet": 50
      }),
      {fromMonth: 1, toMonth: 6, year: 2023, previousYear: 2022, types: ["arbetsloshet"]}
    );
    expect(rows.at(-1)).toEqual({
      type: "summa",
      label: "Summa helårsekvivalenter",
      previous: 15,
      current: 5,
      diff: -10
    });
  });

  it("has exact roundDiv for negatives and halves", () => {
    expect([roundDiv(5n, 2n), roundDiv(-5n, 2n), roundDiv(-4n, 3n), roundDiv(7n, 3n)]).toEqual([3n, -3n, -1n, 2n]);
  });

  it("uses the report's labels, in the report's order", () => {
    // The demo generator labels its rows with HAE_LABELS too, so the printed table is the only independent source.
    const labels = [...HAE_TYPES, "summa" as const].map((t) => HAE_LABELS[t]);
    for (const kommun of ["Falun", "Borlänge"]) expect(labels).toEqual(printed.get(kommun)!.rows.map((r) => r[0]));
    expect(periodLabel(3, 3, 2024)).toBe("mars 2024");
  });

  it("finds the latest year with every month of the period", () => {
    expect(
      latestCompleteYear(totals({"2023-01|sjukpenning": 1, "2023-02|sjukpenning": 1, "2024-01|sjukpenning": 1}), 1, 2)
    ).toBe(2023);
  });
});
