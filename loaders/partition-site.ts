// The voucher partitions as the site sees them (loaders/voucher-partitions.ts writes them during the ingestion): their
// paths for Framework's dynamicPaths, and the data loaders that hand one over. Kept apart from the writers so that
// the site's configuration and these loaders load neither apache-arrow nor the Parquet writer.
import {parseArgs} from "node:util";
import {ensureIngested, handOver, ingestOrExit, type IngestManifest} from "./ingest.js";
import {dataRoot} from "./paths.js";
import {currentProfile, type Profile} from "./profile.js";

/** A ledger file that can be partitioned: its name, its förbund (from the name) and its year (from #RAR 0). */
export interface PartitionFile {
  file: string;
  forbund: string;
  year: number;
}

/** The partitions the ingestion of a data folder wrote (full profile), in file-name order. */
export function partitionFiles(manifest: IngestManifest = ingestOrExit("full")): PartitionFile[] {
  return manifest.partitions.map(({file, forbund, year}) => ({file, forbund, year}));
}

/**
 * The site paths of every partition and its index, for Framework's dynamicPaths; none under the lsg profile, since
 * the site shared with the LSG must hold no voucher. Called when the site's configuration loads, so it is the first
 * to run the ingestion of a build (and prints its diagnostics); a data folder that does not exist exits with 2.
 */
export function voucherPartitionPaths(profile: Profile = currentProfile(), data: string = dataRoot()): string[] {
  if (profile !== "full") {
    // Ingested all the same, so the build prints the inputs' problems (and --strict fails) before the pages build.
    ingestOrExit(profile);
    return [];
  }
  const manifest = data === dataRoot() ? ingestOrExit(profile) : ensureIngested(profile, data);
  return manifest.partitions.flatMap(({forbund, year}) =>
    ["arrows", "parquet"].map((ext) => `/data/vouchers/${forbund}/${year}.${ext}`)
  );
}

/** The partition of one förbund and year (by #RAR 0) as the ingestion wrote it: its Arrow and Parquet paths. */
export function partitionOf(forbund: string, year: number, manifest: IngestManifest = ingestOrExit("full")) {
  const found = manifest.partitions.find((f) => f.forbund === forbund && f.year === year);
  if (!found) throw new Error(`Ingen huvudbok för ${forbund} ${year} i ${manifest.data}`);
  return found;
}

/**
 * The body of the data loaders src/data/vouchers/[forbund]/[year].{arrows,parquet}.ts: Framework passes the route's
 * parameters as --forbund=… --year=…; writes the Arrow stream (Utforska's transaktioner) or the Parquet file
 * (Räkenskaper's drill-down) to stdout.
 */
export async function runPartitionLoader(what: "arrows" | "parquet", args: string[] = process.argv.slice(2)) {
  // A guard beside dynamicPaths: even asked for directly (preview, a stray link), the lsg build writes no voucher.
  if (currentProfile() !== "full") throw new Error("Verifikationer ingår inte i den delade versionen för LSG");
  const {values} = parseArgs({args, options: {forbund: {type: "string"}, year: {type: "string"}}, strict: false});
  const forbund = String(values.forbund ?? "");
  const year = Number(values.year);
  if (!forbund || !Number.isInteger(year)) throw new Error(`Förbund och år saknas: ${args.join(" ")}`);
  const found = partitionOf(forbund, year);
  await handOver(what === "arrows" ? found.arrows : found.parquet);
}
