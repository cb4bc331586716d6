// The workspace's reference data in one file: the registry of förbund, the account mappings (with each förbund's
// projects), the published figures, what the readers said of each ledger and budget file, and the problems of the
// data folder as a whole (files that could not be used, and why). Written by loaders/ingest-run.ts.
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("workspace.json"));
