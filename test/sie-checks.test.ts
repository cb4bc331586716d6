// The SIE reader's checks of issue 12: line ends, BIGINT bounds, #RAR, #KONTO, the turn of the year, counts that
// agree with the ledger, balances with several objects, one message per problem, and SIE types 1–4.
import {readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readSie, readSieStream, type SieResult} from "../loaders/sie/index.js";
import {encodeCp437} from "../loaders/sie/encoding.js";
import {MAX_ORE, parseAmount} from "../loaders/sie/read.js";

const HEAD = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", "#RAR 0 20240101 20241231"];

/** Reads HEAD and the given lines (the first is line 5), strictly as the app does. */
function read(...lines: string[]): SieResult {
  return readSie(encodeCp437([...HEAD, ...lines].join("\n")), "t.se", {strict: true});
}

function at(line: number, severity: "error" | "warning" | "info", message: string) {
  return {file: "t.se", line, severity, message};
}

const VOUCHERS = [
  '#KONTO 1930 "Bank"',
  '#KONTO 3010 "Avgifter"',
  '#VER A 1 20240110 "Avgift"',
  "{",
  "#TRANS 1930 {} 5000.00",
  "#TRANS 3010 {} -5000.00",
  "}",
  '#VER A 2 20240115 "Avgift"',
  "{",
  '#TRANS 1930 {1 "100"} 50.25 20240116 "rad"',
  "#TRANS 3010 {} -50.25",
  "}"
];

describe("line ends", () => {
  const text = [...HEAD, ...VOUCHERS].join("\n") + "\n";
  const lf = readSie(encodeCp437(text), "t.se", {strict: true});

  it("reads CR-only and CRLF files exactly like LF, line numbers included", () => {
    expect(lf.diagnostics).toEqual([]);
    expect(lf.ledger.vouchers.map((v) => v.transactions.length)).toEqual([2, 2]);
    for (const end of ["\r", "\r\n"]) {
      expect(readSie(encodeCp437(text.replaceAll("\n", end)), "t.se", {strict: true})).toEqual(lf);
    }
  });

  it("reads a CR and its LF split between two chunks as one line end", async () => {
    const bytes = encodeCp437(text.replaceAll("\n", "\r\n"));
    for (const size of [1, 2, 3, 7]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      expect(await readSieStream(chunks, "t.se", undefined, {strict: true}), `chunks of ${size}`).toEqual(lf);
    }
  });

  it("ends a line at a lone CR inside a voucher, so no row or amount is lost", () => {
    const r = read('#VER A 1 20240110 "x"', "{", "#TRANS 1930 {} 100.00\r#TRANS 3010 {} -100.00", "}");
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger.vouchers[0].transactions.map((t) => [t.account, t.amount, t.line])).toEqual([
      ["1930", 10000n, 7],
      ["3010", -10000n, 8]
    ]);
    expect(r.counts.transactions).toEqual({read: 2, kept: 2, rejected: 0});
  });

  it("reports a quoted text cut by a lone CR instead of dropping it silently", () => {
    const r = read('#VER A 1 20240110 "Hyra\rjanuari"', "{", "#TRANS 1930 {} 1", "#TRANS 3010 {} -1", "}");
    expect(r.ledger.vouchers[0].text).toBe("Hyra");
    expect(r.diagnostics).toEqual([
      at(6, "warning", "En rad är ingen SIE-post (en post börjar med #etikett) och ignorerades: rad 6")
    ]);
  });
});

