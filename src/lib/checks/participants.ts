// Participant figures (deltagare.<insats>.<mått>[.kvinnor|.man]) against each other: kvinnor + män = the total,
// outcomes add up to the avslut, the year's participants roll forward from last year's, shares are what their counts
// give, and a mean (genomströmningstid, tid före start) is the weighted mean of its parts' means.
import type {PublishedReport} from "../published.js";
import {
  decimalsOf,
  describe,
  docName,
  eachYear,
  finding,
  fmt,
  halfUnit,
  identity,
  minus,
  notNull,
  plus,
  roundTo,
  type Book,
  type Fig,
  type Finding,
  type Term
} from "./model.js";

interface ParticipantLine {
  insats: string;
  measure: string;
  sex?: "kvinnor" | "man";
}

/** deltagare.<insats>.<mått>[.kvinnor|.man]; other suffixes (a target, .mal) are not participant figures. */
function parse(line: string): ParticipantLine | undefined {
  const match = /^deltagare\.([^.]+)\.([^.]+)(?:\.(kvinnor|man))?$/.exec(line);
  return match ? {insats: match[1], measure: match[2], sex: match[3] as ParticipantLine["sex"]} : undefined;
}

const lineOf = (insats: string, measure: string, sex?: string) =>
  `deltagare.${insats}.${measure}${sex ? `.${sex}` : ""}`;

/**
 * Means and what they are the mean over: genomströmningstid and tid före start are measured on the participants
 * who left for work or studies (Södra Dalarna's Tabell 9: "gäller avslut mot mål"), a share of the participants by
 * time in public support (andel_forsorjning_*) on the participants. A mean is not a count that adds up.
 */
const means: {measure: RegExp; base: string}[] = [
  {measure: /^genomstromningstid$/, base: "arbete_studier"},
  {measure: /^tid_fore_start$/, base: "arbete_studier"},
  {measure: /^andel_forsorjning_/, base: "aktiva"}
];
const isMean = (measure: string) =>
  /^(genomstromningstid|tid_)/.test(measure) || means.some((m) => m.measure.test(measure));

/** A count of people: unit antal, a whole number, not a mean. */
const isCount = (fig: Fig, measure: string) => fig.unit === "antal" && Number.isInteger(fig.value) && !isMean(measure);

/** Where participants leave to; a breakdown that has an "annat" (other) row claims to cover every avslut. */
const outcomes = [
  "tidiga_avhopp",
  "arbete",
  "studier",
  "arbetslivsinriktad_rehab",
  "annan_arbetslivsinriktad_rehab",
  "medicinsk_rehab",
  "sjukersattning",
  "sjukersattning_vantar_beslut",
  "annat"
];

/** The participant lines a document prints for a year, first figure of each line (repeats are the dubblett rule's). */
function printed(book: Book, report: PublishedReport, year: number): {fig: Fig; p: ParticipantLine}[] {
  const seen = new Set<string>();
  const out: {fig: Fig; p: ParticipantLine}[] = [];
  for (const fig of book.figsOf(report, year)) {
    if (seen.has(fig.line)) continue;
    const p = parse(fig.line);
    if (!p) continue;
    seen.add(fig.line);
    out.push({fig: book.get(report, fig.line, year)!, p});
  }
  return out;
}

/** Whether any figure of the line and year in the document has a printed sum (then the summa rule checks it). */
const hasSumOf = (book: Book, report: PublishedReport, line: string, year: number) =>
  book.all(report, line, year).some((f) => f.figure.sumOf?.length);

/** A count of an insats as printed, or else its kvinnor and män (a table that prints only "3 K" has no total). */
function countTerms(book: Book, report: PublishedReport, insats: string, measure: string, year: number): Term[] {
  const total = book.get(report, lineOf(insats, measure), year);
  if (total) return [plus(total)];
  return (["kvinnor", "man"] as const)
    .map((s) => book.get(report, lineOf(insats, measure, s), year))
    .filter(notNull)
    .map(plus);
}

