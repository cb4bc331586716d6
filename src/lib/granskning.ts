// The granskning page's rules: which findings a filter shows, how they group by förbund and report, and how a printed
// figure and its unit read in plain Swedish (no "2 K antal": a count of people is "2 personer").
import type {Finding, FindingLine, Severity} from "./checks/model.js";
import {formatDecimal} from "./format.js";

export type {Finding, FindingLine, Severity};

/** The kinds a user filters on, in the words of the page. */
export const severityLabel: Record<Severity, string> = {
  discrepancy: "Verklig avvikelse",
  rounding: "Avrundning",
  info: "Definition"
};
export const severities: Severity[] = ["discrepancy", "rounding", "info"];

/** What the user has chosen to see; null is "all". */
export interface FindingFilter {
  forbund: string | null;
  document: string | null;
  severities: Severity[];
  rule: string | null;
}

/** The key of a report: förbund and document. */
export const documentKey = (f: {forbund: string; document: string}) => `${f.forbund}/${f.document}`;

/** The findings a filter shows, in the checker's order. */
export function filterFindings(findings: Finding[], filter: FindingFilter): Finding[] {
  return findings.filter(
    (f) =>
      (filter.forbund === null || f.forbund === filter.forbund) &&
      (filter.document === null || documentKey(f) === filter.document) &&
      filter.severities.includes(f.severity) &&
      (filter.rule === null || f.rule === filter.rule)
  );
}

/** Findings grouped by förbund, then by report, in first-seen order. */
export function groupFindings(
  findings: Finding[]
): {forbund: string; documents: {key: string; document: string; findings: Finding[]}[]}[] {
  const groups = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const docs = groups.get(f.forbund) ?? groups.set(f.forbund, new Map()).get(f.forbund)!;
    (docs.get(f.document) ?? docs.set(f.document, []).get(f.document)!).push(f);
  }
  return [...groups].map(([forbund, docs]) => ({
    forbund,
    documents: [...docs].map(([document, list]) => ({key: documentKey({forbund, document}), document, findings: list}))
  }));
}

/** Counts per kind, as "3 verkliga avvikelser, 1 avrundning". */
export function kindSummary(findings: Finding[]): string {
  const words: Record<Severity, [string, string]> = {
    discrepancy: ["verklig avvikelse", "verkliga avvikelser"],
    rounding: ["avrundning", "avrundningar"],
    info: ["definition", "definitioner"]
  };
  return severities
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${words[s][n === 1 ? 0 : 1]}`)
    .join(", ");
}

/** A number with its unit in words: tkr, kr and % as printed, a count as people ("2 personer", "1 person"). */
export function amountText(value: number, unit: string): string {
  const decimals = Number.isInteger(value) ? 0 : Math.min(3, String(value).split(".")[1]?.length ?? 0);
  const n = formatDecimal(value, decimals);
  if (unit === "antal") return `${n} ${Math.abs(value) === 1 ? "person" : "personer"}`;
  return `${n}\u00a0${unit}`;
}

/** A printed figure in plain words, with the printed text beside it when it carries more (e.g. "2 K": kvinnor). */
export function printedText(line: Pick<FindingLine, "printed" | "value" | "unit">): string {
  const text = amountText(line.value, line.unit);
  const bare = line.printed.replace(/[\s\u00a0\u2009]/g, "");
  const plain = formatDecimal(line.value, 0).replace(/[\s\u00a0]/g, "");
  return bare === plain || bare === plain.replace("−", "-") ? text : `${text} (tryckt ”${line.printed}”)`;
}

/** The shown findings as CSV columns and rows, for the download. */
export function findingsCsv(
  findings: Finding[],
  name: (id: string) => string,
  ruleNames: Record<string, string>
): {columns: string[]; rows: (string | number)[][]} {
  return {
    columns: [
      "Förbund",
      "Dokument",
      "År",
      "Kontroll",
      "Allvarlighet",
      "Tryckt",
      "Implicerat",
      "Skillnad",
      "Enhet",
      "Rader",
      "Rader i källan",
      "Meddelande"
    ],
    rows: findings.map((f) => [
      name(f.forbund),
      f.document,
      f.year,
      ruleNames[f.rule],
      severityLabel[f.severity],
      f.printedValue,
      f.impliedValue,
      f.difference,
      f.unit,
      f.lines.map((l) => l.label).join("; "),
      f.lines.map((l) => l.seedLine).join(" "),
      f.message
    ])
  };
}
