// Invariants of the statements for any balanced ledger: with data/mapping/bas.json the balance sheet balances,
// årets resultat equals the change in net assets, and the cash flow ends at kassa och bank — every `check` is ok.
// Also: such a ledger survives writeSie → readSie whole, with the same statements. Runs per property from
// FINSAM_FUZZ_RUNS (default 100).
import {readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readSie} from "../../loaders/sie/read.js";
import {writeSie} from "../../loaders/sie/write.js";
import {accountBalances} from "../../src/lib/balances.js";
import type {Balance, Ledger, Voucher} from "../../src/lib/ledger.js";
import {combineMappings, type MappingFile} from "../../src/lib/mapping.js";
import {buildStatements} from "../../src/lib/statements.js";

const RUNS = Math.max(1, Number(process.env.FINSAM_FUZZ_RUNS) || 100);
const TIMEOUT = Math.max(30_000, RUNS * 50);

const bas: MappingFile = JSON.parse(readFileSync(new URL("../../data/mapping/bas.json", import.meta.url), "utf-8"));
const mapping = combineMappings(bas);

// BAS accounts on every line that bas.json maps, balance sheet and income statement.
const BALANCE_ACCOUNTS = [
  "1220",
  "1510",
  "1630",
  "1810",
  "1910",
  "1930",
  "2010",
  "2091",
  "2210",
  "2350",
  "2440",
  "2710"
];
const RESULT_ACCOUNTS = [
  "3010",
  "3011",
  "3990",
  "4010",
  "5010",
  "6570",
  "7010",
  "7510",
  "7830",
  "7910",
  "8310",
  "8410",
  "8710"
];
const ACCOUNTS = [...BALANCE_ACCOUNTS, ...RESULT_ACCOUNTS];

const ore = fc.bigInt({min: -10_000_000_000n, max: 10_000_000_000n});

/** Rows on the given accounts whose amounts sum to zero: the last row takes the negated sum of the others. */
function balancedRows(accounts: readonly string[], min: number, max: number) {
  return fc.array(fc.tuple(fc.constantFrom(...accounts), ore), {minLength: min - 1, maxLength: max - 1}).chain((rows) =>
    fc.constantFrom(...accounts).map((last) => {
      const sum = rows.reduce((s, [, amount]) => s + amount, 0n);
      return [...rows, [last, -sum] as [string, bigint]];
    })
  );
}

const day = fc.integer({min: 0, max: 365}).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));

const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    opening: balancedRows(BALANCE_ACCOUNTS, 1, 12),
    vouchers: fc.array(fc.record({date: day, rows: balancedRows(ACCOUNTS, 2, 8)}), {maxLength: 40})
  })
  .map(({opening, vouchers}) => {
    const balances: Balance[] = opening.map(([account, amount], i) => ({
      kind: "ib",
      yearIndex: 0,
      account,
      amount,
      line: i + 1
    }));
    const list: Voucher[] = vouchers.map((v, n) => ({
      series: "A",
      number: String(n + 1),
      date: v.date,
      text: `Verifikation ${n + 1}`,
      transactions: v.rows.map(([account, amount]) => ({account, amount, objects: [], kind: "trans", line: 0})),
      line: 0
    }));
    return {
      file: "fuzz.se",
      format: "PC8",
      sieType: "4",
      fiscalYears: [{yearIndex: 0, start: "2024-01-01", end: "2024-12-31"}],
      accounts: ACCOUNTS.map((number) => ({number, name: `Konto ${number}`})),
      dimensions: [],
      objects: [],
      balances,
      vouchers: list
    };
  });

describe("statements of any balanced ledger", () => {
  it(
    "balance, carry the result to equity and reconcile the cash flow (all checks ok)",
    () => {
      fc.assert(
        fc.property(ledgerArb, (ledger) => {
          const statements = buildStatements(accountBalances(ledger), mapping);
          const failed = statements.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.difference}`);
          expect(failed).toEqual([]);
          expect(statements.unmapped).toEqual([]);
        }),
        {numRuns: RUNS}
      );
    },
    TIMEOUT
  );

  it(
    "survive writeSie → readSie whole: nothing rejected, nothing reported, the same statements",
    () => {
      fc.assert(
        fc.property(ledgerArb, (ledger) => {
          const read = readSie(writeSie(ledger), ledger.file, {strict: true});
          expect(read.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
          expect(read.counts.vouchers).toEqual({
            read: ledger.vouchers.length,
            kept: ledger.vouchers.length,
            rejected: 0
          });
          expect(read.counts.balances.rejected).toBe(0);
          const before = buildStatements(accountBalances(ledger), mapping);
          const after = buildStatements(accountBalances(read.ledger), mapping);
          expect(after.br.map((l) => l.value)).toEqual(before.br.map((l) => l.value));
          expect(after.rr.map((l) => l.value)).toEqual(before.rr.map((l) => l.value));
          expect(after.kfa.map((l) => l.value)).toEqual(before.kfa.map((l) => l.value));
        }),
        {numRuns: RUNS}
      );
    },
    TIMEOUT
  );
});
