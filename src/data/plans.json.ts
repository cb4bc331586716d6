// The boards' multi-year plans and budget history, one file per förbund in the data folder's plans/, combined for
// the eget-kapital page. The figures stay as printed (text with seed line); src/lib/projection.ts reads them.
// A data folder without plans gives none, with a diagnostic, rather than another workspace's plans or a failed
// build: the page then says that the plans are missing.
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {dataDir} from "../../loaders/paths.js";
import {readJson} from "../../loaders/workspace.js";

const dir = dataDir("plans");
const plans = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readJson(join(dir, f)))
  : [];
const diagnostics = existsSync(dir)
  ? []
  : [
      {
        file: "plans/",
        line: 0,
        severity: "error",
        message: "Mappen plans/ saknas i datamappen; det finns inga flerårsplaner"
      }
    ];

process.stdout.write(JSON.stringify({plans, diagnostics}));
