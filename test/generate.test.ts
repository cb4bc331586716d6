// The ledger reconstruction generator: exact splitting, kronor parsing, and ledgers that balance and carry forward.
import {describe, expect, it} from "vitest";
import {generateLedgers, kronorToOre, splitAmount} from "../loaders/reconstruct/generate.js";
import type {LedgerSpec} from "../loaders/reconstruct/spec.js";
import type {Ledger} from "../src/lib/ledger.js";

describe("splitAmount", () => {
  it("splits into truncated shares and gives the rest to the last part", () => {
    // Shares 333 333 each of 999 999: 33,33 → 33, 33, and 100 − 66 = 34.
    expect(splitAmount(100n, [1, 1, 1])).toEqual([33n, 33n, 34n]);
    expect(splitAmount(-100n, [1, 1, 1])).toEqual([-33n, -33n, -34n]);
    // Shares 333 333 and 666 667 of 1 000 000: 3,33 → 3, and 7.
    expect(splitAmount(10n, [1, 2])).toEqual([3n, 7n]);
    expect(splitAmount(0n, [0.35, 0.75])).toEqual([0n, 0n]);
    expect(splitAmount(1n, [0.75, 0.35, 1.25])).toEqual([0n, 0n, 1n]);
  });

  it("adds up exactly for awkward amounts and weights", () => {
    const amounts = [1n, -1n, 7n, -40_000_001n, 99_999_999_999n, -123_456_789_012_345n, 3n];
    const weights = [
      [1],
      [0.35, 0.75, 1.25],
      [1e-7, 1, 1],
      [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 0.35],
      [1 / 3, 1 / 7, 1 / 11],
      [5, 3, 2]
    ];
    for (const amount of amounts) {
      for (const w of weights) {
        const parts = splitAmount(amount, w);
        expect(parts).toHaveLength(w.length);
        expect(
          parts.reduce((a, b) => a + b, 0n),
          `${amount} by ${w}`
        ).toBe(amount);
      }
    }
  });
});

describe("kronorToOre", () => {
  it("reads decimal kronor to öre", () => {
    expect(kronorToOre("1234.56")).toBe(123_456n);
    expect(kronorToOre("-0.01")).toBe(-1n);
    expect(kronorToOre("100")).toBe(10_000n);
    expect(kronorToOre("-400000.1")).toBe(-40_000_010n);
  });

  it("rejects fractions of an öre", () => {
    expect(() => kronorToOre("1.234")).toThrow(new Error("Beloppet 1.234 har fler än två decimaler"));
    expect(() => kronorToOre("-0.001")).toThrow("Beloppet -0.001 har fler än två decimaler");
  });
});

// 2022: result −400 000,01 − 100 000 + 350 000,03 + 120 000,99 = −29 998,99 kr (a surplus). Bank:
// 100 000 + 29 998,99 − 5 000 (1510 up) + 10 000,50 (2440 up) = 134 999,49 kr.
// 2023: 2010 opens at −80 000 − 29 998,99 = −109 998,99 kr; result −50 000 kr; bank:
// 134 999,49 + 50 000 + 5 000 (1510 back to 0) = 189 999,49 kr.
function makeSpec(): LedgerSpec {
  return {
    forbund: "test",
    companyName: "Samordningsförbundet Test",
    orgNumber: "222000-0000",
    source: "test",
    bankAccount: "1930",
    retainedEarningsAccount: "2010",
    accounts: [
      {number: "1510", name: "Kundfordringar"},
      {number: "1930", name: "Bank"},
      {number: "2010", name: "Eget kapital"},
      {number: "2440", name: "Leverantörsskulder"},
      {number: "3110", name: "Bidrag staten", schedule: "quarterly"},
      {number: "3120", name: "Bidrag regionen", schedule: "yearly"},
      {number: "4010", name: "Insatser", projects: {"202": "0.5", "411": "0.3", "500": "0.2"}},
      {number: "6590", name: "Administration"}
    ],
    projects: {"202": "Projekt A", "411": "Projekt B", "500": "Projekt C"},
    years: [
      {
        year: 2022,
        opening: {"1930": "100000.00", "2010": "-80000", "2440": "-20000"},
        result: {"3110": "-400000.01", "3120": "-100000", "4010": "350000.03", "6590": "120000.99"},
        closing: {"1510": "5000", "2440": "-30000.50", "1930": "134999.49"}
      },
      {
        year: 2023,
        result: {"3110": "-400000", "3120": "-100000", "4010": "300000", "6590": "150000"},
        closing: {"1510": "0", "2440": "-30000.50", "1930": "189999.49"}
      }
    ]
  };
}

