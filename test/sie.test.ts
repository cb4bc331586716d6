// The four real SIE files in test/fixtures/sie, with figures worked out by hand (grep/awk on the files, not this
// reader): `grep -c '^#VER'` for vouchers, and for an account the awk sum of the amount field of its #TRANS lines
// after removing the object list.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readSie, type SieResult} from "../loaders/sie/index.js";

const DIR = new URL("./fixtures/sie/", import.meta.url);

function read(name: string): SieResult {
  return readSie(readFileSync(new URL(name, DIR)), name);
}

/** Sum in öre of an account's #TRANS rows (not #RTRANS/#BTRANS) over the kept vouchers. */
function transSum(result: SieResult, account: string): bigint {
  let sum = 0n;
  for (const v of result.ledger.vouchers) {
    for (const t of v.transactions) if (t.kind === "trans" && t.account === account) sum += t.amount;
  }
  return sum;
}

function transCount(result: SieResult, account: string): number {
  return result.ledger.vouchers
    .flatMap((v) => v.transactions)
    .filter((t) => t.kind === "trans" && t.account === account).length;
}

function balance(result: SieResult, kind: string, yearIndex: number, account: string): bigint | undefined {
  return result.ledger.balances.find(
    (b) => b.kind === kind && b.yearIndex === yearIndex && b.account === account && !b.object
  )?.amount;
}

function errors(result: SieResult) {
  return result.diagnostics.filter((d) => d.severity === "error");
}

function consistentCounts(result: SieResult): void {
  for (const c of Object.values(result.counts)) expect(c.read).toBe(c.kept + c.rejected);
}

describe("BL Administration (jsisie__BL0001_typ4.SE)", () => {
  const r = read("jsisie__BL0001_typ4.SE");

  it("reads without errors or warnings", () => {
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    consistentCounts(r);
  });

  it("has the 84 vouchers of the file and all 414 rows (405 #TRANS, 6 #RTRANS, 3 #BTRANS)", () => {
    expect(r.ledger.vouchers).toHaveLength(84);
    expect(r.counts.vouchers).toEqual({read: 84, kept: 84, rejected: 0});
    expect(r.counts.transactions).toEqual({read: 414, kept: 414, rejected: 0});
    const kinds = r.ledger.vouchers.flatMap((v) => v.transactions.map((t) => t.kind));
    expect(kinds.filter((k) => k === "trans")).toHaveLength(405);
    expect(kinds.filter((k) => k === "rtrans")).toHaveLength(6);
    expect(kinds.filter((k) => k === "btrans")).toHaveLength(3);
  });

  it("sums account 1930: 51 rows, 245 436,17 kr; #IB 623 579,28 + 245 436,17 = #UB 869 015,45", () => {
    expect(transCount(r, "1930")).toBe(51);
    expect(transSum(r, "1930")).toBe(24543617n);
    expect(balance(r, "ib", 0, "1930")).toBe(62357928n);
    expect(balance(r, "ub", 0, "1930")).toBe(86901545n);
  });

  it("sums account 2440: -37 696,31 + -34 077,00 = -71 773,31", () => {
    expect(transSum(r, "2440")).toBe(-3407700n);
    expect(balance(r, "ib", 0, "2440")).toBe(-3769631n);
    expect(balance(r, "ub", 0, "2440")).toBe(-7177331n);
  });

  it("reads voucher series #, object lists and an #OIB object", () => {
    expect(r.ledger.vouchers[0]).toMatchObject({series: "#", number: "1", date: "2009-07-31", regDate: "2009-12-02"});
    const a9 = r.ledger.vouchers.find((v) => v.series === "A" && v.number === "9")!;
    expect(a9.transactions[1].objects).toEqual([
      {dim: "1", code: "1100"},
      {dim: "6", code: "1118"}
    ]);
    const oib = r.ledger.balances.find((b) => b.kind === "oib")!;
    expect(oib).toMatchObject({yearIndex: 0, account: "1930", object: {dim: "1", code: "1"}, amount: 760000n});
    expect(r.ledger.dimensions.map((d) => d.dim)).toEqual(["1", "2", "6"]);
    expect(r.ledger.companyName).toBe("SEEE Speak Easy Executive English AB");
    expect(r.ledger.objects.find((o) => o.dim === "1" && o.code === "10")?.name).toBe("Östervåla");
  });
});

