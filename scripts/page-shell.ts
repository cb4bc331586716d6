// Fixes to the page shell Framework 1.13 writes and its config cannot change: the page language, a skip link past
// the sidebar, a viewport that allows zooming, a valid sidebar list and Swedish control labels (accessibility), and
// noindex: neither profile is for search engines, and the full one holds personal data.
import {readFileSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";

/** The tag that keeps a page out of search engines. */
export const NOINDEX = '<meta name="robots" content="noindex">';

/** One built page with the shell fixed; running it twice changes nothing more. */
export function fixPageShell(html: string, lang = "sv"): string {
  return (
    html
      .replace(/<html(?: lang="[^"]*")?>/, `<html lang="${lang}">`)
      // maximum-scale=1 stops pinch zoom, which WCAG 1.4.4 requires.
      .replace(/, maximum-scale=1"/, '"')
      // The close control is a <label> directly in an <ol>, which is not a valid list; it is positioned absolutely,
      // so it can sit just before the list.
      .replace(/<ol>\s*(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$1\n  <ol>")
      .replace('title="Toggle sidebar"', 'title="Visa eller dölj sidomenyn" aria-label="Visa eller dölj sidomenyn"')
      .replace(
        /<body>(?!\n<a class="fa-skip")/,
        '<body>\n<a class="fa-skip" href="#observablehq-main">Hoppa till innehållet</a>'
      )
      .replace('<main id="observablehq-main" class="', '<main id="observablehq-main" tabindex="-1" class="')
      .replace(/(<meta charset="[^"]*">)(?!\n?<meta name="robots")/, `$1\n${NOINDEX}`)
  );
}

/** Fixes every page in a built site, in place. */
export function fixBuiltPages(dir: string): void {
  for (const entry of readdirSync(dir, {recursive: true, encoding: "utf-8"})) {
    // Framework's own folders (_file, _import, _observablehq) hold assets, not pages.
    if (!entry.endsWith(".html") || entry.startsWith("_")) continue;
    const file = join(dir, entry);
    const html = readFileSync(file, "utf-8");
    const fixed = fixPageShell(html);
    if (fixed !== html) writeFileSync(file, fixed);
  }
}
