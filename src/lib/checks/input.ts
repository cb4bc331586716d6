// Input validation for the checker: a published report or registry read from JSON is checked field by field
// before any check runs, so that a file of the wrong shape (null figures, empty objects, wrong types) gives a
// Swedish message naming the field instead of a stack trace from deep inside a check.
import {FIGURE_STATEMENTS} from "../published.js";

const REPORT_UNITS = ["kr", "tkr"];
const FIGURE_UNITS = ["kr", "tkr", "%", "antal"];
// One message per problem, but no more than this many per file: a file of the wrong shape has one per figure.
const MAX_PROBLEMS = 20;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const typeName = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "en lista" : typeof v === "object" ? "ett objekt" : JSON.stringify(v);

/** The problems of a published report's JSON (empty when it has the shape of PublishedReport). */
export function reportProblems(json: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(json)) return [`filen är ${typeName(json)}, inte ett objekt med forbund, document och figures`];
  const need = (o: Obj, at: string, key: string, test: (v: unknown) => boolean, what: string, optional = false) => {
    if (o[key] === undefined && optional) return;
    if (!test(o[key]))
      problems.push(`${at}${key} ${o[key] === undefined ? "saknas" : `är ${typeName(o[key])}`}, ska vara ${what}`);
  };
  const text = (v: unknown) => typeof v === "string" && v !== "";
  const oneOf = (list: string[]) => (v: unknown) => typeof v === "string" && list.includes(v);
  const texts = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string");
  need(json, "", "forbund", text, "en text");
  need(json, "", "document", text, "en text");
  need(json, "", "unit", oneOf(REPORT_UNITS), `${REPORT_UNITS.join(" eller ")}`, true);
  need(json, "", "figures", Array.isArray, "en lista av siffror");
  if (!Array.isArray(json.figures)) return problems;
  json.figures.forEach((f: unknown, i) => {
    const at = `figures[${i}]`;
    if (!isObject(f)) return problems.push(`${at} är ${typeName(f)}, ska vara ett objekt`);
    const of = `${at}.`;
    need(f, of, "year", (v) => Number.isInteger(v), "ett heltal");
    need(f, of, "statement", oneOf(FIGURE_STATEMENTS), `en av ${FIGURE_STATEMENTS.join(", ")}`);
    need(f, of, "label", (v) => typeof v === "string", "en text");
    need(f, of, "printed", (v) => typeof v === "string", "en text");
    need(f, of, "value", (v) => typeof v === "number" && Number.isFinite(v), "ett tal");
    need(f, of, "section", (v) => typeof v === "string", "en text");
    need(f, of, "seedLine", (v) => Number.isInteger(v) && (v as number) >= 0, "ett radnummer");
    need(f, of, "line", text, "en text", true);
    need(f, of, "unit", oneOf(FIGURE_UNITS), FIGURE_UNITS.join(", "), true);
    need(f, of, "ref", texts, "en lista av texter", true);
    need(f, of, "sumOf", texts, "en lista av texter", true);
    need(f, of, "member", text, "en text", true);
    need(f, of, "sign", (v) => v === 1 || v === -1, "1 eller -1", true);
    need(
      f,
      of,
      "discrepancy",
      (v) => isObject(v) && typeof v.difference === "number" && typeof v.explanation === "string",
      "ett objekt med difference (tal) och explanation (text)",
      true
    );
  });
  return capped(problems);
}

/** The problems of data/forbund.json as the checker reads it (empty when it has the shape of Registry). */
export function registryProblems(json: unknown): string[] {
  if (!isObject(json)) return [`registret är ${typeName(json)}, ska vara ett objekt med listan forbund`];
  if (!Array.isArray(json.forbund))
    return [`forbund ${json.forbund === undefined ? "saknas" : `är ${typeName(json.forbund)}`}, ska vara en lista`];
  const problems: string[] = [];
  json.forbund.forEach((f: unknown, i) => {
    if (!isObject(f) || typeof f.id !== "string") return problems.push(`forbund[${i}] saknar id (en text)`);
    if (f.members === undefined) return;
    if (!Array.isArray(f.members))
      return problems.push(`forbund[${i}].members är ${typeName(f.members)}, ska vara en lista`);
    f.members.forEach((m: unknown, k) => {
      if (!isObject(m) || typeof m.id !== "string" || typeof m.kind !== "string")
        problems.push(`forbund[${i}].members[${k}] ska ha id och kind (texter)`);
    });
  });
  return capped(problems);
}

function capped(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `${problems.length - MAX_PROBLEMS} fler fel av samma slag`];
}
