// The board presentation's words: where each figure comes from, named as the board knows the documents, and what a
// change against the previous year means when that year is not comparable. Pure.
import {formatUnits} from "./format.js";
import type {NotComparable} from "./rakenskaper.js";

/** A report as the workspace lists it: förbund, document title ("Årsredovisning 2023") and its figures' years. */
export interface ReportRef {
  forbund: string;
  document: string;
  figures: {year: number; statement: string}[];
}

/** The annual report a year's figures come from: the earliest "Årsredovisning …" that prints that year's statements. */
export function reportFor(reports: ReportRef[], year: number): string | null {
  return (
    reports
      .filter(
        (r) => /^Årsredovisning/.test(r.document) && r.figures.some((f) => f.year === year && f.statement === "rr")
      )
      .map((r) => r.document)
      .sort()[0] ?? null
  );
}

/**
 * The small print for the ledger figures: the documents, never file names. A reconstructed ledger names the report
 * it was rebuilt from ("Källa: Årsredovisning 2023 (bokföringen rekonstruerad ur den)").
 */
export function ledgerSourceNote(reports: ReportRef[], years: number[], rebuilt: boolean): string {
  const docs = [...new Set(years.map((y) => reportFor(reports, y)).filter((d): d is string => d !== null))];
  if (!docs.length) return "Källa: förbundets bokföring.";
  return `Källa: ${docs.join(", ")}${rebuilt ? ` (bokföringen rekonstruerad ur ${docs.length > 1 ? "dem" : "den"})` : ""}.`;
}

/** The change against the previous year in tkr ("+4 469"), or "ej jämförbart" when that year is another förbund's. */
export function changeText(now: bigint, before: bigint | null | undefined, prior: NotComparable | null): string {
  if (before === null || before === undefined) return "–";
  if (prior) return "ej jämförbart";
  const change = now - before;
  return `${change > 0n ? "+" : ""}${formatUnits(change)}`;
}
