// The board presentation's slides on the year's accounts: result and key figures, resultaträkning,
// balansräkning and driftsredovisning against budget.
import Decimal from "decimal.js";
import {driftGroupLabels} from "../lib/drift.js";
import {formatPercent, formatUnits} from "../lib/format.js";
import {changeText} from "../lib/presentation.js";
import type {StatementLine} from "../lib/statements.js";
import {roundToUnit} from "../lib/rounding.js";
import {h} from "./dom.js";
import {
  C,
  chartStyle,
  compactTable,
  deckChart,
  type Any,
  figure,
  key,
  priorFoot,
  priorHead,
  roundedTkr,
  slide,
  tkr,
  type DeckContext,
  type Row
} from "./presentation-deck.js";

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
  const chart = deckChart((Plot) =>
    Plot.plot({
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
          Plot.selectFirst({
            fy: "group",
            frameAnchor: "top-left",
            text: "group",
            dy: -24,
            fontWeight: 700,
            fontSize: 21
          })
        ),
        Plot.ruleX([0])
      ]
    } as Any)
  );
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