/**
 * Counts: a total = kvinnor + män where both are printed and no sumOf says so; avslut = the outcomes where the
 * breakdown has an "annat" row; aktiva_ub = aktiva − avslut; and aktiva(Y) = last year's aktiva_ub (or aktiva −
 * avslut) + nya(Y), where every figure is printed.
 */
export function checkParticipants(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    for (const {fig, p} of printed(book, report, year)) {
      if (p.sex || !isCount(fig, p.measure)) continue;
      const women = book.get(report, lineOf(p.insats, p.measure, "kvinnor"), year);
      const men = book.get(report, lineOf(p.insats, p.measure, "man"), year);
      if (women && men && !hasSumOf(book, report, fig.line, year))
        out.push(
          identity(
            book,
            "deltagare",
            [plus(fig)],
            [plus(women), plus(men)],
            "deltagare",
            " (Kvinnor och män ska tillsammans vara totalen.)"
          )
        );
      if (
        p.measure === "avslut" &&
        book.get(report, lineOf(p.insats, "annat"), year) &&
        !hasSumOf(book, report, fig.line, year)
      ) {
        // arbete_studier stands for arbete and studier only where the table does not print them separately.
        const split = ["arbete", "studier"].some((m) => countTerms(book, report, p.insats, m, year).length);
        const parts = (split ? outcomes : [...outcomes, "arbete_studier"]).flatMap((m) =>
          countTerms(book, report, p.insats, m, year)
        );
        out.push(
          identity(book, "deltagare", [plus(fig)], parts, "deltagare", " (Utfallen ska tillsammans vara de avslutade.)")
        );
      }
      if (p.measure === "aktiva_ub" && !hasSumOf(book, report, fig.line, year)) {
        const active = book.get(report, lineOf(p.insats, "aktiva"), year);
        const left = book.get(report, lineOf(p.insats, "avslut"), year);
        if (active && left)
          out.push(
            identity(
              book,
              "deltagare",
              [plus(fig)],
              [plus(active), minus(left)],
              "deltagare",
              " (Aktiva vid årets slut är årets deltagare minus de avslutade.)"
            )
          );
      }
      if (p.measure === "aktiva") {
        const added = book.get(report, lineOf(p.insats, "nya"), year);
        const opening = openingParticipants(book, report, p.insats, year);
        if (added && opening.length)
          out.push(
            identity(
              book,
              "deltagare",
              [plus(fig)],
              [...opening, plus(added)],
              "deltagare",
              " (Förra årets kvarvarande deltagare plus årets nya.)"
            )
          );
      }
    }
  });
}

/** Last year's participants still active at year end: aktiva_ub, or else aktiva − avslut, from any document. */
function openingParticipants(book: Book, report: PublishedReport, insats: string, year: number): Term[] {
  const ub = book.find(report, lineOf(insats, "aktiva_ub"), year - 1);
  if (ub) return [plus(ub)];
  const active = book.find(report, lineOf(insats, "aktiva"), year - 1);
  const left = book.find(report, lineOf(insats, "avslut"), year - 1);
  return active && left ? [plus(active), minus(left)] : [];
}

/**
 * What a share of participants is a share of: konsfordelning_<mått>.<kön> of the <mått>; andel_<utfall> of the
 * avslut, or of the base the report states for its shares (a count whose id ends in _underlag, as Klarälvdalen's
 * "28 avslutade" for Rebus). Null for shares of something else (andel_forsorjning_* is a mean, see means).
 */
