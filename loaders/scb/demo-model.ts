// DEMO statistics in the shape of SCB's tables (helårsekvivalenter, arbetsmarknadsstatus, population) for the
// förbund's kommuner: the shared model (kommuner, anchors, random streams, calendar and population).
// There is no network, so the workspace ships these instead of real SCB figures. Everything is drawn from a
// seeded generator (mulberry32), except the figures the seeds print: Falun's and Borlänge's jan–jun 2022 and
// 2023 HÅE averages are forced to chosen exact targets (HAE_ANCHORS) that round to the printed table.
// Pure functions only: the script scripts/generate-scb-demo.ts writes the files.
import type {StatusRecord} from "../../src/lib/arbetsmarknadsstatus.js";
import type {HaeType} from "../../src/lib/hae.js";
import {uniformFor} from "../../src/lib/random.js";

/** SCB's sex codes: 1 män, 2 kvinnor. */
export const SEXES = ["1", "2"] as const;
export const HAE_AGES = ["20-29", "30-39", "40-49", "50-59", "60-64"] as const;
export const ARBETSMARKNAD_STATUSES = ["sysselsatt", "arbetslos", "studerande", "pensionar", "sjuk", "ovrig"] as const;
export const ARBETSMARKNAD_AGES = ["15-19", "20-24", "25-34", "35-44", "45-54", "55-64", "65-74"] as const;
/** The arbetsmarknadsstatus age groups that make up 20–64, the HÅE population. */
export const AGES_20_64 = ["20-24", "25-34", "35-44", "45-54", "55-64"] as const;

/** The period of each demo table. */
export const DEMO_PERIODS = {
  hae: {from: "2014-01", to: "2025-12"},
  arbetsmarknadsstatus: {from: "2020-01", to: "2025-12"},
  population: {from: 2014, to: 2025}
};

/** The seed of the committed demo files in data/scb/demo/. */
export const DEMO_SEED = 2023;

export interface HaeRow {
  kommun: string;
  month: string;
  type: HaeType;
  sex: string;
  age: string;
  /** Helårsekvivalenter with one decimal (a multiple of 0.1). */
  value: number;
}

/** One row of the arbetsmarknadsstatus table, as the page's functions read it. */
export type ArbetsmarknadsstatusRow = StatusRecord;

export interface PopulationRow {
  kommun: string;
  year: number;
  sex: string;
  age: string;
  persons: number;
}

/** A demo kommun: approximate real size, yearly growth and HÅE share of the 20–64 population in 2022. */
export interface DemoKommun {
  code: string;
  name: string;
  /** Total population, all ages, 2023 (approximate real size). */
  population: number;
  growth: number;
  haeRate: number;
  /** "stad" has more young adults, "ort" an older population. */
  kind: "stad" | "ort";
}

/** The förbund's kommuner (data/forbund.json). HÅE rates of the non-anchored kommuner are invented. */
export const DEMO_KOMMUNER: DemoKommun[] = [
  {code: "2080", name: "Falun", population: 59_900, growth: 0.004, haeRate: 0.102, kind: "stad"},
  {code: "2081", name: "Borlänge", population: 52_300, growth: 0.003, haeRate: 0.15, kind: "stad"},
  {code: "2084", name: "Avesta", population: 23_000, growth: 0.0, haeRate: 0.185, kind: "ort"},
  {code: "2083", name: "Hedemora", population: 15_300, growth: -0.002, haeRate: 0.17, kind: "ort"},
  {code: "2082", name: "Säter", population: 11_000, growth: 0.001, haeRate: 0.13, kind: "ort"},
  {code: "2085", name: "Ludvika", population: 26_000, growth: 0.002, haeRate: 0.165, kind: "ort"},
  {code: "2061", name: "Smedjebacken", population: 10_800, growth: -0.001, haeRate: 0.145, kind: "ort"},
  {code: "1763", name: "Forshaga", population: 11_500, growth: 0.002, haeRate: 0.14, kind: "ort"},
  {code: "1783", name: "Hagfors", population: 11_500, growth: -0.006, haeRate: 0.18, kind: "ort"},
  {code: "1762", name: "Munkfors", population: 3_600, growth: -0.005, haeRate: 0.195, kind: "ort"}
];

/** One anchored period: exact jan–jun averages (HÅE per month, one decimal) that round to the printed figures. */
export interface HaeAnchor {
  kommun: string;
  year: number;
  /** Average per month over jan–jun, summed over sex and age; a multiple of 0.1 so that 60 × it is whole tenths. */
  averages: Record<HaeType, number>;
}

/** Where the anchored figures are printed. */
export const HAE_ANCHOR_SOURCE =
  "Finsam Falun-Borlänge, Årsredovisning 2023, tabellerna ”Helårsekvivalenter, snitt per månad” (data/seeds/000_58d3f4fcd9577ce2.txt rad 189–207)";

