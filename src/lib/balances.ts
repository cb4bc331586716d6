// Account balances per fiscal year, from a ledger's opening balances and vouchers.
import {DIM_COST_CENTER, DIM_PROJECT, objectCode, type FiscalYear, type Ledger, type Voucher} from "./ledger.js";
import type {AccountBalance} from "./statements.js";
import {toUtfallRow, type UtfallRow} from "./drift.js";
import type {Mapping} from "./mapping.js";
import {voucherColumns} from "./voucher-columns.js";

/**
 * Movements summed per voucher date and account as vouchers arrive, for a reader that streams them (readSieStream's
 * onVoucher) instead of keeping them: the sums are a few thousand numbers however long the ledger, and the fiscal
 * year, known only at the end of the file, picks its dates afterwards.
 */
export class MovementSums {
  private readonly byDate = new Map<string, {vouchers: number; accounts: Map<string, bigint>}>();

  /** Adds one voucher's #TRANS rows. */
  add(voucher: Voucher): void {
    let day = this.byDate.get(voucher.date);
    if (!day) this.byDate.set(voucher.date, (day = {vouchers: 0, accounts: new Map()}));
    day.vouchers++;
    for (const t of voucher.transactions)
      if (t.kind === "trans") day.accounts.set(t.account, (day.accounts.get(t.account) ?? 0n) + t.amount);
  }

  /** The vouchers dated within a fiscal year, and their movement per account. */
  forYear(fy: FiscalYear): {vouchers: number; movements: Map<string, bigint>} {
    const movements = new Map<string, bigint>();
    let vouchers = 0;
    for (const [date, day] of this.byDate) {
      if (date < fy.start || date > fy.end) continue;
      vouchers += day.vouchers;
      for (const [account, amount] of day.accounts) movements.set(account, (movements.get(account) ?? 0n) + amount);
    }
    return {vouchers, movements};
  }
}

/**
 * Opening balance and movement of every account for one fiscal year of a ledger (yearIndex 0 = current), from its
 * vouchers (read from their columns while they have not been made objects) or, when they were streamed rather than
 * kept, from their sums.
 */
export function accountBalances(
  ledger: Ledger,
  yearIndex = 0,
  streamed?: Pick<MovementSums, "forYear">
): AccountBalance[] {
  const fy = ledger.fiscalYears.find((y) => y.yearIndex === yearIndex);
  if (!fy) return [];
  const names = new Map(ledger.accounts.map((a) => [a.number, a.name]));
  const rows = new Map<string, AccountBalance>();
  const row = (account: string) => {
    let r = rows.get(account);
    if (!r) rows.set(account, (r = {account, name: names.get(account) ?? "", opening: 0n, movement: 0n}));
    return r;
  };
  for (const b of ledger.balances)
    if (b.kind === "ib" && b.yearIndex === yearIndex && !b.object) row(b.account).opening += b.amount;
  // Vouchers still in the reader's columns are summed there, without making an object of each.
  const columns = streamed ? undefined : voucherColumns(ledger);
  let sums = streamed ?? (columns && {forYear: (fy: FiscalYear) => columns.transSums(fy.start, fy.end)});
  if (!sums) {
    const all = new MovementSums();
    for (const v of ledger.vouchers) all.add(v);
    sums = all;
  }
  const {vouchers, movements} = sums.forYear(fy);
  if (vouchers) {
    for (const [account, amount] of movements) row(account).movement += amount;
  } else {
    // A year with no vouchers (year −1 of an export) moves by its closing balances and results instead.
    for (const b of ledger.balances) {
      if (b.yearIndex !== yearIndex || b.object) continue;
      if (b.kind === "ub") row(b.account).movement += b.amount;
      if (b.kind === "ib") row(b.account).movement -= b.amount;
      if (b.kind === "res") row(b.account).movement += b.amount;
    }
  }
  return [...rows.values()].sort((a, b) => a.account.localeCompare(b.account));
}

/** One account's movement in one month of a fiscal year, per project (dimension 6) and kostnadsställe (dimension 1). */
export interface MonthlyMovement {
  account: string;
  month: number;
  project: string | null;
  costCenter: string | null;
  amount: bigint;
}

/** The movements of a fiscal year summed per account, month, project and kostnadsställe, in the order first met. */
export function monthlyMovements(ledger: Ledger, yearIndex = 0): MonthlyMovement[] {
  const fy = ledger.fiscalYears.find((y) => y.yearIndex === yearIndex);
  if (!fy) return [];
  const rows = new Map<string, MonthlyMovement>();
  for (const v of ledger.vouchers) {
    // Dated outside the year, a voucher counts in no year's balances (as in accountBalances).
    if (v.date < fy.start || v.date > fy.end) continue;
    for (const t of v.transactions) {
      if (t.kind !== "trans") continue;
      const project = objectCode(t, DIM_PROJECT);
      const costCenter = objectCode(t, DIM_COST_CENTER);
      const month = Number((t.date ?? v.date).slice(5, 7));
      const key = `${t.account}|${month}|${project}|${costCenter}`;
      const row = rows.get(key);
      if (row) row.amount += t.amount;
      else rows.set(key, {account: t.account, month, project, costCenter, amount: t.amount});
    }
  }
  return [...rows.values()];
}

/** The result-account movements of a fiscal year per project (dimension 6), cost category and month. */
export function utfallRows(ledger: Ledger, mapping: Mapping, yearIndex = 0): UtfallRow[] {
  return monthlyMovements(ledger, yearIndex)
    .map((r) => toUtfallRow(mapping, r))
    .filter((a): a is UtfallRow => a !== null);
}
