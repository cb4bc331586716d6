// The consistency checker on small hand-built reports with planted errors and rounding-only differences, the CLI on
// test/fixtures/checker/, and a run over the real transcribed reports (shapes only: the checker must find their
// contradictions unaided).
import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  checkLedgerAgainstReports,
  checkReports,
  countBySeverity,
  ledgerFindings,
  type Finding,
  type Registry
} from "../src/lib/checker.js";
import type {FigureStatement, PublishedFigure, PublishedReport} from "../src/lib/published.js";
import type {Statements} from "../src/lib/statements.js";
import {main} from "../scripts/check.js";

const root = new URL("../", import.meta.url).pathname;
const registry: Registry = {
  forbund: [
    {
      id: "test",
      shortName: "Testförbundet",
      members: [
        {id: "fk", kind: "stat"},
        {id: "region-dalarna", kind: "region"},
        {id: "falun", kind: "kommun"},
        {id: "borlange", kind: "kommun"}
      ]
    }
  ]
};

const sections: Record<string, string> = {
  rr: "Resultaträkning",
  br: "Balansräkning",
  kfa: "Kassaflödesanalys",
  not: "Not",
  oversikt: "Flerårsöversikt"
};

/** A printed figure; seedLine counts up so that every figure has its own line. */
function fig(
  year: number,
  line: string,
  label: string,
  value: number,
  extra: Partial<PublishedFigure> = {}
): PublishedFigure {
  const statement = line.split(".")[0] === "tilldelning" ? "not" : (line.split(".")[0] as FigureStatement);
  const printed = extra.unit === "%" ? `${String(value).replace(".", ",")} %` : String(value).replace("-", "−");
  return {year, statement, line, label, printed, value, section: sections[statement], seedLine: 100 + seq++, ...extra};
}
let seq = 0;

function report(unit: "kr" | "tkr", figures: PublishedFigure[], document = "Årsredovisning 2023"): PublishedReport {
  seq = 0;
  return {forbund: "test", document, source: "test", unit, figures};
}

const check = (...reports: PublishedReport[]) => checkReports(reports, {registry});
/** The fields a test pins down, besides the message. */
const essence = (f: Finding) => ({
  rule: f.rule,
  severity: f.severity,
  year: f.year,
  lines: f.lines.map((l) => `${l.year}:${l.line}=${l.printed}`),
  printed: f.printedValue,
  implied: f.impliedValue,
  difference: f.difference,
  unit: f.unit
});

