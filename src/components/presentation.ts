// The board presentation's slides (src/presentation.md): one function per slide, given the year's figures, and the
// deck that shows one slide at a time with its number in the address (?bild=3). Colours from components/palette.ts.
import * as Plot from "@observablehq/plot";
import Decimal from "decimal.js";
import {driftGroupLabels} from "../lib/drift.js";
import {formatDecimal, formatPercent, formatUnits} from "../lib/format.js";
import {HAE_TYPES, periodComparison, periodLabel} from "../lib/hae.js";
import {extendPlan, historicalSpendRate, projectEquity, share, type ForbundPlan} from "../lib/projection.js";
import {changeText} from "../lib/presentation.js";
import type {NotComparable} from "../lib/rakenskaper.js";
import {roundStatement} from "../lib/rounding.js";
import type {Statements, StatementLine} from "../lib/statements.js";
import {roundToUnit} from "../lib/units.js";
import {addressParam, setAddressParams} from "./address.js";
import {h} from "./dom.js";
import {categorical, diverging} from "./palette.js";

type Any = any;

/** The palette's colours by what they mean on the slides. */
const C = {
  blue: categorical[0],
  orange: categorical[1],
  green: categorical[2],
  sky: categorical[4],
  vermillion: diverging.bad,
  ink: "#1a1a1a"
};
const chartStyle = {
  fontSize: "22px",
  fontFamily: "system-ui, sans-serif",
  color: C.ink,
  background: "transparent",
  overflow: "visible"
};
const tkr = (v: bigint | null | undefined) => (v === undefined || v === null ? "–" : formatUnits(v));
const key = (color: string, text: string, kind = "bar") =>
  h("span", {class: `deck-key ${kind}`, style: `--c: ${color}`}, text);

/** What every slide needs: the förbund and year, the statements rounded to tkr, and the sources. */
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

