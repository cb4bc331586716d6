// Each account's opening balance and movement per förbund and year (see loaders/ledger-tables.ts), money as Int64 öre.
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";

process.stdout.write(toArrowStream(loadLedgerTables(dataDir("sie")).accountBalances));
