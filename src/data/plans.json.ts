// The boards' multi-year plans and budget history, one file per förbund in the data folder's plans/, combined for
// the eget-kapital page. The figures stay as printed (text with seed line); src/lib/projection.ts reads them.
// A data folder without plans (or with a broken plan file) gives the others, with a diagnostic, rather than another
// workspace's plans or a failed build: the page then says that the plans are missing. Written by the ingestion.
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("plans.json"));
