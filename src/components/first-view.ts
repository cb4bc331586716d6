// A page's precomputed first view: until the reader changes a control (or the address), data functions answer from
// the build's answers for the default selection, so the first figures appear without waiting for DuckDB-WASM; the
// tables are loaded into DuckDB in the background meanwhile, and every later question goes to DuckDB (live).
// The <html> element's data-first-view says which of the two drew the figures on screen ("precomputed" or "live"),
// and its data-duckdb="ready" that the tables are in DuckDB.
import {answerKey, parseAnswers, type Answers} from "../lib/first-view.js";
import {guard} from "./status.js";
import {whenIdle} from "./idle.js";

let answers = new Map<string, unknown>();
let live = true;
let ready: Promise<void> = Promise.resolve();

/** Marks the page as live: from now on every data function asks DuckDB. */
function goLive(): void {
  if (live) return;
  live = true;
  startLoad();
  document.documentElement.dataset.firstView = "live";
  for (const type of ["input", "popstate", "hashchange"]) removeEventListener(type, goLive, true);
}

/**
 * Reads the page's build-time answers (a JSON file from src/data) and serves them until the first control change;
 * a missing or empty file leaves the page live from the start.
 */
export async function useFirstView(file: {text(): Promise<string>}): Promise<void> {
  let read: Answers = {};
  try {
    read = parseAnswers<{answers: Answers}>(await file.text()).answers ?? {};
  } catch (e) {
    console.warn("Förberäknad första vy saknas; sidan frågar DuckDB direkt:", e);
  }
  answers = new Map(Object.entries(read));
  unserved = new Set(answers.keys());
  live = answers.size === 0;
  document.documentElement.dataset.firstView = live ? "live" : "precomputed";
  // Any input on the page (it bubbles from every control), back/forward or an edited address ends the first view.
  if (!live) for (const type of ["input", "popstate", "hashchange"]) addEventListener(type, goLive, true);
}

/** The background load, until it starts. */
let pending: (() => void) | undefined;
/** The answers the first view has not drawn yet. */
let unserved = new Set<string>();
/** How long the first view's figures get to draw after their last answer, before the background load starts. */
const DRAW_MS = 1000;
/** The latest the background load waits for the first view to finish drawing. */
const LATEST_START_MS = 5000;

/** Starts the pending background load now (once). */
function startLoad(): void {
  const start = pending;
  pending = undefined;
  start?.();
}

/**
 * Loads the page's tables into DuckDB: at once when the page is live, else in the background once the first view
 * has drawn (every precomputed answer served, then the browser idle; at the latest after a few seconds), so that
 * compiling DuckDB's wasm does not compete with the first figures for the processor. A live question starts it at
 * once. A failure shows its Swedish message at the top (guard) and holds the live questions.
 */
export function loadInBackground(load: () => Promise<void>, what: string): Promise<void> {
  // data-duckdb="ready" on <html> once the tables are in DuckDB (for the benchmark and the tests).
  const loaded = () => guard(load(), what).then(() => void (document.documentElement.dataset.duckdb = "ready"));
  if (live) return (ready = loaded());
  ready = new Promise<void>((resolve) => (pending = () => void loaded().then(resolve)));
  setTimeout(startLoad, LATEST_START_MS);
  return Promise.resolve();
}

/** Notes an answer served; once all have been, the background load starts when the browser is next idle. */
function served(key: string): void {
  unserved.delete(key);
  if (unserved.size || !pending) return;
  // The cells that draw these answers run after this one returns: give them time to paint first.
  setTimeout(() => whenIdle(startLoad), DRAW_MS);
}

/** Whether a question with these arguments is answered from the first view. */
export function hasAnswer(name: string, args: readonly unknown[]): boolean {
  return !live && answers.has(answerKey(name, args));
}

/**
 * A data function that answers from the first view while it lasts and the arguments are the default selection's,
 * else asks DuckDB once the background load is done. `decode` turns the stored answer into the function's type.
 */
export function precomputed<A extends unknown[], R>(
  name: string,
  run: (...args: A) => Promise<R>,
  decode: (stored: unknown) => R = (stored) => stored as R
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const key = answerKey(name, args);
    if (hasAnswer(name, args)) {
      served(key);
      return decode(answers.get(key));
    }
    startLoad();
    await ready;
    return run(...args);
  };
}
