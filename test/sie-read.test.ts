import {describe, expect, it} from "vitest";
import {readSie} from "../loaders/sie";
import {encodeCp437} from "../loaders/sie/encoding";
import {formatKronor, parseAmount, parseDate} from "../loaders/sie/read";

const HEAD = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", "#RAR 0 20240101 20241231"];

/** Reads HEAD followed by the given lines; the first given line is line 5. */
function read(...lines: string[]) {
  return readSie(encodeCp437([...HEAD, ...lines].join("\n")), "t.se");
}

function at(line: number, severity: "error" | "warning" | "info", message: string) {
  return {file: "t.se", line, severity, message};
}

describe("values", () => {
  it("parses amounts to öre", () => {
    expect(parseAmount("100")).toBe(10000n);
    expect(parseAmount("-0.5")).toBe(-50n);
    expect(parseAmount("-0.00")).toBe(0n);
    expect(parseAmount("1234567.89")).toBe(123456789n);
    expect(parseAmount("+5")).toBe(500n);
    expect(parseAmount(".25")).toBe(25n);
    expect(parseAmount("1.230")).toBe(123n);
    expect(parseAmount("1,5")).toEqual({error: 'Ogiltigt belopp "1,5"'});
    expect(parseAmount("1e3")).toEqual({error: 'Ogiltigt belopp "1e3"'});
    expect(parseAmount("NaN")).toEqual({error: 'Ogiltigt belopp "NaN"'});
    expect(parseAmount("10.005")).toEqual({error: "Beloppet 10.005 har fler än två decimaler"});
  });

  it("parses dates", () => {
    expect(parseDate("20240229")).toBe("2024-02-29");
    expect(parseDate("20230229")).toBeUndefined();
    expect(parseDate("20241301")).toBeUndefined();
    expect(parseDate("2024-01-01")).toBeUndefined();
  });

  it("formats kronor the Swedish way", () => {
    expect(formatKronor(1n)).toBe("0,01 kr");
    expect(formatKronor(-123456789n)).toBe("-1 234 567,89 kr");
    expect(formatKronor(100000n)).toBe("1 000,00 kr");
  });
});

