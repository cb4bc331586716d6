// The board presentation's slides (src/presentation.md): one function per slide, given the year's figures. The
// frame and the deck are in presentation-deck.ts, the slides on the accounts in presentation-accounts.ts.
import Decimal from "decimal.js";
import {formatDecimal, formatPercent} from "../lib/format.js";
import {HAE_TYPES, periodComparison, periodLabel} from "../lib/hae.js";
import {extendPlan, historicalSpendRate, projectEquity, share, type ForbundPlan} from "../lib/projection.js";
import {h} from "./dom.js";
import {categorical} from "./palette.js";
import {
  C,
  chartStyle,
  compactTable,
  deckChart,
  figure,
  key,
  roundedTkr,
  slide,
  tkr,
  type Any,
  type DeckContext
} from "./presentation-deck.js";

export {chartsDrawn, deck, type DeckContext} from "./presentation-deck.js";
export {balanceSlide, driftSlide, incomeSlide, resultSlide} from "./presentation-accounts.js";

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
  const chart = deckChart((Plot) =>
    Plot.plot({
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
    } as Any)
  );
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
  const chart = deckChart((Plot) =>
    Plot.plot({
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
    } as Any)
  );
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
