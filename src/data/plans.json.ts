// The boards' multi-year plans and budget history, one file per förbund in the data folder's plans/, combined for
// the eget-kapital page. The ingestion read them (loaders/plan.ts); the file as printed stays in each plan's file.
// A data folder without plans (or with a broken plan file) gives the others, with a diagnostic, rather than another
// workspace's plans or a failed build: the page then says that the plans are missing. The plans are the ingestion's;
// this loader adds where in each report a cited line stands, so the page cites "tabell 15", never a file path.
import {existsSync, readFileSync} from "node:fs";
import {ingestedFile} from "../../loaders/ingest.js";
import {dataDir} from "../../loaders/paths.js";
import {reportPlace} from "../lib/eget-kapital.js";

const {plans, diagnostics} = JSON.parse(readFileSync(ingestedFile("plans.json"), "utf-8"));

/** Every line a plan file cites, per document, as the place a reader finds it ("tabell 15"), never a file path. */
function places(plan: {doc: string; documents: Record<string, {file: string}>} & Record<string, unknown>) {
  const cited = new Map<string, Set<number>>();
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (!x || typeof x !== "object") return;
    const o = x as {line?: unknown; doc?: unknown};
    if (typeof o.line === "number") {
      const doc = typeof o.doc === "string" ? o.doc : plan.doc;
      cited.set(doc, (cited.get(doc) ?? new Set()).add(o.line));
    }
    Object.values(x).forEach(visit);
  };
  visit(plan);
  const out: Record<string, Record<string, string>> = {};
  for (const [doc, lines] of cited) {
    const file = plan.documents[doc]?.file;
    const path = file && dataDir(file.replace(/^data\//, ""));
    if (!path || !existsSync(path)) continue;
    const text = readFileSync(path, "utf-8").split("\n");
    out[doc] = Object.fromEntries(
      [...lines].flatMap((l) => {
        const place = reportPlace(text, l);
        return place ? [[String(l), place]] : [];
      })
    );
  }
  return out;
}

process.stdout.write(
  JSON.stringify({plans, places: Object.fromEntries(plans.map((p: {forbund: string; file: never}) => [p.forbund, places(p.file)])), diagnostics})
);
