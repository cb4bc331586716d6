// DEMO statistics in the shape of SCB's tables (helårsekvivalenter, BAS, population) for the förbund's kommuner.
// There is no network, so the workspace ships these instead of real SCB figures. Everything is drawn from a
// seeded generator (mulberry32), except the figures the seeds print: Falun's and Borlänge's jan–jun 2022 and
// 2023 HÅE averages are forced to chosen exact targets (HAE_ANCHORS) that round to the printed table.
// Pure functions only: the script scripts/generate-scb-demo.ts writes the files.
import {HAE_LABELS, HAE_TYPES, type HaeType} from "../../src/lib/hae.js";
import {uniformFor} from "../../src/lib/random.js";

/** SCB's sex codes: 1 män, 2 kvinnor. */
export const SEXES = ["1", "2"] as const;
export const HAE_AGES = ["20-29", "30-39", "40-49", "50-59", "60-64"] as const;
export const BAS_STATUSES = ["sysselsatt", "arbetslos", "studerande", "pensionar", "sjuk", "ovrig"] as const;
export const BAS_AGES = ["15-19", "20-24", "25-34", "35-44", "45-54", "55-64", "65-74"] as const;
/** The BAS age groups that make up 20–64, the HÅE population. */
export const AGES_20_64 = ["20-24", "25-34", "35-44", "45-54", "55-64"] as const;

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

export interface BasRow {
  kommun: string;
  month: string;
  status: string;
  sex: string;
  age: string;
  persons: number;
}

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

const ANCHOR_MONTHS = 6;

// ---------------------------------------------------------------------------------------------------------------
// Random numbers

/** A mulberry32 stream keyed by seed and a label, so each kommun's series is independent of which others are made. */
export function randomStream(seed: number, key: string): () => number {
  // The seed goes into the hashed text only: mixing it in twice lets seed and digit cancel (7 ^ "7" = 8 ^ "8").
  return uniformFor(`${seed}:${key}`);
}

/** A standard normal draw (Box–Muller) from a uniform stream. */
function gaussian(rand: () => number): number {
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
function yearly(table: Record<number, number>, year: number, month: number): number {
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
function pandemic(year: number, month: number): number {
  const i = (year - 2020) * 12 + month - 1;
  if (i < 2) return 0;
  if (i === 2) return 0.5;
  if (i < 12) return 1;
  return Math.max(0, 1 - (i - 11) / 12);
}

// ---------------------------------------------------------------------------------------------------------------
// Population

// Shares of the total population per BAS age group; both give 20–64 ≈ 54–55 %.
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

/** Persons per sex and BAS age group for one kommun and year: [sex][age]. */
function populationCells(k: DemoKommun, year: number, seed: number): number[][] {
  // A fixed jitter per cell keeps the age pyramid stable; a small yearly one makes the years differ.
  const fixed = randomStream(seed, `${k.code}:population`);
  const jitter = SEXES.map(() => BAS_AGES.map(() => 1 + 0.02 * gaussian(fixed)));
  const rand = randomStream(seed, `${k.code}:population:${year}`);
  const total = k.population * Math.pow(1 + k.growth, year - 2023);
  return SEXES.map((_, s) =>
    BAS_AGES.map((_, a) => {
      const share = AGE_SHARES[k.kind][a] * (s === 0 ? MALE_SHARES[a] : 1 - MALE_SHARES[a]);
      return Math.round(total * share * jitter[s][a] * (1 + 0.003 * gaussian(rand)));
    })
  );
}

/** Population 15–74 per kommun, year, sex and BAS age group (20–64 is the sum of AGES_20_64). */
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
        BAS_AGES.forEach((age, a) => rows.push({kommun: code, year, sex, age, persons: cells[s][a]}))
      );
    }
  }
  return rows;
}

