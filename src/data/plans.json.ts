// The boards' multi-year plans and budget history, one file per förbund in data/plans/, combined for the
// eget-kapital page. The figures stay as printed (text with seed line); src/lib/projection.ts reads them.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

// A data folder given with FINSAM_DATA is used when it has plans of its own; otherwise the embedded ones.
const custom = process.env.FINSAM_DATA ? join(process.env.FINSAM_DATA, "plans") : undefined;
const dir = custom && existsSync(custom) ? custom : fileURLToPath(new URL("../../data/plans/", import.meta.url));
const plans = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));

process.stdout.write(JSON.stringify({plans}));
