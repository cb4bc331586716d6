// Builds a reconstructed general ledger from a LedgerSpec: monthly vouchers for every result account,
// paid through the bank account, and year-end vouchers that bring each balance account to its closing balance.
import {Decimal} from "decimal.js";
import {MONTHS} from "../../src/lib/format.js";
import {uniformFor} from "../../src/lib/random.js";
import type {Balance, Ledger, Transaction, Voucher} from "../../src/lib/ledger.js";
import type {LedgerSpec, SpecAccount, SpecYear} from "./spec.js";

/** Kronor as a decimal string to öre; throws on anything that is not a whole number of öre. */
export function kronorToOre(text: string): bigint {
  const d = new Decimal(text).times(100);
  if (!d.isInteger()) throw new Error(`Beloppet ${text} har fler än två decimaler`);
  return BigInt(d.toFixed(0));
}

/** Splits an amount in öre into parts with the given weights; the parts add up to the amount exactly. */
export function splitAmount(amount: bigint, weights: number[]): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0);
  // Weights are turned into integer shares first, so that the split is exact in integer öre.
  const shares = weights.map((w) => BigInt(Math.round((w / total) * 1e6)));
  const shareSum = shares.reduce((a, b) => a + b, 0n);
  const parts = shares.map((s) => (amount * s) / shareSum);
  parts[parts.length - 1] += amount - parts.reduce((a, b) => a + b, 0n);
  return parts;
}

function periods(account: SpecAccount): number[] {
  switch (account.schedule ?? "monthly") {
    case "yearly":
      return [0];
    case "quarterly":
      return [0, 3, 6, 9];
    default:
      return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  }
}

