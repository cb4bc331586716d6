// The input files of a data folder as the ingestion sees them: which files each folder holds, which of them cannot
// be used and why (a symlink to a folder or outside the data folder, a name the site cannot carry in a path), and
// JSON that is read without ever throwing, so that one broken file gives a diagnostic instead of stopping the build.
import {createHash} from "node:crypto";
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync
} from "node:fs";
import {join, relative, sep} from "node:path";
import type {Diagnostic} from "../src/lib/ledger.js";

/** The folders of data/scb whose files are inputs (their content hashes key the SCB tables). */
export const SCB_INPUTS = ["scb/demo", "scb/fetched"];

/** A usable input file: its name in the folder, the path to read, and its size. */
export interface InputFile {
  file: string;
  path: string;
  size: number;
}

/** An error diagnostic for a whole file (line 0 when no line applies). */
export function fileError(file: string, message: string, line = 0): Diagnostic {
  return {file, line, severity: "error", message};
}

/** Whether a path lies inside a folder (both already resolved). */
function inside(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return r !== "" && !r.startsWith(`..${sep}`) && r !== ".." && !r.startsWith(sep);
}

/** A förbund id as the site's paths carry it: a–z, 0–9 and hyphens (sodra-dalarna). */
const FORBUND_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The förbund of a file name <förbund>-<år>.<ext> (or <förbund>.<ext>). */
export function forbundOfName(file: string): string {
  return file.replace(/\.[^.]*$/, "").replace(/-\d{4}$/, "");
}

/**
 * The files of a data subfolder whose names match `pattern`, each either usable or with the reason it is not, in
 * name order. A symlink is followed only to a regular file inside the data folder. With `forbundNames`, the part of
 * the name before -<år> must be a förbund id the site's paths can carry.
 */
export function listInputs(
  data: string,
  folder: string,
  pattern: RegExp,
  forbundNames = false
): {files: InputFile[]; problems: Diagnostic[]} {
  const dir = join(data, folder);
  const files: InputFile[] = [];
  const problems: Diagnostic[] = [];
  if (!existsSync(dir)) return {files, problems};
  const realData = realpathSync(data);
  for (const file of readdirSync(dir).sort()) {
    if (!pattern.test(file)) continue;
    const path = join(dir, file);
    // Named by its place in the data folder: the pages tell a ledger's problems from a budget's by it.
    const skip = (why: string) => problems.push(fileError(`${folder}/${file}`, `${why}`));
    if (forbundNames && !FORBUND_ID.test(forbundOfName(file))) {
      skip(
        `Filnamnet kan inte användas: förbundets id före -<år> får bara innehålla a–z, 0–9 och bindestreck ` +
          `(t.ex. sodra-dalarna-2023.se), inte mellanslag, #, %, .. eller å, ä, ö. Filen hoppas över`
      );
      continue;
    }
    const link = lstatSync(path);
    let target = path;
    if (link.isSymbolicLink()) {
      try {
        target = realpathSync(path);
      } catch {
        skip("Filen är en symbolisk länk till något som inte finns och hoppas över");
        continue;
      }
      if (!inside(realData, target)) {
        skip(`Filen är en symbolisk länk till ${target}, som ligger utanför datamappen, och hoppas över`);
        continue;
      }
    }
    const stat = statSync(target);
    if (stat.isDirectory()) {
      skip(
        `Filen är ${link.isSymbolicLink() ? "en symbolisk länk till en mapp" : "en mapp"}, inte en fil, och hoppas över`
      );
      continue;
    }
    if (!stat.isFile()) {
      skip("Filen är ingen vanlig fil och hoppas över");
      continue;
    }
    try {
      closeSync(openSync(target, "r"));
    } catch (e) {
      skip(`Filen kan inte läsas (${(e as NodeJS.ErrnoException).code}) och hoppas över`);
      continue;
    }
    if (stat.size === 0) {
      skip("Filen är tom och hoppas över");
      continue;
    }
    files.push({file, path: target, size: stat.size});
  }
  return {files, problems};
}

/** The 1-based line of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses JSON text; an error gives the diagnostic (with the line of the fault) instead of throwing. */
export function parseJsonText(text: string, file: string): {value: unknown} | {problem: Diagnostic} {
  const clean = text.replace(/^\uFEFF/, "");
  try {
    return {value: JSON.parse(clean)};
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    // A file cut short fails at its end, which is also where it was cut.
    const line = at ? lineAt(clean, Number(at[1])) : clean.split("\n").length;
    return {problem: fileError(file, `Ogiltig JSON: ${message}`, line)};
  }
}

/** Reads a JSON file; a missing, unreadable or broken file gives a diagnostic instead. */
export function readJsonSafe(path: string, file: string): {value: unknown} | {problem: Diagnostic} {
  let text: string;
  try {
    text = readFileSync(path, "utf-8");
  } catch (e) {
    return {problem: fileError(file, `Filen kan inte läsas (${(e as NodeJS.ErrnoException).code})`)};
  }
  return parseJsonText(text, file);
}

/** The JSON objects of a data subfolder by name (without .json); broken files are diagnostics instead. */
export function readJsonFolder<T>(data: string, folder: string): {values: Record<string, T>; problems: Diagnostic[]} {
  const {files, problems} = listInputs(data, folder, /\.json$/i);
  const values: Record<string, T> = {};
  for (const {file, path} of files) {
    const read = readJsonSafe(path, `${folder}/${file}`);
    if ("problem" in read) problems.push({...read.problem, message: `${read.problem.message}; filen hoppas över`});
    else if (typeof read.value !== "object" || read.value === null || Array.isArray(read.value))
      problems.push(fileError(`${folder}/${file}`, "Filen ska innehålla ett JSON-objekt; filen hoppas över"));
    else values[file.replace(/\.json$/i, "")] = read.value as T;
  }
  return {values, problems};
}

/** The SHA-256 of a file's content, read in 1 MB pieces so a large file is never one buffer. */
export function hashFile(path: string): string {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/** The SHA-256 of some strings, joined unambiguously. */
export function hashOf(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(`${p.length}:${p}`);
  return hash.digest("hex");
}
