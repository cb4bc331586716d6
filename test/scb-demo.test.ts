// The DEMO SCB tables in data/scb/demo/: deterministic, complete, never negative, identical to what the generator
// writes, and reproducing the Falun-Borlänge report's printed HÅE table exactly from the committed CSV files.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {HAE_LABELS, HAE_TYPES, type HaeType} from "../src/lib/hae.js";
import {
  ARBETSMARKNAD_AGES,
  ARBETSMARKNAD_STATUSES,
  DEMO_KOMMUNER,
  DEMO_SEED,
  HAE_AGES,
  HAE_ANCHORS,
  SEXES,
  demoFiles,
  generateArbetsmarknadsstatus,
  generateHae,
  generateNationalHae,
  generatePopulation
} from "../loaders/scb/demo.js";

const data = new URL("../data/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, data), "utf-8");
const csvRows = (text: string) => {
  const [header, ...lines] = text.trimEnd().split("\n");
  const names = header.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])) as Record<string, string>);
};
const hae = csvRows(read("scb/demo/hae.csv"));
const statuses = csvRows(read("scb/demo/arbetsmarknadsstatus.csv"));
const population = csvRows(read("scb/demo/population.csv"));
const kommuner = DEMO_KOMMUNER.map((k) => k.code);

/** "12.3" as 123 tenths, exactly. */
function tenths(text: string): number {
  const m = /^(\d+)\.(\d)$/.exec(text);
  if (!m) throw new Error(`Inte ett tal med en decimal: ${text}`);
  return Number(m[1]) * 10 + Number(m[2]);
}

/** A sum of tenths over six months, as an average per month rounded half away from zero, in integer arithmetic. */
function roundedAverage(sixMonthTenths: number): number {
  const sign = sixMonthTenths < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(sixMonthTenths) * 2 + 60) / 120);
}

/** The printed tables "Helårsekvivalenter, snitt per månad", parsed from the seed: kommun → row label → [2022, 2023, diff]. */
function printedTables(): Map<string, Map<string, number[]>> {
  const lines = read("seeds/000_58d3f4fcd9577ce2.txt")
    .split("\n")
    .map((l) => l.replace(/<\/?b>/g, ""));
  const tables = new Map<string, Map<string, number[]>>();
  lines.forEach((line, i) => {
    if (!line.startsWith("Helårsekvivalenter, snitt per månad")) return;
    const [kommun, first, second] = lines[i + 1].split("\t");
    expect([first, second]).toEqual(["jan-juni 2022", "jan-juni 2023"]);
    const rows = new Map<string, number[]>();
    for (const row of lines.slice(i + 2, i + 9)) {
      const [label, ...values] = row.split("\t");
      rows.set(
        label,
        values.slice(0, 3).map((v) => Number(v.replace(/\s/g, "")))
      );
    }
    tables.set(kommun, rows);
  });
  return tables;
}

describe("the Falun-Borlänge report's HÅE table", () => {
  const tables = printedTables();
  const codes: Record<string, string> = {Falun: "2080", Borlänge: "2081"};

  it("is found in the seed for both kommuner, with seven rows each", () => {
    expect([...tables.keys()]).toEqual(["Falun", "Borlänge"]);
    for (const rows of tables.values()) expect(rows.size).toBe(7);
  });

  describe.each(["Falun", "Borlänge"])("%s", (name) => {
    // Six-month sums in tenths per type and year, from the committed CSV file.
    const sums = new Map<string, number>();
    for (const r of hae) {
      if (r.kommun !== codes[name] || !/^202[23]-0[1-6]$/.test(r.month)) continue;
      const key = `${r.month.slice(0, 4)}:${r.type}`;
      sums.set(key, (sums.get(key) ?? 0) + tenths(r.value));
    }
    const sum = (year: number, type: HaeType) => sums.get(`${year}:${type}`)!;
    const summa = (year: number) => HAE_TYPES.reduce((s, t) => s + sum(year, t), 0);

    it.each(HAE_TYPES.map((t) => [HAE_LABELS[t], t] as const))("%s: 2022, 2023 and diff. as printed", (label, type) => {
      const printed = tables.get(name)!.get(label);
      expect(printed).toBeDefined();
      expect([
        roundedAverage(sum(2022, type)),
        roundedAverage(sum(2023, type)),
        roundedAverage(sum(2023, type) - sum(2022, type))
      ]).toEqual(printed);
    });

    it("Summa helårsekvivalenter: 2022, 2023 and diff. as printed", () => {
      expect([
        roundedAverage(summa(2022)),
        roundedAverage(summa(2023)),
        roundedAverage(summa(2023) - summa(2022))
      ]).toEqual(tables.get(name)!.get("Summa helårsekvivalenter"));
    });

    it("hits the chosen targets exactly", () => {
      for (const anchor of HAE_ANCHORS.filter((h) => h.kommun === codes[name])) {
        for (const t of HAE_TYPES) expect(sum(anchor.year, t)).toBe(Math.round(anchor.averages[t] * 10) * 6);
      }
    });
  });
});