describe("amounts beyond a BIGINT", () => {
  it("reads the largest amount a BIGINT holds and rejects one öre more, never wrapping", () => {
    expect(parseAmount("92233720368547758.07")).toBe(MAX_ORE);
    expect(parseAmount("-92233720368547758.07")).toBe(-MAX_ORE);
    expect(parseAmount("92233720368547758.08")).toEqual({
      error: "Beloppet 92233720368547758.08 ryms inte i en BIGINT-kolumn i öre (högst 92 233 720 368 547 758,07 kr)"
    });
    expect(parseAmount("1e400")).toEqual({error: 'Ogiltigt belopp "1e400"'});
  });

  it("rejects a voucher that would take the file's total of absolute amounts past a BIGINT", () => {
    // 4·10¹⁸ öre per voucher: two fit, the third does not; each row fits on its own.
    const big = "20000000000000000.00";
    const voucher = (n: number) => [
      `#VER A ${n} 20240110 "x"`,
      "{",
      `#TRANS 1930 {} ${big}`,
      `#TRANS 3010 {} -${big}`,
      "}"
    ];
    const r = read(...voucher(1), ...voucher(2), ...voucher(3), `#IB 0 1930 ${big}`);
    expect(r.ledger.vouchers.map((v) => v.number)).toEqual(["1", "2"]);
    const tooLarge =
      "filens belopp blir tillsammans större än en BIGINT-kolumn rymmer (92 233 720 368 547 758,07 kr räknat som " +
      "summan av beloppens absolutvärden)";
    expect(r.diagnostics).toEqual([
      at(15, "error", `Verifikation A 3 avvisas: ${tooLarge}`),
      at(20, "error", `#IB avvisas: ${tooLarge}`)
    ]);
    expect(r.counts.vouchers).toEqual({read: 3, kept: 2, rejected: 1});
    expect(r.counts.balances).toEqual({read: 1, kept: 0, rejected: 1});
    const total = r.ledger.vouchers
      .flatMap((v) => v.transactions)
      .reduce((s, t) => s + (t.amount < 0n ? -t.amount : t.amount), 0n);
    expect(total).toBe(8_000_000_000_000_000_000n);
  });
});

describe("#RAR", () => {
  it("ignores a year whose end is before its start, with one message", () => {
    const r = read("#RAR -1 20231231 20230101");
    expect(r.diagnostics).toEqual([
      at(5, "error", "#RAR -1 ignoreras: slutdatumet 2023-01-01 ligger före startdatumet 2023-12-31")
    ]);
    expect(r.ledger.fiscalYears).toEqual([{yearIndex: 0, start: "2024-01-01", end: "2024-12-31"}]);
  });

  it("keeps the first of two different #RAR for one year and says so once; a repeat is silent", () => {
    const r = read("#RAR 0 20240101 20241231", "#RAR 0 20240701 20250630", "#RAR 0 20240701 20250630");
    expect(r.diagnostics).toEqual([
      at(
        6,
        "error",
        "#RAR 0 anges en andra gång med andra datum (2024-07-01–2025-06-30); den på rad 4 (2024-01-01–2024-12-31) gäller"
      ),
      at(
        7,
        "error",
        "#RAR 0 anges en andra gång med andra datum (2024-07-01–2025-06-30); den på rad 4 (2024-01-01–2024-12-31) gäller"
      )
    ]);
    expect(r.ledger.fiscalYears).toHaveLength(1);
  });

  it("gives one message for an unreadable #RAR, with no second one saying #RAR 0 is missing", () => {
    const r = readSie(encodeCp437(["#SIETYP 4", "#RAR x 2024 2024-12-31", "#IB 0 1930 1"].join("\n")), "t.se", {
      strict: true
    });
    expect(r.diagnostics).toEqual([
      at(
        2,
        "error",
        '#RAR ignoreras: ogiltigt årsnummer "x", ogiltigt startdatum "2024", ogiltigt slutdatum "2024-12-31"'
      )
    ]);
  });

  it("says that #RAR 0 is missing, without a warning per voucher, and never throws", () => {
    const r = readSie(encodeCp437(["#SIETYP 4", ...VOUCHERS].join("\n")), "t.se", {strict: true});
    expect(r.diagnostics).toEqual([
      at(
        0,
        "error",
        "#RAR 0 saknas: filen anger inte sitt räkenskapsår, så dess saldon och verifikationer kan inte knytas till något år"
      )
    ]);
    expect(r.ledger.vouchers).toHaveLength(2);
  });

  it("judges a voucher's date against every #RAR in the file, wherever it stands", () => {
    const r = readSie(
      encodeCp437(["#SIETYP 4", ...VOUCHERS, "#RAR 0 20240101 20241231", '#VER A 3 20250101 "x"', "{", "}"].join("\n")),
      "t.se",
      {strict: true}
    );
    expect(r.diagnostics).toEqual([
      at(
        15,
        "warning",
        "Verifikation A 3 är daterad 2025-01-01, utanför räkenskapsåren i #RAR (2024-01-01–2024-12-31); den räknas " +
          "inte in i något års saldon"
      )
    ]);
  });
});

