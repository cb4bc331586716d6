import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import type {Ledger} from "../src/lib/ledger.js";
import {readSie, writeSie} from "../loaders/sie/index.js";
import {decodeCp437} from "../loaders/sie/encoding.js";

const FIXTURES = [
  "jsisie__BL0001_typ4.SE",
  "jsisie__Bokslut_Norstedts_SIE_4E.se",
  "jsisie__Sie4.si",
  "jsisie__transaktioner_ovnbolag.se"
];

/** A deep copy without the `line` fields, which a rewritten file cannot keep. */
function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "line")
        .map(([k, v]) => [k, withoutLines(v)])
    );
  }
  return value;
}

const SMALL: Ledger = {
  file: "small.se",
  program: "Finsam Analys 1.0",
  format: "PC8",
  sieType: "4",
  generated: "2024-03-01",
  companyName: 'Förbundet "Väst"',
  fiscalYears: [{yearIndex: 0, start: "2024-01-01", end: "2024-12-31"}],
  accounts: [
    {number: "1930", name: "Bank", type: "T"},
    {number: "3010", name: "Bidrag\tfrån kommuner"}
  ],
  dimensions: [{dim: "6", name: "Projekt"}],
  objects: [{dim: "6", code: "202", name: "Steg 1"}],
  balances: [],
  vouchers: [
    {
      series: "A",
      number: "1",
      date: "2024-01-05",
      text: 'Bidrag "Q1"',
      transactions: [
        {account: "1930", amount: 100050n, objects: [], kind: "trans", line: 0},
        {
          account: "3010",
          amount: -100050n,
          objects: [{dim: "6", code: "202"}],
          text: "Kommun €",
          kind: "trans",
          line: 0
        }
      ],
      line: 0
    }
  ]
};

describe("writeSie", () => {
  for (const name of FIXTURES) {
    it(`round-trips ${name}, with and without #KSUMMA`, () => {
      const first = readSie(readFileSync(new URL(`./fixtures/sie/${name}`, import.meta.url)), name);
      for (const ksumma of [false, true]) {
        const again = readSie(writeSie(first.ledger, {ksumma}), name);
        expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(withoutLines(again.ledger)).toEqual(withoutLines(first.ledger));
        expect(again.counts).toEqual(first.counts);
      }
    });
  }

  it("writes SIE 4I (no balances) in CP437 with quoted, escaped strings", () => {
    const text = decodeCp437(writeSie(SMALL));
    expect(text.split("\r\n")).toEqual([
      "#FLAGGA 0",
      "#FORMAT PC8",
      "#SIETYP 4",
      '#PROGRAM "Finsam Analys 1.0"',
      "#GEN 20240301",
      '#FNAMN "Förbundet \\"Väst\\""',
      "#RAR 0 20240101 20241231",
      '#KONTO 1930 "Bank"',
      "#KTYP 1930 T",
      '#KONTO 3010 "Bidrag från kommuner"',
      '#DIM 6 "Projekt"',
      '#OBJEKT 6 "202" "Steg 1"',
      '#VER "A" "1" 20240105 "Bidrag \\"Q1\\""',
      "{",
      "#TRANS 1930 {} 1000.50",
      '#TRANS 3010 {6 "202"} -1000.50 "" "Kommun ?"',
      "}",
      ""
    ]);
  });

  it("reads back what it wrote, except characters CP437 lacks", () => {
    const again = readSie(writeSie(SMALL, {ksumma: true}), "small.se");
    expect(again.diagnostics).toEqual([]);
    const expected = structuredClone(SMALL);
    expected.accounts[1].name = "Bidrag från kommuner";
    expected.vouchers[0].transactions[1].text = "Kommun ?";
    expect(withoutLines(again.ledger)).toEqual(withoutLines(expected));
  });

  it("writes balances with object lists only where SIE has them", () => {
    const ledger: Ledger = {
      ...SMALL,
      vouchers: [],
      balances: [
        {kind: "ib", yearIndex: 0, account: "1930", amount: -5n, line: 0},
        {kind: "oub", yearIndex: -1, account: "3010", object: {dim: "6", code: "202"}, amount: 7n, line: 0},
        {kind: "psaldo", yearIndex: 0, period: "202401", account: "3010", amount: 12300n, quantity: "4", line: 0}
      ]
    };
    const lines = decodeCp437(writeSie(ledger)).split("\r\n");
    expect(lines.filter((l) => /^#(IB|OUB|PSALDO) /.test(l))).toEqual([
      "#IB 0 1930 -0.05",
      '#OUB -1 3010 {6 "202"} 0.07',
      "#PSALDO 0 202401 3010 {} 123.00 4"
    ]);
  });

  it("ends with the #KSUMMA of what it wrote", () => {
    const lines = decodeCp437(writeSie(SMALL, {ksumma: true})).split("\r\n");
    expect(lines[1]).toBe("#KSUMMA");
    expect(lines[lines.length - 2]).toMatch(/^#KSUMMA \d+$/);
  });
});
