// npm run reconstruct -- [förbund …] [--write]: regenerates the embedded ledgers from data/ledgers/*.json,
// compares their statements with data/published/*.json, and with --write saves the SIE files to data/sie/.
import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {reconstruct} from "../loaders/reconstruct/verify.js";
import {writeFileAtomic} from "../loaders/files.js";
import {latestBudgets} from "../loaders/budget-tables.js";

const root = new URL("..", import.meta.url).pathname;
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), "utf-8"));
const args = process.argv.slice(2);
const write = args.includes("--write");
const ids = args.filter((a) => !a.startsWith("--"));
const all = readdirSync(join(root, "data/ledgers")).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
const registry = readJson("data/forbund.json").forbund as {id: string; chart: string}[];

let mismatches = 0;
for (const id of ids.length ? ids : all) {
  const spec = readJson(`data/ledgers/${id}.json`);
  const chart = readJson(`data/mapping/${registry.find((f) => f.id === id)?.chart ?? "bas"}.json`);
  const own = existsSync(join(root, `data/mapping/${id}.json`)) ? readJson(`data/mapping/${id}.json`) : undefined;
  const reports = existsSync(join(root, `data/published/${id}.json`)) ? [readJson(`data/published/${id}.json`)] : [];
  const {ledgers, comparisons} = reconstruct(spec, chart, own, reports, latestBudgets(join(root, "data/budgets"), id));
  // A figure may differ only by the discrepancy recorded for it, where the printed report contradicts itself.
  const bad = comparisons.filter((c) => c.difference !== (c.figure.discrepancy?.difference ?? 0));
  mismatches += bad.length;
  console.log(`${id}: ${ledgers.length} år, ${comparisons.length} tryckta belopp jämförda, ${bad.length} avviker`);
  for (const c of bad) {
    const f = c.figure;
    console.log(`  ${f.year} ${f.statement} "${f.label}" (rad ${f.seedLine}): tryckt ${f.printed}, beräknat ${c.computed}, differens ${c.difference}`);
  }
  if (write) {
    const {writeSie} = await import("../loaders/sie/write.js");
    mkdirSync(join(root, "data/sie"), {recursive: true});
    for (const ledger of ledgers) writeFileAtomic(join(root, "data/sie", ledger.file), writeSie(ledger, {ksumma: true}));
  }
}
process.exitCode = mismatches ? 1 : 0;