describe("#KONTO", () => {
  it("ignores an account without a number and warns about a number that is not numeric", () => {
    const r = read("#KONTO", '#KONTO "" "Namn"', '#KONTO 19A0 "Kassa"', '#KONTO 1930 "Bank"');
    expect(r.diagnostics).toEqual([
      at(5, "error", "Kontonummer saknas i #KONTO; posten ignoreras"),
      at(6, "error", "Kontonummer saknas i #KONTO; posten ignoreras"),
      at(7, "warning", 'Kontonumret "19A0" i #KONTO är inte numeriskt, som SIE kräver; kontot läses ändå')
    ]);
    expect(r.ledger.accounts.map((a) => a.number)).toEqual(["19A0", "1930"]);
  });
});

describe("the turn of the year", () => {
  it("says last year's result was carried forward into 299x, as older BAS charts keep it", () => {
    const r = read(
      "#RAR -1 20230101 20231231",
      "#UB -1 1930 12000",
      "#UB -1 2991 -7000",
      "#UB -1 2999 0",
      "#RES -1 3010 -5000",
      "#IB 0 1930 12000",
      "#IB 0 2991 -7000",
      "#IB 0 2999 -5000"
    );
    expect(r.diagnostics).toEqual([
      at(
        12,
        "info",
        "Föregående års resultat (-5 000,00 kr) har förts över till eget kapital: #IB år 0 skiljer sig från #UB år -1 " +
          "på konto 2999"
      )
    ]);
  });

  it("accepts the result carried to any accounts when the differences add up to it exactly", () => {
    // A chart that keeps equity in 8xxx-like accounts of its own: the sum decides, not the numbers.
    const r = read("#UB -1 8990 -100", "#UB -1 8991 0", "#IB 0 8990 -400", "#IB 0 8991 -200", "#RES -1 3010 -500");
    expect(r.diagnostics).toEqual([
      at(
        7,
        "info",
        "Föregående års resultat (-500,00 kr) har förts över till eget kapital: #IB år 0 skiljer sig från #UB år -1 " +
          "på kontona 8990 och 8991 med tillsammans -500,00 kr"
      )
    ]);
  });

  it("still reports another account that differs, next to a carried result", () => {
    const r = read("#UB -1 1930 100", "#UB -1 2099 0", "#IB 0 1930 150", "#IB 0 2099 -500", "#RES -1 3010 -500");
    expect(r.diagnostics).toEqual([
      at(7, "error", "Konto 1930: #IB år 0 (150,00 kr) skiljer sig från #UB år -1 (100,00 kr), differens 50,00 kr"),
      at(
        8,
        "info",
        "Föregående års resultat (-500,00 kr) har förts över till eget kapital: #IB år 0 skiljer sig från #UB år -1 " +
          "på konto 2099"
      )
    ]);
  });
});

