// DEMO helårsekvivalenter per kommun, month, type, sex and age: a seeded model per type whose jan–jun 2022 and
// 2023 averages for Falun and Borlänge are forced to the anchors that round to the printed report.
import {HAE_TYPES, type HaeType} from "../../src/lib/hae.js";
import {
  ANCHOR_MONTHS,
  HAE_AGES,
  HAE_ANCHORS,
  SEXES,
  demoKommun,
  gaussian,
  monthRange,
  pandemic,
  population2064,
  randomStream,
  yearly,
  type DemoKommun,
  type HaeAnchor,
  type HaeRow
} from "./demo-model.js";

/** Values for consecutive years from the first: fromYear(2014, [1.1, 1.05]) → {2014: 1.1, 2015: 1.05}. */
function fromYear(first: number, values: number[]): Record<number, number> {
  return Object.fromEntries(values.map((v, i) => [first + i, v]));
}

export interface TypeModel {
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
export const TYPE_MODELS: Record<HaeType, TypeModel> = {
  sjukpenning: {
    mix: 0.22,
    women: 0.63,
    ages: [0.12, 0.22, 0.25, 0.27, 0.14],
    season: [1.06, 1.07, 1.06, 1.03, 1.0, 0.97, 0.86, 0.92, 0.99, 1.02, 1.02, 1.0],
    trend: fromYear(2014, [0.88, 0.97, 1.04, 1.02, 0.97, 0.93, 0.95, 0.96, 1.0, 1.06, 1.05, 1.03]),
    covid: 0.15
  },
  sjuk_aktivitetsersattning: {
    mix: 0.3,
    women: 0.58,
    ages: [0.06, 0.1, 0.17, 0.35, 0.32],
    season: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.995, 0.995, 1.0, 1.0, 1.0, 1.0],
    trend: fromYear(2014, [1.42, 1.35, 1.28, 1.21, 1.15, 1.1, 1.06, 1.03, 1.0, 0.98, 0.96, 0.94]),
    covid: 0
  },
  arbetsloshet: {
    mix: 0.1,
    women: 0.45,
    ages: [0.3, 0.25, 0.18, 0.18, 0.09],
    season: [1.12, 1.12, 1.06, 0.99, 0.93, 0.92, 1.02, 0.98, 0.93, 0.94, 0.98, 1.05],
    trend: fromYear(2014, [1.1, 1.05, 1.0, 0.95, 0.92, 0.98, 1.0, 1.02, 1.0, 0.9, 1.0, 1.04]),
    covid: 0.35
  },
  arbetsmarknadsatgarder: {
    mix: 0.2,
    women: 0.47,
    ages: [0.28, 0.25, 0.21, 0.19, 0.07],
    season: [1.03, 1.05, 1.06, 1.05, 1.02, 0.97, 0.82, 0.9, 1.01, 1.04, 1.04, 1.01],
    trend: fromYear(2014, [0.95, 0.98, 1.05, 1.1, 1.05, 0.95, 0.95, 1.05, 1.0, 1.03, 1.05, 1.06]),
    covid: 0.05
  },
  etableringsersattning: {
    mix: 0.02,
    women: 0.55,
    ages: [0.35, 0.38, 0.2, 0.06, 0.01],
    season: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    trend: fromYear(2014, [0.7, 1.0, 2.1, 3.0, 2.8, 2.0, 1.4, 1.1, 1.0, 0.85, 0.65, 0.5]),
    covid: 0
  },
  ekonomiskt_bistand: {
    mix: 0.16,
    women: 0.46,
    ages: [0.36, 0.26, 0.19, 0.14, 0.05],
    season: [1.04, 1.03, 1.02, 1.0, 0.98, 0.98, 0.98, 0.98, 0.98, 0.99, 1.0, 1.02],
    trend: fromYear(2014, [1.15, 1.13, 1.13, 1.1, 1.05, 1.0, 1.02, 1.0, 1.0, 0.97, 0.99, 1.01]),
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

/** The i-th synthetic national kommun; the draws come from one "national" stream, so HÅE and arbetsmarknadsstatus share kommuner. */
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
export function nationalKommuner(seed: number, count: number): DemoKommun[] {
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
