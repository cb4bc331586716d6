// Budget files: JSON and CSV, revisions kept with their dates, and bad lines reported with file and line.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readBudgetCsv, readBudgetJson, revisionsOf, validateBudget} from "../loaders/budget-read.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/budget/${name}`, import.meta.url)));
const context = {projects: ["35000", "36000", "37000"], ledgerYears: [2022, 2023]};

describe("readBudgetCsv + validateBudget", () => {
  const read = readBudgetCsv(fixture("fel-2023.csv"), "fel-2023.csv", {forbund: "sodra-dalarna"});
  const checked = validateBudget(read.records, "fel-2023.csv", context);

  it("reports a non-numeric amount and a month outside 1–12 with file and line, and keeps the rest", () => {
    expect(read.diagnostics).toEqual([
      {file: "fel-2023.csv", line: 5, severity: "error", message: 'Rad 5: beloppet "tvåtusen" är inte ett tal'},
      {file: "fel-2023.csv", line: 7, severity: "error", message: 'Rad 7: månaden "13" är inte 1–12'}
    ]);
    expect(read.counts).toEqual({read: 6, kept: 4, rejected: 2});
  });

  it("reports an unknown project, a duplicate line and a year without a ledger", () => {
    expect(checked.diagnostics).toEqual([
      {
        file: "fel-2023.csv",
        line: 3,
        severity: "error",
        message: "Okänt projekt 99999 i budget 2023 (R1); lägg till det i förbundets projektlista"
      },
      {
        file: "fel-2023.csv",
        line: 4,
        severity: "error",
        message: "Dubblerad budgetrad: projekt 35000 finns redan på rad 2 i revision R1"
      },
      {
        file: "fel-2023.csv",
        line: 6,
        severity: "warning",
        message: "Budgetåret 2019 har ingen huvudbok; utfall kan inte jämföras"
      }
    ]);
    expect(checked.records.map((r) => [r.line, r.project, r.amount])).toEqual([
      [2, "35000", -209_000_000n],
      [6, "36000", -178_000_000n]
    ]);
    // Nothing is lost silently: every row is kept or named in a diagnostic.
    expect(read.counts.read).toBe(checked.records.length + read.diagnostics.length + 2);
  });

  it("loads nothing from a file missing a required column, and names it", () => {
    const r = readBudgetCsv(fixture("saknar-kolumn-2023.csv"), "saknar-kolumn-2023.csv", {forbund: "x"});
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        file: "saknar-kolumn-2023.csv",
        line: 1,
        severity: "error",
        message: "Kolumn saknas: revision; inget har lästs in"
      }
    ]);
    expect(r.counts).toEqual({read: 1, kept: 0, rejected: 1});
  });
});

describe("readBudgetJson", () => {
  const r = readBudgetJson(fixture("revisioner-2023.json"), "revisioner-2023.json");

  it("reads tkr amounts into öre and names the line of a bad amount", () => {
    expect(r.records.map((x) => [x.revision, x.project, x.amount])).toEqual([
      ["B2", "35000", -200_000_000n],
      ["B2", "36000", -170_050_000n],
      ["B1", "35000", -209_000_000n]
    ]);
    expect(r.diagnostics).toEqual([
      {
        file: "revisioner-2023.json",
        line: 7,
        severity: "error",
        message: 'Beloppet "x" för projekt 36000 är inte ett tal'
      }
    ]);
    expect(r.counts).toEqual({read: 4, kept: 3, rejected: 1});
  });

  it("orders revisions by decision date, so the latest is the one the board decided last", () => {
    expect(revisionsOf(r.records, 2023).map((x) => x.revision)).toEqual(["B1", "B2"]);
  });

  it("names the file of invalid JSON", () => {
    const bad = readBudgetJson(new TextEncoder().encode('{"forbund": "x", '), "trasig-2023.json");
    expect(bad.diagnostics[0].file).toBe("trasig-2023.json");
    expect(bad.diagnostics[0].message).toMatch(/^Ogiltig JSON: /);
  });
});