describe("sums against their parts", () => {
  it("a tkr Summa 1 off its three parts is rounding", () => {
    seq = 0;
    const figures = [
      fig(2023, "not.rr.kostnader.personal", "Personal", -1000),
      fig(2023, "not.rr.kostnader.insatser", "Insatser", -4599),
      fig(2023, "not.rr.kostnader.ovrigt", "Övrigt", -300),
      fig(2023, "not.rr.kostnader.summa", "Summa", -5900, {
        sumOf: ["not.rr.kostnader.personal", "not.rr.kostnader.insatser", "not.rr.kostnader.ovrigt"]
      })
    ];
    const findings = check(report("tkr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "summa",
        severity: "rounding",
        year: 2023,
        lines: [
          "2023:not.rr.kostnader.summa=−5900",
          "2023:not.rr.kostnader.personal=−1000",
          "2023:not.rr.kostnader.insatser=−4599",
          "2023:not.rr.kostnader.ovrigt=−300"
        ],
        printed: -5900,
        implied: -5899,
        difference: -1,
        unit: "tkr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), noter 2023: "Summa" 2023 (Not, rad 103) är tryckt −5\u00a0900\u00a0tkr, men "Personal" 2023 (Not, rad 100) −1\u00a0000 + ' +
        '"Insatser" 2023 (Not, rad 101) −4\u00a0599 + "Övrigt" 2023 (Not, rad 102) −300 ger −5\u00a0899\u00a0tkr. Skillnad −1\u00a0tkr. ' +
        "Inom avrundningen: 4 avrundade belopp kan tillsammans ge högst 2\u00a0tkr."
    );
  });

  it("the same sum 3 tkr off is a discrepancy, and 1 kr off in a kr report too", () => {
    const parts = ["not.rr.kostnader.a", "not.rr.kostnader.b", "not.rr.kostnader.c"];
    const figures = (sum: number) => [
      fig(2023, parts[0], "A", 100),
      fig(2023, parts[1], "B", 200),
      fig(2023, parts[2], "C", 300),
      fig(2023, "not.rr.kostnader.summa", "Summa", sum, {sumOf: parts})
    ];
    expect(check(report("tkr", figures(603))).map((f) => [f.severity, f.difference])).toEqual([["discrepancy", 3]]);
    expect(check(report("kr", figures(601))).map((f) => [f.severity, f.difference])).toEqual([["discrepancy", 1]]);
    // A förbund whose kr figures are rounded from öre gets the tkr allowance.
    expect(checkReports([report("kr", figures(601))], {registry, krFromOre: ["test"]}).map((f) => f.severity)).toEqual([
      "rounding"
    ]);
  });

  it("parts prefixed '-' subtract the printed figure, as a reader adds up the table", () => {
    const figures = [
      fig(2025, "plan.tilldelning", "Tilldelning", 8396, {statement: "plan"}),
      fig(2025, "plan.kostnader", "Kostnader", 8528, {statement: "plan", sign: -1}),
      fig(2025, "plan.resultat", "Resultat", -132, {statement: "plan", sumOf: ["plan.tilldelning", "-plan.kostnader"]})
    ];
    expect(check(report("tkr", figures))).toEqual([]);
  });

  it("a printed resultaträkning sum without sumOf is checked against the statement's structure", () => {
    const figures = [
      fig(2022, "rr.intakter", "Verksamhetens intäkter", 2449000),
      fig(2022, "rr.kostnader", "Verksamhetens kostnader", -2257248),
      fig(2022, "rr.verksamhetens_resultat", "Verksamhetens resultat", 191748)
    ];
    expect(check(report("kr", figures)).map(essence)).toEqual([
      {
        rule: "summa",
        severity: "discrepancy",
        year: 2022,
        lines: ["2022:rr.verksamhetens_resultat=191748", "2022:rr.intakter=2449000", "2022:rr.kostnader=−2257248"],
        printed: 191748,
        implied: 191752,
        difference: -4,
        unit: "kr"
      }
    ]);
  });

  it("a tkr drift sum of kr parts is compared in tkr, rounding the kr sum once", () => {
    const figures = [
      fig(2023, "drift.a.utfall", "A", -1400, {statement: "drift"}),
      fig(2023, "drift.b.utfall", "B", -1400, {statement: "drift"}),
      fig(2023, "drift.summa.utfall", "Summa", -3, {
        statement: "drift",
        unit: "tkr",
        sumOf: ["drift.a.utfall", "drift.b.utfall"]
      })
    ];
    // −2 800 kr is −3 tkr rounded: no finding. Printed −4 would be 1 tkr off: two roundings allow 1.
    expect(check(report("kr", figures))).toEqual([]);
    figures[2] = {...figures[2], value: -4, printed: "−4"};
    expect(check(report("kr", figures)).map((f) => [f.severity, f.printedValue, f.impliedValue, f.unit])).toEqual([
      ["rounding", -4, -3, "tkr"]
    ]);
  });
});

describe("statements against each other", () => {
  it("a kr balance sheet 300 off is a discrepancy", () => {
    const figures = [
      fig(2023, "br.kortfristiga_fordringar", "Fordringar", 500),
      fig(2023, "br.kassa_bank", "Kassa och bank", 1000),
      fig(2023, "br.summa_tillgangar", "Summa tillgångar", 1500),
      fig(2023, "br.eget_kapital", "Eget kapital", 900),
      fig(2023, "br.kortfristiga_skulder", "Kortfristiga skulder", 300),
      fig(2023, "br.summa_ek_skulder", "Summa eget kapital och skulder", 1200)
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "balans",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:br.summa_tillgangar=1500", "2023:br.summa_ek_skulder=1200"],
        printed: 1500,
        implied: 1200,
        difference: 300,
        unit: "kr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), balansräkning 2023: "Summa tillgångar" 2023 (Balansräkning, rad 102) är tryckt 1\u00a0500\u00a0kr, men ' +
        '"Summa eget kapital och skulder" 2023 (Balansräkning, rad 105) är 1\u00a0200\u00a0kr. Skillnad 300\u00a0kr. Beloppen är hela kronor, så ingen avrundning förklarar skillnaden.'
    );
  });

  it("without printed sums the balance sheet is added up from its parts", () => {
    const figures = [
      fig(2023, "br.kortfristiga_fordringar", "Fordringar", 500),
      fig(2023, "br.kassa_bank", "Kassa och bank", 1000),
      fig(2023, "br.eget_kapital", "Eget kapital", 900),
      fig(2023, "br.kortfristiga_skulder", "Kortfristiga skulder", 599)
    ];
    expect(check(report("kr", figures)).map((f) => [f.rule, f.printedValue, f.impliedValue, f.difference])).toEqual([
      ["balans", 1500, 1499, 1]
    ]);
  });

  it("årets resultat in the balansräkning differs from the resultaträkning", () => {
    const figures = [
      fig(2023, "rr.arets_resultat", "Årets resultat", 100),
      fig(2023, "br.arets_resultat", "Årets resultat", 90),
      fig(2023, "kfa.arets_resultat", "Årets resultat", 100)
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "resultat",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:br.arets_resultat=90", "2023:rr.arets_resultat=100"],
        printed: 90,
        implied: 100,
        difference: -10,
        unit: "kr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), balansräkning 2023: "Årets resultat" 2023 (Balansräkning, rad 101) är tryckt 90\u00a0kr, men "Årets resultat" 2023 (Resultaträkning, rad 100) är 100\u00a0kr. ' +
        "Skillnad −10\u00a0kr. Beloppen är hela kronor, så ingen avrundning förklarar skillnaden."
    );
  });

  it("equity that does not roll forward from last year's report", () => {
    const last = report("kr", [fig(2022, "br.eget_kapital", "Summa eget kapital", 1000)], "Årsredovisning 2022");
    const now = report("kr", [
      fig(2023, "rr.arets_resultat", "Årets resultat", 150),
      fig(2023, "br.eget_kapital", "Summa eget kapital", 1200)
    ]);
    const findings = check(last, now);
    expect(findings.map(essence)).toEqual([
      {
        rule: "eget_kapital",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:br.eget_kapital=1200", "2022:br.eget_kapital=1000", "2023:rr.arets_resultat=150"],
        printed: 1200,
        implied: 1150,
        difference: 50,
        unit: "kr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), eget kapital 2023: "Summa eget kapital" 2023 (Balansräkning, rad 101) är tryckt 1\u00a0200\u00a0kr, men "Summa eget kapital" 2022 (Balansräkning, rad 100) 1\u00a0000 + ' +
        '"Årets resultat" 2023 (Resultaträkning, rad 100) 150 ger 1\u00a0150\u00a0kr. Skillnad 50\u00a0kr. Beloppen är hela kronor, så ingen avrundning förklarar skillnaden. ' +
        "(Föregående års eget kapital plus årets resultat och tillskott utanför resultatet.)"
    );
  });

  it("equity added outside the result is part of the roll-forward", () => {
    const figures = [
      fig(2022, "br.eget_kapital", "Summa eget kapital", 1000),
      fig(2023, "rr.arets_resultat", "Årets resultat", 150),
      fig(2023, "kfa.eget_kapital_tillskott", "Från Finsam Borlänge", 50),
      fig(2023, "br.eget_kapital", "Summa eget kapital", 1200)
    ];
    expect(check(report("kr", figures))).toEqual([]);
  });
});

describe("cash flow", () => {
  it("likvida medel at year end differ from kassa och bank", () => {
    const figures = [
      fig(2023, "kfa.likvida_medel_ub", "Likvida medel vid årets slut", 1000),
      fig(2023, "br.kassa_bank", "Kassa och bank", 990)
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "kassaflode",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:kfa.likvida_medel_ub=1000", "2023:br.kassa_bank=990"],
        printed: 1000,
        implied: 990,
        difference: 10,
        unit: "kr"
      }
    ]);
  });

  it("likvida medel that include kortfristiga placeringar are a definition note", () => {
    const figures = [
      fig(2023, "kfa.likvida_medel_ub", "Likvida medel vid årets slut", 1300),
      fig(2023, "br.kassa_bank", "Kassa och bank", 1000),
      fig(2023, "br.kortfristiga_placeringar", "Kortfristiga placeringar", 300)
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "kassaflode",
        severity: "info",
        year: 2023,
        lines: ["2023:kfa.likvida_medel_ub=1300", "2023:br.kassa_bank=1000", "2023:br.kortfristiga_placeringar=300"],
        printed: 1300,
        implied: 1000,
        difference: 300,
        unit: "kr"
      }
    ]);
    expect(findings[0].message).toContain(
      "förbundet räknar kortfristiga placeringar som likvida medel. En definition, ingen avvikelse."
    );
  });

  it("ib + årets kassaflöde = ub, and ib = last year's ub and kassa och bank", () => {
    const figures = [
      fig(2022, "kfa.likvida_medel_ub", "Likvida medel vid årets slut", 700),
      fig(2022, "br.kassa_bank", "Kassa och bank", 700),
      fig(2023, "kfa.likvida_medel_ib", "Likvida medel vid årets början", 701),
      fig(2023, "kfa.arets_kassaflode", "Årets kassaflöde", 300),
      fig(2023, "kfa.likvida_medel_ub", "Likvida medel vid årets slut", 1000),
      fig(2023, "br.kassa_bank", "Kassa och bank", 1000)
    ];
    expect(
      check(report("kr", figures)).map((f) => [
        f.rule,
        f.lines.map((l) => `${l.year}:${l.line}`).join(" "),
        f.difference
      ])
    ).toEqual([
      ["kassaflode", "2023:kfa.likvida_medel_ib 2022:kfa.likvida_medel_ub", 1],
      ["kassaflode", "2023:kfa.likvida_medel_ib 2022:br.kassa_bank", 1],
      ["kassaflode", "2023:kfa.likvida_medel_ub 2023:kfa.likvida_medel_ib 2023:kfa.arets_kassaflode", -1]
    ]);
  });
});