function population2064(k: DemoKommun, year: number, seed: number): number {
  const cells = populationCells(k, year, seed);
  return cells.reduce((sum, row) => sum + row.slice(1, 6).reduce((a, b) => a + b, 0), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Helårsekvivalenter

interface TypeModel {
  /** Share of a kommun's total HÅE in 2022. */
  mix: number;
  women: number;
  ages: number[];
  season: number[];
  /** Level relative to 2022, at mid-year. */
  trend: Record<number, number>;
  /** Relative rise at the height of the pandemic. */
  covid: number;
}

// Shapes follow the national picture: sjukpenning dips in July, arbetslöshet peaks in winter, SA falls steadily,
// etableringsersättning follows the 2015–16 refugee arrivals, the pandemic lifts arbetslöshet and sjukpenning.
const TYPE_MODELS: Record<HaeType, TypeModel> = {
  sjukpenning: {
    mix: 0.22,
    women: 0.63,
    ages: [0.12, 0.22, 0.25, 0.27, 0.14],
    season: [1.06, 1.07, 1.06, 1.03, 1.0, 0.97, 0.86, 0.92, 0.99, 1.02, 1.02, 1.0],
    trend: {
      2014: 0.88,
      2015: 0.97,
      2016: 1.04,
      2017: 1.02,
      2018: 0.97,
      2019: 0.93,
      2020: 0.95,
      2021: 0.96,
      2022: 1.0,
      2023: 1.06,
      2024: 1.05,
      2025: 1.03
    },
    covid: 0.15
  },
  sjuk_aktivitetsersattning: {
    mix: 0.3,
    women: 0.58,
    ages: [0.06, 0.1, 0.17, 0.35, 0.32],
    season: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.995, 0.995, 1.0, 1.0, 1.0, 1.0],
    trend: {
      2014: 1.42,
      2015: 1.35,
      2016: 1.28,
      2017: 1.21,
      2018: 1.15,
      2019: 1.1,
      2020: 1.06,
      2021: 1.03,
      2022: 1.0,
      2023: 0.98,
      2024: 0.96,
      2025: 0.94
    },
    covid: 0
  },
  arbetsloshet: {
    mix: 0.1,
    women: 0.45,
    ages: [0.3, 0.25, 0.18, 0.18, 0.09],
    season: [1.12, 1.12, 1.06, 0.99, 0.93, 0.92, 1.02, 0.98, 0.93, 0.94, 0.98, 1.05],
    trend: {
      2014: 1.1,
      2015: 1.05,
      2016: 1.0,
      2017: 0.95,
      2018: 0.92,
      2019: 0.98,
      2020: 1.0,
      2021: 1.02,
      2022: 1.0,
      2023: 0.9,
      2024: 1.0,
      2025: 1.04
    },
    covid: 0.35
  },
  arbetsmarknadsatgarder: {
    mix: 0.2,
    women: 0.47,
    ages: [0.28, 0.25, 0.21, 0.19, 0.07],
    season: [1.03, 1.05, 1.06, 1.05, 1.02, 0.97, 0.82, 0.9, 1.01, 1.04, 1.04, 1.01],
    trend: {
      2014: 0.95,
      2015: 0.98,
      2016: 1.05,
      2017: 1.1,
      2018: 1.05,
      2019: 0.95,
      2020: 0.95,
      2021: 1.05,
      2022: 1.0,
      2023: 1.03,
      2024: 1.05,
      2025: 1.06
    },
    covid: 0.05
  },
  etableringsersattning: {
    mix: 0.02,
    women: 0.55,
    ages: [0.35, 0.38, 0.2, 0.06, 0.01],
    season: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    trend: {
      2014: 0.7,
      2015: 1.0,
      2016: 2.1,
      2017: 3.0,
      2018: 2.8,
      2019: 2.0,
      2020: 1.4,
      2021: 1.1,
      2022: 1.0,
      2023: 0.85,
      2024: 0.65,
      2025: 0.5
    },
    covid: 0
  },
  ekonomiskt_bistand: {
    mix: 0.16,
    women: 0.46,
    ages: [0.36, 0.26, 0.19, 0.14, 0.05],
    season: [1.04, 1.03, 1.02, 1.0, 0.98, 0.98, 0.98, 0.98, 0.98, 0.99, 1.0, 1.02],
    trend: {
      2014: 1.15,
      2015: 1.13,
      2016: 1.13,
      2017: 1.1,
      2018: 1.05,
      2019: 1.0,
      2020: 1.02,
      2021: 1.0,
      2022: 1.0,
      2023: 0.97,
      2024: 0.99,
      2025: 1.01
    },
    covid: 0.04
  }
};

const CELLS_PER_MONTH = HAE_TYPES.length * SEXES.length * HAE_AGES.length;

/** Index of a cell within one kommun's series: month, type, sex, age (the last varies fastest). */
function cellIndex(m: number, t: number, s: number, a: number): number {
  return ((m * HAE_TYPES.length + t) * SEXES.length + s) * HAE_AGES.length + a;
}

/** What the HÅE model needs to know about a kommun. */
interface HaeProfile {
  code: string;
  /** HÅE per month by type around 2022, before season. */
  levels: number[];
  /** 20–64 population relative to 2022, per year. */
  populationIndex: (year: number) => number;
}

/** Unrounded HÅE for one kommun over the months, indexed by cellIndex. */
function simulateHae(profile: HaeProfile, months: string[], seed: number): Float64Array {
  const rand = randomStream(seed, `${profile.code}:hae`);
  const out = new Float64Array(months.length * CELLS_PER_MONTH);
  HAE_TYPES.forEach((type, t) => {
    const model = TYPE_MODELS[type];
    // A kommun's own sex and age profile and its own slow drift, so kommuner differ beyond their size.
    const women = Math.min(0.8, Math.max(0.2, model.women + 0.03 * gaussian(rand)));
    const ageWeights = model.ages.map((w) => w * Math.exp(0.12 * gaussian(rand)));
    const ageTotal = ageWeights.reduce((a, b) => a + b, 0);
    const tilt = 0.01 * gaussian(rand);
    let drift = 0;
    const cellNoise = new Float64Array(SEXES.length * HAE_AGES.length);
    months.forEach((month, m) => {
      const [year, mon] = month.split("-").map(Number);
      drift = 0.92 * drift + 0.012 * gaussian(rand);
      const level =
        profile.levels[t] *
        yearly(model.trend, year, mon) *
        (1 + tilt * (year + (mon - 1) / 12 - 2022)) *
        model.season[mon - 1] *
        (1 + model.covid * pandemic(year, mon)) *
        profile.populationIndex(year) *
        Math.exp(drift);
      SEXES.forEach((_, s) =>
        HAE_AGES.forEach((_, a) => {
          const expected = level * (s === 0 ? 1 - women : women) * (ageWeights[a] / ageTotal);
          const c = s * HAE_AGES.length + a;
          // Persistent cell noise: the same people stay on a benefit for months, so a cell moves smoothly.
          cellNoise[c] = 0.8 * cellNoise[c] + (0.01 + 0.12 / Math.sqrt(expected + 1)) * gaussian(rand);
          out[cellIndex(m, t, s, a)] = Math.max(0, expected * Math.exp(cellNoise[c]));
        })
      );
    });
  });
  return out;
}

/** Type levels for a kommun: the 2022 anchors where there are some, else its HÅE rate split by the type mix. */
function haeProfile(k: DemoKommun, seed: number): HaeProfile {
  const base = population2064(k, 2022, seed);
  const populationIndex = (year: number) => population2064(k, year, seed) / base;
  const anchor = HAE_ANCHORS.find((h) => h.kommun === k.code && h.year === 2022);
  if (anchor) return {code: k.code, levels: HAE_TYPES.map((t) => anchor.averages[t]), populationIndex};
  const rand = randomStream(seed, `${k.code}:mix`);
  const weights = HAE_TYPES.map((t) => TYPE_MODELS[t].mix * Math.exp(0.15 * gaussian(rand)));
  const total = weights.reduce((a, b) => a + b, 0);
  return {code: k.code, levels: weights.map((w) => (k.haeRate * base * w) / total), populationIndex};
}

/** Rounds a kommun's series to whole tenths of a HÅE and forces its anchored jan–jun totals to the targets. */
function roundAndAnchor(code: string, months: string[], raw: Float64Array): Int32Array {
  // Anchors outside the requested months cannot be met and are left out.
  const anchors = HAE_ANCHORS.filter(
    (h) =>
      h.kommun === code &&
      months.includes(`${h.year}-01`) &&
      months.includes(`${h.year}-${String(ANCHOR_MONTHS).padStart(2, "0")}`)
  ).sort((a, b) => a.year - b.year);
  if (!anchors.length) return Int32Array.from(raw, (x) => Math.round(x * 10));
  // One factor per anchored year and type brings its jan–jun total to the target.
  const points = anchors.map((h) => {
    const start = months.indexOf(`${h.year}-01`);
    return HAE_TYPES.map((type, t) => {
      let sum = 0;
      for (let m = start; m < start + ANCHOR_MONTHS; m++) sum += typeTotal(raw, m, t);
      return {start, factor: (h.averages[type] * ANCHOR_MONTHS) / sum};
    });
  });
  return roundWithFactors(months, raw, points, anchors);
}

function typeTotal(raw: ArrayLike<number>, m: number, t: number): number {
  let sum = 0;
  for (let s = 0; s < SEXES.length; s++) for (let a = 0; a < HAE_AGES.length; a++) sum += raw[cellIndex(m, t, s, a)];
  return sum;
}

/** Scales and rounds the series; between anchored years the factor moves linearly, so the series has no step. */
function roundWithFactors(
  months: string[],
  raw: Float64Array,
  points: {start: number; factor: number}[][],
  anchors: HaeAnchor[]
): Int32Array {
  const tenths = new Int32Array(raw.length);
  HAE_TYPES.forEach((_, t) => {
    const factorAt = (m: number): number => {
      const first = points[0][t];
      if (m < first.start + ANCHOR_MONTHS) return first.factor;
      for (let p = 1; p < points.length; p++) {
        const prev = points[p - 1][t];
        const next = points[p][t];
        if (m < next.start) {
          const span = next.start - (prev.start + ANCHOR_MONTHS) + 1;
          return prev.factor + ((next.factor - prev.factor) * (m - (prev.start + ANCHOR_MONTHS) + 1)) / span;
        }
        if (m < next.start + ANCHOR_MONTHS) return next.factor;
      }
      return points[points.length - 1][t].factor;
    };
    for (let m = 0; m < months.length; m++) {
      const f = factorAt(m);
      for (let s = 0; s < SEXES.length; s++) {
        for (let a = 0; a < HAE_AGES.length; a++) {
          const i = cellIndex(m, t, s, a);
          tenths[i] = Math.round(raw[i] * f * 10);
        }
      }
    }
  });
  // Rounding each cell leaves the half-year a few tenths off; the difference goes to June's cells.
  for (const h of anchors) {
    const start = months.indexOf(`${h.year}-01`);
    const june = start + ANCHOR_MONTHS - 1;
    HAE_TYPES.forEach((type, t) => {
      let sum = 0;
      for (let m = start; m <= june; m++) sum += typeTotal(tenths, m, t);
      let residual = Math.round(h.averages[type] * 10) * ANCHOR_MONTHS - sum;
      const cells = SEXES.flatMap((_, s) => HAE_AGES.map((_, a) => cellIndex(june, t, s, a))).sort(
        (x, y) => tenths[y] - tenths[x] || x - y
      );
      for (let k = 0; residual !== 0; k = (k + 1) % cells.length) {
        const i = cells[k];
        if (residual > 0) {
          tenths[i] += 1;
          residual--;
        } else if (tenths[i] > 0) {
          tenths[i] -= 1;
          residual++;
        } else if (cells.every((c) => tenths[c] === 0)) throw new Error("Målet för halvåret är negativt");
      }
    });
  }
  return tenths;
}

/** HÅE in whole tenths for one kommun, indexed by month, type, sex, age. */
function kommunHaeTenths(code: string, months: string[], seed: number): Int32Array {
  const raw = simulateHae(haeProfile(demoKommun(code), seed), months, seed);
  return roundAndAnchor(code, months, raw);
}

/** Monthly HÅE per kommun, type, sex and age group; value has one decimal. */
export function generateHae(opts: {kommuner: string[]; from: string; to: string; seed: number}): HaeRow[] {
  const months = monthRange(opts.from, opts.to);
  const rows: HaeRow[] = [];
  for (const kommun of opts.kommuner) {
    const tenths = kommunHaeTenths(kommun, months, opts.seed);
    months.forEach((month, m) =>
      HAE_TYPES.forEach((type, t) =>
        SEXES.forEach((sex, s) =>
          HAE_AGES.forEach((age, a) =>
            rows.push({kommun, month, type, sex, age, value: tenths[cellIndex(m, t, s, a)] / 10})
          )
        )
      )
    );
  }
  return rows;
}

/** A national HÅE cube for benchmarks: values indexed ((((kommun × months + month) × types + type) × 2 + sex) × 5 + age). */
export interface HaeCube {
  kommuner: string[];
  months: string[];
  types: readonly HaeType[];
  sexes: readonly string[];
  ages: readonly string[];
  values: Float32Array;
}

/** National kommun codes 9001–9290: SCB does not use them, so they cannot be mistaken for real kommuner. */
function nationalCode(i: number): string {
  return String(9001 + i);
}

/** The i-th synthetic national kommun; the draws come from one "national" stream, so HÅE and BAS share kommuner. */
function nationalKommun(i: number, rand: () => number): DemoKommun {
  const code = nationalCode(i);
  // Sizes roughly as Sweden's: median about 16 000, a few large cities.
  const population = Math.round(Math.min(1_000_000, Math.max(2_400, 16_000 * Math.exp(1.0 * gaussian(rand)))));
  return {
    code,
    name: `Demokommun ${code}`,
    population,
    growth: 0.006 * gaussian(rand),
    haeRate: Math.min(0.24, Math.max(0.09, 0.15 + 0.03 * gaussian(rand))),
    kind: population > 40_000 ? "stad" : "ort"
  };
}

/** The first `count` national kommuner of a seed. */
function nationalKommuner(seed: number, count: number): DemoKommun[] {
  const rand = randomStream(seed, "national");
  return Array.from({length: count}, (_, i) => nationalKommun(i, rand));
}

/** 290 synthetic kommuner (codes 9001–9290, which SCB does not use) × 144 months (2014–2025) of demo HÅE. */
export function generateNationalHae(seed: number, count = 290): HaeCube {
  const months = monthRange("2014-01", "2025-12");
  const values = new Float32Array(count * months.length * CELLS_PER_MONTH);
  const kommuner = nationalKommuner(seed, count);
  kommuner.forEach((k, i) => {
    const raw = simulateHae(haeProfile(k, seed), months, seed);
    const offset = i * raw.length;
    for (let j = 0; j < raw.length; j++) values[offset + j] = Math.round(raw[j] * 10) / 10;
  });
  return {kommuner: kommuner.map((k) => k.code), months, types: HAE_TYPES, sexes: SEXES, ages: HAE_AGES, values};
}

// ---------------------------------------------------------------------------------------------------------------
// Befolkningens arbetsmarknadsstatus

// Status shares per BAS age group (sysselsatt is what is left): arbetslös, studerande, pensionär, sjuk, övrig.
const BAS_SHARES: number[][] = [
  [0.02, 0.63, 0, 0.005, 0.045],
  [0.07, 0.17, 0, 0.015, 0.085],
  [0.06, 0.04, 0, 0.02, 0.06],
  [0.045, 0.015, 0, 0.03, 0.04],
  [0.035, 0.007, 0.003, 0.05, 0.035],
  [0.035, 0.003, 0.06, 0.08, 0.052],
  [0.005, 0, 0.8, 0, 0.025]
];
// Students leave their status over the summer, when many of the young work instead.
const STUDY_SEASON = [1, 1, 1, 1, 0.97, 0.85, 0.55, 0.8, 1, 1, 1, 1];

/** Splits a whole number by weights with the largest-remainder rule, so the parts add up exactly. */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({i, r: x - Math.floor(x)})).sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length].i]++;
  return parts;
}