describe("readBudgetJson, exact amounts and files of the wrong shape", () => {
  const budget = (body: string) => new TextEncoder().encode(`{"forbund": "x", "year": 2023, ${body}}`);
  const one = (amount: string) =>
    budget(`"revisions": [{"id": "B1", "date": "2023-01-01", "lines": [{"project": "35000", "amount": ${amount}}]}]`);

  it("reads an amount beyond 2^53 öre exactly, from its digits rather than a double", () => {
    // 2^53 öre is 90 071 992 547 409,92 kr; as a double the last digits of this figure would be lost.
    const r = readBudgetJson(one("90071992547409.93"), "stor-2023.json");
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0].amount).toBe(9_007_199_254_740_993n);
    expect(readBudgetJson(one("-12345678901234567.89"), "stor-2023.json").records[0].amount).toBe(
      -1_234_567_890_123_456_789n
    );
  });

  it("refuses an amount no BIGINT öre column holds, with file and line, and counts it rejected", () => {
    const r = readBudgetJson(one("123456789012345678901"), "enorm-2023.json");
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        file: "enorm-2023.json",
        line: 1,
        severity: "error",
        message:
          "Beloppet 123456789012345678901 för projekt 35000 är för stort: en budgetrad rymmer högst 92 233 720 368 547 758,07 kr"
      }
    ]);
    expect(r.counts).toEqual({read: 1, kept: 0, rejected: 1});
  });

  it("says what is wrong when revisions is an object or null, and reads nothing", () => {
    for (const [value, kind] of [
      ["{}", "ett objekt"],
      ["null", "null"]
    ]) {
      const r = readBudgetJson(budget(`"revisions": ${value}`), "form-2023.json");
      expect(r.records).toEqual([]);
      expect(r.diagnostics).toEqual([
        {
          file: "form-2023.json",
          line: 1,
          severity: "error",
          message: `"revisions" ska vara en lista av revisioner men är ${kind}; inget har lästs in`
        }
      ]);
    }
  });

  it("rejects a null line and keeps the others", () => {
    const r = readBudgetJson(
      budget(`"revisions": [{"id": "B1", "date": "2023-01-01", "lines": [null, {"project": "35000", "amount": 5}]}]`),
      "null-2023.json"
    );
    expect(r.records.map((x) => [x.project, x.amount])).toEqual([["35000", 500n]]);
    expect(r.diagnostics.map((d) => d.message)).toEqual(["Rad 1 i revision B1 är null, inte en budgetrad"]);
    expect(r.counts).toEqual({read: 2, kept: 1, rejected: 1});
  });
});

describe("budgetFromSie", () => {
  it("turns #PBUDGET period budgets into monthly budget lines in display signs, per cost category", async () => {
    const {readSie} = await import("../loaders/sie/read.js");
    const {combineMappings} = await import("../src/lib/mapping.js");
    const {budgetFromSie} = await import("../loaders/budget-read.js");
    const file = "jsisie__BL0001_typ4.SE";
    const {ledger} = readSie(new Uint8Array(readFileSync(new URL(`fixtures/sie/${file}`, import.meta.url))), file);
    const bas = JSON.parse(readFileSync(new URL("../data/mapping/bas.json", import.meta.url), "utf-8"));
    const records = budgetFromSie(ledger, "demo", combineMappings(bas));
    // 12 months of −100 000 kr on 3010 (income) and 50 000 kr on 4010 (costs), fiscal year 2009-07-01–2010-06-30.
    expect(records).toHaveLength(24);
    expect(new Set(records.map((r) => `${r.year} ${r.project} ${r.amount}`))).toEqual(
      new Set(["2009 kategori:intakter 10000000", "2009 kategori:ovrigt -5000000"])
    );
    expect(
      records
        .map((r) => r.month)
        .sort((a, b) => a - b)
        .slice(0, 4)
    ).toEqual([1, 1, 2, 2]);
    expect(records[0]).toMatchObject({
      revision: `SIE ${file}`,
      date: "2011-11-01",
      label: "Periodbudget i SIE-filen (#PBUDGET)"
    });
  });
});
