// Befolkningens arbetsmarknadsstatus: persons per kommun, month, status, sex and age, as the one-pass ingestion wrote
// them (loaders/ingest-scb.ts, read by loaders/scb-tables.ts).
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("arbetsmarknadsstatus.arrows"));
