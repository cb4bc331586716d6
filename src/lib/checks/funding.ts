// The members' contributions against the law's split: the state (Försäkringskassan and Arbetsförmedlingen) 50 %,
// the region 25 %, the kommuner together 25 % (lag 2003:1210, 6 §). A departure larger than rounding is a finding.
import {formatDecimal} from "../format.js";
import type {Unit} from "../rounding.js";
import {docName, eachYear, finding, fmt, tableName, type Book, type Fig, type Finding, type Registry} from "./model.js";

const shares: {kind: string; share: number; name: string}[] = [
  {kind: "stat", share: 0.5, name: "staten"},
  {kind: "region", share: 0.25, name: "regionen"},
  {kind: "kommun", share: 0.25, name: "kommunerna"}
];

/** Member id → kind (stat, region, kommun), from every förbund in the registry: a member's kind never changes. */
function memberKinds(registry?: Registry): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const f of registry?.forbund ?? []) for (const m of f.members ?? []) kinds.set(m.id, m.kind);
  return kinds;
}

const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) + 0;

/** The 50/25/25 split of the contributions printed per member (member or tilldelning.<medlem>), per document and year. */
export function checkFunding(book: Book, registry?: Registry): Finding[] {
  const kinds = memberKinds(registry);
  return eachYear(book, (report, year, out) => {
    // A contribution printed both in a note (with member) and as tilldelning.<medlem> is counted once.
    const byMember = new Map<string, Fig>();
    for (const fig of book.figsOf(report, year)) {
      const member =
        fig.figure.member ??
        (fig.line.startsWith("tilldelning.") && fig.line !== "tilldelning.summa" ? memberOf(fig) : undefined);
      if (member && !byMember.has(member)) byMember.set(member, fig);
    }
    if (byMember.size < 2) return;
    const unknown = [...byMember.keys()].filter((m) => !kinds.has(m));
    if (unknown.length) {
      const figs = unknown.map((m) => byMember.get(m)!);
      const message = `${docName(book, report)}, ${tableName(figs[0].figure.statement)} ${year}: medlemmen ${unknown.join(", ")} finns inte i registret (data/forbund.json), så fördelningen 50/25/25 kan inte kontrolleras.`;
      out.push(
        finding(
          book,
          "fordelning",
          figs,
          {printedValue: 0, impliedValue: 0, difference: 0, unit: report.unit, severity: "info"},
          message
        )
      );
      return;
    }
    const figs = [...byMember.values()];
    if (!shares.every((s) => figs.some((f) => kinds.get(memberOf(f)) === s.kind))) return;
    const unit: Unit = figs.some((f) => f.unit === "tkr") ? "tkr" : "kr";
    const inUnit = (f: Fig) => (f.unit === unit ? f.value : f.value / 1000);
    const total = figs.reduce((s, f) => s + inUnit(f), 0);
    const exactKr = unit === "kr" && !figs.some((f) => book.krRounded(f.report));
    // Contributions are decided in round amounts (Västerbergslagen: whole tkr of an odd total), so a share may be
    // off by the amounts' granularity; in whole kronor only a share that is not a whole krona may be off, by 1 kr.
    const grain = exactKr ? [1000, 100, 10, 1].find((q) => figs.every((f) => f.value % q === 0))! : 1;
    const groups = shares.map((s) => {
      const members = figs.filter((f) => kinds.get(memberOf(f)) === s.kind);
      return {...s, members, printed: members.reduce((sum, f) => sum + inUnit(f), 0)};
    });
    const split = groups.map((g) => formatDecimal((100 * g.printed) / total, 1)).join("/");
    for (const g of groups) {
      const exact = g.share * total;
      const implied = roundHalfAway(exact);
      const difference = roundHalfAway(g.printed - implied);
      if (difference === 0) continue;
      const allowance =
        exactKr && grain === 1
          ? Number.isInteger(exact)
            ? 0
            : 1
          : grain * Math.max(1, Math.ceil(g.members.length / 2));
      const severity = Math.abs(difference) <= allowance ? "rounding" : "discrepancy";
      const names = g.members.map((f) => f.figure.label).join(", ");
      const message =
        `${docName(book, report)}, ${tableName(g.members[0].figure.statement)} ${year}: ${g.name} (${names}) bidrar med ${fmt(g.printed, unit)} ` +
        `av medlemsbidragen ${fmt(total, unit)}, men ${formatDecimal(g.share * 100, 0)} % är ${fmt(implied, unit)}. Skillnad ${fmt(difference, unit)}. ` +
        `Fördelningen stat/region/kommuner är ${split} %` +
        (severity === "rounding" ? `, inom avrundningen (högst ${fmt(allowance, unit)}).` : `, avviker från 50/25/25.`);
      out.push(
        finding(
          book,
          "fordelning",
          g.members,
          {printedValue: g.printed, impliedValue: implied, difference, unit, severity},
          message
        )
      );
    }
  });
}

function memberOf(fig: Fig): string {
  return fig.figure.member ?? fig.line.slice("tilldelning.".length);
}
