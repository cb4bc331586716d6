import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseDate, parseVoucherId, readCsvLedger} from "../loaders/csv-ledger.js";
import type {Voucher} from "../src/lib/ledger.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/csv/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

function sumsByAccount(vouchers: Voucher[]): Record<string, bigint> {
  const sums: Record<string, bigint> = {};
  for (const v of vouchers) for (const t of v.transactions) sums[t.account] = (sums[t.account] ?? 0n) + t.amount;
  return sums;
}

describe("readCsvLedger, Swedish huvudbok in Windows-1252", () => {
  const result = readCsvLedger(fixture("huvudbok-sv-cp1252.csv"), "huvudbok-sv-cp1252.csv");

  it("keeps everything and reports nothing", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.counts).toEqual({rows: {read: 11, kept: 11, rejected: 0}, vouchers: {read: 5, kept: 5, rejected: 0}});
  });

  it("sums each account to the öre", () => {
    expect(sumsByAccount(result.vouchers)).toEqual({
      "1930": 142097316n,
      "2440": 0n,
      "3011": -107025000n,
      "3012": -53512500n,
      "4010": 12500000n,
      "7010": 4520000n,
      "7510": 1420184n
    });
  });

  it("groups the account-sorted rows into vouchers in number order", () => {
    expect(result.vouchers.map((v) => `${v.series}${v.number} ${v.date} ${v.transactions.length}`)).toEqual([
      "A1 2023-01-10 2",
      "A2 2023-01-12 2",
      "A3 2023-01-25 3",
      "A4 2023-02-14 2",
      "A5 2023-03-14 2"
    ]);
    const a4 = result.vouchers[3];
    expect(a4).toEqual({
      series: "A",
      number: "4",
      date: "2023-02-14",
      text: "Faktura 2023-114; Samhall",
      line: 6,
      transactions: [
        {account: "2440", amount: -12500000n, objects: [], text: "Faktura 2023-114; Samhall", kind: "trans", line: 6},
        {
          account: "4010",
          amount: 12500000n,
          objects: [
            {dim: "1", code: "200"},
            {dim: "6", code: "202"}
          ],
          text: "Faktura 2023-114; Samhall",
          kind: "trans",
          line: 10
        }
      ]
    });
    expect(result.vouchers[0].text).toBe("Medlemsavgift Försäkringskassan och Arbetsförmedlingen kv 1");
  });
});

describe("readCsvLedger, English export with debit and credit in UTF-8 with BOM", () => {
  const result = readCsvLedger(fixture("verifikationslista-en-utf8bom.csv"), "en.csv");

  it("nets debit and credit and sums each account to the öre", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.counts).toEqual({rows: {read: 8, kept: 8, rejected: 0}, vouchers: {read: 4, kept: 4, rejected: 0}});
    expect(sumsByAccount(result.vouchers)).toEqual({
      "1930": 53499950n,
      "3013": -27826500n,
      "3014": -25686000n,
      "4010": 4800000n,
      "2440": -4800000n,
      "6570": 12550n
    });
  });

  it("treats B 1, B-3, B 3 and B0004 as series B", () => {
    expect(result.vouchers.map((v) => [v.series, v.number, v.line])).toEqual([
      ["B", "1", 2],
      ["B", "2", 4],
      ["B", "3", 6],
      ["B", "4", 10]
    ]);
    const b3 = result.vouchers[2];
    expect(b3.text).toBe('Course "Vägen till arbete"\r\nspring term');
    expect(b3.transactions.map((t) => [t.account, t.line, t.objects])).toEqual([
      [
        "4010",
        6,
        [
          {dim: "1", code: "300"},
          {dim: "6", code: "411"}
        ]
      ],
      ["2440", 8, []]
    ]);
  });
});

describe("readCsvLedger, file with mistakes", () => {
  const result = readCsvLedger(fixture("huvudbok-fel.csv"), "huvudbok-fel.csv");
  const e = (line: number, message: string) => ({file: "huvudbok-fel.csv", line, severity: "error", message});

  it("reports each bad row and each rejected voucher in Swedish, by line", () => {
    expect(result.diagnostics).toEqual([
      e(4, "Verifikation A11 avvisas: rad 5 kunde inte läsas, så verifikationen balanserar inte"),
      e(5, 'Rad 5: beloppet "12,3,4" är inte ett tal'),
      e(6, "Verifikation A12 balanserar inte: differens 10,00 kr"),
      e(8, 'Rad 8: datumet "2023-02-30" är inte ett giltigt datum (ÅÅÅÅ-MM-DD)'),
      e(8, "Verifikation A13 avvisas: rad 8 kunde inte läsas, så verifikationen balanserar inte"),
      e(10, 'Rad 10: kontot "30x1" är inte ett fyrsiffrigt kontonummer'),
      e(10, "Verifikation A14 avvisas: rad 10 kunde inte läsas, så verifikationen balanserar inte"),
      e(12, "Rad 12: verifikationsnummer saknas"),
      e(
        15,
        'Rad 15: datumet "31/05/2023" är inte ett giltigt datum (ÅÅÅÅ-MM-DD); kontot "19300" är inte ett fyrsiffrigt' +
          ' kontonummer; beloppet "abc" är inte ett tal'
      ),
      e(15, "Verifikation A16 avvisas: rad 15 kunde inte läsas, så verifikationen balanserar inte")
    ]);
  });

  it("keeps only the good vouchers and counts the rest", () => {
    expect(result.counts).toEqual({rows: {read: 14, kept: 4, rejected: 10}, vouchers: {read: 7, kept: 2, rejected: 5}});
    expect(result.vouchers.map((v) => v.series + v.number)).toEqual(["A10", "A15"]);
    expect(sumsByAccount(result.vouchers)).toEqual({"5010": 1250000n, "1930": -1255000n, "6570": 5000n});
    expect(result.vouchers[0].transactions[0].objects).toEqual([{dim: "1", code: "100"}]);
  });
});