describe("the committed demo files", () => {
  it("equal what the generator writes", () => {
    const files = demoFiles(DEMO_SEED);
    expect(Object.keys(files).sort()).toEqual(["README.md", "arbetsmarknadsstatus.csv", "hae.csv", "population.csv"]);
    for (const [name, text] of Object.entries(files)) expect(read(`scb/demo/${name}`) === text, name).toBe(true);
  });

  it("cover every kommun of the förbund registry", () => {
    const registry = JSON.parse(read("forbund.json")).forbund as {kommuner: {code: string}[]}[];
    const codes = new Set(registry.flatMap((f) => f.kommuner.map((k) => k.code)));
    expect([...codes].sort()).toEqual([...kommuner].sort());
  });

  it("have one row per kommun, month, type, sex and age", () => {
    expect(hae.length).toBe(kommuner.length * 144 * HAE_TYPES.length * SEXES.length * HAE_AGES.length);
    expect(statuses.length).toBe(
      kommuner.length * 72 * ARBETSMARKNAD_STATUSES.length * SEXES.length * ARBETSMARKNAD_AGES.length
    );
    expect(population.length).toBe(kommuner.length * 12 * SEXES.length * ARBETSMARKNAD_AGES.length);
    const keys = new Set(hae.map((r) => `${r.kommun}:${r.month}:${r.type}:${r.sex}:${r.age}`));
    expect(keys.size).toBe(hae.length);
  });

  it("have no negative values", () => {
    expect(hae.every((r) => tenths(r.value) >= 0)).toBe(true);
    expect(statuses.every((r) => /^\d+$/.test(r.persons))).toBe(true);
    expect(population.every((r) => /^\d+$/.test(r.persons) && Number(r.persons) > 0)).toBe(true);
  });

  it("have arbetsmarknadsstatus statuses that add up to the population of the year", () => {
    const pop = new Map(population.map((r) => [`${r.kommun}:${r.year}:${r.sex}:${r.age}`, Number(r.persons)]));
    const totals = new Map<string, number>();
    for (const r of statuses) {
      const key = `${r.kommun}:${r.month.slice(0, 4)}:${r.sex}:${r.age}:${r.month}`;
      totals.set(key, (totals.get(key) ?? 0) + Number(r.persons));
    }
    for (const [key, total] of totals) expect(total, key).toBe(pop.get(key.split(":").slice(0, 4).join(":")));
  });

  it("keep HÅE between 8 and 22 % of the 20–64 population in every kommun", () => {
    for (const code of kommuner) {
      const people = population
        .filter((r) => r.kommun === code && r.year === "2022" && r.age !== "15-19" && r.age !== "65-74")
        .reduce((s, r) => s + Number(r.persons), 0);
      const yearly = hae
        .filter((r) => r.kommun === code && r.month.startsWith("2022"))
        .reduce((s, r) => s + tenths(r.value), 0);
      const rate = yearly / 120 / people;
      expect(rate, code).toBeGreaterThan(0.08);
      expect(rate, code).toBeLessThan(0.22);
    }
  });
});

describe("the generator", () => {
  const small = {kommuner: ["2080", "1762"], from: "2021-07", to: "2023-06"};

  it("gives the same rows for the same seed and different rows for another", () => {
    expect(generateHae({...small, seed: 7})).toEqual(generateHae({...small, seed: 7}));
    expect(generateHae({...small, seed: 7})).not.toEqual(generateHae({...small, seed: 8}));
    const statuses = {...small, from: "2022-01", to: "2022-03"};
    expect(generateArbetsmarknadsstatus({...statuses, seed: 7})).toEqual(
      generateArbetsmarknadsstatus({...statuses, seed: 7})
    );
    expect(generateArbetsmarknadsstatus({...statuses, seed: 7})).not.toEqual(
      generateArbetsmarknadsstatus({...statuses, seed: 8})
    );
    const pop = {kommuner: small.kommuner, from: 2020, to: 2022};
    expect(generatePopulation({...pop, seed: 7})).toEqual(generatePopulation({...pop, seed: 7}));
    expect(generatePopulation({...pop, seed: 7})).not.toEqual(generatePopulation({...pop, seed: 8}));
  });

  it("meets the anchors with any seed", () => {
    for (const seed of [1, 99]) {
      const rows = generateHae({...small, seed});
      for (const anchor of HAE_ANCHORS.filter((h) => h.kommun === "2080")) {
        for (const t of HAE_TYPES) {
          const sum = rows
            .filter(
              (r) =>
                r.kommun === "2080" && r.type === t && r.month >= `${anchor.year}-01` && r.month <= `${anchor.year}-06`
            )
            .reduce((s, r) => s + Math.round(r.value * 10), 0);
          expect(sum).toBe(Math.round(anchor.averages[t] * 10) * 6);
        }
      }
    }
  });

  it("makes a national cube of the documented shape, without negative values", () => {
    const cube = generateNationalHae(3, 4);
    expect(cube.kommuner).toEqual(["9001", "9002", "9003", "9004"]);
    expect(cube.values.length).toBe(4 * 144 * HAE_TYPES.length * SEXES.length * HAE_AGES.length);
    expect(cube.values.every((v) => v >= 0)).toBe(true);
    expect(generateNationalHae(3, 4).values).toEqual(cube.values);
  });
});
