// What the SCB pages need to know about their data: the source of each table (SCB or demo), read counts,
// diagnostics, the demo README's warning, Swedish labels, and the förbund registry for membership over time.
// Written by the one-pass ingestion (loaders/ingest-scb.ts).
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("scb.json"));
