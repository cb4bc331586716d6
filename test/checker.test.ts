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
import {readPublishedReports} from "../loaders/workspace.js";

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
  oversikt: "Flerårsöversikt",
  plan: "Flerårsplan",
  budget: "Budget",
  nyckeltal: "Nyckeltal",
  drift: "Driftsredovisning",
  deltagare: "Deltagare"
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
  const printed =
    extra.unit === "%"
      ? `${String(value).replace(".", ",")} %`
      : extra.unit === "antal"
        ? String(value).replace(".", ",")
        : String(value).replace("-", "−");
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
  const reports = readPublishedReports(`${root}data/published`);

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

/** A participant figure: unit antal unless given. */
const d = (year: number, line: string, label: string, value: number, extra: Partial<PublishedFigure> = {}) =>
  fig(year, `deltagare.${line}`, label, value, {unit: "antal", ...extra});

describe("counts and means are compared as printed", () => {
  it("a count total 10 off its rows is a discrepancy, never divided by 1 000", () => {
    const figures = [
      d(2023, "kurs_a.aktiva", "Kurs A", 180),
      d(2023, "kurs_b.aktiva", "Kurs B", 189),
      d(2023, "kurser.aktiva", "Totalt", 359, {sumOf: ["deltagare.kurs_a.aktiva", "deltagare.kurs_b.aktiva"]})
    ];
    const findings = check(report("tkr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "summa",
        severity: "discrepancy",
        year: 2023,
        lines: [
          "2023:deltagare.kurser.aktiva=359",
          "2023:deltagare.kurs_a.aktiva=180",
          "2023:deltagare.kurs_b.aktiva=189"
        ],
        printed: 359,
        implied: 369,
        difference: -10,
        unit: "antal"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2023: "Totalt" 2023 (Deltagare, rad 102) är tryckt 359, men "Kurs A" 2023 (Deltagare, rad 100) 180 + ' +
        '"Kurs B" 2023 (Deltagare, rad 101) 189 ger 369. Skillnad −10. Antalen är hela tal, så ingen avrundning förklarar skillnaden.'
    );
  });

  it("a mean printed twice with different decimals is rounding within half a unit of each", () => {
    const figures = [
      d(2023, "team.genomstromningstid", "Genomströmningstid", 25.2),
      d(2023, "team.genomstromningstid", "Genomströmningstid (text)", 25.3)
    ];
    const findings = check(report("tkr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "dubblett",
        severity: "rounding",
        year: 2023,
        lines: ["2023:deltagare.team.genomstromningstid=25,3", "2023:deltagare.team.genomstromningstid=25,2"],
        printed: 25.3,
        implied: 25.2,
        difference: 0.1,
        unit: "antal"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2023: "Genomströmningstid (text)" 2023 (Deltagare, rad 101) är tryckt 25,3, men "Genomströmningstid" 2023 (Deltagare, rad 100) är 25,2. ' +
        "Skillnad 0,1. Inom avrundningen: 2 avrundade tal kan tillsammans ge högst 0,10. Samma rad är tryckt två gånger i dokumentet."
    );
    // Counts printed twice with different values are never rounding.
    const counts = [d(2023, "x.aktiva", "Aktiva", 6), d(2023, "x.aktiva", "Aktiva (text)", 7)];
    expect(check(report("tkr", counts)).map((f) => [f.rule, f.severity, f.difference])).toEqual([
      ["dubblett", "discrepancy", 1]
    ]);
  });
});

describe("equity and contributions across tables", () => {
  it("a plan's equity rolls forward with the overview's result", () => {
    const figures = (printed: number) => [
      fig(2020, "plan.eget_kapital", "Eget kapital 31/12 2020", 1346),
      fig(2021, "oversikt.arets_resultat", "Årets resultat", -64),
      fig(2021, "plan.eget_kapital", "Eget kapital 31/12 2021", printed)
    ];
    const findings = check(report("tkr", figures(1262)));
    expect(findings.map(essence)).toEqual([
      {
        rule: "eget_kapital",
        severity: "discrepancy",
        year: 2021,
        lines: ["2021:plan.eget_kapital=1262", "2020:plan.eget_kapital=1346", "2021:oversikt.arets_resultat=−64"],
        printed: 1262,
        implied: 1282,
        difference: -20,
        unit: "tkr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), eget kapital 2021: "Eget kapital 31/12 2021" 2021 (Flerårsplan, rad 102) är tryckt 1\u00a0262\u00a0tkr, men "Eget kapital 31/12 2020" 2020 (Flerårsplan, rad 100) 1\u00a0346 + ' +
        '"Årets resultat" 2021 (Flerårsöversikt, rad 101) −64 ger 1\u00a0282\u00a0tkr. Skillnad −20\u00a0tkr. Mer än avrundningen förklarar (högst 1\u00a0tkr). ' +
        "(Föregående års eget kapital plus årets resultat och tillskott utanför resultatet.)"
    );
    expect(check(report("tkr", figures(1283))).map((f) => [f.rule, f.severity, f.difference])).toEqual([
      ["eget_kapital", "rounding", 1]
    ]);
  });

  it("a plan year without an outcome rolls forward with the plan's tilldelning and kostnader", () => {
    const figures = [
      fig(2023, "br.eget_kapital", "Summa eget kapital", 1657),
      fig(2024, "plan.tilldelning", "Medelstilldelning", 6308),
      fig(2024, "plan.kostnader", "Budget", 7700, {sign: -1}),
      fig(2024, "plan.eget_kapital", "Eget kapital 31/12 2024", 400)
    ];
    expect(check(report("tkr", figures)).map(essence)).toEqual([
      {
        rule: "eget_kapital",
        severity: "discrepancy",
        year: 2024,
        lines: [
          "2024:plan.eget_kapital=400",
          "2023:br.eget_kapital=1657",
          "2024:plan.tilldelning=6308",
          "2024:plan.kostnader=7700"
        ],
        printed: 400,
        implied: 265,
        difference: 135,
        unit: "tkr"
      }
    ]);
  });

  it("the year's tilldelning in the text and in the plan are one amount", () => {
    const figures = [
      fig(2025, "tilldelning.summa", "Budgetram (löptext)", 8562, {statement: "budget", section: "Budget"}),
      fig(2025, "plan.tilldelning", "Årstilldelning", 8396),
      fig(2025, "budget.tilldelning.summa", "Summa tilldelning", 8396)
    ];
    const findings = check(report("tkr", figures, "Verksamhetsplan 2025"));
    expect(findings.map(essence)).toEqual([
      {
        rule: "dubblett",
        severity: "discrepancy",
        year: 2025,
        lines: ["2025:plan.tilldelning=8396", "2025:tilldelning.summa=8562"],
        printed: 8396,
        implied: 8562,
        difference: -166,
        unit: "tkr"
      }
    ]);
    expect(findings[0].message).toBe(
      'Verksamhetsplan 2025 (Testförbundet), flerårsplan 2025: "Årstilldelning" 2025 (Flerårsplan, rad 101) är tryckt 8\u00a0396\u00a0tkr, men "Budgetram (löptext)" 2025 (Budget, rad 100) är 8\u00a0562\u00a0tkr. ' +
        "Skillnad −166\u00a0tkr. Mer än avrundningen förklarar (högst 1\u00a0tkr). Samma storhet är tryckt två gånger i dokumentet."
    );
    // 8 563 tkr against 8 562 400 kr is two roundings apart: rounding.
    const rounded = [
      fig(2025, "tilldelning.summa", "Anslag", 8562400, {statement: "budget", unit: "kr"}),
      fig(2025, "plan.tilldelning", "Årstilldelning", 8563)
    ];
    expect(check(report("tkr", rounded)).map((f) => [f.rule, f.severity, f.difference])).toEqual([
      ["dubblett", "rounding", 1]
    ]);
  });
});

describe("participants", () => {
  it("kvinnor + män must be the total", () => {
    const figures = [
      d(2023, "insteget.arbete", "Antal i arbete", 4),
      d(2023, "insteget.arbete.kvinnor", "Antal i arbete, kvinnor", 2),
      d(2023, "insteget.arbete.man", "Antal i arbete, män", 3)
    ];
    const findings = check(report("kr", figures));
    expect(findings.map(essence)).toEqual([
      {
        rule: "deltagare",
        severity: "discrepancy",
        year: 2023,
        lines: [
          "2023:deltagare.insteget.arbete=4",
          "2023:deltagare.insteget.arbete.kvinnor=2",
          "2023:deltagare.insteget.arbete.man=3"
        ],
        printed: 4,
        implied: 5,
        difference: -1,
        unit: "antal"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2023: "Antal i arbete" 2023 (Deltagare, rad 100) är tryckt 4, men "Antal i arbete, kvinnor" 2023 (Deltagare, rad 101) 2 + ' +
        '"Antal i arbete, män" 2023 (Deltagare, rad 102) 3 ger 5. Skillnad −1. Antalen är hela tal, så ingen avrundning förklarar skillnaden. (Kvinnor och män ska tillsammans vara totalen.)'
    );
    expect(check(report("kr", [...figures.slice(1), d(2023, "insteget.arbete", "Antal i arbete", 5)]))).toEqual([]);
  });

  it("outcomes add up to the avslut where the breakdown has an annat row", () => {
    const figures = [
      d(2023, "insteget.avslut", "Antal avslut", 39),
      d(2023, "insteget.arbete", "Arbete", 4),
      d(2023, "insteget.studier.kvinnor", "Studier, kvinnor", 3),
      d(2023, "insteget.medicinsk_rehab", "Medicinsk rehab", 10),
      d(2023, "insteget.annat", "Annat", 23)
    ];
    expect(check(report("kr", figures)).map(essence)).toEqual([
      {
        rule: "deltagare",
        severity: "discrepancy",
        year: 2023,
        lines: [
          "2023:deltagare.insteget.avslut=39",
          "2023:deltagare.insteget.arbete=4",
          "2023:deltagare.insteget.studier.kvinnor=3",
          "2023:deltagare.insteget.medicinsk_rehab=10",
          "2023:deltagare.insteget.annat=23"
        ],
        printed: 39,
        implied: 40,
        difference: -1,
        unit: "antal"
      }
    ]);
    // Without an annat row the breakdown may be partial (Södra Dalarna prints only avslut mot mål): no check.
    expect(check(report("kr", figures.slice(0, 4)))).toEqual([]);
  });

  it("this year's participants are last year's remaining plus the new", () => {
    const figures = (active: number) => [
      d(2020, "rehab.aktiva", "Deltagare 2020", 36),
      d(2020, "rehab.avslut", "Avslut 2020", 12),
      d(2021, "rehab.nya", "Nya 2021", 17),
      d(2021, "rehab.aktiva", "Deltagare 2021", active)
    ];
    const findings = check(report("kr", figures(47)));
    expect(findings.map(essence)).toEqual([
      {
        rule: "deltagare",
        severity: "discrepancy",
        year: 2021,
        lines: [
          "2021:deltagare.rehab.aktiva=47",
          "2020:deltagare.rehab.aktiva=36",
          "2020:deltagare.rehab.avslut=12",
          "2021:deltagare.rehab.nya=17"
        ],
        printed: 47,
        implied: 41,
        difference: 6,
        unit: "antal"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2021: "Deltagare 2021" 2021 (Deltagare, rad 103) är tryckt 47, men "Deltagare 2020" 2020 (Deltagare, rad 100) 36 − ' +
        '"Avslut 2020" 2020 (Deltagare, rad 101) 12 + "Nya 2021" 2021 (Deltagare, rad 102) 17 ger 41. Skillnad 6. Antalen är hela tal, så ingen avrundning förklarar skillnaden. ' +
        "(Förra årets kvarvarande deltagare plus årets nya.)"
    );
    expect(check(report("kr", figures(41)))).toEqual([]);
  });

  it("a share of a count is the ratio rounded to its decimals", () => {
    const figures = (printed: number) => [
      d(2021, "sater.aktiva", "Aktiva", 39),
      d(2021, "sater.aktiva.kvinnor", "Aktiva, kvinnor", 17),
      d(2021, "sater.aktiva.man", "Aktiva, män", 22),
      d(2021, "sater.konsfordelning_aktiva.kvinnor", "Kvinnornas andel", printed, {unit: "%"})
    ];
    const findings = check(report("tkr", figures(43)));
    expect(findings.map(essence)).toEqual([
      {
        rule: "andel",
        severity: "discrepancy",
        year: 2021,
        lines: [
          "2021:deltagare.sater.konsfordelning_aktiva.kvinnor=43 %",
          "2021:deltagare.sater.aktiva.kvinnor=17",
          "2021:deltagare.sater.aktiva=39"
        ],
        printed: 43,
        implied: 44,
        difference: -1,
        unit: "%"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2021: "Kvinnornas andel" 2021 (Deltagare, rad 103) är tryckt 43\u00a0%, men "Aktiva, kvinnor" 2021 (Deltagare, rad 101) 17 / ' +
        '"Aktiva" 2021 (Deltagare, rad 100) 39 = 43,59\u00a0%, avrundat 44\u00a0%. Skillnad −1\u00a0procentenheter. Antalen är hela tal, så ingen avrundning förklarar skillnaden.'
    );
    expect(check(report("tkr", figures(44)))).toEqual([]);
  });

  it("a share whose count is not printed must be a whole number of its base", () => {
    const figures = (printed: number) => [
      d(2023, "rebus.avslut", "Avslutade", 30),
      d(2023, "rebus.avslut_underlag", "Av de 28 återstående", 28),
      d(2023, "rebus.andel_stegforflyttning", "Stegförflyttning", printed, {unit: "%"})
    ];
    const findings = check(report("kr", figures(93.5)));
    expect(findings.map(essence)).toEqual([
      {
        rule: "andel",
        severity: "discrepancy",
        year: 2023,
        lines: ["2023:deltagare.rebus.andel_stegforflyttning=93,5 %", "2023:deltagare.rebus.avslut_underlag=28"],
        printed: 93.5,
        implied: 92.9,
        difference: 0.6,
        unit: "%"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2023: "Stegförflyttning" 2023 (Deltagare, rad 102) är tryckt 93,5\u00a0%, men inget helt antal av "Av de 28 återstående" 2023 (Deltagare, rad 101) 28 ger den andelen: ' +
        "26/28 = 92,86\u00a0% och 27/28 = 96,43\u00a0%. Närmast är 92,9\u00a0%. Skillnad 0,6\u00a0procentenheter. Antalen är hela tal, så ingen avrundning förklarar skillnaden."
    );
    // 92,9 % is 26 of 28.
    expect(check(report("kr", figures(92.9)))).toEqual([]);
  });

  it("a mean is the weighted mean of kvinnor's and män's, within the rounding of each", () => {
    const figures = (printed: number, women: number, men: number, w: number, m: number) => [
      d(2021, "team.arbete_studier", "Mot mål", w + m),
      d(2021, "team.arbete_studier.kvinnor", "Mot mål, kvinnor", w),
      d(2021, "team.arbete_studier.man", "Mot mål, män", m),
      d(2021, "team.genomstromningstid", "Genomströmningstid", printed),
      d(2021, "team.genomstromningstid.kvinnor", "Genomströmningstid, kvinnor", women),
      d(2021, "team.genomstromningstid.man", "Genomströmningstid, män", men)
    ];
    const findings = check(report("tkr", figures(25.2, 28, 15.2, 8, 4)));
    expect(findings.map(essence)).toEqual([
      {
        rule: "medelvarde",
        severity: "discrepancy",
        year: 2021,
        lines: [
          "2021:deltagare.team.genomstromningstid=25,2",
          "2021:deltagare.team.genomstromningstid.kvinnor=28",
          "2021:deltagare.team.genomstromningstid.man=15,2",
          "2021:deltagare.team.arbete_studier.kvinnor=8",
          "2021:deltagare.team.arbete_studier.man=4"
        ],
        printed: 25.2,
        implied: 23.7,
        difference: 1.5,
        unit: "antal"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), deltagare 2021: "Genomströmningstid" 2021 (Deltagare, rad 103) är tryckt 25,2, men medelvärdet av "Genomströmningstid, kvinnor" 2021 (Deltagare, rad 104) 28 och ' +
        '"Genomströmningstid, män" 2021 (Deltagare, rad 105) 15,2, vägt med "Mot mål, kvinnor" 2021 (Deltagare, rad 101) 8 och "Mot mål, män" 2021 (Deltagare, rad 102) 4, ' +
        "är 23,73, avrundat 23,7. Skillnad 1,5. Mer än avrundningen av medelvärdena förklarar (högst 0,40)."
    );
    // (4 · 9,5 + 5 · 11,4) / 9 = 10,56: a printed 10,5 is within the parts' rounding.
    expect(check(report("tkr", figures(10.5, 9.5, 11.4, 4, 5))).map(essence)).toEqual([
      {
        rule: "medelvarde",
        severity: "rounding",
        year: 2021,
        lines: [
          "2021:deltagare.team.genomstromningstid=10,5",
          "2021:deltagare.team.genomstromningstid.kvinnor=9,5",
          "2021:deltagare.team.genomstromningstid.man=11,4",
          "2021:deltagare.team.arbete_studier.kvinnor=4",
          "2021:deltagare.team.arbete_studier.man=5"
        ],
        printed: 10.5,
        implied: 10.6,
        difference: -0.1,
        unit: "antal"
      }
    ]);
  });
});

describe("percentages against their amounts", () => {
  it("a cost share against not 3", () => {
    const figures = (printed: number) => [
      fig(2020, "not.rr.kostnader.administrativa", "Administrativa kostnader", 823189, {sign: -1}),
      fig(2020, "not.rr.kostnader.summa", "Summa", 4566977, {sign: -1}),
      fig(2020, "nyckeltal.administrationsandel", "Administration", printed, {unit: "%"})
    ];
    const findings = check(report("kr", figures(19)));
    expect(findings.map(essence)).toEqual([
      {
        rule: "oversikt",
        severity: "discrepancy",
        year: 2020,
        lines: [
          "2020:nyckeltal.administrationsandel=19 %",
          "2020:not.rr.kostnader.administrativa=823189",
          "2020:not.rr.kostnader.summa=4566977"
        ],
        printed: 19,
        implied: 18,
        difference: 1,
        unit: "%"
      }
    ]);
    expect(findings[0].message).toBe(
      'Årsredovisning 2023 (Testförbundet), nyckeltal 2020: "Administration" 2020 (Nyckeltal, rad 102) är tryckt 19\u00a0%, men "Administrativa kostnader" 2020 (Not, rad 100) 823\u00a0189\u00a0kr / ' +
        '"Summa" 2020 (Not, rad 101) 4\u00a0566\u00a0977\u00a0kr = 18,02\u00a0%, avrundat 18\u00a0% (administrationens andel av kostnaderna). Skillnad 1\u00a0procentenheter. Mer än avrundningen förklarar.'
    );
    expect(check(report("kr", figures(18)))).toEqual([]);
  });

  it("förbrukad is utfall / budget, within the rounding of tkr", () => {
    const figures = (printed: number) => [
      fig(2021, "drift.29000.utfall", "Utfall", 5, {sign: -1}),
      fig(2021, "drift.29000.budget", "Budget", -20, {sign: -1}),
      fig(2021, "drift.29000.forbrukad", "Förbrukad", printed, {unit: "%"})
    ];
    expect(check(report("tkr", figures(-26))).map(essence)).toEqual([
      {
        rule: "andel",
        severity: "rounding",
        year: 2021,
        lines: ["2021:drift.29000.forbrukad=-26 %", "2021:drift.29000.utfall=5", "2021:drift.29000.budget=−20"],
        printed: -26,
        implied: -25,
        difference: -1,
        unit: "%"
      }
    ]);
    expect(check(report("tkr", figures(-40))).map((f) => [f.rule, f.severity, f.difference])).toEqual([
      ["andel", "discrepancy", -15]
    ]);
  });

  it("last year's soliditet from this year's comparison column and cash flow", () => {
    const figures = [
      fig(2022, "br.kortfristiga_fordringar", "Fordringar", 54000),
      fig(2022, "br.kassa_bank", "Kassa och bank", 2465486),
      fig(2022, "br.summa_tillgangar", "Summa tillgångar", 2519486),
      fig(2022, "br.eget_kapital", "Eget kapital", 1912952),
      fig(2022, "rr.arets_resultat", "Årets resultat", 191431),
      fig(2022, "kfa.likvida_medel_ib", "Likvida medel vid årets början", 2220344),
      fig(2022, "kfa.forandring_fordringar", "Förändring av fordringar", 1294),
      fig(2021, "oversikt.soliditet", "Soliditet", 78, {unit: "%"})
    ];
    const findings = check(report("kr", figures)).filter((f) => f.year === 2021);
    expect(findings.map(essence)).toEqual([
      {
        rule: "oversikt",
        severity: "discrepancy",
        year: 2021,
        lines: [
          "2021:oversikt.soliditet=78 %",
          "2022:br.eget_kapital=1912952",
          "2022:rr.arets_resultat=191431",
          "2022:kfa.likvida_medel_ib=2220344",
          "2022:br.kortfristiga_fordringar=54000",
          "2022:kfa.forandring_fordringar=1294"
        ],
        printed: 78,
        implied: 76,
        difference: 2,
        unit: "%"
      }
    ]);
  });
});