function shareOf(book: Book, report: PublishedReport, p: ParticipantLine, year: number): {num?: Fig; den?: Fig} | null {
  const konsfordelning = /^konsfordelning_(.+)$/.exec(p.measure);
  if (konsfordelning && p.sex)
    return {
      num: book.get(report, lineOf(p.insats, konsfordelning[1], p.sex), year),
      den: book.get(report, lineOf(p.insats, konsfordelning[1]), year)
    };
  const andel = /^andel_((?:arbete|studier|stegforflyttning).*)$/.exec(p.measure);
  if (!andel) return null;
  const stated = book
    .figsOf(report, year)
    .find((f) => !p.sex && f.line.startsWith(`deltagare.${p.insats}.`) && /_underlag$/.test(f.line));
  return {
    num: book.get(report, lineOf(p.insats, andel[1], p.sex), year),
    den: stated ?? book.get(report, lineOf(p.insats, "avslut", p.sex), year)
  };
}

/**
 * Shares of participants against their counts. Counts are exact, so a share is right when it is the ratio rounded
 * to its printed decimals, and every other difference is a discrepancy. Where the numerator is not printed, some
 * whole number of the base must give the printed share (93,5 % of 28 is 26,2 people: no such share exists).
 */
export function checkShares(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    for (const {fig, p} of printed(book, report, year)) {
      if (fig.unit !== "%") continue;
      const share = shareOf(book, report, p, year);
      if (!share?.den?.value || share.den.unit !== "antal") continue;
      const {num, den} = share;
      const decimals = decimalsOf(fig);
      const half = halfUnit(fig);
      const value = fig.figure.value;
      const pct = (k: number) => (100 * k) / den.value;
      const where = `${docName(book, report)}, deltagare ${year}: ${describe(fig)} är tryckt ${fmt(value, "%", decimals)}`;
      if (num) {
        const exact = pct(num.value);
        if (Math.abs(value - exact) <= half + 1e-9) continue;
        const implied = roundTo(exact, decimals);
        const difference = roundTo(value - implied, decimals);
        const message =
          `${where}, men ${describe(num)} ${fmt(num.value, "antal")} / ${describe(den)} ${fmt(den.value, "antal")} = ` +
          `${fmt(exact, "%", decimals + 2)}, avrundat ${fmt(implied, "%", decimals)}. Skillnad ${fmt(difference, "procentenheter", decimals)}. ` +
          "Antalen är hela tal, så ingen avrundning förklarar skillnaden.";
        out.push(
          finding(
            book,
            "andel",
            [fig, num, den],
            {printedValue: value, impliedValue: implied, difference, unit: "%", severity: "discrepancy"},
            message
          )
        );
        continue;
      }
      const k = Math.round((value * den.value) / 100);
      const candidates = [k - 1, k, k + 1].filter((n) => n >= 0);
      if (candidates.some((n) => Math.abs(value - pct(n)) <= half + 1e-9)) continue;
      const nearest = candidates.reduce((a, b) => (Math.abs(pct(b) - value) < Math.abs(pct(a) - value) ? b : a));
      const below = Math.floor((value * den.value) / 100);
      const implied = roundTo(pct(nearest), decimals);
      const difference = roundTo(value - implied, decimals);
      const message =
        `${where}, men inget helt antal av ${describe(den)} ${fmt(den.value, "antal")} ger den andelen: ` +
        `${below}/${den.value} = ${fmt(pct(below), "%", decimals + 1)} och ${below + 1}/${den.value} = ${fmt(pct(below + 1), "%", decimals + 1)}. ` +
        `Närmast är ${fmt(implied, "%", decimals)}. Skillnad ${fmt(difference, "procentenheter", decimals)}. Antalen är hela tal, så ingen avrundning förklarar skillnaden.`;
      out.push(
        finding(
          book,
          "andel",
          [fig, den],
          {printedValue: value, impliedValue: implied, difference, unit: "%", severity: "discrepancy"},
          message
        )
      );
    }
  });
}

/**
 * A mean over a group is the weighted mean of its parts' means, weighted by the parts' counts of the base the mean
 * is over (see means): a total's against kvinnor and män, and where the base count is printed as a sum of other
 * insatser (Tabell 9's Totalt), against theirs. Rounding: every printed mean is within half a unit of its last
 * decimal, so the parts allow Σ w·½unit / Σ w around the exact mean and the printed total half its own unit.
 */
