// The shared part of every benchmark: options, result rows, timing by the median of N runs, and failed checks.
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";

setFlagsFromString("--expose-gc");
/** The V8 garbage collector, exposed at run time so that one run's garbage is not collected during the next. */
const collectGarbage = runInNewContext("gc") as () => void;

/** Options parsed from the command line, shared by all benchmarks. */
export interface BenchOptions {
  /** Problem sizes (e.g. vouchers); each benchmark has its own default when absent. */
  sizes?: number[];
  /** Timed runs per measurement; each benchmark has its own default when absent. */
  runs?: number;
}

/** One row of the result table. */
export interface Row {
  benchmark: string;
  size: string;
  runs: number;
  medianMs: number;
  /** Work per second, with its unit, e.g. "ver/s". */
  rate?: {value: number; unit: string};
  fileBytes?: number;
  /** Peak resident memory of a process that did the work once, and its growth during the work when known. */
  peakRss?: {bytes: number; growthBytes?: number};
  /** A remark: a ratio to our time, a target met or missed. */
  note?: string;
}

/** A benchmark module: a name for --only and a function that measures and returns its rows. */
export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions, progress: (message: string) => void): Promise<Row[]>;
}

/** Thrown when a run's result is wrong, so that a benchmark never silently measures a failure. */
export class CheckError extends Error {
  override name = "CheckError";
}

/** Throws a CheckError with the message unless the condition holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckError(message);
}

/** The median of a non-empty list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

let cpuMedian = NaN;
let firstMs = NaN;

/**
 * The wall time of the first run of the last timeMedian or timeMedianAsync, a warm-up run if it had one: in a fresh
 * process that run also pays for compiling the code it runs, which the median of the runs after it leaves out.
 */
export function lastFirstMs(): number {
  return firstMs;
}

/**
 * The median CPU time (user + system, all of the process's threads) of the runs that the last timeMedian or
 * timeMedianAsync timed: on a loaded machine the wall time measures the scheduler as much as the work.
 */
export function lastCpuMedian(): number {
  return cpuMedian;
}

const cpuNow = () => {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Runs fn `runs` times, checking each result and collecting garbage outside the timing; the median time in ms. With
 * `warmups`, it first runs that many times untimed but checked (the first of them is still noted: lastFirstMs).
 */
export function timeMedian<T>(runs: number, fn: () => T, verify: (result: T) => void, warmups = 0): number {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    collectGarbage();
    const start = performance.now();
    const startCpu = cpuNow();
    let result: T | undefined = fn();
    cpu.push(cpuNow() - startCpu);
    times.push(performance.now() - start);
    verify(result);
    // Dropped before the next run's collection, so it does not time the marking of the last result.
    // eslint-disable-next-line no-useless-assignment
    result = undefined;
  }
  cpuMedian = median(cpu.slice(warmups));
  firstMs = times[0];
  return median(times.slice(warmups));
}

/** timeMedian for asynchronous work. */
export async function timeMedianAsync<T>(
  runs: number,
  fn: () => Promise<T>,
  verify: (result: T) => void,
  warmups = 0
): Promise<number> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    collectGarbage();
    const start = performance.now();
    const startCpu = cpuNow();
    let result: T | undefined = await fn();
    cpu.push(cpuNow() - startCpu);
    times.push(performance.now() - start);
    verify(result);
    // eslint-disable-next-line no-useless-assignment
    result = undefined;
  }
  cpuMedian = median(cpu.slice(warmups));
  firstMs = times[0];
  return median(times.slice(warmups));
}
