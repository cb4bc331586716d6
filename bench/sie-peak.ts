// Child process of the SIE benchmark: runs one workload once on a file and reports its peak resident memory
// (process.resourceUsage().maxRSS, the kernel's high-water mark) and the RSS just before the work began.
// Usage (via fork): sie-peak.ts <file> <read|read-objects|reports|stream|…> <vouchers>; the stream workloads read
// the file in chunks.
import {readFileSync} from "node:fs";
import {prepareWorkloads, streamWorkloads, workload, type StreamName, type WorkloadName} from "./sie-work.js";

/** What the child sends back to the parent. */
export interface PeakReport {
  maxRssBytes: number;
  rssBeforeBytes: number;
}

const [file, name, vouchers] = process.argv.slice(2);
prepareWorkloads();
let rssBeforeBytes = process.memoryUsage().rss;
if (name in streamWorkloads) {
  const work = streamWorkloads[name as StreamName];
  work.verify(await work.run(file), Number(vouchers));
} else {
  const work = workload(name as Exclude<WorkloadName, StreamName>);
  const bytes = readFileSync(file);
  rssBeforeBytes = process.memoryUsage().rss;
  work.verify(work.run(bytes), Number(vouchers));
}
const report: PeakReport = {maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBeforeBytes};
process.send!(report, () => process.exit(0));
