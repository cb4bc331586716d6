// The board presentation's frame: the slides' shared pieces (palette by meaning, chart style, the slide, a figure,
// a compact table) and the deck that shows one slide at a time with its number in the address (?bild=3).
import {formatUnits} from "../lib/format.js";
import type {NotComparable} from "../lib/rakenskaper.js";
import {roundStatement} from "../lib/rounding.js";
import type {Statements} from "../lib/statements.js";
import {addressParam, setAddressParams} from "./address.js";
import {h} from "./dom.js";
import {categorical, diverging} from "./palette.js";
import {drawWhenLoaded} from "./plot-lazy.js";

export type Any = any;

/** The palette's colours by what they mean on the slides. */
export const C = {
  blue: categorical[0],
  orange: categorical[1],
  green: categorical[2],
  sky: categorical[4],
  vermillion: diverging.bad,
  ink: "#1a1a1a"
};
export const chartStyle = {
  fontSize: "22px",
  fontFamily: "system-ui, sans-serif",
  color: C.ink,
  background: "transparent",
  overflow: "visible"
};
export const tkr = (v: bigint | null | undefined) => (v === undefined || v === null ? "–" : formatUnits(v));
export const key = (color: string, text: string, kind = "bar") =>
  h("span", {class: `deck-key ${kind}`, style: `--c: ${color}`}, text);

/** What every slide needs: the förbund and year, the statements rounded to tkr, and the sources. */
let drawing: Promise<void>[] = [];

/** A slide's chart, drawn once Plot has loaded: the slides are shown first, the charts follow (chartsDrawn). */
export function deckChart(draw: Parameters<typeof drawWhenLoaded>[0]): HTMLElement {
  const {element, drawn} = drawWhenLoaded(draw);
  drawing.push(drawn);
  return element;
}

/** Settles when every chart asked for since the last call is drawn. */
export async function chartsDrawn(): Promise<void> {
  const pending = drawing;
  drawing = [];
  await Promise.all(pending);
}

export interface DeckContext {
  name: string;
  year: number;
  current: Statements;
  previous: Statements | null;
  /** The previous year when it is another förbund's figures. */
  prior: NotComparable | null;
  ledgerNote: string;
}

/** A statement rounded to tkr as the statements page shows it: rr, and br with årets resultat from rr. */
export function roundedTkr(s: Statements | null): {rr: Map<string, bigint>; br: Map<string, bigint>} | null {
  if (!s) return null;
  const rr = roundStatement(s.rr, "tkr");
  return {rr, br: roundStatement(s.br, "tkr", new Map([["br.arets_resultat", rr.get("rr.arets_resultat")!]]))};
}

/** One slide: heading, body, and the förbund, year and source in the foot; the deck numbers them. */
export function slide(ctx: DeckContext, id: string, title: string, body: HTMLElement, source: string): HTMLElement {
  return h(
    "section",
    {class: `slide slide-${id}`, "data-name": id, "aria-label": title},
    h(
      "header",
      {class: "slide-head"},
      h("h2", {}, title),
      h("span", {class: "slide-org"}, `${ctx.name} · ${ctx.year}`)
    ),
    h("div", {class: "slide-body"}, body),
    h("footer", {class: "slide-foot"}, h("span", {class: "slide-source"}, source), h("span", {class: "slide-no"}))
  );
}

export function figure(
  id: string,
  label: string,
  value: string,
  unit: string,
  sub?: string | HTMLElement
): HTMLElement {
  return h(
    "div",
    {class: "deck-figure", "data-figure": id},
    h("div", {class: "deck-label"}, label),
    h("div", {class: "deck-value"}, value, unit ? h("span", {class: "deck-unit"}, ` ${unit}`) : ""),
    sub ? h("div", {class: "deck-sub"}, sub) : ""
  );
}

export type Row = {id?: string; label: string; strong?: boolean; cells: string[]};
export function compactTable(caption: string, head: string[], rows: Row[]): HTMLElement {
  return h(
    "table",
    {class: "deck-table"},
    caption ? h("caption", {}, caption) : "",
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        head.map((c, i) => h("th", {scope: "col", class: i ? "num" : null}, c))
      )
    ),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          {class: r.strong ? "strong" : null, "data-line": r.id ?? null},
          h("th", {scope: "row"}, r.label),
          r.cells.map((c) => h("td", {class: "num"}, c))
        )
      )
    )
  );
}

/** The previous year's column heading, which says when that year is another förbund's. */
export const priorHead = (ctx: DeckContext) => (ctx.prior ? `${ctx.year - 1}*` : String(ctx.year - 1));
export const priorFoot = (ctx: DeckContext) =>
  ctx.prior ? h("p", {class: "deck-note", "data-not-comparable": ctx.prior.year}, `* ${ctx.prior.text}`) : "";

/**
 * The deck: one slide at a time, turned with the arrow keys, PageUp/PageDown, Home/End or the buttons; the slide
 * shown is the address's ?bild= (replaced, not pushed: turning slides fills no history), so a link opens that slide.
 */
export function deck(
  slides: HTMLElement[],
  attrs: Record<string, string | number>,
  invalidation: Promise<unknown>
): HTMLElement {
  slides.forEach((s, i) => {
    s.dataset.slide = String(i + 1);
    s.setAttribute("aria-label", `Bild ${i + 1} av ${slides.length}: ${s.getAttribute("aria-label")}`);
    s.querySelector(".slide-no")!.textContent = `${i + 1} / ${slides.length}`;
  });
  const fromAddress = () =>
    Math.max(1, Math.min(slides.length, Number.parseInt(addressParam("bild") ?? "1", 10) || 1)) - 1;
  let index = fromAddress();
  const counter = h("span", {class: "deck-counter", "aria-live": "polite"});
  const root = h(
    "div",
    {
      class: "deck",
      tabindex: "-1",
      ...Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`data-${k}`, String(v)]))
    },
    slides,
    h(
      "nav",
      {class: "deck-nav", "aria-label": "Bilder"},
      h("button", {type: "button", "aria-label": "Föregående bild", onclick: () => go(index - 1)}, "←"),
      counter,
      h("button", {type: "button", "aria-label": "Nästa bild", onclick: () => go(index + 1)}, "→"),
      h("button", {type: "button", class: "deck-fullscreen", onclick: () => fullscreen()}, "Helskärm")
    )
  );
  function show(i: number) {
    index = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach((s, j) => s.classList.toggle("current", j === index));
    counter.textContent = `${index + 1} / ${slides.length}`;
    root.dataset.current = String(index + 1);
  }
  function go(i: number) {
    show(i);
    setAddressParams({bild: String(index + 1)}, {push: false});
  }
  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else root.requestFullscreen?.().catch(() => {});
  }
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as Element | null;
    // Typing in a field is left alone; a menu keeps ↑/↓ for its options while ←/→ still turn the slides.
    if (e.altKey || e.ctrlKey || e.metaKey || target?.closest?.("input, textarea")) return;
    const steps: Record<string, number> = {ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1};
    if (e.key in steps) go(index + steps[e.key]);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(slides.length - 1);
    else if ((e.key === "f" || e.key === "F") && !target?.closest?.("select")) fullscreen();
    else return;
    e.preventDefault();
  };
  const follow = () => show(fromAddress());
  addEventListener("keydown", onKey);
  addEventListener("popstate", follow);
  invalidation.then(() => (removeEventListener("keydown", onKey), removeEventListener("popstate", follow)));
  show(index);
  setAddressParams({bild: String(index + 1)}, {push: false});
  return root;
}
