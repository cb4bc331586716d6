// One way for the pages to put background work (DuckDB's start, a partition's footer) behind the first view.

/** Runs fn when the browser is next idle, at the latest after two seconds, so it never delays the first view. */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, {timeout: 2000});
  else setTimeout(fn, 0);
}
