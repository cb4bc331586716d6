// The consistency checker's findings on the published reports (data/published/*.json), computed at build time so
// that the granskning page only filters and shows them.
import {loadWorkspace} from "../../loaders/workspace.js";
import {checkReports, ledgerFindings, ruleNames, severityNames, type Registry} from "../lib/checker.js";
import {ledgerComparisons} from "../../loaders/ledger-comparisons.js";
import {dataDir} from "../../loaders/paths.js";
import type {PublishedReport} from "../lib/published.js";

const {registry, published} = loadWorkspace().reference as {
  registry: Registry;
  published: Record<string, PublishedReport>;
};
const reports = Object.values(published);
const charts = Object.fromEntries(registry.forbund.map((f) => [f.id, (f as {chart?: string}).chart ?? "bas"]));
// Printed figures against the ledgers too, where both exist for a year.
const findings = [
  ...checkReports(reports, {registry}),
  ...ledgerFindings(reports, ledgerComparisons(dataDir(), reports, charts), {registry})
];

process.stdout.write(
  JSON.stringify({
    findings,
    documents: reports.map((r) => ({
      forbund: r.forbund,
      document: r.document,
      unit: r.unit,
      source: r.source,
      figures: r.figures.length
    })),
    forbund: registry.forbund.map((f) => ({id: f.id, name: f.shortName ?? f.name ?? f.id})),
    ruleNames,
    severityNames
  })
);
