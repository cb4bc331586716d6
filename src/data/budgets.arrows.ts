// Every budget line of every revision, money as Int64 öre in display signs (kostnader negative).
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("budgets.arrows"));