describe("vouchers", () => {
  it("rejects an unbalanced voucher and keeps the next", () => {
    const r = read(
      '#VER A 12 20240105 "Fel"',
      "{",
      "#TRANS 1930 {} 100.00",
      "#TRANS 3010 {} -99.99",
      "}",
      '#VER A 13 20240106 "Rätt"',
      "{",
      "#TRANS 1930 {} 50",
      "#TRANS 3010 {} -50",
      "}"
    );
    expect(r.diagnostics).toEqual([at(5, "error", "Verifikation A 12 balanserar inte: differens 0,01 kr")]);
    expect(r.ledger.vouchers.map((v) => v.number)).toEqual(["13"]);
    expect(r.counts.vouchers).toEqual({read: 2, kept: 1, rejected: 1});
    expect(r.counts.transactions).toEqual({read: 4, kept: 2, rejected: 2});
  });

  it("rejects a #TRANS outside a voucher", () => {
    const r = read("#TRANS 1930 {} 100.00");
    expect(r.diagnostics).toEqual([at(5, "error", "#TRANS utanför verifikation")]);
    expect(r.counts.transactions).toEqual({read: 1, kept: 0, rejected: 1});
  });

  it("rejects a voucher with a bad amount, naming the row and the voucher", () => {
    const r = read('#VER A 1 20240105 "x"', "{", "#TRANS 1930 {} 1,5", "#TRANS 3010 {} -1.50", "}");
    // One problem, one message: the row's, which also says that the voucher is rejected.
    expect(r.diagnostics).toEqual([at(7, "error", 'Ogiltigt belopp "1,5" i #TRANS; verifikation A 1 avvisas')]);
    expect(r.counts.vouchers).toEqual({read: 1, kept: 0, rejected: 1});
    expect(r.counts.transactions).toEqual({read: 2, kept: 0, rejected: 2});
  });

  it("rejects an amount with more than two decimals", () => {
    const r = read('#VER A 1 20240105 "x"', "{", "#TRANS 1930 {} 10.005", "#TRANS 3010 {} -10.005", "}");
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "Beloppet 10.005 har fler än två decimaler i #TRANS; verifikation A 1 avvisas",
      "Beloppet -10.005 har fler än två decimaler i #TRANS"
    ]);
  });

  it("rejects a voucher with a bad date", () => {
    const r = read('#VER A 1 20240231 "x"', "{", "#TRANS 1930 {} 1", "#TRANS 3010 {} -1", "}");
    expect(r.diagnostics).toEqual([at(5, "error", 'Ogiltigt datum "20240231" i #VER; verifikation A 1 avvisas')]);
    expect(r.counts.vouchers).toEqual({read: 1, kept: 0, rejected: 1});
  });

  it("rejects a row with a bad date", () => {
    const r = read('#VER A 1 20240105 "x"', "{", "#TRANS 1930 {} 1 2024011", "#TRANS 3010 {} -1", "}");
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Ogiltigt datum "2024011" i #TRANS; verifikation A 1 avvisas'
    ]);
  });

  it("reads row date, text and quantity, leaving out a date equal to the voucher's", () => {
    const r = read(
      '#VER "" "" 20240105 "x" 20240110',
      "{",
      '#TRANS 1930 {1 "100" 6 "202"} 1 20240105 "Insättning"',
      '#TRANS 3010 {} -1 20240106 "" 2.5',
      "}"
    );
    expect(r.diagnostics).toEqual([]);
    const [v] = r.ledger.vouchers;
    expect(v).toMatchObject({series: "", number: "", date: "2024-01-05", regDate: "2024-01-10", text: "x", line: 5});
    expect(v.transactions).toEqual([
      {
        account: "1930",
        amount: 100n,
        objects: [
          {dim: "1", code: "100"},
          {dim: "6", code: "202"}
        ],
        text: "Insättning",
        kind: "trans",
        line: 7
      },
      {account: "3010", amount: -100n, objects: [], date: "2024-01-06", quantity: "2.5", kind: "trans", line: 8}
    ]);
  });

  it("counts only #TRANS in the sum and keeps #RTRANS/#BTRANS as audit rows", () => {
    const r = read(
      '#VER A 1 20240105 "x"',
      "{",
      "#TRANS 1930 {} 100",
      '#BTRANS 3010 {} -100 20240201 "" "" "Anna"',
      '#RTRANS 3011 {} -100 20240201 "" "" "Anna"',
      "#TRANS 3011 {} -100",
      "}"
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger.vouchers[0].transactions.map((t) => `${t.kind} ${t.account}`)).toEqual([
      "trans 1930",
      "btrans 3010",
      "rtrans 3011",
      "trans 3011"
    ]);
    expect(r.counts.transactions).toEqual({read: 4, kept: 4, rejected: 0});
  });

  it("warns about an #RTRANS that no #TRANS repeats", () => {
    const r = read(
      '#VER A 1 20240105 "x"',
      "{",
      "#TRANS 1930 {} 100",
      "#RTRANS 3011 {} -100",
      "#TRANS 3010 {} -100",
      "}"
    );
    expect(r.diagnostics).toEqual([at(8, "warning", "#RTRANS på konto 3011 följs inte av en likadan #TRANS")]);
    expect(r.ledger.vouchers).toHaveLength(1);
  });

  it("accepts { on the #VER line, { sharing a line with a row and } ending a row", () => {
    const r = read(
      '#VER A 1 20240105 "x" {',
      "#TRANS 1930 {} 1",
      "#TRANS 3010 {} -1 }",
      '#VER A 2 20240105 "y"',
      "{ #TRANS 1930 {} 2",
      "#TRANS 3010 {} -2",
      "}"
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger.vouchers.map((v) => v.transactions.length)).toEqual([2, 2]);
  });

  it("rejects a voucher the file ends inside", () => {
    const r = read('#VER A 1 20240105 "x"', "{", "#TRANS 1930 {} 1", "#TRANS 3010 {} -1");
    expect(r.diagnostics).toEqual([at(5, "error", "Filen slutar inne i verifikation A 1: } saknas")]);
    expect(r.counts.vouchers).toEqual({read: 1, kept: 0, rejected: 1});
    expect(r.counts.transactions).toEqual({read: 2, kept: 0, rejected: 2});
  });
});

