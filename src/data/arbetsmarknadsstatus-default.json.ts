// The arbetsmarknadsstatus page's first view, computed at build time so that it shows without waiting for
// DuckDB-WASM: the table's extent, the default selection and its counts per kommun, month and status, computed with
// the same functions the page uses on DuckDB's rows (src/lib/arbetsmarknadsstatus.ts).
import {existsSync, readFileSync} from "node:fs";
import {ingestedFile} from "../../loaders/ingest.js";
import {readIngestedTable} from "../../loaders/ingest-derived.js";
import type {Columns} from "../lib/first-view.js";
import {
  defaultSelection,
  forbundKommuner,
  monthlyStatusCounts,
  statusExtent,
  type StatusRecord
} from "../lib/arbetsmarknadsstatus.js";

/** The table's columns as records. */
function* records(columns: Columns): Generator<StatusRecord> {
  const [kommun, month, status, sex, age, persons] = ["kommun", "month", "status", "sex", "age", "persons"].map(
    (c) => columns[c]
  );
  for (let i = 0; i < kommun.length; i++)
    yield {
      kommun: kommun[i] as string,
      month: month[i] as string,
      status: status[i] as string,
      sex: sex[i] as string,
      age: age[i] as string,
      persons: persons[i] as number
    };
}

const columns = readIngestedTable("arbetsmarknadsstatus.arrows");
// Without a readable registry there is no förbund to show; the page says what is missing.
const workspace = ingestedFile("workspace.json");
const registry = existsSync(workspace) ? JSON.parse(readFileSync(workspace, "utf-8")).registry : null;
const extent = statusExtent(records(columns));
const selection = defaultSelection(registry, extent);
const rows = selection
  ? monthlyStatusCounts(
      records(columns),
      forbundKommuner(registry, selection.forbund, extent),
      selection.sex,
      selection.ages
    )
  : [];
process.stdout.write(JSON.stringify({extent, selection, rows}));
