// The consistency checker's findings on the published reports (data/published/*.json), and the printed figures
// against the ledgers where both exist for a year, computed by the ingestion (loaders/ingest-run.ts) so that the
// granskning page only filters and shows them.
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("checks.json"));
