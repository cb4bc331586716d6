// What the catalog of /utforska needs to know at build time: the profile (lsg lists no voucher table), the row count
// of every contract table, and the voucher partitions that make up `transaktioner` (none under lsg).
import {currentProfile} from "../../loaders/profile.js";
import {ingestOrExit} from "../../loaders/ingest.js";
import {readPublishedReports} from "../../loaders/workspace.js";
import {catalogTables} from "../lib/catalog.js";

const profile = currentProfile();
// The tables' row counts as the ingestion wrote them (loaders/ingest.ts), without reading an input again.
const ingested = ingestOrExit();
const partitions = profile === "full" ? ingested.partitions : [];

const rows: Record<string, number> = {
  saldon: ingested.rows["account-balances"],
  rorelser: ingested.rows.movements,
  transaktioner: partitions.reduce((n, p) => n + p.rows, 0),
  budget: ingested.rows.budgets,
  hae: ingested.rows.hae,
  befolkning: ingested.rows.population,
  arbetsmarknadsstatus: ingested.rows.arbetsmarknadsstatus,
  publicerat: readPublishedReports().reduce((n, r) => n + r.figures.length, 0)
};

process.stdout.write(
  JSON.stringify({
    profile,
    rows: Object.fromEntries(catalogTables(profile).map((t) => [t.name, rows[t.name] ?? 0])),
    partitions: partitions.map(({forbund, year}) => ({forbund, year}))
  })
);
