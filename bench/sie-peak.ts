// Child process of the SIE benchmark: runs one workload once on a file and reports its peak resident memory
// (process.resourceUsage().maxRSS, the kernel's high-water mark) and the RSS just before the work began.
// Usage (via fork): sie-peak.ts <file> <read|read-objects|reports|stream|…> <vouchers>; the stream workloads read
// the file in chunks.
import {prepareWorkloads, workloadOnFile, type WorkloadName} from "./sie-work.js";

/** What the child sends back to the parent. */
export interface PeakReport {
  maxRssBytes: number;
  rssBeforeBytes: number;
}

const [file, name, vouchers] = process.argv.slice(2);
prepareWorkloads();
// The in-memory workloads' bytes are read before the RSS is taken, so the growth is the work's alone.
const work = workloadOnFile(name as WorkloadName, file);
const rssBeforeBytes = process.memoryUsage().rss;
work.verify(await work.run(), Number(vouchers));
const report: PeakReport = {maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBeforeBytes};
process.send!(report, () => process.exit(0));
