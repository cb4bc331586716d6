// The statements page's rules: old links, years that are not comparable, the drill-down's sum and the pager's text.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {drillRows, legacyHash, notComparable, pageLabel, pageSteps} from "../src/lib/rakenskaper.js";
import type {AccountBalance, StatementLine} from "../src/lib/statements.js";

const registry = JSON.parse(readFileSync(new URL("../data/forbund.json", import.meta.url), "utf-8")).forbund;

describe("legacyHash", () => {
  it("reads #förbund/år, encoded or not, and nothing else", () => {
    expect(legacyHash("#falun-borlange/2023")).toEqual({forbund: "falun-borlange", year: "2023"});
    expect(legacyHash("#s%C3%B6dra/2022")).toEqual({forbund: "södra", year: "2022"});
    expect(legacyHash("#observablehq-main")).toBeUndefined();
    expect(legacyHash("#a/b")).toBeUndefined();
    expect(legacyHash("#%/2023")).toEqual({forbund: "%", year: "2023"});
  });
});

describe("notComparable", () => {
  it("Falun-Borlänge 2022 is Finsam Falun alone; 2023 and the other förbund are comparable", () => {
    const note = notComparable(registry, "falun-borlange", 2022)!;
    expect(note.mark).toBe("2022: Finsam Falun ensam");
    expect(note.text).toBe(
      "2022 är inte jämförbart: Falun-Borlänge bildades 2023-01-01 ur Finsam Falun och Finsam Borlänge, och siffrorna för 2022 är Finsam Faluns ensam (jämförelsetalen i årsredovisningen har inte räknats om)."
    );
    expect(notComparable(registry, "falun-borlange", 2023)).toBeNull();
    expect(notComparable(registry, "sodra-dalarna", 2022)).toBeNull();
    expect(notComparable(registry, "vasterbergslagen", 2020)).toBeNull();
  });
});

describe("drillRows", () => {
  const balances: AccountBalance[] = [
    {account: "3011", name: "Bidrag FK", opening: 0n, movement: -400_040_00n},
    {account: "3012", name: "Bidrag kommun", opening: 0n, movement: -111_306_000n},
    {account: "1930", name: "Bank", opening: 100_00n, movement: 50_00n}
  ];
  const income = {id: "rr.intakter", label: "Verksamhetens intäkter", accounts: ["3011", "3012"]} as StatementLine;
  it("gives income in the statement's sign (positive), and the rows add up to the line as shown", () => {
    const {rows, total} = drillRows(income, balances, "tkr", 1513n);
    expect(rows.map((r) => [r.account, r.value])).toEqual([
      ["3011", 400_040_00n],
      ["3012", 111_306_000n]
    ]);
    expect(rows.map((r) => r.shown)).toEqual([400n, 1113n]);
    expect(rows.reduce((s, r) => s + r.shown, 0n)).toBe(total);
  });
  it("gives a balance-sheet line its closing balance", () => {
    const bank = {id: "br.kassa_bank", label: "Kassa och bank", accounts: ["1930"]} as StatementLine;
    expect(drillRows(bank, balances, "kr", 150n).rows).toEqual([
      {account: "1930", name: "Bank", value: 150_00n, shown: 150n}
    ]);
  });
});

describe("pager", () => {
  it("describes the rows shown in Swedish and steps by pages", () => {
    expect(pageLabel(0, 50, 960_000)).toBe("Visar 1–50 av 960\u00a0000");
    expect(pageLabel(50, 50, 234)).toBe("Visar 51–100 av 234");
    expect(pageLabel(0, 0, 0)).toBe("Inga rader");
    expect(pageSteps(0, 50, 234)).toEqual({previous: null, next: 50});
    expect(pageSteps(200, 50, 234)).toEqual({previous: 150, next: null});
  });
});

describe("presentation words", async () => {
  const {ledgerSourceNote, changeText, reportFor} = await import("../src/lib/presentation.js");
  const reports = [
    {
      forbund: "f",
      document: "Årsredovisning 2023",
      figures: [
        {year: 2023, statement: "rr"},
        {year: 2022, statement: "rr"}
      ]
    },
    {forbund: "f", document: "Verksamhetsplan 2025", figures: [{year: 2024, statement: "rr"}]}
  ];
  it("names documents, not files", () => {
    expect(reportFor(reports, 2022)).toBe("Årsredovisning 2023");
    expect(ledgerSourceNote(reports, [2023, 2022], true)).toBe(
      "Källa: Årsredovisning 2023 (bokföringen rekonstruerad ur den)."
    );
    expect(ledgerSourceNote(reports, [2019], false)).toBe("Källa: förbundets bokföring.");
  });
  it("says a change against a year that is not comparable is not comparable", () => {
    const prior = notComparable(registry, "falun-borlange", 2022);
    expect(changeText(8629n, 4160n, prior)).toBe("ej jämförbart");
    expect(changeText(8629n, 4160n, null)).toBe("+4\u00a0469");
    expect(changeText(1n, null, null)).toBe("–");
  });
});
