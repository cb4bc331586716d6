// The arbetsmarknadsstatus page's domain logic: the counts the SQL returns, computed over records; shares, the group
// outside the labour market, the förbund by membership month by month, and the latest month, on a small hand-made
// table; and the page's first view on the embedded demo data, with the figures the page showed before it was thinned.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readScbTable} from "../loaders/scb-tables.js";
import {
  ageBases,
  buildStatusView,
  defaultSelection,
  forbundKommuner,
  monthlyStatusCounts,
  outsideShares,
  sameSelection,
  statusExtent,
  statusShares,
  type StatusRecord
} from "../src/lib/arbetsmarknadsstatus.js";
import {formatPercent} from "../src/lib/format.js";
import type {Registry} from "../src/lib/membership.js";

const root = new URL("../", import.meta.url).pathname;

const registry: Registry = {
  forbund: [
    {
      id: "x",
      name: "Samordningsförbundet X",
      kommuner: [
        {code: "1111", name: "Ett"},
        {code: "2222", name: "Två", from: "2020-02-01"}
      ]
    },
    {id: "y", name: "Samordningsförbundet Y", kommuner: [{code: "3333", name: "Tre"}]}
  ]
};

/** One record per kommun, month, status, sex and age, persons as given. */
const rec = (kommun: string, month: string, status: string, sex: string, age: string, persons: number) =>
  ({kommun, month, status, sex, age, persons}) satisfies StatusRecord;

const records: StatusRecord[] = [
  rec("2222", "2020-02", "sysselsatt", "1", "20-24", 60),
  rec("1111", "2020-01", "sysselsatt", "1", "20-24", 70),
  rec("1111", "2020-01", "sysselsatt", "2", "20-24", 10),
  rec("1111", "2020-01", "arbetslos", "1", "20-24", 5),
  rec("1111", "2020-01", "sjuk", "2", "25-34", 10),
  rec("1111", "2020-01", "ovrig", "1", "15-19", 99),
  rec("1111", "2020-02", "sysselsatt", "1", "20-24", 90),
  rec("1111", "2020-02", "ovrig", "2", "20-24", 10),
  rec("2222", "2020-01", "sysselsatt", "1", "20-24", 50),
  rec("2222", "2020-01", "arbetslos", "1", "20-24", 50),
  rec("2222", "2020-02", "arbetslos", "1", "20-24", 40),
  rec("3333", "2020-01", "sysselsatt", "1", "20-24", 1)
];

describe("monthlyStatusCounts", () => {
  it("sums the chosen kommuner, sex and ages per kommun, month and status, ordered by month, kommun and status", () => {
    expect(monthlyStatusCounts(records, ["1111", "2222"], "alla", ["20-24", "25-34"])).toEqual([
      {kommun: "1111", month: "2020-01", status: "arbetslos", persons: 5},
      {kommun: "1111", month: "2020-01", status: "sjuk", persons: 10},
      {kommun: "1111", month: "2020-01", status: "sysselsatt", persons: 80},
      {kommun: "2222", month: "2020-01", status: "arbetslos", persons: 50},
      {kommun: "2222", month: "2020-01", status: "sysselsatt", persons: 50},
      {kommun: "1111", month: "2020-02", status: "ovrig", persons: 10},
      {kommun: "1111", month: "2020-02", status: "sysselsatt", persons: 90},
      {kommun: "2222", month: "2020-02", status: "arbetslos", persons: 40},
      {kommun: "2222", month: "2020-02", status: "sysselsatt", persons: 60}
    ]);
  });

  it("filters on sex", () => {
    expect(monthlyStatusCounts(records, ["1111"], "2", ["20-24", "25-34"])).toEqual([
      {kommun: "1111", month: "2020-01", status: "sjuk", persons: 10},
      {kommun: "1111", month: "2020-01", status: "sysselsatt", persons: 10},
      {kommun: "1111", month: "2020-02", status: "ovrig", persons: 10}
    ]);
  });
});

describe("the selection", () => {
  it("reads the extent, offers both age bases for age groups and one for 20-64, and starts at the first förbund with data", () => {
    const extent = statusExtent(records);
    expect(extent).toEqual({
      kommuner: ["1111", "2222", "3333"],
      months: ["2020-01", "2020-02"],
      ages: ["15-19", "20-24", "25-34"]
    });
    expect(ageBases(extent.ages).map((b) => [b.id, b.label, b.ages.length])).toEqual([
      ["20-64", "20–64 år", 5],
      ["15-74", "15–74 år", 7]
    ]);
    expect(ageBases(["20-64"])).toEqual([{id: "20-64", label: "20–64 år", ages: ["20-64"]}]);
    expect(defaultSelection(registry, extent)).toEqual({
      forbund: "x",
      sex: "alla",
      ages: ageBases(extent.ages)[0].ages
    });
    expect(defaultSelection(registry, {...extent, kommuner: ["3333"]})?.forbund).toBe("y");
    expect(defaultSelection(null, extent)).toBeNull();
    expect(forbundKommuner(registry, "x", {...extent, kommuner: ["2222"]})).toEqual(["2222"]);
  });

  it("tells the same data apart from another", () => {
    const a = {forbund: "x", sex: "alla", ages: ["20-24"]};
    expect(sameSelection(a, {...a, ages: ["20-24"]})).toBe(true);
    expect(sameSelection(a, {...a, sex: "2"})).toBe(false);
    expect(sameSelection(a, {...a, ages: ["20-24", "25-34"]})).toBe(false);
    expect(sameSelection(a, null)).toBe(false);
  });
});

