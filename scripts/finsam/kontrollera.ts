// `finsam kontrollera <fil|mapp>…`: reads each file as the build would and prints its kind, encoding, years,
// read/kept/rejected counts and every diagnostic with its line. Exit 0 clean, 1 problems found, 2 unreadable.
import {readdirSync, realpathSync, statSync} from "node:fs";
import {extname, join} from "node:path";
import type {Diagnostic} from "../../src/lib/ledger.js";
import {KNOWN_EXTENSIONS} from "./detect.js";
import {checkFile, fileError, type FileReport} from "./read.js";

/** Where the command writes: stdout and stderr, or strings in a test. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const SEVERITY: Record<Diagnostic["severity"], string> = {error: "fel", warning: "varning", info: "info"};
const SKIP_FOLDERS = new Set(["node_modules", ".git"]);

/** A path the user named: a file is checked whatever its name; a folder's files only with a known extension. */
interface Target {
  path: string;
  inFolder: boolean;
}

function targets(paths: string[], skipped: string[], missing: FileReport[]): Target[] {
  const found: Target[] = [];
  // A link back to a folder above would otherwise be walked for ever.
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let names: string[];
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      names = readdirSync(dir).sort();
    } catch (error) {
      missing.push({
        path: dir,
        kind: "unknown",
        kindLabel: "mapp",
        counts: [],
        diagnostics: [],
        unreadable: fileError(error)
      });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // A dangling link: checkFile says so.
      }
      if (isDir) {
        if (!SKIP_FOLDERS.has(name) && !name.startsWith(".")) walk(path);
      } else if (KNOWN_EXTENSIONS.has(extname(name).toLowerCase())) found.push({path, inFolder: true});
      else skipped.push(path);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Not there or not readable: checkFile reports it.
    }
    if (isDir) walk(path);
    else found.push({path, inFolder: false});
  }
  return found;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One file's report as the lines the command prints. */
export function formatFileReport(report: FileReport): string {
  const lines = [report.path];
  if (report.unreadable) {
    lines.push(`  Kan inte läsas: ${report.unreadable}`);
    return lines.join("\n") + "\n";
  }
  lines.push(`  Typ: ${report.kindLabel}`);
  if (report.encoding) lines.push(`  Teckenkodning: ${report.encoding}`);
  if (report.years) lines.push(`  ${report.years.label}: ${report.years.text}`);
  for (const {label, counts} of report.counts) {
    lines.push(`  ${label}: ${counts.read} lästa, ${counts.kept} behållna, ${counts.rejected} avvisade`);
  }
  const diagnostics = [...report.diagnostics].sort((a, b) => a.line - b.line);
  if (!diagnostics.length) lines.push("  Inga anmärkningar");
  for (const d of diagnostics) {
    const where = d.line > 0 ? `rad ${d.line}` : "hela filen";
    // Some readers start their messages with the line already; it is said once.
    const message = d.message.replace(`Rad ${d.line}: `, "");
    lines.push(`  ${where}: ${SEVERITY[d.severity]}: ${message}`);
  }
  return lines.join("\n") + "\n";
}

/** Errors and warnings make a file a problem; info lines do not. */
const problems = (report: FileReport) => report.diagnostics.filter((d) => d.severity !== "info");

/** Runs `kontrollera` on paths; returns the exit code. */
export async function kontrollera(paths: string[], output: Output): Promise<number> {
  const skipped: string[] = [];
  const reports: FileReport[] = [];
  for (const target of targets(paths, skipped, reports)) {
    const report = await checkFile(target.path);
    // A file in a folder that no reader recognises (a README, the registry of förbund) is skipped, not failed.
    if (target.inFolder && report.kind === "unknown" && report.unreadable?.startsWith("filtypen")) {
      skipped.push(target.path);
      continue;
    }
    reports.push(report);
  }
  for (const report of reports) output.out(formatFileReport(report) + "\n");
  const unreadable = reports.filter((r) => r.unreadable);
  const withProblems = reports.filter((r) => !r.unreadable && problems(r).length);
  const all = withProblems.flatMap(problems);
  const errors = all.filter((d) => d.severity === "error").length;
  const clean = reports.length - withProblems.length - unreadable.length;
  let summary = `Kontrollerade ${plural(reports.length, "fil", "filer")}: ${clean} utan problem, ${withProblems.length} med problem (${plural(errors, "fel", "fel")}, ${plural(all.length - errors, "varning", "varningar")})`;
  if (unreadable.length) summary += `, ${unreadable.length} gick inte att läsa`;
  output.out(summary + ".\n");
  if (skipped.length) {
    output.out(`Hoppade över ${plural(skipped.length, "fil", "filer")} av okänd typ: ${skipped.join(", ")}\n`);
  }
  if (!reports.length) {
    output.err("Inga filer att kontrollera.\n");
    return 2;
  }
  return unreadable.length ? 2 : withProblems.length ? 1 : 0;
}
