// Child process of the SIE benchmark: times one workload on a file in a process of its own, as the ingestion reads a
// ledger in its own process. In the benchmark's process the reader ran 10–15 % slower at 1 000 000 vouchers than
// alone, with that process's own heap (the other benchmarks' modules and results) marked by every full collection.
// Usage (via fork): sie-time.ts <file> <read|read-objects|reports|stream|…> <vouchers> <runs> <warm-up runs>
import {readFileSync} from "node:fs";
import {lastCpuMedian, lastFirstMs, timeMedianAsync} from "./runner.js";
import {prepareWorkloads, streamWorkloads, workload, type StreamName, type WorkloadName} from "./sie-work.js";

/** What the child sends back to the parent: the median wall and CPU time of the timed runs, and the first run's. */
export interface TimeReport {
  medianMs: number;
  cpuMs: number;
  firstMs: number;
}

const [file, name, vouchersArg, runs, warmups] = process.argv.slice(2);
const vouchers = Number(vouchersArg);
prepareWorkloads();
let run: () => Promise<unknown>;
let verify: (result: unknown) => void;
if (name in streamWorkloads) {
  const work = streamWorkloads[name as StreamName];
  run = () => work.run(file);
  verify = (result) => work.verify(result, vouchers);
} else {
  const work = workload(name as Exclude<WorkloadName, StreamName>);
  const bytes = new Uint8Array(readFileSync(file));
  run = async () => work.run(bytes);
  verify = (result) => work.verify(result, vouchers);
}
const medianMs = await timeMedianAsync(Number(runs), run, verify, Number(warmups));
const report: TimeReport = {medianMs, cpuMs: lastCpuMedian(), firstMs: lastFirstMs()};
process.send!(report, () => process.exit(0));