// Chosen so that every per-type value, the Summa, every diff. and the Summa's diff. round (half away from zero)
// to what the report prints, although the printed diffs and Summa 2023 are not the differences and sums of the
// printed parts (Falun SA −31 vs printed −32, Summa 3 361 vs 3 360; Borlänge Summa 4 374 vs 4 373, diff 98 vs 97).
export const HAE_ANCHORS: HaeAnchor[] = [
  {
    kommun: "2080",
    year: 2022,
    averages: {
      sjukpenning: 790.7,
      sjuk_aktivitetsersattning: 1127.4,
      arbetsloshet: 266.2,
      arbetsmarknadsatgarder: 609.8,
      etableringsersattning: 74.3,
      ekonomiskt_bistand: 482.9
    }
  },
  {
    kommun: "2080",
    year: 2023,
    averages: {
      sjukpenning: 898.9,
      sjuk_aktivitetsersattning: 1095.6,
      arbetsloshet: 226.8,
      arbetsmarknadsatgarder: 630.1,
      etableringsersattning: 68.9,
      ekonomiskt_bistand: 440.0
    }
  },
  {
    kommun: "2081",
    year: 2022,
    averages: {
      sjukpenning: 892.4,
      sjuk_aktivitetsersattning: 1100.8,
      arbetsloshet: 460.3,
      arbetsmarknadsatgarder: 1099.7,
      etableringsersattning: 62.2,
      ekonomiskt_bistand: 660.6
    }
  },
  {
    kommun: "2081",
    year: 2023,
    averages: {
      sjukpenning: 935.6,
      sjuk_aktivitetsersattning: 1118.6,
      arbetsloshet: 418.9,
      arbetsmarknadsatgarder: 1127.3,
      etableringsersattning: 44.8,
      ekonomiskt_bistand: 727.8
    }
  }
];

/** The months of the anchored half-year (jan–jun). */
export const ANCHOR_MONTHS = 6;

// ---------------------------------------------------------------------------------------------------------------
// Random numbers

/** A mulberry32 stream keyed by seed and a label, so each kommun's series is independent of which others are made. */
export function randomStream(seed: number, key: string): () => number {
  // The seed goes into the hashed text only: mixing it in twice lets seed and digit cancel (7 ^ "7" = 8 ^ "8").
  return uniformFor(`${seed}:${key}`);
}

/** A standard normal draw (Box–Muller) from a uniform stream. */
export function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar

/** The months from "YYYY-MM" to "YYYY-MM", inclusive. */
export function monthRange(from: string, to: string): string[] {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  const months: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/** Linear interpolation in a table of yearly values placed at mid-year, held flat beyond its ends. */
export function yearly(table: Record<number, number>, year: number, month: number): number {
  const years = Object.keys(table).map(Number);
  const t = year + (month - 0.5) / 12 - 0.5;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  if (t <= lo) return table[lo];
  if (t >= hi) return table[hi];
  const y = Math.floor(t);
  return table[y] + (table[y + 1] - table[y]) * (t - y);
}

/** The covid-19 shape: nothing before March 2020, full from April 2020, fading out over 2021. */
export function pandemic(year: number, month: number): number {
  const i = (year - 2020) * 12 + month - 1;
  if (i < 2) return 0;
  if (i === 2) return 0.5;
  if (i < 12) return 1;
  return Math.max(0, 1 - (i - 11) / 12);
}

// ---------------------------------------------------------------------------------------------------------------
// Population

// Shares of the total population per arbetsmarknadsstatus age group; both give 20–64 ≈ 54–55 %.
const AGE_SHARES: Record<DemoKommun["kind"], number[]> = {
  stad: [0.058, 0.066, 0.13, 0.12, 0.12, 0.118, 0.108],
  ort: [0.058, 0.052, 0.112, 0.112, 0.128, 0.136, 0.135]
};
const MALE_SHARES = [0.515, 0.53, 0.52, 0.51, 0.51, 0.505, 0.49];

/** Finds a demo kommun by code; throws on a code the demo does not know. */
export function demoKommun(code: string): DemoKommun {
  const k = DEMO_KOMMUNER.find((d) => d.code === code);
  if (!k) throw new Error(`Kommun ${code} finns inte i demodata`);
  return k;
}

/** Persons per sex and arbetsmarknadsstatus age group for one kommun and year: [sex][age]. */
export function populationCells(k: DemoKommun, year: number, seed: number): number[][] {
  // A fixed jitter per cell keeps the age pyramid stable; a small yearly one makes the years differ.
  const fixed = randomStream(seed, `${k.code}:population`);
  const jitter = SEXES.map(() => ARBETSMARKNAD_AGES.map(() => 1 + 0.02 * gaussian(fixed)));
  const rand = randomStream(seed, `${k.code}:population:${year}`);
  const total = k.population * Math.pow(1 + k.growth, year - 2023);
  return SEXES.map((_, s) =>
    ARBETSMARKNAD_AGES.map((_, a) => {
      const share = AGE_SHARES[k.kind][a] * (s === 0 ? MALE_SHARES[a] : 1 - MALE_SHARES[a]);
      return Math.round(total * share * jitter[s][a] * (1 + 0.003 * gaussian(rand)));
    })
  );
}

/** Population 15–74 per kommun, year, sex and arbetsmarknadsstatus age group (20–64 is the sum of AGES_20_64). */
export function generatePopulation(opts: {
  kommuner: string[];
  from: number;
  to: number;
  seed: number;
}): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const code of opts.kommuner) {
    const k = demoKommun(code);
    for (let year = opts.from; year <= opts.to; year++) {
      const cells = populationCells(k, year, opts.seed);
      SEXES.forEach((sex, s) =>
        ARBETSMARKNAD_AGES.forEach((age, a) => rows.push({kommun: code, year, sex, age, persons: cells[s][a]}))
      );
    }
  }
  return rows;
}

/** The population 20–64 of one kommun and year. */
export function population2064(k: DemoKommun, year: number, seed: number): number {
  const cells = populationCells(k, year, seed);
  return cells.reduce((sum, row) => sum + row.slice(1, 6).reduce((a, b) => a + b, 0), 0);
}
