// The balances table of the embedded ledgers (see loaders/ledger-tables.ts), money as Int64 öre.
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";

process.stdout.write(toArrowStream(loadLedgerTables(dataDir("sie")).balances));
