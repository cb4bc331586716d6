// Each account's opening balance and movement per förbund and year (see loaders/ingest-run.ts), money as Int64 öre.
import {handOver, ingestedFile} from "../../loaders/ingest.js";

await handOver(ingestedFile("account-balances.arrows"));