/** Persons per status (BAS_STATUSES order) for one month, sex and age group of a kommun. */
type BasEmit = (m: number, s: number, a: number, persons: number[]) => void;

/** One kommun's monthly BAS, month by month, sex, age; the statuses of a cell add up to its population. */
function simulateBas(k: DemoKommun, months: string[], seed: number, emit: BasEmit): void {
  const rand = randomStream(seed, `${k.code}:bas`);
  // Kommuner with more people on benefits have more arbetslösa and sjuka.
  const burden = Math.pow(k.haeRate / 0.15, 0.7);
  const unemployment = TYPE_MODELS.arbetsloshet;
  const sickness = TYPE_MODELS.sjuk_aktivitetsersattning;
  let drift = 0;
  months.forEach((month, m) => {
    const [year, mon] = month.split("-").map(Number);
    const cells = populationCells(k, year, seed);
    drift = 0.9 * drift + 0.015 * gaussian(rand);
    const jobless =
      burden *
      yearly(unemployment.trend, year, mon) *
      unemployment.season[mon - 1] *
      (1 + unemployment.covid * pandemic(year, mon)) *
      Math.exp(drift);
    const sick = burden * yearly(sickness.trend, year, mon);
    SEXES.forEach((_, s) =>
      BAS_AGES.forEach((_, a) => {
        const [arb, stud, pens, sjuk, ovr] = BAS_SHARES[a];
        const young = a <= 1;
        const shares = [
          0,
          arb * jobless * (s === 0 ? 1.08 : 0.92),
          stud * (young ? STUDY_SEASON[mon - 1] : 1) * (s === 0 ? 0.9 : 1.1),
          pens,
          sjuk * sick * (s === 0 ? 0.75 : 1.25),
          ovr * (s === 0 ? 1.05 : 0.95)
        ].map((x) => x * (1 + 0.03 * gaussian(rand)));
        shares[0] = Math.max(0, 1 - shares.reduce((x, y) => x + y, 0));
        emit(m, s, a, allocate(cells[s][a], shares));
      })
    );
  });
}