describe("counts that agree with the ledger", () => {
  it("does not say rows are kept when their voucher was rejected", () => {
    const r = read(
      '#KONTO 1930 "Bank"',
      '#KONTO 3010 "Avgifter"',
      '#VER A 1 20240110 "obalanserad"',
      "{",
      "#TRANS 1931 {} 100",
      "#TRANS 3010 {} -99",
      "}",
      '#VER A 2 20240110 "rätt"',
      "{",
      "#TRANS 1932 {} 100",
      "#TRANS 3010 {} -100",
      "}"
    );
    // 1931 is only on a rejected row: no word of it being kept. 1932 is on a kept row.
    expect(r.diagnostics).toEqual([
      at(7, "error", "Verifikation A 1 balanserar inte: differens 1,00 kr"),
      at(14, "warning", "Konto 1932 saknas i kontoplanen (#KONTO) men används på en rad; raden behålls")
    ]);
  });

  it("names accounts outside the chart in the order of their first kept use, rows and balances alike", () => {
    const lines = [
      '#KONTO 1930 "Bank"',
      '#KONTO 3010 "Avgifter"',
      "#IB 0 1933 50",
      '#VER A 1 20240110 "ett"',
      "{",
      "#TRANS 1935 {} 100",
      "#TRANS 1934 {} 20",
      "#TRANS 3010 {} -120",
      "}",
      "#UB 0 1936 70",
      "#UB 0 1934 20",
      '#VER A 2 20240111 "två"',
      "{",
      "#TRANS 1933 {} 5",
      "#TRANS 1936 {} 5",
      "#TRANS 1935 {} -10",
      "}"
    ];
    const warnings = (r: SieResult) => r.diagnostics.filter((d) => d.message.includes("saknas i kontoplanen"));
    const used = (uses: number) =>
      uses === 1 ? "på en rad; raden behålls" : `på ${uses} rader, första här; raderna behålls`;
    const expected = [
      at(7, "warning", `Konto 1933 saknas i kontoplanen (#KONTO) men används ${used(2)}`),
      at(10, "warning", `Konto 1935 saknas i kontoplanen (#KONTO) men används ${used(2)}`),
      at(11, "warning", `Konto 1934 saknas i kontoplanen (#KONTO) men används ${used(2)}`),
      at(14, "warning", `Konto 1936 saknas i kontoplanen (#KONTO) men används ${used(2)}`)
    ];
    expect(warnings(read(...lines))).toEqual(expected);
    // A streamed read counts each voucher's rows as it hands the voucher on: the same warnings.
    const bytes = encodeCp437([...HEAD, ...lines].join("\n"));
    return readSieStream([bytes], "t.se", () => undefined, {strict: true}).then((r) => {
      expect(warnings(r)).toEqual(expected);
    });
  });

  const DIRS = ["sie", "bad"];
  for (const dir of DIRS) {
    const url = new URL(`./fixtures/${dir}/`, import.meta.url);
    for (const name of readdirSync(url).filter((n) => /\.s[ei]$/i.test(n))) {
      it(`${dir}/${name}: read = kept + rejected, and kept is what the ledger holds`, () => {
        const r = readSie(new Uint8Array(readFileSync(new URL(name, url))), name, {strict: true});
        const {vouchers, transactions, balances} = r.counts;
        for (const c of [vouchers, transactions, balances]) expect(c.read).toBe(c.kept + c.rejected);
        expect(vouchers.kept).toBe(r.ledger.vouchers.length);
        expect(transactions.kept).toBe(r.ledger.vouchers.reduce((n, v) => n + v.transactions.length, 0));
        expect(balances.kept).toBe(r.ledger.balances.length);
        // One problem, one message: no two diagnostics alike.
        const keys = r.diagnostics.map((d) => `${d.line} ${d.message}`);
        expect(new Set(keys).size).toBe(keys.length);
      });
    }
  }
});

describe("balances with several objects", () => {
  it("rejects the whole balance instead of keeping it as its first object's", () => {
    const r = read(
      '#PSALDO 0 202401 3010 {1 "100" 6 "P1"} -50',
      '#OIB 0 1930 {1 "100" 6 "P1"} 10',
      '#PSALDO 0 202401 3010 {1 "100"} -50'
    );
    expect(r.diagnostics).toEqual([
      at(5, "warning", '#PSALDO med 2 objekt ({1 "100" 6 "P1"}) avvisas: ett saldo kan bara knytas till ett objekt'),
      at(6, "warning", '#OIB med 2 objekt ({1 "100" 6 "P1"}) avvisas: ett saldo kan bara knytas till ett objekt')
    ]);
    expect(r.ledger.balances).toEqual([
      {
        kind: "psaldo",
        yearIndex: 0,
        period: "202401",
        account: "3010",
        object: {dim: "1", code: "100"},
        amount: -5000n,
        line: 7
      }
    ]);
    expect(r.counts.balances).toEqual({read: 3, kept: 1, rejected: 2});
  });
});

describe("one problem, one message", () => {
  it("names a row's problems in one message that also says the voucher is rejected", () => {
    const r = read('#VER A 1 20240110 "x"', "{", "#TRANS", "#TRANS 3010 {} 1,5 2024", "}");
    expect(r.diagnostics).toEqual([
      at(7, "error", "Konto saknas, belopp saknas i #TRANS; verifikation A 1 avvisas"),
      at(8, "error", 'Ogiltigt belopp "1,5", ogiltigt datum "2024" i #TRANS')
    ]);
  });

  it("warns about a bad registration date without rejecting the voucher", () => {
    const r = read('#VER A 1 20240110 "x" 2024', "{", "#TRANS 1930 {} 1", "#TRANS 3010 {} -1", "}");
    expect(r.diagnostics).toEqual([at(5, "warning", 'Ogiltigt registreringsdatum "2024" i #VER; det ignoreras')]);
    expect(r.counts.vouchers).toEqual({read: 1, kept: 1, rejected: 0});
  });

  it("calls a file of no SIE records one problem, and an empty file another", () => {
    const garbage = readSie(encodeCp437("hej\n{\n}\n#3 x\n"), "t.se", {strict: true});
    expect(garbage.diagnostics).toEqual([
      at(0, "error", "Filen har inga kända SIE-poster: är det en SIE-fil? (4 rader utan en enda känd #etikett)")
    ]);
    expect(readSie(new Uint8Array(0), "t.se", {strict: true}).diagnostics).toEqual([
      at(0, "error", "Filen är tom: den har inga SIE-poster")
    ]);
  });
});

