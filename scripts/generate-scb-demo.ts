// npm run scb-demo -- [--seed N]: writes the DEMO SCB tables (hae.csv, arbetsmarknadsstatus.csv, population.csv) and their README
// to data/scb/demo/. The files are demo data from a seeded generator, not SCB's figures (see the README).
import {mkdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {writeFileAtomic} from "../loaders/files.js";
import {DEMO_SEED, demoFiles} from "../loaders/scb/demo.js";

const root = new URL("..", import.meta.url).pathname;
const dir = join(root, "data/scb/demo");
const args = process.argv.slice(2);
const seedArg = args.indexOf("--seed");
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : DEMO_SEED;
if (!Number.isInteger(seed)) throw new Error(`Ogiltigt slumpfrö: ${args[seedArg + 1]}`);

mkdirSync(dir, {recursive: true});
for (const [name, text] of Object.entries(demoFiles(seed))) {
  const path = join(dir, name);
  writeFileAtomic(path, text);
  console.log(`${path}: ${(statSync(path).size / 1e6).toFixed(2)} MB`);
}
