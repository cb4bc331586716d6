// The ledgers' movements per förbund, year, month, account, project and kostnadsställe (see loaders/ingest-run.ts).
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("movements.arrows"));