describe("Norstedts Bokslut (jsisie__Bokslut_Norstedts_SIE_4E.se)", () => {
  const r = read("jsisie__Bokslut_Norstedts_SIE_4E.se");

  it("reads without errors; its #KSUMMA 854227682 verifies", () => {
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    consistentCounts(r);
  });

  it("has 177 vouchers and 678 rows", () => {
    expect(r.ledger.vouchers).toHaveLength(177);
    expect(r.counts.transactions).toEqual({read: 678, kept: 678, rejected: 0});
  });

  it("sums account 1930: 85 rows, 1 058 043,04 kr; #IB 1 254 288,77 + 1 058 043,04 = #UB 2 312 331,81", () => {
    expect(transCount(r, "1930")).toBe(85);
    expect(transSum(r, "1930")).toBe(105804304n);
    expect(balance(r, "ib", 0, "1930")).toBe(125428877n);
    expect(balance(r, "ub", 0, "1930")).toBe(231233181n);
  });

  it("sums account 3010 to its #RES: -2 382 484,80", () => {
    expect(transSum(r, "3010")).toBe(-238248480n);
    expect(balance(r, "res", 0, "3010")).toBe(-238248480n);
  });

  it("reads tab-separated, unquoted Swedish text", () => {
    expect(r.ledger.vouchers[0]).toMatchObject({series: "A", number: "1", date: "2009-07-01", text: "Återföring"});
    expect(r.ledger.program).toBe("Norstedts Bokslut 2011.2.1");
  });
});

describe("Fortnox (jsisie__Sie4.si)", () => {
  const r = read("jsisie__Sie4.si");

  it("reads without errors", () => {
    expect(errors(r)).toEqual([]);
    consistentCounts(r);
  });

  it("has 165 vouchers and 869 rows", () => {
    expect(r.ledger.vouchers).toHaveLength(165);
    expect(r.counts.transactions).toEqual({read: 869, kept: 869, rejected: 0});
  });

  it("sums account 1930: 89 rows, 197 154,00 kr", () => {
    expect(transCount(r, "1930")).toBe(89);
    expect(transSum(r, "1930")).toBe(19715400n);
  });

  it("keeps account 1111 at #IB = #UB = 3 390 000,00 with no transactions", () => {
    expect(transCount(r, "1111")).toBe(0);
    expect(balance(r, "ib", 0, "1111")).toBe(339000000n);
    expect(balance(r, "ub", 0, "1111")).toBe(339000000n);
  });

  it("warns (29 accounts, by awk) where the file repeats #IB as #UB despite a year of vouchers", () => {
    const warnings = r.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings).toHaveLength(29);
    expect(warnings).toContainEqual({
      file: "jsisie__Sie4.si",
      line: 339,
      severity: "warning",
      message:
        "Konto 1930: #UB år 0 är 3 438 419,50 kr men #IB plus årets verifikationer ger 3 635 573,50 kr " +
        "(differens -197 154,00 kr)"
    });
  });

  it("reads an empty #ORGNR as absent and quoted series and numbers", () => {
    expect(r.ledger.orgNumber).toBeUndefined();
    expect(r.ledger.vouchers[0]).toMatchObject({series: "A", number: "1", date: "2010-01-05", text: "Reseutlägg"});
  });
});

describe("Avendo (jsisie__transaktioner_ovnbolag.se)", () => {
  const r = read("jsisie__transaktioner_ovnbolag.se");

  it("reads without errors or warnings", () => {
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    consistentCounts(r);
  });

  it("has 163 vouchers, 671 rows and 2 174 balance records", () => {
    expect(r.ledger.vouchers).toHaveLength(163);
    expect(r.counts.transactions).toEqual({read: 671, kept: 671, rejected: 0});
    // 55 #IB + 62 #UB + 104 #RES + 705 #PSALDO + 1248 #PBUDGET, by grep -c.
    expect(r.counts.balances).toEqual({read: 2174, kept: 2174, rejected: 0});
  });

  it("sums account 1930: 47 rows, 439 702,36 kr; #IB 1 071 347,58 + 439 702,36 = #UB 1 511 049,94", () => {
    expect(transCount(r, "1930")).toBe(47);
    expect(transSum(r, "1930")).toBe(43970236n);
    expect(balance(r, "ib", 0, "1930")).toBe(107134758n);
    expect(balance(r, "ub", 0, "1930")).toBe(151104994n);
  });

  it("sums account 2440: -199 491,80 + -539 362,50 = -738 854,30", () => {
    expect(transSum(r, "2440")).toBe(-53936250n);
    expect(balance(r, "ub", 0, "2440")).toBe(-73885430n);
  });

  it("reads #PSALDO with period, #KTYP, #SRU and #VALUTA", () => {
    const p = r.ledger.balances.find((b) => b.kind === "psaldo")!;
    expect(p).toMatchObject({yearIndex: 0, period: "201102", account: "1221", amount: 1396000n});
    expect(p.object).toBeUndefined();
    expect(r.ledger.accounts.find((a) => a.number === "1010")).toEqual({
      number: "1010",
      name: "Balanserade utgifter",
      type: "T",
      sru: "7201"
    });
    expect(r.ledger.currency).toBe("SEK");
    expect(r.ledger.fiscalYears).toEqual([
      {yearIndex: 0, start: "2011-01-01", end: "2011-12-31"},
      {yearIndex: -1, start: "2010-01-01", end: "2010-12-31"}
    ]);
  });
});