describe("shares", () => {
  it("divides each status by the month's population, and sums arbetslös, sjuk and övrig as outside", () => {
    const shares = statusShares(
      new Map([
        ["2020-01|sysselsatt", 75n],
        ["2020-01|arbetslos", 15n],
        ["2020-01|sjuk", 10n],
        ["2020-02|sysselsatt", 4n]
      ])
    );
    expect(shares).toEqual([
      {month: "2020-01", status: "sysselsatt", persons: 75, population: 100, share: 0.75},
      {month: "2020-01", status: "arbetslos", persons: 15, population: 100, share: 0.15},
      {month: "2020-01", status: "sjuk", persons: 10, population: 100, share: 0.1},
      {month: "2020-02", status: "sysselsatt", persons: 4, population: 4, share: 1}
    ]);
    expect(outsideShares(shares)).toEqual(new Map([["2020-01", 0.25]]));
  });
});

describe("buildStatusView", () => {
  const rows = monthlyStatusCounts(records, ["1111", "2222"], "alla", ["20-24", "25-34"]);

  it("sums the chosen kommuner, and the förbund only over the months each kommun is a member", () => {
    const view = buildStatusView(registry, "x", rows, ["1111", "2222"]);
    expect(view.months).toEqual(["2020-01", "2020-02"]);
    // January: 1111 and 2222 chosen (195 persons); the förbund has only 1111 (95).
    expect(view.chosen.filter((d) => d.month === "2020-01").map((d) => [d.status, d.persons, d.population])).toEqual([
      ["arbetslos", 55, 195],
      ["sjuk", 10, 195],
      ["sysselsatt", 130, 195]
    ]);
    expect(view.outside).toEqual([
      {month: "2020-01", serie: "arbetslos", share: 55 / 195},
      {month: "2020-01", serie: "sjuk", share: 10 / 195},
      {month: "2020-02", serie: "ovrig", share: 10 / 200},
      {month: "2020-02", serie: "arbetslos", share: 40 / 200},
      {month: "2020-01", serie: "utanfor", share: 65 / 195},
      {month: "2020-02", serie: "utanfor", share: 50 / 200}
    ]);
    expect(view.comparison).toEqual([
      {month: "2020-01", serie: "1111", share: 15 / 95},
      {month: "2020-02", serie: "1111", share: 10 / 100},
      {month: "2020-01", serie: "2222", share: 50 / 100},
      {month: "2020-02", serie: "2222", share: 40 / 100},
      {month: "2020-01", serie: "forbund", share: 15 / 95},
      {month: "2020-02", serie: "forbund", share: 50 / 200}
    ]);
    expect(view.latest).toEqual([
      {key: "1111", shares: [0.9, NaN, NaN, NaN, NaN, 0.1], outside: 0.1, population: 100},
      {key: "2222", shares: [0.6, 0.4, NaN, NaN, NaN, NaN], outside: 0.4, population: 100},
      {key: "forbund", shares: [0.75, 0.2, NaN, NaN, NaN, 0.05], outside: 0.25, population: 200}
    ]);
  });

  it("shows only the förbund when no kommun is chosen", () => {
    const view = buildStatusView(registry, "x", rows, []);
    expect(view.chosen).toEqual([]);
    expect(view.outside).toEqual([]);
    expect(view.comparison.map((d) => d.serie)).toEqual(["forbund", "forbund"]);
    expect(view.latest.map((r) => [r.key, r.population])).toEqual([["forbund", 200]]);
  });
});

describe("the page's first view on the demo data", () => {
  const read = readScbTable(
    "arbetsmarknadsstatus",
    new Uint8Array(readFileSync(`${root}data/scb/demo/arbetsmarknadsstatus.csv`)),
    "scb/demo/arbetsmarknadsstatus.csv",
    "demo"
  );
  const c = read.columns;
  const all: StatusRecord[] = c.kommun.values.map((kommun, i) => ({
    kommun: kommun as string,
    month: c.month.values[i] as string,
    status: c.status.values[i] as string,
    sex: c.sex.values[i] as string,
    age: c.age.values[i] as string,
    persons: c.persons.values[i] as number
  }));
  const forbund = JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8"));
  const extent = statusExtent(all);

  it("reads every row and starts at Falun-Borlänge, 20–64 år", () => {
    expect(read.info.counts).toEqual({read: 60480, kept: 60480, rejected: 0});
    expect(extent.kommuner.length).toBe(10);
    expect([extent.months[0], extent.months.at(-1), extent.months.length]).toEqual(["2020-01", "2025-12", 72]);
    expect(defaultSelection(forbund, extent)).toEqual({
      forbund: "falun-borlange",
      sex: "alla",
      ages: ["20-24", "25-34", "35-44", "45-54", "55-64"]
    });
  });

  // The figures the page showed for these selections before it was thinned (SQL in DuckDB-WASM, December 2025).
  it.each([
    ["falun-borlange", "alla", "20-64", ["2080", "2081"], [33788, 29501, 63289], ["83,1 %", "81,1 %", "82,1 %"]],
    ["falun-borlange", "2", "15-74", ["2080", "2081"], [21340, 18792, 40132], ["67,5 %", "66,9 %", "67,2 %"]],
    ["sodra-dalarna", "alla", "15-74", ["2082", "2084"], [8129, 16906, 36142], ["66,6 %", "64,0 %", "64,7 %"]]
  ])("%s, kön %s, %s år: the latest month's population and sysselsatt as before", (id, sex, base, chosen, pop, sys) => {
    const ages = ageBases(extent.ages).find((b) => b.id === base)!.ages;
    const rows = monthlyStatusCounts(all, forbundKommuner(forbund, id, extent), sex, ages);
    const view = buildStatusView(forbund, id, rows, chosen);
    expect(view.latest.map((r) => r.population)).toEqual(pop);
    expect(view.latest.map((r) => formatPercent(r.shares[0]).replace(/\s/g, " "))).toEqual(sys);
  });
});
