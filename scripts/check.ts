// npm run check -- [<fil|mapp> …] [--json] [--registry data/forbund.json] [--kr-from-ore förbund,…]: runs the
// consistency checker over published reports (default: all of data/published/) and prints the findings.
// Exit code 0 when it ran (findings are not failures), 2 when an input cannot be read or has the wrong shape.
// A JSON file may start with a UTF-8 byte-order mark; files over MAX_JSON_BYTES are refused unread.
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {ledgerComparisons} from "../loaders/ingested.js";
import {
  checkReports,
  ledgerFindings,
  countBySeverity,
  ruleNames,
  severityNames,
  type Finding,
  type Registry,
  type Rule
} from "../src/lib/checker.js";
import {registryProblems, reportProblems} from "../src/lib/checks/input.js";
import type {PublishedReport} from "../src/lib/published.js";

const root = new URL("..", import.meta.url).pathname;

class InputError extends Error {}

/** The largest JSON file read: a published report is a few hundred kB; far larger is not one. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_JSON_BYTES)
      throw new InputError(`${path} är ${size} byte, större än gränsen ${MAX_JSON_BYTES} byte för en JSON-fil`);
    text = readFileSync(path, "utf-8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`Kan inte läsa ${path}: ${(e as Error).message}`);
  }
  // Notepad and Excel write UTF-8 with a byte-order mark, which JSON.parse does not accept.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`Ogiltig JSON i ${path}: ${(e as Error).message}`);
  }
}

/** The report files a path names: the file itself, or the *.json files of a folder. */
function reportFiles(path: string): string[] {
  if (!existsSync(path)) throw new InputError(`Kan inte läsa ${path}: filen eller mappen finns inte`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(path, f));
}

function readReport(path: string): PublishedReport {
  const json = readJsonFile(path);
  const problems = reportProblems(json);
  if (problems.length)
    throw new InputError(`${path} är inget tryckt dokument:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return json as PublishedReport;
}

function readRegistry(path: string): Registry {
  const json = readJsonFile(path);
  const problems = registryProblems(json);
  if (problems.length)
    throw new InputError(`${path} är inget register över förbund:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return json as Registry;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function countText(findings: Finding[]): string {
  const c = countBySeverity(findings);
  return `${plural(c.discrepancy, "avvikelse", "avvikelser")}, ${plural(c.rounding, "avrundning", "avrundningar")}, ${plural(c.info, "definition", "definitioner")}`;
}

/** The findings as readable Swedish text: counts, then per document and check each finding's message. */
export function formatReport(findings: Finding[], documents: number, registry?: Registry): string {
  const name = (id: string) => registry?.forbund.find((f) => f.id === id)?.shortName ?? id;
  const lines = [`Granskning av ${documents} dokument: ${findings.length} fynd (${countText(findings)}).`];
  const docs = [...new Set(findings.map((f) => `${f.forbund}\u0000${f.document}`))];
  for (const doc of docs) {
    const [forbund, document] = doc.split("\u0000");
    const own = findings.filter((f) => f.forbund === forbund && f.document === document);
    lines.push("", `${document} (${name(forbund)}): ${countText(own)}`);
    for (const rule of Object.keys(ruleNames) as Rule[]) {
      const ofRule = own.filter((f) => f.rule === rule);
      if (!ofRule.length) continue;
      lines.push(`  ${ruleNames[rule]} (${ofRule.length})`);
      for (const f of ofRule) lines.push(`    [${severityNames[f.severity]}] ${f.message}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** Runs the CLI on its arguments; returns the exit code. */
export function main(
  args: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s)
): number {
  const json = args.includes("--json");
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const valued = new Set(["--registry", "--kr-from-ore"]);
  const paths = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1]));
  try {
    const registryPath = option("--registry") ?? join(root, "data/forbund.json");
    const registry = existsSync(registryPath) || option("--registry") ? readRegistry(registryPath) : undefined;
    const files = (paths.length ? paths : [join(root, "data/published")]).flatMap(reportFiles);
    const reports = files.map(readReport);
    const options = {registry, krFromOre: option("--kr-from-ore")?.split(",")};
    const findings = checkReports(reports, options);
    // The published reports of the workspace are also compared with its ledgers, unless --no-ledgers.
    if (!paths.length && !args.includes("--no-ledgers")) {
      // The comparisons the ingestion made of the same folder: the ledgers are not read again for them.
      findings.push(...ledgerFindings(reports, ledgerComparisons(join(root, "data"), reports), options));
    }
    out(json ? JSON.stringify(findings, null, 2) + "\n" : formatReport(findings, reports.length, registry));
    return 0;
  } catch (e) {
    // A shape the validation let through must still not end in a stack trace: say what failed, exit 2.
    err(e instanceof InputError ? `${e.message}\n` : `Granskningen kunde inte köras: ${(e as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
