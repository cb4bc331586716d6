// Plot, imported on first use: a page whose first figure is a table, or whose data are still on their way, does not
// wait for @observablehq/plot and its d3 modules (about 40 modules) before its first cell can run.

let plot: Promise<typeof import("@observablehq/plot")> | undefined;

/** @observablehq/plot, imported on the first call; call it early, without awaiting, to fetch Plot alongside the data. */
export function plotModule(): Promise<typeof import("@observablehq/plot")> {
  return (plot ??= import("@observablehq/plot"));
}

/**
 * A placeholder that the chart replaces once Plot has loaded, so what is around it (a slide's table and key figures)
 * is shown without waiting for Plot; `drawn` settles when the chart is in place (or its drawing failed).
 */
export function drawWhenLoaded(draw: (plot: typeof import("@observablehq/plot")) => Element): {
  element: HTMLElement;
  drawn: Promise<void>;
} {
  const element = document.createElement("div");
  element.className = "fa-chart-pending";
  const drawn = plotModule().then((Plot) => element.replaceWith(draw(Plot)));
  return {element, drawn};
}
