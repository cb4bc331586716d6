// The start page's summary of the SCB statistics: each förbund's helårsekvivalenter per year (haePerYear over its
// kommuner by membership) and whether the statistics are demo data, computed from the ingested HÅE table so the
// start page never downloads the table itself.
import {handOverDerived} from "../../loaders/ingest-derived.js";
import type {Registry} from "../lib/membership.js";
import {haePerYear, type HaeRow} from "../lib/overview.js";

handOverDerived(({table, json}) => {
  const {registry, tables} = json<{registry: Registry; tables: {hae: {source: string}}}>("scb.json");
  const forbund = Array.isArray(registry) ? registry : (registry?.forbund ?? []);
  const hae = table("hae.arrows");
  const rows: HaeRow[] = hae.kommun.map((kommun, i) => ({
    kommun: kommun as string,
    month: hae.month[i] as string,
    tenths: hae.tenths[i] as bigint
  }));
  return {
    haeSource: tables.hae.source,
    hae: Object.fromEntries(forbund.map((f) => [f.id, haePerYear(registry, f.id, rows)]))
  };
});
