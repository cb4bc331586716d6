// Colours for charts: the Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies.
// Colour is never the only cue: charts pair it with dashes, symbols or labels (see dashes below).
import type {RenderFunction} from "@observablehq/plot";

/** Okabe–Ito categorical colours, in the order series take them. */
export const categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];

/** Good and bad (under and over budget, within and above a limit): blue and vermilion, safe for red–green deficiency. */
export const diverging = {good: "#0072B2", bad: "#D55E00"};

/** Stroke dash patterns, one per series, so lines differ without colour; the first is solid. */
export const dashes = [null, "6,3", "2,2", "8,3,2,3", "1,3", "10,4", "4,2,1,2", "12,2"];

/** An ordinal colour scale for Plot: the domain with the palette's colours in order. */
export function colorScale(
  domain: string[],
  options: {legend?: boolean} = {}
): {domain: string[]; range: string[]; legend?: boolean} {
  return {domain, range: domain.map((_, i) => categorical[i % categorical.length]), ...options};
}

/** The dash pattern of a series in a domain, for Plot's strokeDasharray (null is solid). */
export function dashFor(domain: string[], serie: string): string | null {
  const i = domain.indexOf(serie);
  return i < 0 ? null : dashes[i % dashes.length];
}

/** A render option for one Plot line mark that dashes each series' path as dashFor does (Plot dashes per mark, not per series). */
export function dashBySerie<T>(
  data: T[],
  serie: (d: T) => string,
  domain: string[],
  widths: Record<string, number> = {}
): {render: RenderFunction} {
  return {
    render(index, scales, values, dimensions, context, next) {
      const g = next!(index, scales, values, dimensions, context);
      if (!g) return g;
      // Plot binds each path to the indexes of its series' points.
      for (const path of g.querySelectorAll("path")) {
        const points = (path as unknown as {__data__?: number[]}).__data__;
        if (!points?.length) continue;
        const s = serie(data[points[0]]);
        const dash = dashFor(domain, s);
        if (dash) path.setAttribute("stroke-dasharray", dash);
        if (widths[s]) path.setAttribute("stroke-width", String(widths[s]));
      }
      return g;
    }
  };
}
