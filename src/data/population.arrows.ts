// Population per kommun, year, sex and age, the denominator of the HÅE and arbetsmarknadsstatus shares, as the
// one-pass ingestion wrote it (loaders/ingest-scb.ts, read by loaders/scb-tables.ts).
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("population.arrows"));