type Row = {id?: string; label: string; strong?: boolean; cells: string[]};
function compactTable(caption: string, head: string[], rows: Row[]): HTMLElement {
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
const priorHead = (ctx: DeckContext) => (ctx.prior ? `${ctx.year - 1}*` : String(ctx.year - 1));
const priorFoot = (ctx: DeckContext) =>
  ctx.prior ? h("p", {class: "deck-note", "data-not-comparable": ctx.prior.year}, `* ${ctx.prior.text}`) : "";

/** 1. Title. */
export function titleSlide(ctx: DeckContext, members: string[], kommuner: string[]): HTMLElement {
  return slide(
    ctx,
    "titel",
    "Titel",
    h(
      "div",
      {class: "deck-title"},
      h("p", {class: "deck-kicker"}, "Styrelsen"),
      h("p", {class: "deck-name"}, ctx.name),
      h("p", {class: "deck-year"}, `Året ${ctx.year} i siffror`),
      h(
        "p",
        {class: "deck-members"},
        members.length ? `Medlemmar: ${members.join(", ")}` : "",
        kommuner.length ? h("br") : "",
        kommuner.length ? `Kommuner: ${kommuner.join(", ")}` : ""
      )
    ),
    `${ctx.ledgerNote} Framtagen med Finsam Analys.`
  );
}

/** 2. Result and key figures, with eget kapital against the 20 % ceiling. */
export function resultSlide(ctx: DeckContext, ratios: Record<string, Decimal | null>): HTMLElement {
  const now = roundedTkr(ctx.current)!;
  const before = roundedTkr(ctx.previous);
  const ek = ratios.ek_tilldelning;
  const over = ek !== null && ek.toNumber() > 0.2;
  // A bar to 40 %, the 20 % mark in the middle: over the mark is said in words too, not by colour alone.
  const gauge =
    ek === null
      ? ""
      : h(
          "div",
          {class: "deck-gauge", role: "img", "aria-label": `${formatPercent(ek)} av tilldelningen, riktmärke 20 %`},
          h("div", {
            class: "deck-gauge-fill",
            style: `width: ${(Math.min(ek.toNumber(), 0.4) / 0.4) * 100}%; background: ${over ? C.vermillion : C.blue}`
          }),
          h("div", {class: "deck-gauge-mark", style: "left: 50%"}, h("span", {}, "20 %"))
        );
  const previousResult = before
    ? `${ctx.year - 1}${ctx.prior ? ` (${ctx.prior.mark.replace(/^\d+: /, "")}, ej jämförbart)` : ""}: ${tkr(before.rr.get("rr.arets_resultat"))} tkr`
    : "";
  return slide(
    ctx,
    "resultat",
    "Årets resultat och nyckeltal",
    h(
      "div",
      {class: "deck-result"},
      h(
        "div",
        {class: "deck-hero"},
        figure("arets_resultat", "Årets resultat", tkr(now.rr.get("rr.arets_resultat")), "tkr", previousResult)
      ),
      h(
        "div",
        {class: "deck-grid"},
        figure("intakter", "Intäkter", tkr(now.rr.get("rr.intakter")), "tkr"),
        figure("kostnader", "Kostnader", tkr(now.rr.get("rr.kostnader")), "tkr"),
        figure("eget_kapital", "Eget kapital 31/12", tkr(now.br.get("br.eget_kapital")), "tkr"),
        figure(
          "soliditet",
          "Soliditet",
          ratios.soliditet ? formatPercent(ratios.soliditet, 0) : "–",
          "",
          "eget kapital / tillgångar"
        ),
        h(
          "div",
          {class: "deck-figure deck-wide", "data-figure": "ek_tilldelning"},
          h("div", {class: "deck-label"}, "Eget kapital i % av tilldelningen"),
          h(
            "div",
            {class: "deck-value"},
            ek === null ? "–" : formatPercent(ek),
            h(
              "span",
              {class: "deck-unit"},
              ek === null ? " uppgift saknas" : over ? " ▲ över riktmärket 20 %" : " ✓ under riktmärket 20 %"
            )
          ),
          gauge
        )
      )
    ),
    ctx.ledgerNote
  );
}

/** Rows of a statement for a compact table: the lines with a value, this year, the previous and the change. */
function statementRows(ctx: DeckContext, ids: string[], part: "rr" | "br", lines: StatementLine[]): Row[] {
  const now = roundedTkr(ctx.current)![part];
  const before = roundedTkr(ctx.previous)?.[part];
  return ids
    .map((id) => ({id, line: lines.find((l) => l.id === id)!}))
    .filter(({id, line}) => line.strong || now.get(id) !== 0n || (before && before.get(id) !== 0n))
    .map(({id, line}) => ({
      id,
      label: line.label,
      strong: line.strong,
      cells: [
        tkr(now.get(id)),
        before ? tkr(before.get(id)) : "–",
        changeText(now.get(id)!, before?.get(id), ctx.prior)
      ]
    }));
}

/** 3. Resultaträkning, short. */
export function incomeSlide(ctx: DeckContext): HTMLElement {
  const ids = [
    "rr.intakter",
    "rr.kostnader",
    "rr.avskrivningar",
    "rr.verksamhetens_resultat",
    "rr.finansiella_intakter",
    "rr.finansiella_kostnader",
    "rr.arets_resultat"
  ];
  return slide(
    ctx,
    "resultatrakning",
    "Resultaträkning",
    h(
      "div",
      {class: "deck-one"},
      compactTable(
        "Belopp i tkr",
        ["", String(ctx.year), priorHead(ctx), "Förändring"],
        statementRows(ctx, ids, "rr", ctx.current.rr)
      ),
      priorFoot(ctx)
    ),
    ctx.ledgerNote
  );
}

/** 4. Balansräkning, short: assets beside equity and liabilities. */
export function balanceSlide(ctx: DeckContext): HTMLElement {
  const assets = [
    "br.anlaggningstillgangar",
    "br.kortfristiga_fordringar",
    "br.kortfristiga_placeringar",
    "br.kassa_bank",
    "br.summa_tillgangar"
  ];
  const claims = [
    "br.eget_kapital",
    "br.avsattningar",
    "br.langfristiga_skulder",
    "br.kortfristiga_skulder",
    "br.summa_ek_skulder"
  ];
  const relabel: Record<string, string> = {
    "br.eget_kapital": "Eget kapital",
    "br.summa_ek_skulder": "Summa eget kapital och skulder"
  };
  const rows = (ids: string[]) =>
    statementRows(ctx, ids, "br", ctx.current.br).map((r) => ({
      ...r,
      label: relabel[r.id!] ?? r.label,
      strong: r.id!.startsWith("br.summa"),
      cells: r.cells.slice(0, 2)
    }));
  const head = ["", String(ctx.year), priorHead(ctx)];
  return slide(
    ctx,
    "balansrakning",
    "Balansräkning 31 december",
    h(
      "div",
      {class: "deck-stack"},
      h(
        "div",
        {class: "deck-two"},
        compactTable("Tillgångar, tkr", head, rows(assets)),
        compactTable("Eget kapital och skulder, tkr", head, rows(claims))
      ),
      priorFoot(ctx)
    ),
    ctx.ledgerNote
  );
}

/** 5. Driftsredovisning per group against the budget as last revised. */
export function driftSlide(
  ctx: DeckContext,
  drift: Any,
  revision: {label: string} | null
): {slide: HTMLElement; totalU: bigint; totalB: bigint | null} {
  const groupTkr = (v: bigint | null | undefined) => (v === null || v === undefined ? null : roundToUnit(v, "tkr"));
  const rows = drift.groups.map((g: Any) => {
    const u = groupTkr(g.utfall)!;
    const b = groupTkr(g.budget);
    return {
      id: g.group,
      label: (driftGroupLabels as Any)[g.group],
      cells: [
        tkr(u),
        tkr(b),
        b === null ? "–" : formatUnits(u - b),
        g.budget ? formatPercent(Number(g.utfall) / Number(g.budget), 0) : "–"
      ],
      u,
      b
    };
  });
  const totalU = groupTkr(drift.total.utfall)!;
  const totalB = groupTkr(drift.total.budget);
  rows.push({
    id: "total",
    label: "Resultat",
    strong: true,
    cells: [tkr(totalU), tkr(totalB), totalB === null ? "–" : formatUnits(totalU - totalB), "–"]
  });
  const bars = rows
    .filter((r: Any) => r.id !== "intakter" && r.id !== "total" && (r.u !== 0n || (r.b ?? 0n) !== 0n))
    .flatMap((r: Any) => [
      {group: r.label, serie: "Utfall", value: -Number(r.u)},
      ...(r.b === null ? [] : [{group: r.label, serie: "Budget", value: -Number(r.b)}])
    ]);
  const chart = Plot.plot({
    width: 700,
    height: 520,
    marginLeft: 10,
    marginRight: 80,
    marginTop: 30,
    marginBottom: 50,
    style: chartStyle,
    x: {label: "Kostnader, tkr", grid: true, tickFormat: (v: number) => formatUnits(BigInt(v)), ticks: 5},
    y: {axis: null, domain: ["Utfall", "Budget"]},
    fy: {
      label: null,
      axis: "left",
      domain: [...new Set(bars.map((d: Any) => d.group))],
      padding: 0.4,
      tickFormat: () => ""
    },
    color: {domain: ["Utfall", "Budget"], range: [C.blue, C.orange]},
    marks: [
      Plot.barX(bars, {fy: "group", y: "serie", x: "value", fill: "serie"}),
      Plot.text(bars, {
        fy: "group",
        y: "serie",
        x: "value",
        text: (d: Any) => formatUnits(BigInt(d.value)),
        dx: 8,
        textAnchor: "start",
        fontSize: 21
      }),
      Plot.text(
        bars.filter((d: Any) => d.serie === "Utfall"),
        Plot.selectFirst({fy: "group", frameAnchor: "top-left", text: "group", dy: -24, fontWeight: 700, fontSize: 21})
      ),
      Plot.ruleX([0])
    ]
  } as Any);
  const budget = revision ? revision.label.replace(/\s*\(.*\)$/, "") : null;
  const s = slide(
    ctx,
    "drift",
    "Driftsredovisning mot budget",
    h(
      "div",
      {class: "deck-two deck-drift"},
      h(
        "div",
        {},
        compactTable("Per grupp, tkr (kostnader negativa)", ["", "Utfall", "Budget", "Avvikelse", "Förbrukat"], rows),
        h("p", {class: "deck-note"}, budget ? `Budget: ${budget}.` : `Ingen budget för ${ctx.year} i arbetsytan.`)
      ),
      h(
        "div",
        {class: "deck-chart"},
        h("div", {class: "deck-keys"}, key(C.blue, `Utfall ${ctx.year}`), revision ? key(C.orange, "Budget") : ""),
        chart
      )
    ),
    `${ctx.ledgerNote.replace(/\.$/, "")}${budget ? `; budget: ${budget}` : ""}.`
  );
  return {slide: s, totalU, totalB};
}

/** 6. Eget kapital över tid: the plan's history and the projections of the eget-kapital page, against 20 %. */
export function equitySlide(ctx: DeckContext, plan: ForbundPlan | null, planTitles: string[]): HTMLElement {
  if (!plan)
    return slide(
      ctx,
      "eget-kapital",
      "Eget kapital över tid",
      h("p", {class: "deck-note"}, "Förbundet har ingen flerårsplan i arbetsytan."),
      "Källa: –"
    );
  const year = ctx.year;
  const lastYear = Math.max(plan.plan.at(-1)?.year ?? 0, plan.startYear + 3);
  const planYears = extendPlan(plan, lastYear).plan.filter((y) => y.year > plan.startYear);
  const pct = (x: Decimal | null | undefined) => (x === null || x === undefined ? null : x.times(100).toNumber());
  const hist = plan.history
    .filter((y) => y.equity !== undefined && y.tilldelning)
    .map((y) => ({year: y.year, share: pct(share(y.equity!, y.tilldelning!)), serie: "Utfall"}));
  const rate = historicalSpendRate(plan.history);
  const anchor = hist.find((d) => d.year === plan.startYear);
  // The eget-kapital page's scenarios 1 and 2, with its labels.
  const full = "1. Budgeten förbrukas helt";
  const usual = rate ? `2. Historisk förbrukningsgrad (${formatPercent(rate.mean)})` : null;
  const scenario = (label: string, spendRate: Decimal) => [
    ...(anchor ? [{...anchor, serie: label}] : []),
    ...projectEquity(plan.startEquity, planYears, {spendRate}).map((y) => ({
      year: y.year,
      share: pct(y.shareOfTilldelning),
      serie: label
    }))
  ];
  const rows = [
    ...hist,
    ...scenario(full, new Decimal(1)),
    ...(rate && usual ? scenario(usual, rate.mean) : [])
  ].filter((d) => d.share !== null) as {year: number; share: number; serie: string}[];
  const board = plan.board
    .filter((b) => b.tilldelning)
    .map((b) => ({year: b.year, share: pct(share(b.equity, b.tilldelning!))!}));
  const colors: Record<string, string> = {
    Utfall: C.ink,
    [full]: categorical[1],
    ...(usual ? {[usual]: categorical[2]} : {})
  };
  const domain = [...new Set(rows.map((d) => d.year))];
  const chart = Plot.plot({
    width: 1300,
    height: 460,
    marginLeft: 70,
    marginRight: 30,
    marginTop: 20,
    marginBottom: 40,
    style: chartStyle,
    x: {
      label: null,
      tickFormat: (y: number) => String(y),
      ticks: domain,
      domain: [Math.min(...domain) - 0.3, Math.max(...domain) + 0.3]
    },
    y: {
      label: "Eget kapital, % av tilldelningen",
      grid: true,
      zero: true,
      tickFormat: (v: number) => `${formatDecimal(v)} %`
    },
    marks: [
      Plot.rectX([0], {
        x1: year - 0.5,
        x2: year + 0.5,
        y1: 0,
        y2: Math.max(25, ...rows.map((d) => d.share), ...board.map((b) => b.share)),
        fill: C.sky,
        fillOpacity: 0.18,
        clip: true
      }),
      Plot.ruleY([20], {stroke: C.green, strokeWidth: 3, strokeDasharray: "10,6"}),
      Plot.text([20], {
        y: (d: number) => d,
        frameAnchor: "right",
        text: () => "Riktmärke 20 %",
        dy: -14,
        fill: C.green,
        fontWeight: 700,
        fontSize: 19
      }),
      Plot.line(
        rows.filter((d) => d.serie === "Utfall"),
        {x: "year", y: "share", stroke: C.ink, strokeWidth: 4, marker: "circle"}
      ),
      Plot.line(
        rows.filter((d) => d.serie !== "Utfall"),
        {
          x: "year",
          y: "share",
          z: "serie",
          stroke: (d: Any) => colors[d.serie],
          strokeWidth: 4,
          strokeDasharray: "12,8",
          marker: "circle"
        }
      ),
      Plot.dot(board, {x: "year", y: "share", symbol: "diamond2", r: 8, fill: C.ink}),
      Plot.text(
        hist.filter((d) => d.year === plan.startYear),
        {
          x: "year",
          y: "share",
          text: (d: Any) => `${formatDecimal(d.share, 1)} %`,
          dy: -22,
          fontWeight: 700,
          fontSize: 22
        }
      ),
      Plot.ruleY([0])
    ]
  } as Any);
  const last = rows.filter((d) => d.serie === full).at(-1);
  return slide(
    ctx,
    "eget-kapital",
    "Eget kapital över tid",
    h(
      "div",
      {class: "deck-one"},
      h(
        "div",
        {class: "deck-keys"},
        key(C.ink, "Utfall", "line"),
        key(categorical[1], full, "dashed"),
        usual ? key(categorical[2], usual, "dashed") : "",
        board.length ? h("span", {class: "deck-key plain"}, "◆ styrelsens plan") : "",
        h(
          "span",
          {class: "deck-key plain"},
          last ? `${last.year}: ${formatDecimal(last.share, 1)} % om budgeten förbrukas helt` : ""
        )
      ),
      h("div", {class: "deck-chart"}, chart)
    ),
    `Källa: ${planTitles.join(", ")}; tilldelningen enligt styrelsens plan, år utan plan upprepar planens sista år. ${year} markerat.`
  );
}

/** 7. Helårsekvivalenter in the förbund's kommuner: the average per month per year, and jan–jun against last year. */
export function haeSlide(
  ctx: DeckContext,
  totals: {month: string; type: string; tenths: bigint}[],
  names: string[],
  demo: boolean
): HTMLElement {
  const year = ctx.year;
  const source = demo
    ? "Källa: SCB helårsekvivalenter (demodata, genererad – inte SCB:s statistik)."
    : "Källa: SCB, helårsekvivalenter (tabell HE0000T02N2).";
  const foot = `${source} Personer 20–64 år, alla ersättningar; förbundet som summan av medlemskommunerna månad för månad.`;
  if (!totals.length)
    return slide(
      ctx,
      "hae",
      "Helårsekvivalenter i förbundets kommuner",
      h("p", {class: "deck-note"}, "Ingen statistik för förbundets kommuner i arbetsytan."),
      foot
    );
  const yearly = new Map<number, {year: number; tenths: bigint; months: Set<string>}>();
  for (const t of totals) {
    const y = Number(t.month.slice(0, 4));
    if (y > year) continue;
    const e = yearly.get(y) ?? {year: y, tenths: 0n, months: new Set()};
    e.tenths += t.tenths;
    e.months.add(t.month);
    yearly.set(y, e);
  }
  const bars = [...yearly.values()]
    .sort((a, b) => a.year - b.year)
    .map((e) => ({year: e.year, value: Number(e.tenths) / 10 / e.months.size}));
  const compare = periodComparison(totals, {fromMonth: 1, toMonth: 6, year, previousYear: year - 1, types: HAE_TYPES});
  const summa = compare.at(-1)!;
  const chart = Plot.plot({
    width: 820,
    height: 500,
    marginLeft: 80,
    marginTop: 40,
    marginBottom: 40,
    style: chartStyle,
    x: {label: null, tickFormat: (y: number) => `’${String(y).slice(2)}`, padding: 0.15},
    y: {label: "Snitt per månad", grid: true, ticks: 5, tickFormat: (v: number) => formatDecimal(v)},
    marks: [
      Plot.barY(bars, {x: "year", y: "value", fill: (d: Any) => (d.year === year ? C.blue : C.sky)}),
      Plot.text(
        bars.filter((d) => d.year === year),
        {x: "year", y: "value", text: (d: Any) => formatDecimal(d.value), dy: -16, fontWeight: 700, fontSize: 22}
      ),
      Plot.ruleY([0])
    ]
  } as Any);
  return slide(
    ctx,
    "hae",
    "Helårsekvivalenter i förbundets kommuner",
    h(
      "div",
      {class: "deck-two deck-hae"},
      h(
        "div",
        {class: "deck-chart"},
        h(
          "div",
          {class: "deck-keys"},
          h("span", {class: "deck-key plain"}, `${names.join(", ")}: snitt per månad och år`)
        ),
        chart
      ),
      h(
        "div",
        {},
        figure(
          "hae_period",
          `Snitt per månad ${periodLabel(1, 6, year)}`,
          formatDecimal(summa.current),
          "personer",
          `${periodLabel(1, 6, year - 1)}: ${formatDecimal(summa.previous)} (${summa.diff > 0 ? "+" : ""}${formatDecimal(summa.diff)})`
        ),
        compactTable(
          "",
          ["", String(year - 1), String(year)],
          compare
            .slice(0, -1)
            .map((r) => ({label: r.label, cells: [formatDecimal(r.previous), formatDecimal(r.current)]}))
        ),
        demo ? h("p", {class: "deck-badge"}, "Demodata – inte SCB:s statistik") : ""
      )
    ),
    foot
  );
}

/** 8. Att besluta/notera: the checks behind the figures, and what follows from them. */
export function closingSlide(
  ctx: DeckContext,
  comparisons: Any[],
  ratios: Record<string, Decimal | null>,
  drift: {totalU: bigint; totalB: bigint | null},
  reports: string[]
): HTMLElement {
  const result = roundedTkr(ctx.current)!.rr.get("rr.arets_resultat");
  const ek = ratios.ek_tilldelning;
  const printedResult = comparisons.find(
    (c) => c.figure.statement === "rr" && c.figure.ref?.length === 1 && c.figure.ref[0] === "rr.arets_resultat"
  );
  const differing = comparisons.filter((c) => c.difference !== 0);
  const unexplained = differing.filter((c) => !c.figure.discrepancy);
  const item = (ok: boolean, text: string, id: string) =>
    h(
      "li",
      {class: ok ? "ok" : "fail", "data-check": id},
      h("span", {class: "deck-mark", "aria-hidden": "true"}, ok ? "✓" : "✗"),
      text
    );
  const labels: Record<string, string> = {
    balans: "Balansräkningen balanserar",
    resultat: "Årets resultat = förändringen av eget kapital",
    kassaflode: "Kassaflödet stämmer med kassa och bank",
    mappning: "Alla konton med saldo ingår i rapporterna"
  };
  const notes = [
    ...ctx.current.checks.map((c) => item(c.ok, labels[c.id] ?? c.label, c.id)),
    printedResult
      ? item(
          printedResult.difference === 0,
          `Årets resultat ${tkr(result)} tkr ${printedResult.difference === 0 ? "stämmer med" : "avviker från"} den tryckta årsredovisningen`,
          "tryckt-resultat"
        )
      : h(
          "li",
          {class: "info"},
          h("span", {class: "deck-mark"}, "–"),
          `Ingen tryckt resultaträkning för ${ctx.year} i arbetsytan`
        ),
    comparisons.length
      ? item(
          unexplained.length === 0,
          `${comparisons.length} tryckta belopp jämförda: ${differing.length ? `${differing.length} avviker${unexplained.length ? `, ${unexplained.length} oförklarade` : ", alla förklarade i rapporten"}` : "alla stämmer"}`,
          "tryckta"
        )
      : ""
  ];
  const decide = [
    ek !== null && ek.toNumber() > 0.2
      ? `Eget kapital är ${formatPercent(ek)} av tilldelningen, över riktmärket 20 %: plan för att minska det (bild 6).`
      : null,
    drift.totalB !== null
      ? `Driftens resultat ${tkr(drift.totalU)} tkr mot budgeterade ${tkr(drift.totalB)} tkr (bild 5).`
      : null,
    unexplained.length
      ? `${unexplained.length} belopp skiljer sig från den tryckta årsredovisningen utan förklaring: utred före beslut.`
      : null,
    ctx.prior
      ? `Jämförelser med ${ctx.prior.year} avser ${ctx.prior.mark.replace(/^\d+: /, "")} och är inte jämförbara.`
      : null,
    `Årets resultat ${tkr(result)} tkr och balansräkningen per 31/12 ${ctx.year} (bild 2–4).`
  ].filter((t): t is string => t !== null);
  return slide(
    ctx,
    "besluta",
    "Att besluta/notera",
    h(
      "div",
      {class: "deck-two"},
      h("div", {}, h("h3", {}, "Kontroller"), h("ul", {class: "deck-checks"}, notes)),
      h(
        "div",
        {},
        h("h3", {}, "Att notera och besluta"),
        h(
          "ul",
          {class: "deck-points"},
          decide.map((t) => h("li", {}, t))
        )
      )
    ),
    `${ctx.ledgerNote.replace(/\.$/, "")}; tryckta belopp ur ${reports.join(", ") || "–"}.`
  );
}

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
