// Child process of the SIE benchmark: times one workload on a file in a process of its own, as the ingestion reads a
// ledger in its own process. In the benchmark's process the reader ran 10–15 % slower at 1 000 000 vouchers than
// alone, with that process's own heap (the other benchmarks' modules and results) marked by every full collection.
// Usage (via fork): sie-time.ts <file> <read|read-objects|reports|stream|…> <vouchers> <runs> <warm-up runs>
import {lastCpuMedian, lastFirstMs, timeMedianAsync} from "./runner.js";
import {prepareWorkloads, workloadOnFile, type WorkloadName} from "./sie-work.js";

/** What the child sends back to the parent: the median wall and CPU time of the timed runs, and the first run's. */
export interface TimeReport {
  medianMs: number;
  cpuMs: number;
  firstMs: number;
}

const [file, name, vouchersArg, runs, warmups] = process.argv.slice(2);
const vouchers = Number(vouchersArg);
prepareWorkloads();
const work = workloadOnFile(name as WorkloadName, file);
const verify = (result: unknown) => work.verify(result, vouchers);
const medianMs = await timeMedianAsync(Number(runs), work.run, verify, Number(warmups));
const report: TimeReport = {medianMs, cpuMs: lastCpuMedian(), firstMs: lastFirstMs()};
process.send!(report, () => process.exit(0));