function dateOf(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The rows of one voucher part on an account: one per project with its exact öre, or one without a project. */
function exactRows(account: SpecAccount, amount: bigint, shares: [string, bigint][]): Transaction[] {
  if (!shares.length) return [{account: account.number, amount, objects: [], kind: "trans", line: 0}];
  return shares.map(([code, part]) => ({
    account: account.number,
    amount: part,
    objects: [{dim: "6", code}],
    kind: "trans",
    line: 0
  }));
}

/** Per project, the exact öre a result account gets this year; empty when the account has no projects. */
function projectAmounts(spec: LedgerSpec, year: SpecYear, account: SpecAccount, amount: bigint): Map<string, bigint> {
  const exact = year.projects?.[account.number];
  if (exact) {
    const amounts = new Map(Object.entries(exact).map(([code, kr]) => [code, kronorToOre(kr)]));
    const sum = [...amounts.values()].reduce((a, b) => a + b, 0n);
    if (sum !== amount)
      throw new Error(
        `${spec.forbund} ${year.year}: projekten på konto ${account.number} summerar till ${sum} öre, kontot till ${amount} öre`
      );
    return amounts;
  }
  const shares = Object.entries(account.projects ?? {});
  if (!shares.length) return new Map();
  const parts = splitAmount(
    amount,
    shares.map(([, share]) => Number(share))
  );
  return new Map(shares.map(([code], i) => [code, parts[i]]));
}

interface YearResult {
  vouchers: Voucher[];
  opening: Map<string, bigint>;
  closing: Map<string, bigint>;
  result: Map<string, bigint>;
}

function toMap(record: Record<string, string> | undefined): Map<string, bigint> {
  return new Map(Object.entries(record ?? {}).map(([k, v]) => [k, kronorToOre(v)]));
}

function generateYear(spec: LedgerSpec, year: SpecYear, opening: Map<string, bigint>): YearResult {
  const accounts = new Map(spec.accounts.map((a) => [a.number, a]));
  const result = toMap(year.result);
  const target = toMap(year.closing);
  const vouchers: Voucher[] = [];
  const drafts: {date: string; text: string; rows: Transaction[]}[] = [];
  for (const [number, amount] of result) {
    const account = accounts.get(number);
    if (!account) throw new Error(`${spec.forbund} ${year.year}: konto ${number} saknas i kontolistan`);
    const months = periods(account);
    const rand = uniformFor(`${spec.forbund}:${year.year}:${number}`);
    // Spending varies by month and dips in July, as it does in the förbund's own burn charts.
    const weights = year.months?.[number] ?? months.map((m) => (m === 6 ? 0.35 : 0.75 + 0.5 * rand()));
    if (weights.length !== months.length)
      throw new Error(
        `${spec.forbund} ${year.year}: konto ${number} har ${weights.length} månadsvikter, ${months.length} perioder`
      );
    // Each project is spread over the months on its own, so that every project's year total is exact.
    const byProject = projectAmounts(spec, year, account, amount);
    const monthly = byProject.size
      ? [...byProject].map(([code, total]) => [code, splitAmount(total, weights)] as const)
      : [["", splitAmount(amount, weights)] as const];
    months.forEach((_, i) => {
      const part = monthly.reduce((s, [, parts]) => s + parts[i], 0n);
      const shares = byProject.size
        ? monthly.map(([code, parts]) => [code, parts[i]] as [string, bigint]).filter(([, p]) => p !== 0n)
        : [];
      if (part === 0n && !shares.length) return;
      const month = months[i];
      const when =
        account.schedule === "quarterly"
          ? `kvartal ${month / 3 + 1}`
          : account.schedule === "yearly"
            ? ""
            : MONTHS[month];
      drafts.push({
        date: dateOf(year.year, month, 25),
        text: `${account.name} ${when} ${year.year}`.replace(/\s+/g, " "),
        rows: [
          ...exactRows(account, part, shares),
          {account: spec.bankAccount, amount: -part, objects: [], kind: "trans", line: 0}
        ]
      });
    });
  }
  const closing = new Map(opening);
  for (const [number, value] of target) {
    if (number === spec.bankAccount) continue;
    const delta = value - (opening.get(number) ?? 0n);
    closing.set(number, value);
    if (delta === 0n) continue;
    const name = accounts.get(number)?.name ?? number;
    drafts.push({
      date: dateOf(year.year, 11, 31),
      text: `Bokslut ${year.year}: ${name}`,
      rows: [
        {account: number, amount: delta, objects: [], kind: "trans", line: 0},
        {account: spec.bankAccount, amount: -delta, objects: [], kind: "trans", line: 0}
      ]
    });
  }
  drafts.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
  drafts.forEach((d, i) =>
    vouchers.push({series: "A", number: String(i + 1), date: d.date, text: d.text, transactions: d.rows, line: 0})
  );
  const bank =
    (opening.get(spec.bankAccount) ?? 0n) +
    vouchers
      .flatMap((v) => v.transactions)
      .filter((t) => t.account === spec.bankAccount)
      .reduce((s, t) => s + t.amount, 0n);
  closing.set(spec.bankAccount, bank);
  const printedBank = target.get(spec.bankAccount);
  if (printedBank !== undefined && printedBank !== bank) {
    throw new Error(
      `${spec.forbund} ${year.year}: kassa och bank blir ${bank} öre men ska vara ${printedBank} öre (differens ${bank - printedBank} öre)`
    );
  }
  return {vouchers, opening, closing, result};
}

/** The opening balances of the year after, with the year's result carried to retained earnings. */
function carryForward(spec: LedgerSpec, y: YearResult): Map<string, bigint> {
  const next = new Map(y.closing);
  const total = [...y.result.values()].reduce((a, b) => a + b, 0n);
  next.set(spec.retainedEarningsAccount, (next.get(spec.retainedEarningsAccount) ?? 0n) + total);
  return next;
}

/** One ledger per fiscal year in the spec, each with the previous year's balances as year −1. */
export function generateLedgers(spec: LedgerSpec): Ledger[] {
  const years: YearResult[] = [];
  let opening = toMap(spec.years[0].opening);
  const openingSum = [...opening.values()].reduce((a, b) => a + b, 0n);
  if (openingSum !== 0n) throw new Error(`${spec.forbund}: ingående balanser summerar till ${openingSum} öre, inte 0`);
  for (const year of spec.years) {
    const y = generateYear(spec, year, opening);
    years.push(y);
    opening = carryForward(spec, y);
  }
  return years.map((y, i) => toLedger(spec, spec.years[i].year, y, years[i - 1]));
}

function balancesOf(y: YearResult, yearIndex: number): Balance[] {
  const rows: Balance[] = [];
  for (const [account, amount] of [...y.opening].sort())
    if (amount !== 0n) rows.push({kind: "ib", yearIndex, account, amount, line: 0});
  for (const [account, amount] of [...y.closing].sort())
    if (amount !== 0n) rows.push({kind: "ub", yearIndex, account, amount, line: 0});
  for (const [account, amount] of [...y.result].sort())
    if (amount !== 0n) rows.push({kind: "res", yearIndex, account, amount, line: 0});
  return rows;
}

function toLedger(spec: LedgerSpec, year: number, y: YearResult, previous: YearResult | undefined): Ledger {
  const fiscalYears = [{yearIndex: 0, start: `${year}-01-01`, end: `${year}-12-31`}];
  if (previous) fiscalYears.push({yearIndex: -1, start: `${year - 1}-01-01`, end: `${year - 1}-12-31`});
  return {
    file: `${spec.forbund}-${year}.se`,
    program: "Finsam Analys rekonstruktion",
    // A fixed generation date keeps the committed files byte-identical when they are regenerated.
    generated: `${year + 1}-02-15`,
    format: "PC8",
    sieType: "4",
    companyName: spec.companyName,
    orgNumber: spec.orgNumber,
    fiscalYears,
    accounts: spec.accounts.map((a) => ({number: a.number, name: a.name})),
    dimensions: spec.projects ? [{dim: "6", name: "Projekt"}] : [],
    objects: Object.entries(spec.projects ?? {}).map(([code, name]) => ({dim: "6", code, name})),
    balances: [...balancesOf(y, 0), ...(previous ? balancesOf(previous, -1) : [])],
    vouchers: y.vouchers
  };
}