export function checkMeans(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    for (const {fig, p} of printed(book, report, year)) {
      const def = means.find((m) => m.measure.test(p.measure));
      if (!def) continue;
      const groups: {mean?: Fig; weight?: Fig}[][] = [];
      if (!p.sex)
        groups.push(
          (["kvinnor", "man"] as const).map((s) => ({
            mean: book.get(report, lineOf(p.insats, p.measure, s), year),
            weight: book.get(report, lineOf(p.insats, def.base, s), year)
          }))
        );
      const base = book.all(report, lineOf(p.insats, def.base, p.sex), year).find((f) => f.figure.sumOf?.length);
      const parts = (base?.figure.sumOf ?? []).map(parse);
      const isSexSplit = parts.every((q) => q?.insats === p.insats && q.sex);
      if (
        base &&
        parts.length &&
        !isSexSplit &&
        parts.every((q) => q && q.measure === def.base && !base.figure.sumOf!.some((s) => s.startsWith("-")))
      )
        groups.push(
          parts.map((q) => ({
            mean: book.get(report, lineOf(q!.insats, p.measure, q!.sex), year),
            weight: book.get(report, lineOf(q!.insats, def.base, q!.sex), year)
          }))
        );
      for (const group of groups) out.push(weightedMean(book, fig, group));
    }
  });
}

function weightedMean(book: Book, fig: Fig, group: {mean?: Fig; weight?: Fig}[]): Finding | null {
  // A part without participants has no mean to print; any other missing figure leaves the mean unchecked.
  const used = group.filter((g) => g.weight?.value !== 0);
  if (used.length < 2 || used.some((g) => !g.mean || !g.weight)) return null;
  const parts = used as {mean: Fig; weight: Fig}[];
  const total = parts.reduce((s, g) => s + g.weight.value, 0);
  if (!total) return null;
  const exact = parts.reduce((s, g) => s + g.weight.value * g.mean.value, 0) / total;
  const decimals = decimalsOf(fig);
  const implied = roundTo(exact, decimals);
  const value = fig.figure.value;
  if (roundTo(value - implied, decimals) === 0) return null;
  // A printed mean is rounded even when it shows no decimals ("28" months), unlike a count of people.
  const half = (f: Fig) => 0.5 / 10 ** decimalsOf(f);
  const slack = parts.reduce((s, g) => s + g.weight.value * half(g.mean), 0) / total;
  const allowance = half(fig) + slack;
  const severity = Math.abs(value - exact) <= allowance + 1e-9 ? "rounding" : "discrepancy";
  const difference = roundTo(value - implied, decimals);
  const unit = fig.unit;
  const shown = (x: number, d = decimals) => fmt(x, unit, d);
  const message =
    `${docName(book, fig.report)}, deltagare ${fig.figure.year}: ${describe(fig)} är tryckt ${shown(value)}, men medelvärdet av ` +
    parts.map((g) => `${describe(g.mean)} ${shown(g.mean.value, decimalsOf(g.mean))}`).join(" och ") +
    ", vägt med " +
    parts.map((g) => `${describe(g.weight)} ${fmt(g.weight.value, "antal")}`).join(" och ") +
    `, är ${shown(exact, decimals + 1)}, avrundat ${shown(implied)}. Skillnad ${shown(difference)}.` +
    (severity === "rounding"
      ? ` Inom avrundningen av medelvärdena (högst ${shown(allowance, decimals + 1)}).`
      : ` Mer än avrundningen av medelvärdena förklarar (högst ${shown(allowance, decimals + 1)}).`);
  return finding(
    book,
    "medelvarde",
    [fig, ...parts.map((g) => g.mean), ...parts.map((g) => g.weight)],
    {printedValue: value, impliedValue: implied, difference, unit, severity},
    message
  );
}