describe("SIE types 1–4", () => {
  const fixture = (name: string) =>
    readSie(new Uint8Array(readFileSync(new URL(`./fixtures/sie/${name}`, import.meta.url))), name, {strict: true});

  it("reads SIE 1, 2 and 3 (balances only) without a single diagnostic", () => {
    const expected = {
      "jsisie__BL0001_typ1.SE": ["1", 134],
      "jsisie__BL0001_typ2.SE": ["2", 255],
      "jsisie__BL0001_typ3.SE": ["3", 301]
    };
    for (const [name, [kind, balances]] of Object.entries(expected)) {
      const r = fixture(name);
      expect(r.diagnostics, name).toEqual([]);
      expect({kind: r.kind, sieType: r.sieType, encoding: r.encoding}).toEqual({
        kind,
        sieType: kind,
        encoding: "cp437"
      });
      expect(r.counts.balances).toEqual({read: balances, kept: balances, rejected: 0});
      expect(r.counts.vouchers.read).toBe(0);
      expect(r.ledger.fiscalYears.map((y) => [y.yearIndex, y.start, y.end])).toEqual([
        [0, "2009-07-01", "2010-06-30"],
        [-1, "2008-07-01", "2009-06-30"]
      ]);
    }
  });

  it("keeps SIE 2's period balances and SIE 3's object balances", () => {
    const kinds = (name: string) => {
      const count: Record<string, number> = {};
      for (const b of fixture(name).ledger.balances) {
        const key = b.object ? `${b.kind} {${b.object.dim} ${b.object.code}}` : b.kind;
        count[key] = (count[key] ?? 0) + 1;
      }
      return count;
    };
    expect(kinds("jsisie__BL0001_typ2.SE")).toEqual({ib: 54, ub: 54, res: 26, psaldo: 97, pbudget: 24});
    const typ3 = kinds("jsisie__BL0001_typ3.SE");
    expect([typ3.ib, typ3.ub, typ3.res, typ3.psaldo, typ3.pbudget]).toEqual([54, 54, 26, 97, 24]);
    // grep -c on the file: 6 #OIB, 21 #OUB and 19 #PSALDO with an object.
    const withObject = (kind: string) =>
      Object.entries(typ3)
        .filter(([key]) => key.startsWith(`${kind} {`))
        .reduce((n, [, c]) => n + c, 0);
    expect([withObject("oib"), withObject("oub"), withObject("psaldo")]).toEqual([6, 21, 19]);
    // #OIB 0 and #OIB -1 for 1930 {1 "1"}.
    expect(typ3["oib {1 1}"]).toBe(2);
  });

  it("tells 4E from 4I, and lets 4I leave out the dates of #RAR 0", () => {
    expect(fixture("jsisie__BL0001_typ4.SE")).toMatchObject({kind: "4E", sieType: "4", encoding: "cp437"});
    const r = fixture("jsisie__BL0001_typ4I.SI");
    expect(r).toMatchObject({kind: "4I", sieType: "4"});
    expect(r.diagnostics).toEqual([
      {
        file: "jsisie__BL0001_typ4I.SI",
        line: 7,
        severity: "info",
        message:
          "Filen (SIE 4I) anger inget räkenskapsår i #RAR 0, vilket typ 4I tillåter; verifikationerna läses efter sina datum"
      }
    ]);
    expect(r.counts.vouchers).toEqual({read: 1, kept: 1, rejected: 0});
  });

  it("calls #RAR 0 without dates an error in an export (4E)", () => {
    const r = readSie(encodeCp437(["#SIETYP 4", "#RAR 0", "#IB 0 1930 1"].join("\n")), "t.se", {strict: true});
    expect(r.diagnostics).toEqual([at(2, "error", "#RAR 0 ignoreras: datum saknas")]);
    expect(r.kind).toBe("4E");
  });

  it("gives the encoding it read a file in", () => {
    const utf8 = readSie(new TextEncoder().encode('#FORMAT PC8\n#SIETYP 1\n#KONTO 1930 "Företagskonto"\n'), "u.se");
    expect({encoding: utf8.encoding, kind: utf8.kind}).toEqual({encoding: "utf-8", kind: "1"});
  });
});
