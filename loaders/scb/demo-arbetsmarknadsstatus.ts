// DEMO befolkningens arbetsmarknadsstatus per kommun, month, sex and age: population split by seeded status
// shares with a study season and the pandemic's lift in unemployment.
import {
  ARBETSMARKNAD_AGES,
  ARBETSMARKNAD_STATUSES,
  DEMO_PERIODS,
  SEXES,
  demoKommun,
  gaussian,
  monthRange,
  pandemic,
  populationCells,
  randomStream,
  yearly,
  type ArbetsmarknadsstatusRow,
  type DemoKommun
} from "./demo-model.js";
import {TYPE_MODELS, nationalKommuner} from "./demo-hae.js";

// Status shares per arbetsmarknadsstatus age group (sysselsatt is what is left): arbetslös, studerande, pensionär, sjuk, övrig.
const STATUS_SHARES: number[][] = [
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

/** Persons per status (ARBETSMARKNAD_STATUSES order) for one month, sex and age group of a kommun. */
type StatusEmit = (m: number, s: number, a: number, persons: number[]) => void;

/** One kommun's monthly arbetsmarknadsstatus, month by month, sex, age; the statuses of a cell add up to its population. */
function simulateArbetsmarknadsstatus(k: DemoKommun, months: string[], seed: number, emit: StatusEmit): void {
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
      ARBETSMARKNAD_AGES.forEach((_, a) => {
        const [arb, stud, pens, sjuk, ovr] = STATUS_SHARES[a];
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

/** Monthly arbetsmarknadsstatus: persons per kommun, status, sex and age group; the statuses add up to the population. */
export function generateArbetsmarknadsstatus(opts: {
  kommuner: string[];
  from: string;
  to: string;
  seed: number;
}): ArbetsmarknadsstatusRow[] {
  const months = monthRange(opts.from, opts.to);
  const rows: ArbetsmarknadsstatusRow[] = [];
  for (const kommun of opts.kommuner) {
    simulateArbetsmarknadsstatus(demoKommun(kommun), months, opts.seed, (m, s, a, persons) =>
      persons.forEach((n, i) =>
        rows.push({
          kommun,
          month: months[m],
          status: ARBETSMARKNAD_STATUSES[i],
          sex: SEXES[s],
          age: ARBETSMARKNAD_AGES[a],
          persons: n
        })
      )
    );
  }
  return rows;
}

/** A national arbetsmarknadsstatus cube for benchmarks: persons by ((((kommun × months + month) × 6 + status) × 2 + sex) × 7 + age). */
export interface ArbetsmarknadsstatusCube {
  kommuner: string[];
  months: string[];
  statuses: readonly string[];
  sexes: readonly string[];
  ages: readonly string[];
  values: Int32Array;
}

/** The national kommuner of generateNationalHae × the demo arbetsmarknadsstatus months (2020–2025), every status, sex and age group. */
export function generateNationalArbetsmarknadsstatus(seed: number, count = 290): ArbetsmarknadsstatusCube {
  const months = monthRange(DEMO_PERIODS.arbetsmarknadsstatus.from, DEMO_PERIODS.arbetsmarknadsstatus.to);
  const [nS, nX, nA] = [ARBETSMARKNAD_STATUSES.length, SEXES.length, ARBETSMARKNAD_AGES.length];
  const values = new Int32Array(count * months.length * nS * nX * nA);
  const kommuner = nationalKommuner(seed, count);
  kommuner.forEach((k, i) =>
    simulateArbetsmarknadsstatus(k, months, seed, (m, s, a, persons) =>
      persons.forEach((n, st) => (values[(((i * months.length + m) * nS + st) * nX + s) * nA + a] = n))
    )
  );
  return {
    kommuner: kommuner.map((k) => k.code),
    months,
    statuses: ARBETSMARKNAD_STATUSES,
    sexes: SEXES,
    ages: ARBETSMARKNAD_AGES,
    values
  };
}