describe("balances", () => {
  it("rejects a balance with a bad amount and counts it", () => {
    const r = read("#IB 0 1930 12,50", "#UB 0 1930 12.50", "#RES 0 3010 x");
    expect(r.diagnostics).toEqual([
      at(5, "error", 'Ogiltigt belopp "12,50" i #IB'),
      at(7, "error", 'Ogiltigt belopp "x" i #RES')
    ]);
    expect(r.counts.balances).toEqual({read: 3, kept: 1, rejected: 2});
  });

  it("reads object and period balances", () => {
    const r = read('#OIB 0 1930 {1 "100"} 10', "#PBUDGET 0 202401 3010 {} -5 3", "#PSALDO 0 202413 3010 {} -5");
    expect(r.ledger.balances).toEqual([
      {kind: "oib", yearIndex: 0, account: "1930", object: {dim: "1", code: "100"}, amount: 1000n, line: 5},
      {kind: "pbudget", yearIndex: 0, period: "202401", account: "3010", amount: -500n, quantity: "3", line: 6}
    ]);
    expect(r.diagnostics).toEqual([at(7, "error", 'Ogiltig period "202413" i #PSALDO')]);
  });

  it("reports last year's #UB differing from this year's #IB", () => {
    const r = read("#RAR -1 20230101 20231231", "#UB -1 1930 1000.00", "#IB 0 1930 1000.50");
    expect(r.diagnostics).toEqual([
      at(7, "error", "Konto 1930: #IB år 0 (1 000,50 kr) skiljer sig från #UB år -1 (1 000,00 kr), differens 0,50 kr")
    ]);
  });

  it("accepts an equity difference that is last year's result carried over", () => {
    // The year's profit of 500 kr (a negative result) was not booked to 2099 before #UB was taken.
    const r = read(
      "#UB -1 2091 -100",
      "#UB -1 2099 0",
      "#IB 0 2091 -100",
      "#IB 0 2099 -500",
      "#RES -1 3010 -800",
      "#RES -1 4010 300"
    );
    expect(r.diagnostics).toEqual([
      at(
        8,
        "info",
        "Föregående års resultat (-500,00 kr) har förts över till eget kapital: #IB år 0 skiljer sig från #UB år -1 " +
          "på konto 2099"
      )
    ]);
  });

  it("accepts moving last year's result between equity accounts", () => {
    const r = read("#UB -1 2091 -100", "#UB -1 2099 -500", "#IB 0 2091 -600", "#IB 0 2099 0", "#RES -1 3010 -500");
    expect(r.diagnostics).toEqual([]);
  });

  it("rejects an equity difference that is not last year's result", () => {
    const r = read("#UB -1 2091 -100", "#IB 0 2091 -700", "#RES -1 3010 -500");
    expect(r.diagnostics).toEqual([
      at(
        6,
        "error",
        "Eget kapital (2091): #IB år 0 skiljer sig från #UB år -1 med -600,00 kr, men föregående års resultat är " +
          "-500,00 kr"
      )
    ]);
  });

  it("warns when #UB is not #IB plus the year's transactions, and #RES not the transactions", () => {
    const r = read(
      "#IB 0 1930 100",
      "#UB 0 1930 150",
      "#RES 0 3010 -40",
      '#VER A 1 20240105 "x"',
      "{",
      "#TRANS 1930 {} 40",
      "#TRANS 3010 {} -40",
      "}",
      '#VER A 2 20250105 "nästa år"',
      "{",
      "#TRANS 1930 {} 10",
      "#TRANS 3010 {} -10",
      "}"
    );
    expect(r.diagnostics).toEqual([
      at(
        6,
        "warning",
        "Konto 1930: #UB år 0 är 150,00 kr men #IB plus årets verifikationer ger 140,00 kr (differens 10,00 kr)"
      )
    ]);
  });
});

describe("other records", () => {
  it("ignores unknown records with one info per label", () => {
    const r = read("#FOO 1 2", "#FOO 3", "#BAR", "#ADRESS a b c d");
    expect(r.diagnostics).toEqual([
      at(5, "info", "Okänd post #FOO ignoreras"),
      at(7, "info", "Okänd post #BAR ignoreras")
    ]);
  });

  it("reads the header, accounts and dimensions", () => {
    const r = read(
      '#PROGRAM "Visma Administration" 2000',
      "#GEN 20240301 Anna",
      '#FNAMN "Samordningsförbundet Västerbergslagen"',
      "#ORGNR 222000-1234",
      "#VALUTA SEK",
      "#SRU 1930 7281",
      '#KONTO 1930 "Företagskonto"',
      "#KTYP 1930 T",
      '#DIM 1 "Kostnadsställe"',
      '#UNDERDIM 21 "Avdelning" 1',
      '#OBJEKT 6 "202" "Projekt 202"'
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger).toMatchObject({
      program: "Visma Administration 2000",
      format: "PC8",
      sieType: "4",
      generated: "2024-03-01",
      companyName: "Samordningsförbundet Västerbergslagen",
      orgNumber: "222000-1234",
      currency: "SEK",
      fiscalYears: [{yearIndex: 0, start: "2024-01-01", end: "2024-12-31"}],
      accounts: [{number: "1930", name: "Företagskonto", type: "T", sru: "7281"}],
      dimensions: [
        {dim: "1", name: "Kostnadsställe"},
        {dim: "21", name: "Avdelning", parent: "1"}
      ],
      objects: [{dim: "6", code: "202", name: "Projekt 202"}]
    });
  });

  it("reads CRLF line ends", () => {
    const r = readSie(encodeCp437('#FLAGGA 0\r\n#FNAMN "A"\r\n'), "crlf.se");
    expect(r.ledger.companyName).toBe("A");
  });
});
