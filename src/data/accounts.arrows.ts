// The chart of accounts (#KONTO) of each embedded ledger.
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";

process.stdout.write(toArrowStream(loadLedgerTables(dataDir("sie")).accounts));
