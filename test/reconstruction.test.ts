// The embedded default ledgers: read with the real SIE reader, their statements reproduce every printed figure
// of the förbund's published reports, line by line, except where the report contradicts itself.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {latestBudgets} from "../loaders/budgets.js";
import {generateLedgers} from "../loaders/reconstruct/generate.js";
import {compareLedgerYear} from "../loaders/reconstruct/verify.js";
import {writeSie} from "../loaders/sie/write.js";
import {readSie} from "../loaders/sie/read.js";
import {accountBalances} from "../src/lib/balances.js";
import {combineMappings} from "../src/lib/mapping.js";
import type {PublishedReport} from "../src/lib/published.js";
import {buildStatements} from "../src/lib/statements.js";

const data = new URL("../data/", import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, data), "utf-8"));
const registry = readJson("forbund.json").forbund as {id: string; chart: string}[];
const ids = readdirSync(new URL("published/", data))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(".json", ""));

function readLedger(id: string, year: number) {
  const file = `${id}-${year}.se`;
  return existsSync(new URL(`sie/${file}`, data))
    ? readSie(new Uint8Array(readFileSync(new URL(`sie/${file}`, data))), file)
    : undefined;
}

function statementsOf(id: string, year: number) {
  const {ledger, diagnostics} = readLedger(id, year)!;
  const own = readJson(`mapping/${id}.json`);
  const mapping = combineMappings(own, readJson(`mapping/${registry.find((f) => f.id === id)!.chart}.json`));
  const balances = accountBalances(ledger, 0);
  return {statements: buildStatements(balances, mapping), ledger, own, mapping, diagnostics};
}

// Documents without a reconstructed ledger (a verksamhetsplan) are only checked as transcriptions.
const ledgerIds = ids.filter((id) => existsSync(new URL(`ledgers/${id}.json`, data)));

describe.each(ledgerIds)("%s", (id) => {
  const report: PublishedReport = readJson(`published/${id}.json`);
  // The years a ledger gives: those of the figures that say what they are computed from.
  const years = [...new Set(report.figures.filter((f) => f.ref?.length).map((f) => f.year))].sort();

  it("covers at least two consecutive years, each with a ledger that reads without errors", () => {
    expect(years.length).toBeGreaterThanOrEqual(2);
    expect(years.at(-1)! - years[0]).toBe(years.length - 1);
    for (const year of years)
      expect(statementsOf(id, year).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each(years)("%i: the statements' own checks pass", (year) => {
    const {statements} = statementsOf(id, year);
    expect(statements.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it.each(years)("%i: every printed figure is reproduced, or differs by exactly its recorded discrepancy", (year) => {
    const {ledger, own, mapping} = statementsOf(id, year);
    const budget = latestBudgets(new URL("budgets/", data).pathname, id).get(year) ?? null;
    const {comparisons} = compareLedgerYear(ledger, readLedger(id, year - 1)?.ledger, mapping, own, [report], budget);
    const rows = comparisons.map((c) => ({
      figure: `${c.figure.statement} ${c.figure.label} (rad ${c.figure.seedLine})`,
      printed: c.figure.value,
      computed: c.computed,
      difference: c.difference
    }));
    const expected = report.figures
      .filter((f) => f.year === year && f.ref?.length)
      .map((f) => ({
        figure: `${f.statement} ${f.label} (rad ${f.seedLine})`,
        printed: f.value,
        computed: f.value + (f.discrepancy?.difference ?? 0),
        difference: f.discrepancy?.difference ?? 0
      }));
    expect(rows).toEqual(expected);
    expect(rows.length).toBeGreaterThan(15);
  });

  it("the committed SIE files are exactly what the generator makes from the spec", () => {
    for (const ledger of generateLedgers(readJson(`ledgers/${id}.json`))) {
      expect(
        Buffer.from(writeSie(ledger, {ksumma: true})).equals(readFileSync(new URL(`sie/${ledger.file}`, data)))
      ).toBe(true);
    }
  });
});

describe("transcription", () => {
  it.each(ids)("%s: every printed figure stands on its line of the seed file, with the value it is given", (id) => {
    const report: PublishedReport = readJson(`published/${id}.json`);
    const seed = readFileSync(new URL(`../${report.source}`, data), "utf-8").split("\n");
    for (const f of report.figures) {
      expect(seed[f.seedLine - 1], `${f.label} ${f.year}`).toContain(f.printed);
      // The printed number is the value: "45,1%" is 45.1, "40,0%" is 40, "8 629 008" is 8629008.
      expect(Number(f.printed.replace(/[^\d,]/g, "").replace(",", ".")), `${f.label} ${f.year}`).toBe(
        Math.abs(f.value)
      );
      expect(f.value < 0, `${f.label} ${f.year}`).toBe(/^\s*[-−–]/.test(f.printed));
    }
  });
});
