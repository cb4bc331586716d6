// What the SCB pages need to know about their data: the source of each table (SCB or demo), read counts,
// diagnostics, the demo README's warning, Swedish labels, and the förbund registry for membership over time.
import {existsSync, readFileSync} from "node:fs";
import {dataDir} from "../../loaders/paths.js";
import {loadScbTables} from "../../loaders/scb-tables.js";
import {ingestedFile} from "../../loaders/ingest.js";

/** Diagnostics kept per file; the rest are counted, so a broken file cannot bloat the page. */
const MAX_DIAGNOSTICS = 200;

const tables = loadScbTables(dataDir("scb"));
const readme = dataDir("scb", "demo", "README.md");
// The first paragraph after the heading: what the demo data is and is not.
const demoNotice = existsSync(readme)
  ? (
      readFileSync(readme, "utf-8")
        .split(/\n\s*\n/)
        .find((p) => p.trim() && !p.startsWith("#")) ?? ""
    )
      .replace(/\s*\n\s*/g, " ")
      .replace(/\*\*/g, "")
      .trim()
  : "";

process.stdout.write(
  JSON.stringify({
    tables: Object.fromEntries(
      Object.entries(tables).map(([name, {info}]) => [
        name,
        {
          source: info.source,
          file: info.file,
          counts: info.counts,
          diagnostics: info.diagnostics.slice(0, MAX_DIAGNOSTICS),
          omittedDiagnostics: Math.max(0, info.diagnostics.length - MAX_DIAGNOSTICS)
        }
      ])
    ),
    demoNotice,
    typeLabels: {
      sjukpenning: "Sjukpenning",
      sjuk_aktivitetsersattning: "Sjuk- och aktivitetsersättning",
      arbetsloshet: "Arbetslöshet",
      arbetsmarknadsatgarder: "Arbetsmarknadsåtgärder",
      etableringsersattning: "Etableringsersättning",
      ekonomiskt_bistand: "Ekonomiskt bistånd"
    },
    statusLabels: {
      sysselsatt: "Sysselsatt",
      arbetslos: "Arbetslös",
      studerande: "Studerande",
      pensionar: "Pensionär",
      sjuk: "Sjuk",
      ovrig: "Övrig"
    },
    sexLabels: {"1": "Män", "2": "Kvinnor"},
    // The registry as the ingestion read it: without one (missing or broken) the pages still show kommuner, and the
    // problem is said by the workspace.
    registry: JSON.parse(readFileSync(ingestedFile("workspace.json"), "utf-8")).registry
  })
);