describe("notes, overview and funding", () => {
  it("a note sum that differs from its statement line, in the note's sign", () => {
    const figures = [
      fig(2023, "br.kortfristiga_skulder", "Kortfristiga skulder", 300),
      fig(2023, "not.br.kortfristiga_skulder.summa", "Summa", -350, {sign: -1})
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "not",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:not.br.kortfristiga_skulder.summa=−350", "2023:br.kortfristiga_skulder=300"],
        printed: -350,
        implied: -300,
        difference: -50,
        unit: "kr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), noter 2023: "Summa" 2023 (Not, rad 101) är tryckt −350\u00a0kr, men "Kortfristiga skulder" 2023 (Balansräkning, rad 100) är −300\u00a0kr ' +
        "(i det tryckta beloppets tecken). Skillnad −50\u00a0kr. Beloppen är hela kronor, så ingen avrundning förklarar skillnaden."
    );
  });

  it("an overview soliditet that does not match eget kapital / summa tillgångar", () => {
    const figures = [
      fig(2023, "br.eget_kapital", "Eget kapital", 900),
      fig(2023, "br.summa_tillgangar", "Summa tillgångar", 1500),
      fig(2023, "oversikt.soliditet", "Soliditet", 55, {unit: "%"})
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "oversikt",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:oversikt.soliditet=55 %", "2023:br.eget_kapital=900", "2023:br.summa_tillgangar=1500"],
        printed: 55,
        implied: 60,
        difference: -5,
        unit: "%"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), översikt (flerårsöversikt) 2023: "Soliditet" 2023 (Flerårsöversikt, rad 102) är tryckt 55\u00a0%, men "Eget kapital" 2023 (Balansräkning, rad 100) 900\u00a0kr / ' +
        '"Summa tillgångar" 2023 (Balansräkning, rad 101) 1\u00a0500\u00a0kr = 60,00\u00a0%, avrundat 60\u00a0% (soliditet). Skillnad −5\u00a0procentenheter. Mer än avrundningen förklarar.'
    );
  });

  it("a soliditet within the rounding of its tkr inputs is rounding", () => {
    // 1 001 / 1 996 = 50,15 %: "50 %" is right, "50,1 %" is within the half tkr that each input may be off.
    const figures = [
      fig(2023, "br.eget_kapital", "Eget kapital", 1001),
      fig(2023, "br.summa_tillgangar", "Summa tillgångar", 1996),
      fig(2023, "oversikt.soliditet", "Soliditet", 50, {unit: "%"})
    ];
    expect(check(report("tkr", figures))).toEqual([]);
    figures[2] = {...figures[2], value: 50.1, printed: "50,1 %"};
    expect(
      check(report("tkr", figures)).map((f) => [f.severity, f.printedValue, f.impliedValue, f.difference])
    ).toEqual([["rounding", 50.1, 50.2, -0.1]]);
    figures[2] = {...figures[2], value: 49.9, printed: "49,9 %"};
    expect(check(report("tkr", figures)).map((f) => f.severity)).toEqual(["discrepancy"]);
  });

  it("overview intäkter that include finansiella intäkter are a definition note", () => {
    const figures = [
      fig(2023, "rr.intakter", "Intäkter", 6811),
      fig(2023, "rr.finansiella_intakter", "Finansiella intäkter", 23),
      fig(2023, "oversikt.intakter", "Intäkter", 6834)
    ];
    expect(check(report("tkr", figures)).map((f) => [f.rule, f.severity, f.difference])).toEqual([
      ["oversikt", "info", 23]
    ]);
  });

  it("a 48/26/26 split departs from 50/25/25", () => {
    const figures = [
      fig(2023, "tilldelning.fk", "Staten", 480),
      fig(2023, "tilldelning.region-dalarna", "Region Dalarna", 260),
      fig(2023, "tilldelning.falun", "Falu kommun", 130),
      fig(2023, "tilldelning.borlange", "Borlänge kommun", 130)
    ];
    const findings = check(report("tkr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "fordelning",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:tilldelning.fk=480"],
        printed: 480,
        implied: 500,
        difference: -20,
        unit: "tkr"
      },
      {
        rule: "fordelning",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:tilldelning.region-dalarna=260"],
        printed: 260,
        implied: 250,
        difference: 10,
        unit: "tkr"
      },
      {
        rule: "fordelning",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:tilldelning.falun=130", "2023:tilldelning.borlange=130"],
        printed: 260,
        implied: 250,
        difference: 10,
        unit: "tkr"
      }
    ]);
    expect(findings[0].message).toBe(
      "Årsredovisning 2023 (Testförbundet), noter 2023: staten (Staten) bidrar med 480\u00a0tkr av medlemsbidragen 1\u00a0000\u00a0tkr, men 50 % är 500\u00a0tkr. Skillnad −20\u00a0tkr. " +
        "Fördelningen stat/region/kommuner är 48,0/26,0/26,0 %, avviker från 50/25/25."
    );
  });

  it("an exact 50/25/25 split in kronor, and a tkr split within rounding", () => {
    const kr = [
      fig(2023, "tilldelning.fk", "Staten", 4281000),
      fig(2023, "tilldelning.region-dalarna", "Region", 2140500),
      fig(2023, "tilldelning.falun", "Falun", 1113060),
      fig(2023, "tilldelning.borlange", "Borlänge", 1027440)
    ];
    expect(check(report("kr", kr))).toEqual([]);
    const tkr = [
      fig(2023, "tilldelning.fk", "Staten", 3154),
      fig(2023, "tilldelning.region-dalarna", "Region", 1577),
      fig(2023, "tilldelning.falun", "Avesta", 790),
      fig(2023, "tilldelning.borlange", "Säter", 786)
    ];
    expect(check(report("tkr", tkr)).map((f) => [f.severity, f.difference])).toEqual([["rounding", -1]]);
  });

  it("the same line printed twice with different values", () => {
    const figures = [
      fig(2023, "rr.intakter", "Verksamhetens intäkter", 1000),
      fig(2023, "rr.intakter", "Verksamhetens intäkter", 1010)
    ];
    expect(check(report("kr", figures)).map((f) => [f.rule, f.severity, f.printedValue, f.impliedValue])).toEqual([
      ["dubblett", "discrepancy", 1010, 1000]
    ]);
  });
});