const balance = (l: Ledger, kind: string, yearIndex: number, account: string) =>
  l.balances.find((b) => b.kind === kind && b.yearIndex === yearIndex && b.account === account)?.amount ?? 0n;
const rows = (l: Ledger, account: string) =>
  l.vouchers.flatMap((v) => v.transactions.filter((t) => t.account === account));
const total = (l: Ledger, account: string) => rows(l, account).reduce((s, t) => s + t.amount, 0n);

describe("generateLedgers", () => {
  const [l2022, l2023] = generateLedgers(makeSpec());

  it("gives one ledger per year, the later one with the previous year as year −1", () => {
    expect([l2022.file, l2023.file]).toEqual(["test-2022.se", "test-2023.se"]);
    expect(l2022.fiscalYears).toEqual([{yearIndex: 0, start: "2022-01-01", end: "2022-12-31"}]);
    expect(l2023.fiscalYears).toEqual([
      {yearIndex: 0, start: "2023-01-01", end: "2023-12-31"},
      {yearIndex: -1, start: "2022-01-01", end: "2022-12-31"}
    ]);
    // Year −1 of 2023 is year 0 of 2022, balance for balance.
    const year0 = l2022.balances.map((b) => ({...b, yearIndex: -1}));
    expect(l2023.balances.filter((b) => b.yearIndex === -1)).toEqual(year0);
  });

  it("balances every voucher", () => {
    for (const l of [l2022, l2023]) {
      for (const v of l.vouchers)
        expect(
          v.transactions.reduce((s, t) => s + t.amount, 0n),
          `${l.file} ${v.number}`
        ).toBe(0n);
    }
  });

  it("books each result account's amount exactly", () => {
    expect(total(l2022, "3110")).toBe(-40_000_001n);
    expect(total(l2022, "3120")).toBe(-10_000_000n);
    expect(total(l2022, "4010")).toBe(35_000_003n);
    expect(total(l2022, "6590")).toBe(12_000_099n);
    expect(balance(l2022, "res", 0, "4010")).toBe(35_000_003n);
  });

  it("closes every account at #IB plus its movements, the bank at the printed figure", () => {
    for (const l of [l2022, l2023]) {
      for (const b of l.balances.filter((x) => x.kind === "ub" && x.yearIndex === 0)) {
        expect(balance(l, "ib", 0, b.account) + total(l, b.account), `${l.file} ${b.account}`).toBe(b.amount);
      }
    }
    expect(balance(l2022, "ub", 0, "1930")).toBe(13_499_949n);
    expect(balance(l2022, "ub", 0, "2440")).toBe(-3_000_050n);
    expect(balance(l2023, "ub", 0, "1930")).toBe(18_999_949n);
    // 1510 closes 2023 at zero, and zero balances are not written.
    expect(l2023.balances.some((b) => b.kind === "ub" && b.yearIndex === 0 && b.account === "1510")).toBe(false);
  });

  it("carries the year's result to retained earnings in the next year's opening balances", () => {
    // −8 000 000 − 2 999 899 öre.
    expect(balance(l2023, "ib", 0, "2010")).toBe(-10_999_899n);
    expect(balance(l2022, "ub", 0, "2010")).toBe(-8_000_000n);
    // Other balances open where they closed.
    expect(balance(l2023, "ib", 0, "1930")).toBe(13_499_949n);
    expect(balance(l2023, "ib", 0, "1510")).toBe(500_000n);
    const sum = l2023.balances.filter((b) => b.kind === "ib" && b.yearIndex === 0).reduce((s, b) => s + b.amount, 0n);
    expect(sum).toBe(0n);
  });

  it("spreads quarterly, yearly and monthly accounts over 4, 1 and 12 vouchers", () => {
    const vouchersOf = (account: string) =>
      l2022.vouchers.filter((v) => v.transactions.some((t) => t.account === account));
    expect(vouchersOf("3110").map((v) => [v.date, v.text])).toEqual([
      ["2022-01-25", "Bidrag staten kvartal 1 2022"],
      ["2022-04-25", "Bidrag staten kvartal 2 2022"],
      ["2022-07-25", "Bidrag staten kvartal 3 2022"],
      ["2022-10-25", "Bidrag staten kvartal 4 2022"]
    ]);
    expect(vouchersOf("3120").map((v) => [v.date, v.text])).toEqual([["2022-01-25", "Bidrag regionen 2022"]]);
    expect(vouchersOf("6590")).toHaveLength(12);
    expect(vouchersOf("6590")[6].text).toBe("Administration juli 2022");
    // Year-end vouchers bring balance accounts to their closing balance through the bank.
    expect(vouchersOf("2440").map((v) => [v.date, v.text, v.transactions.map((t) => [t.account, t.amount])])).toEqual([
      [
        "2022-12-31",
        "Bokslut 2022: Leverantörsskulder",
        [
          ["2440", -1_000_050n],
          ["1930", 1_000_050n]
        ]
      ]
    ]);
    // Numbered in date order.
    expect(l2022.vouchers.map((v) => v.number)).toEqual(l2022.vouchers.map((_, i) => String(i + 1)));
    expect([...l2022.vouchers].sort((a, b) => a.date.localeCompare(b.date))).toEqual(l2022.vouchers);
  });

  it("splits project accounts into one row per dimension 6 object by share", () => {
    const projectRows = rows(l2022, "4010");
    expect(projectRows).toHaveLength(36);
    expect(new Set(projectRows.map((t) => JSON.stringify(t.objects)))).toEqual(
      new Set(["202", "411", "500"].map((code) => JSON.stringify([{dim: "6", code}])))
    );
    const byProject = (code: string) =>
      projectRows.filter((t) => t.objects[0].code === code).reduce((s, t) => s + t.amount, 0n);
    // Each project's year total is split off first, then spread over the months on its own, so the totals are
    // exact: 35 000 003 öre × 0,5 → 17 500 001, × 0,3 → 10 500 000 (truncated), and the rest 7 000 002.
    expect([byProject("202"), byProject("411"), byProject("500")]).toEqual([17_500_001n, 10_500_000n, 7_000_002n]);
    expect(byProject("202") + byProject("411") + byProject("500")).toBe(35_000_003n);
    expect(l2022.dimensions).toEqual([{dim: "6", name: "Projekt"}]);
    expect(l2022.objects).toEqual([
      {dim: "6", code: "202", name: "Projekt A"},
      {dim: "6", code: "411", name: "Projekt B"},
      {dim: "6", code: "500", name: "Projekt C"}
    ]);
  });

  it("throws when the bank does not close at the printed figure", () => {
    const spec = makeSpec();
    spec.years[0].closing["1930"] = "134999.48";
    expect(() => generateLedgers(spec)).toThrow(
      new Error("test 2022: kassa och bank blir 13499949 öre men ska vara 13499948 öre (differens 1 öre)")
    );
  });

  it("throws when the opening balances do not sum to zero", () => {
    const spec = makeSpec();
    spec.years[0].opening!["1930"] = "100000.01";
    expect(() => generateLedgers(spec)).toThrow(new Error("test: ingående balanser summerar till 1 öre, inte 0"));
  });

  it("throws on a result account missing from the account list", () => {
    const spec = makeSpec();
    spec.years[1].result["9999"] = "1";
    expect(() => generateLedgers(spec)).toThrow(new Error("test 2023: konto 9999 saknas i kontolistan"));
  });

  it("gives identical ledgers from the same spec", () => {
    expect(generateLedgers(makeSpec())).toEqual(generateLedgers(makeSpec()));
    // The seed is the förbund, year and account: another förbund spreads the same amounts differently.
    const other = generateLedgers({...makeSpec(), forbund: "annat"});
    expect(rows(other[0], "6590").map((t) => t.amount)).not.toEqual(rows(l2022, "6590").map((t) => t.amount));
  });
});
