// The workspace's reference data in one file: the registry of förbund, the account mappings, the published
// figures, and what the readers said of each ledger file (counts and diagnostics).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {dataDir} from "../../loaders/paths.js";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";

const readJsonDir = (dir: string) =>
  existsSync(dir)
    ? Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, f), "utf-8"))]))
    : {};

const {files} = loadLedgerTables(dataDir("sie"));
process.stdout.write(
  JSON.stringify({
    registry: JSON.parse(readFileSync(dataDir("forbund.json"), "utf-8")),
    mappings: readJsonDir(dataDir("mapping")),
    published: readJsonDir(dataDir("published")),
    ledgers: files
  })
);
