// npm run reconstruct -- [förbund …] [--write]: regenerates the embedded ledgers from data/ledgers/*.json,
// compares their statements with data/published/*.json, and with --write saves the SIE files to data/sie/.
// The data folder is data/ or $FINSAM_DATA. Only data/sie/ is written, each file atomically, and never over an SIE
// file that this script did not write: a förbund's own ledger placed there is the user's input, not an output.
import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {reconstruct} from "../loaders/reconstruct/verify.js";
import {writeFileAtomic} from "../loaders/files.js";
import {latestBudgets} from "../loaders/budgets.js";
import {dataDir} from "../loaders/paths.js";

const root = dataDir();
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), "utf-8"));
/** The #PROGRAM line that loaders/reconstruct/generate.ts writes; any other SIE file is someone's own ledger. */
const RECONSTRUCTED = /^#PROGRAM "Finsam Analys rekonstruktion"/m;
const args = process.argv.slice(2);
const write = args.includes("--write");
const ids = args.filter((a) => !a.startsWith("--"));
const all = readdirSync(join(root, "ledgers"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));
const registry = readJson("forbund.json").forbund as {id: string; chart: string}[];

let mismatches = 0;
let skipped = 0;
for (const id of ids.length ? ids : all) {
  const spec = readJson(`ledgers/${id}.json`);
  const chart = readJson(`mapping/${registry.find((f) => f.id === id)?.chart ?? "bas"}.json`);
  const own = existsSync(join(root, `mapping/${id}.json`)) ? readJson(`mapping/${id}.json`) : undefined;
  const reports = existsSync(join(root, `published/${id}.json`)) ? [readJson(`published/${id}.json`)] : [];
  const {ledgers, comparisons} = reconstruct(spec, chart, own, reports, latestBudgets(join(root, "budgets"), id));
  // A figure may differ only by the discrepancy recorded for it, where the printed report contradicts itself.
  const bad = comparisons.filter((c) => c.difference !== (c.figure.discrepancy?.difference ?? 0));
  mismatches += bad.length;
  console.log(`${id}: ${ledgers.length} år, ${comparisons.length} tryckta belopp jämförda, ${bad.length} avviker`);
  for (const c of bad) {
    const f = c.figure;
    console.log(
      `  ${f.year} ${f.statement} "${f.label}" (rad ${f.seedLine}): tryckt ${f.printed}, beräknat ${c.computed}, differens ${c.difference}`
    );
  }
  if (write) {
    const {writeSie} = await import("../loaders/sie/write.js");
    mkdirSync(join(root, "sie"), {recursive: true});
    for (const ledger of ledgers) {
      const path = join(root, "sie", ledger.file);
      // SIE is ASCII up to #PROGRAM, so latin1 reads the line whatever the file's encoding.
      if (existsSync(path) && !RECONSTRUCTED.test(readFileSync(path, "latin1"))) {
        console.error(
          `  ${path} är inte skriven av rekonstruktionen och skrivs inte över; flytta den om den ska ersättas`
        );
        skipped++;
        continue;
      }
      writeFileAtomic(path, writeSie(ledger, {ksumma: true}));
    }
  }
}
process.exitCode = mismatches || skipped ? 1 : 0;
