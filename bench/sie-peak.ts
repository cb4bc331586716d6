// Child process of the SIE benchmark: runs one workload once on a file and reports its peak resident memory
// (process.resourceUsage().maxRSS, the kernel's high-water mark) and the RSS just before the work began.
// Usage (via fork): sie-peak.ts <file> <read|reports> <vouchers>
import {readFileSync} from "node:fs";
import {workload, prepareWorkloads, type WorkloadName} from "./sie-work";

/** What the child sends back to the parent. */
export interface PeakReport {
  maxRssBytes: number;
  rssBeforeBytes: number;
}

const [file, name, vouchers] = process.argv.slice(2);
const work = workload(name as WorkloadName);
prepareWorkloads();
const bytes = readFileSync(file);
const rssBeforeBytes = process.memoryUsage().rss;
const result = work.run(bytes);
work.verify(result, Number(vouchers));
const report: PeakReport = {maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBeforeBytes};
process.send!(report, () => process.exit(0));
