// Helårsekvivalenter per kommun, month, type, sex and age in tenths of a full-year person, as the one-pass ingestion
// wrote them (loaders/ingest-scb.ts, read by loaders/scb-tables.ts).
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("hae.arrows"));
