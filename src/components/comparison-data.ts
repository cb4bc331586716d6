// Where the comparison page gets its rows: first the view precomputed at build time (data/jamforelse-default.json,
// the same src/lib computation), so the first figure needs neither DuckDB nor Arrow; the live computation
// (comparison-live.ts) is imported and started in the background once the page is idle, and from the first change
// of a control the page shows the rows computed live from the tables.
import {decodeComparison, type ComparisonData, type ComparisonWorkspace} from "../lib/comparison-inputs.js";
import type {ComparisonFiles} from "./comparison-live.js";
import {whenIdle} from "./idle.js";

/** The rows the page shows and whether they are the precomputed or the live ones. */
export type ShownData = ComparisonData & {live: boolean};

/**
 * Yields the precomputed data at once, starts the live computation when the page is idle, and yields the live data
 * after the first "input" of any control, waiting for it there if it is not ready yet.
 */
export async function* comparisonData(
  precomputed: Parameters<typeof decodeComparison>[0],
  workspace: ComparisonWorkspace,
  files: ComparisonFiles,
  controls: EventTarget[]
): AsyncGenerator<ShownData> {
  yield {...decodeComparison(precomputed), live: false};
  let started: Promise<ComparisonData> | undefined;
  const start = () =>
    (started ??= import("./comparison-live.js").then(({liveComparison}) => liveComparison(workspace, files)));
  whenIdle(() => void start().catch(() => undefined));
  await new Promise<void>((resolve) => {
    for (const c of controls) c.addEventListener("input", () => resolve(), {once: true});
  });
  // Should DuckDB fail, the page keeps the precomputed rows (the same figures, as the e2e test checks) and says so
  // in the console rather than replacing every figure with an error.
  const live = await start().catch((e: Error) => {
    console.error(`Jämförelsen kunde inte räknas om i webbläsaren; den förberäknade vyn visas: ${e.message}`);
    return undefined;
  });
  if (live) yield {...live, live: true};
}
