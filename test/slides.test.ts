// The slides CLI (scripts/slides.ts): one förbund's presentation as a PDF with one slide a page, checked with
// poppler's pdfinfo and pdftotext, and one PNG per slide; a year without a ledger fails the run.
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";

const root = new URL("../", import.meta.url).pathname;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
let out: string;
let log: string;

const slides = (...args: string[]) =>
  spawnSync("npx", ["tsx", "scripts/slides.ts", ...args], {cwd: root, encoding: "utf-8", timeout: 150_000});

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "finsam-slides-"));
  const run = slides("--forbund", "sodra-dalarna", "--year", "2023", "--out", out);
  log = run.stdout;
  if (run.status !== 0) throw new Error(`slides misslyckades (${run.status}):\n${run.stdout}\n${run.stderr}`);
}, 180_000);
afterAll(() => rmSync(out, {recursive: true, force: true}));

const pdf = () => join(out, "sodra-dalarna-2023.pdf");
const pageText = (page: number) =>
  execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf(), "-"], {encoding: "utf-8"}).replace(
    /\s+/g,
    " "
  );

// Phrases and figures a board member must find on each page, in slide order (table cells may come in any order).
const expected: string[][] = [
  ["Året 2023 i siffror"],
  ["Årets resultat och nyckeltal", "161 tkr", "26,3 %"],
  ["Resultaträkning", "Årets resultat 161 234"],
  ["Balansräkning", "Summa tillgångar", "4 196"],
  ["Driftsredovisning mot budget", "−600", "761"],
  ["Eget kapital över tid", "Riktmärke 20 %", "26,3 %"],
  ["Helårsekvivalenter", "4 616", "Demodata"],
  [
    "Att besluta/notera",
    "Balansräkningen balanserar",
    "Årets resultat 161 tkr stämmer med den tryckta årsredovisningen"
  ]
];

describe("npm run slides", () => {
  it("writes a PDF with one 16:9 page per slide", () => {
    expect(log).toContain(`Skrev ${pdf()} (${expected.length} sidor)`);
    const info = execFileSync("pdfinfo", [pdf()], {encoding: "utf-8"});
    expect(info).toMatch(new RegExp(`^Pages:\\s+${expected.length}$`, "m"));
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Number(w) / Number(h)).toBeCloseTo(16 / 9, 2);
  });

  it.each(expected.map((texts, i) => [i + 1, texts] as const))(
    "page %i has the förbund, the year, a source and its figures",
    (page, texts) => {
      const text = pageText(page);
      expect(text).toContain("Södra Dalarnas Samordningsförbund");
      expect(text).toContain("2023");
      expect(text).toContain("Källa:");
      expect(text).toMatch(new RegExp(`\\b${page} ?/ ?${expected.length}\\b`));
      for (const t of texts) expect(text).toContain(t);
    }
  );

  it("writes one PNG per slide", () => {
    for (let i = 1; i <= expected.length; i++) {
      const file = join(out, `sodra-dalarna-2023-${String(i).padStart(2, "0")}.png`);
      expect(existsSync(file), file).toBe(true);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 8)]).toEqual(PNG);
      // IHDR: width and height, big-endian, at bytes 16–23.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1600, 900]);
      expect(log).toContain(`Skrev ${file}`);
    }
    // Exactly this run's files: the temporary folder they were rendered in is gone.
    const pngs = expected.map((_, i) => `sodra-dalarna-2023-${String(i + 1).padStart(2, "0")}.png`);
    expect(readdirSync(out).sort()).toEqual(["sodra-dalarna-2023.pdf", ...pngs].sort());
  });

  it("fails with a message for a year without a ledger", () => {
    const before = readdirSync(out).sort();
    const pdfBytes = readFileSync(pdf());
    const run = slides("--forbund", "sodra-dalarna", "--year", "1999", "--out", out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("ingen huvudbok för sodra-dalarna 1999");
    // The failed run leaves the folder as it was, with no temporary folder.
    expect(readdirSync(out).sort()).toEqual(before);
    expect(readFileSync(pdf()).equals(pdfBytes)).toBe(true);
  }, 150_000);
});
