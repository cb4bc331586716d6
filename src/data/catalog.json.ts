// What the catalog of /utforska needs to know at build time: the profile (lsg lists no voucher table), the row count
// of every contract table, and the voucher partitions that make up `transaktioner` (none under lsg).
import {dataDir} from "../../loaders/paths.js";
import {currentProfile} from "../../loaders/profile.js";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";
import {loadScbTable} from "../../loaders/scb-tables.js";
import {partitionFiles, partitionOf} from "../../loaders/voucher-partitions.js";
import {loadWorkspace, readPublishedReports} from "../../loaders/workspace.js";
import {catalogTables} from "../lib/catalog.js";

const profile = currentProfile();
const ledgers = loadLedgerTables(dataDir("sie"));
const length = (columns: Record<string, {values: unknown[]}>) => Object.values(columns)[0]?.values.length ?? 0;
const partitions =
  profile === "full"
    ? partitionFiles().map(({forbund, year}) => ({forbund, year, rows: partitionOf(forbund, year).index.rows}))
    : [];

const rows: Record<string, number> = {
  saldon: length(ledgers.accountBalances),
  rorelser: length(ledgers.movements),
  transaktioner: partitions.reduce((n, p) => n + p.rows, 0),
  budget: length(loadWorkspace().budgets.budgets),
  hae: length(loadScbTable(dataDir("scb"), "hae").columns),
  befolkning: length(loadScbTable(dataDir("scb"), "population").columns),
  arbetsmarknadsstatus: length(loadScbTable(dataDir("scb"), "arbetsmarknadsstatus").columns),
  publicerat: readPublishedReports().reduce((n, r) => n + r.figures.length, 0)
};

process.stdout.write(
  JSON.stringify({
    profile,
    rows: Object.fromEntries(catalogTables(profile).map((t) => [t.name, rows[t.name] ?? 0])),
    partitions: partitions.map(({forbund, year}) => ({forbund, year}))
  })
);