describe("a clean report", () => {
  it("has no findings", () => {
    const clean = JSON.parse(readFileSync(`${root}test/fixtures/checker/ren.json`, "utf-8")) as PublishedReport;
    expect(checkReports([clean], {registry: JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8"))})).toEqual(
      []
    );
  });
});

describe("ledger against report", () => {
  it("turns comparisons into findings, classified like the checks", () => {
    const r = report("kr", [
      fig(2023, "rr.intakter", "Verksamhetens intäkter", 1000, {ref: ["rr.intakter"]}),
      fig(2023, "rr.kostnader", "Verksamhetens kostnader", -900, {ref: ["rr.kostnader"]})
    ]);
    const findings = ledgerFindings(
      [r],
      [
        {figure: r.figures[0], computed: 1001, difference: 1},
        {figure: r.figures[1], computed: -900, difference: 0}
      ]
    );
    expect(findings.map(essence)).toEqual([
      {
        rule: "ledger",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:rr.intakter=1000"],
        printed: 1000,
        implied: 1001,
        difference: -1,
        unit: "kr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (test), resultaträkning 2023: "Verksamhetens intäkter" 2023 (Resultaträkning, rad 100) är tryckt 1\u00a0000\u00a0kr, men huvudboken ger 1\u00a0001\u00a0kr. Skillnad −1\u00a0kr.'
    );
  });

  it("computes the comparisons from statements", () => {
    // 311 776,00 kr is 312 tkr; a printed 311 is one tkr off, which a rounded report may print.
    const r = report("tkr", [fig(2023, "rr.arets_resultat", "Årets resultat", 311, {ref: ["rr.arets_resultat"]})]);
    const statements = {
      rr: [{id: "rr.arets_resultat", label: "Årets resultat", value: 31_177_600n}],
      br: [],
      kfa: [],
      notes: []
    } as unknown as Statements;
    const findings = checkLedgerAgainstReports([r], [{forbund: "test", year: 2023, context: {statements}}], {registry});
    expect(findings.map((f) => [f.rule, f.severity, f.printedValue, f.impliedValue, f.difference])).toEqual([
      ["ledger", "rounding", 311, 312, -1]
    ]);
  });
});

describe("the real transcribed reports", () => {
  const dir = `${root}data/published`;
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf-8")) as PublishedReport);

  it("are checked to the end, with findings of a valid shape", () => {
    const findings = checkReports(reports, {registry: JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8"))});
    const counts = countBySeverity(findings);
    console.log(`Granskning av data/published: ${findings.length} fynd`, counts);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    for (const f of findings) {
      expect(["discrepancy", "rounding", "info"]).toContain(f.severity);
      expect(reports.some((r) => r.forbund === f.forbund && r.document === f.document)).toBe(true);
      expect(f.lines.length).toBeGreaterThan(0);
      for (const l of f.lines)
        expect(typeof l.seedLine === "number" && typeof l.printed === "string" && typeof l.line === "string").toBe(
          true
        );
      expect(Number.isFinite(f.printedValue) && Number.isFinite(f.impliedValue) && Number.isFinite(f.difference)).toBe(
        true
      );
      expect(f.message).toContain(f.document);
    }
  });
});

describe("npm run check", () => {
  const fixtures = `${root}test/fixtures/checker`;
  const run = (args: string[]) => {
    let out = "";
    let err = "";
    const code = main(
      args,
      (s) => (out += s),
      (s) => (err += s)
    );
    return {code, out, err};
  };

  it("prints a readable report grouped by document and rule", () => {
    const {code, out} = run([fixtures]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("Granskning av 2 dokument: 2 fynd (1 avvikelse, 1 avrundning, 0 definitioner).");
    expect(lines).toContain("Årsredovisning 2023 (tkr) (provforbund): 1 avvikelse, 1 avrundning, 0 definitioner");
    expect(lines).toContain("  Summor mot sina delar (1)");
    expect(lines).toContain("  Årets resultat i alla tabeller (1)");
    expect(out).toContain(
      '    [avvikelse] Årsredovisning 2023 (tkr) (provforbund), balansräkning 2023: "Årets resultat" 2023 (Balansräkning, rad 104) är tryckt 90\u00a0tkr'
    );
  });

  it("prints the findings as JSON with --json", () => {
    const {code, out} = run([fixtures, "--json"]);
    expect(code).toBe(0);
    const files = readdirSync(fixtures).map((f) => JSON.parse(readFileSync(join(fixtures, f), "utf-8")));
    expect(JSON.parse(out)).toEqual(
      checkReports(files, {registry: JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8"))})
    );
  });

  it("exits 2 naming a file it cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-"));
    writeFileSync(join(dir, "trasig.json"), "{inte json");
    const {code, err} = run([dir]);
    expect(code).toBe(2);
    expect(err).toContain(`Ogiltig JSON i ${join(dir, "trasig.json")}`);
    expect(run([join(dir, "saknas.json")]).err).toContain("Kan inte läsa");
  });
});