/** Monthly BAS: persons per kommun, status, sex and age group; the statuses add up to the population. */
export function generateBas(opts: {kommuner: string[]; from: string; to: string; seed: number}): BasRow[] {
  const months = monthRange(opts.from, opts.to);
  const rows: BasRow[] = [];
  for (const kommun of opts.kommuner) {
    simulateBas(demoKommun(kommun), months, opts.seed, (m, s, a, persons) =>
      persons.forEach((n, i) =>
        rows.push({kommun, month: months[m], status: BAS_STATUSES[i], sex: SEXES[s], age: BAS_AGES[a], persons: n})
      )
    );
  }
  return rows;
}

/** A national BAS cube for benchmarks: persons by ((((kommun × months + month) × 6 + status) × 2 + sex) × 7 + age). */
export interface BasCube {
  kommuner: string[];
  months: string[];
  statuses: readonly string[];
  sexes: readonly string[];
  ages: readonly string[];
  values: Int32Array;
}

/** The national kommuner of generateNationalHae × the demo BAS months (2020–2025), every status, sex and age group. */
export function generateNationalBas(seed: number, count = 290): BasCube {
  const months = monthRange(DEMO_PERIODS.bas.from, DEMO_PERIODS.bas.to);
  const [nS, nX, nA] = [BAS_STATUSES.length, SEXES.length, BAS_AGES.length];
  const values = new Int32Array(count * months.length * nS * nX * nA);
  const kommuner = nationalKommuner(seed, count);
  kommuner.forEach((k, i) =>
    simulateBas(k, months, seed, (m, s, a, persons) =>
      persons.forEach((n, st) => (values[(((i * months.length + m) * nS + st) * nX + s) * nA + a] = n))
    )
  );
  return {kommuner: kommuner.map((k) => k.code), months, statuses: BAS_STATUSES, sexes: SEXES, ages: BAS_AGES, values};
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/** The period of each demo table. */
export const DEMO_PERIODS = {
  hae: {from: "2014-01", to: "2025-12"},
  bas: {from: "2020-01", to: "2025-12"},
  population: {from: 2014, to: 2025}
};

function tenthsText(value: number): string {
  const t = Math.round(value * 10);
  return `${Math.trunc(t / 10)}.${Math.abs(t % 10)}`;
}

/** hae.csv: header and one row per observation, value with one decimal. */
export function haeCsv(rows: HaeRow[]): string {
  const lines = ["kommun,month,type,sex,age,value"];
  for (const r of rows) lines.push(`${r.kommun},${r.month},${r.type},${r.sex},${r.age},${tenthsText(r.value)}`);
  return lines.join("\n") + "\n";
}

/** bas.csv: header and one row per observation. */
export function basCsv(rows: BasRow[]): string {
  const lines = ["kommun,month,status,sex,age,persons"];
  for (const r of rows) lines.push(`${r.kommun},${r.month},${r.status},${r.sex},${r.age},${r.persons}`);
  return lines.join("\n") + "\n";
}

/** population.csv: header and one row per observation. */
export function populationCsv(rows: PopulationRow[]): string {
  const lines = ["kommun,year,sex,age,persons"];
  for (const r of rows) lines.push(`${r.kommun},${r.year},${r.sex},${r.age},${r.persons}`);
  return lines.join("\n") + "\n";
}

/** Tenths as Swedish text with one decimal and a space between thousands: 11274 → "1 127,4". */
function tenthsSwedish(t: number): string {
  const whole = String(Math.trunc(Math.abs(t) / 10)).replace(/\B(?=(\d{3})+$)/g, " ");
  return `${t < 0 ? "−" : ""}${whole},${Math.abs(t) % 10}`;
}

/** Tenths rounded half away from zero to a whole number, as Swedish text. */
function roundedSwedish(t: number): string {
  const whole = Math.floor((Math.abs(t) + 5) / 10);
  return `${t < 0 && whole ? "−" : ""}${String(whole).replace(/\B(?=(\d{3})+$)/g, " ")}`;
}

/** A Markdown table padded the way Prettier pads it, so that formatting the repository leaves the README alone. */
function markdownTable(header: string[], rows: string[][], right: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const cell = (text: string, i: number) => (right[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? "-".repeat(w - 1) + ":" : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The Swedish README of data/scb/demo/. */
export function demoReadme(seed: number): string {
  const files = markdownTable(
    ["Fil", "Innehåll", "Kolumner"],
    [
      [
        "`hae.csv`",
        `Helårsekvivalenter 20–64 år per månad ${DEMO_PERIODS.hae.from}–${DEMO_PERIODS.hae.to}`,
        "kommun, month, type, sex, age, value"
      ],
      [
        "`bas.csv`",
        `Befolkningens arbetsmarknadsstatus 15–74 år per månad ${DEMO_PERIODS.bas.from}–${DEMO_PERIODS.bas.to}`,
        "kommun, month, status, sex, age, persons"
      ],
      [
        "`population.csv`",
        `Befolkning 15–74 år per år ${DEMO_PERIODS.population.from}–${DEMO_PERIODS.population.to}`,
        "kommun, year, sex, age, persons"
      ]
    ]
  );
  const anchorTables = [...new Set(HAE_ANCHORS.map((h) => h.kommun))].map((code) => {
    const [before, after] = HAE_ANCHORS.filter((h) => h.kommun === code).sort((a, b) => a.year - b.year);
    // Six-month sums are 6 × the average; the table works in tenths of the average to stay exact.
    const tenths = (h: HaeAnchor, t: HaeType) => Math.round(h.averages[t] * 10);
    const row = (label: string, a: number, b: number) => [
      label,
      tenthsSwedish(a),
      tenthsSwedish(b),
      roundedSwedish(a),
      roundedSwedish(b),
      roundedSwedish(b - a)
    ];
    const rows = HAE_TYPES.map((t) => row(HAE_LABELS[t], tenths(before, t), tenths(after, t)));
    const sum = (h: HaeAnchor) => HAE_TYPES.reduce((s, t) => s + tenths(h, t), 0);
    rows.push(row("Summa helårsekvivalenter", sum(before), sum(after)));
    const y0 = before.year;
    const y1 = after.year;
    const header = [
      `${demoKommun(code).name} (${code})`,
      `Mål jan–jun ${y0}`,
      `Mål jan–jun ${y1}`,
      `Avrundat ${y0}`,
      `Avrundat ${y1}`,
      "Avrundad diff."
    ];
    return markdownTable(header, rows, [false, true, true, true, true, true]);
  });
  return `# DEMODATA – inte SCB:s statistik

Filerna i den här mappen är **demodata**. De är framtagna av ett skript med ett fast slumpfrö och har SCB:s
tabellers form, men siffrorna är **inte SCB:s**, med undantag för de förankrade siffrorna nedan. Arbetsytan
saknar nätverk och kan därför inte hämta den riktiga statistiken; använd inte demodata som underlag för beslut.

- Skapad av: \`scripts/generate-scb-demo.ts\` (generatorn finns i \`loaders/scb/demo.ts\`)
- Slumpfrö: ${seed}
- Kommuner: ${DEMO_KOMMUNER.map((k) => `${k.name} (${k.code})`).join(", ")}
- Befolkningsstorlekarna är ungefär de verkliga; allt annat (fördelning på kön och ålder, nivåer för kommuner
  utan förankrade siffror, säsong, trender) är påhittat men rimligt till storlek och form.

## Filer

${files}

- \`kommun\`: SCB:s fyrsiffriga kommunkod. \`sex\`: 1 = män, 2 = kvinnor.
- \`type\` (HÅE): ${HAE_TYPES.join(", ")}. Summan av helårsekvivalenter lagras inte utan räknas fram.
- \`value\` (HÅE) har en decimal. \`age\` (HÅE): ${HAE_AGES.join(", ")}.
- \`status\` (BAS), i SCB:s prioritetsordning: ${BAS_STATUSES.join(", ")}. Statusarna summerar till befolkningen.
- \`age\` (BAS och befolkning): ${BAS_AGES.join(", ")}; 20–64 år är summan av ${AGES_20_64.join(", ")}.
- UTF-8, kommaseparerat, en rubrikrad, en rad per observation.

## Förankrade siffror

Källa: ${HAE_ANCHOR_SOURCE}.

För Falun och Borlänge är helårsekvivalenterna för januari–juni 2022 och 2023 styrda så att snittet per månad,
summerat över kön och ålder, blir exakt målen nedan. Avrundade till heltal (halva bort från noll) ger de
rapportens tryckta värden per ersättning och rapportens Summa, och den avrundade skillnaden mellan de oavrundade
snitten ger rapportens kolumn ”diff.”. Rapportens diff. och Summa är inte alltid skillnaden respektive summan av
de tryckta heltalen (Falun: sjuk- och aktivitetsersättning 1 127 → 1 096 med diff. −32, Summa 2023 3 360;
Borlänge: Summa 2023 4 373 och diff. 97), därför har målen decimaler. Det som avrundningen av cellerna till en
decimal lämnar kvar mot målet läggs på juni månads celler; mellan halvåren glider nivån jämnt.
Kolumnerna ”Avrundat” och ”Avrundad diff.” är exakt de siffror rapporten trycker (kontrolleras mot rapporttexten
av \`test/scb-demo.test.ts\`, som läser de incheckade CSV-filerna).

${anchorTables.join("\n\n")}

Inga andra siffror för helårsekvivalenter, BAS eller försörjningsmått finns tryckta i underlagen i \`data/seeds/\`
(Södra Dalarnas årsredovisning nämner försörjningsmåttet och helårsekvivalenter men redovisar inga siffror;
Falun-Borlänges verksamhetsplan 2025 beskriver BAS utan siffror). Allt annat i filerna är påhittat.
`;
}

/** Every file of data/scb/demo/ by name, as the generator writes them. */
export function demoFiles(seed: number = DEMO_SEED): Record<string, string> {
  const kommuner = DEMO_KOMMUNER.map((k) => k.code);
  return {
    "hae.csv": haeCsv(generateHae({kommuner, ...DEMO_PERIODS.hae, seed})),
    "bas.csv": basCsv(generateBas({kommuner, ...DEMO_PERIODS.bas, seed})),
    "population.csv": populationCsv(generatePopulation({kommuner, ...DEMO_PERIODS.population, seed})),
    "README.md": demoReadme(seed)
  };
}
