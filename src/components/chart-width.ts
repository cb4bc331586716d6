// Charts drawn at the width they are shown at, as Framework's resize() draws them, for charts built in components
// (which have no cell's invalidation to stop on). A chart drawn wider than its column is scaled down by the browser,
// and its 12 px text with it: an 860 px chart in a 326 px phone column shows 4,5 px text. Drawn at the column's
// width, 12 px stays 12 px.

/**
 * A block that draws its chart at its own width, and draws it again (replacing the previous drawing) whenever that
 * width changes. Once the block is taken off the page (its cell's output discarded, or a view replaced) it stops
 * observing, so no stale chart is drawn and nothing keeps the old one alive.
 */
export function chartAtWidth(draw: (width: number) => Element): HTMLElement {
  const box = document.createElement("div");
  box.className = "fa-fit-width";
  let drawnAt = 0;
  const observer = new ResizeObserver(([entry]) => {
    if (!box.isConnected) return observer.disconnect();
    const width = Math.floor(entry.contentRect.width);
    // A hidden block (width 0) keeps its drawing until it is shown again.
    if (width <= 0 || width === drawnAt) return;
    drawnAt = width;
    box.replaceChildren(draw(width));
  });
  observer.observe(box);
  return box;
}

/** Every k-th value, with k the smallest step that keeps the ticks at least `spacing` px apart over `span` px. */
export function spacedTicks<T>(values: T[], span: number, spacing = 44): T[] {
  const step = Math.max(1, Math.ceil((values.length * spacing) / Math.max(span, 1)));
  return values.filter((_, i) => i % step === 0);
}

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