describe("readCsvLedger, edge cases", () => {
  it("loads nothing when required columns are missing and names them", () => {
    const result = readCsvLedger(utf8("Datum;Konto;Text;Debet\n2023-01-01;1930;x;5\n2023-01-01;3010;x;-5\n"), "f.csv");
    expect(result.vouchers).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        file: "f.csv",
        line: 1,
        severity: "error",
        message: "Obligatoriska kolumner saknas: verifikation, belopp (eller debet och kredit). Inget lästes in."
      }
    ]);
    expect(result.counts).toEqual({rows: {read: 2, kept: 0, rejected: 2}, vouchers: {read: 0, kept: 0, rejected: 0}});
  });

  it("reports an empty file", () => {
    const result = readCsvLedger(new Uint8Array(), "tom.csv");
    expect(result.diagnostics).toEqual([
      {file: "tom.csv", line: 0, severity: "error", message: "Filen är tom. Inget lästes in."}
    ]);
    expect(result.counts.rows).toEqual({read: 0, kept: 0, rejected: 0});
  });

  it("recognises header variants, a series column, and lists several bad rows of one voucher", () => {
    const csv = [
      "BOKFÖRINGSDATUM;Serie;Vernr;Kontonr;Kostnadsställe;Beskrivning;Belopp",
      "20230301;B;7;5010;;Hyra;1 000",
      "2023/03/01;B;7;1930;;Hyra;-1 000",
      "01.03.2023;;B8;6110;;Papper;abc",
      "2023-03-01;B;8;1930;;Papper;def",
      "2023-03-02;C;B9;1930;;Fel serie;0"
    ].join("\n");
    const result = readCsvLedger(utf8(csv), "g.csv");
    expect(result.vouchers).toHaveLength(1);
    expect(result.vouchers[0]).toMatchObject({series: "B", number: "7", date: "2023-03-01", text: "Hyra"});
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Rad 4: beloppet "abc" är inte ett tal',
      "Verifikation B8 avvisas: raderna 4, 5 kunde inte läsas, så verifikationen balanserar inte",
      'Rad 5: beloppet "def" är inte ett tal',
      'Rad 6: verifikationen "B9" hör inte till serien "C"'
    ]);
    expect(result.counts).toEqual({rows: {read: 5, kept: 2, rejected: 3}, vouchers: {read: 2, kept: 1, rejected: 1}});
  });

  it("reports a debit/credit row with neither amount and a voucher that does not balance by a negative amount", () => {
    const csv =
      "Date,Voucher,Account,Debit,Credit\n2023-01-01,1,1930,,\n2023-01-02,2,1930,1000.00,\n2023-01-02,2,3010,,1234.56\n";
    const result = readCsvLedger(utf8(csv), "h.csv");
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, "Rad 2: varken debet eller kredit har ett belopp"],
      [2, "Verifikation 1 avvisas: rad 2 kunde inte läsas, så verifikationen balanserar inte"],
      [3, "Verifikation 2 balanserar inte: differens \u2212234,56 kr"]
    ]);
  });

  it("records a row date that differs from the voucher's", () => {
    const csv = "Datum;Ver;Konto;Belopp\n2023-01-31;A1;1930;10\n2023-02-01;A1;3010;-10\n";
    const [voucher] = readCsvLedger(utf8(csv), "i.csv").vouchers;
    expect(voucher.date).toBe("2023-01-31");
    expect(voucher.transactions.map((t) => t.date)).toEqual([undefined, "2023-02-01"]);
  });
});

describe("parseDate and parseVoucherId", () => {
  it.each([
    ["2023-01-31", "2023-01-31"],
    ["20230131", "2023-01-31"],
    ["2023/01/31", "2023-01-31"],
    ["2023.01.31", "2023-01-31"],
    ["31.01.2023", "2023-01-31"],
    ["2023-01-31 00:00:00", "2023-01-31"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["2023-1-31", null],
    ["2023-01/31", null],
    ["01/02/2023", null],
    ["31/01/2023", null],
    ["", null]
  ])("reads %j as %s", (raw, date) => {
    expect(parseDate(raw)).toBe(date);
  });

  it.each([
    ["A12", {series: "A", number: "12"}],
    ["A 12", {series: "A", number: "12"}],
    ["A-012", {series: "A", number: "12"}],
    ["12", {series: "", number: "12"}],
    ["Ö3", {series: "Ö", number: "3"}],
    ["A12B", 'verifikationen "A12B" är inte ett verifikationsnummer (t.ex. A12)'],
    ["", "verifikationsnummer saknas"]
  ])("splits %j", (raw, id) => {
    expect(parseVoucherId(raw)).toEqual(id);
  });
});
