// The ledgers' movements per förbund, year, month, account, project and kostnadsställe (see loaders/ledger-tables.ts).
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";

process.stdout.write(toArrowStream(loadLedgerTables(dataDir("sie")).movements));
