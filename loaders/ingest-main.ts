// The ingestion as a process of its own, spawned by ensureIngested (loaders/ingest.ts) under its lock with the job on
// stdin: the readers and table writers are loaded only here, never by a data loader that finds the tables current.
import {readFileSync} from "node:fs";
import {runIngestion, type IngestJob} from "./ingest-run.js";

runIngestion(JSON.parse(readFileSync(0, "utf-8")) as IngestJob);
