// Queries on the ledger tables in DuckDB: account balances per year, the accounts behind a line, the vouchers behind an account.
import type {AccountBalance} from "../lib/statements.js";
import {loadTables, query, type ArrowSource} from "./duckdb.js";

/** Loads the ledger tables (transactions, balances, accounts) into DuckDB. */
export async function loadLedger(files: {transactions: ArrowSource; balances: ArrowSource; accounts: ArrowSource}) {
  await loadTables(files);
}

/** Opening balance and movement per account for one förbund and year. */
export async function accountBalancesFor(forbund: string, year: number): Promise<AccountBalance[]> {
  const rows = await query<{account: string; name: string | null; opening: bigint; movement: bigint}>(
    `WITH ib AS (SELECT account, SUM(amount_ore)::BIGINT AS opening FROM balances WHERE forbund = ? AND year = ? AND kind = 'ib' GROUP BY account),
          mv AS (SELECT account, SUM(amount_ore)::BIGINT AS movement FROM transactions WHERE forbund = ? AND year = ? GROUP BY account),
          nm AS (SELECT account, any_value(name) AS name FROM accounts WHERE forbund = ? AND year = ? GROUP BY account)
     SELECT account, nm.name, COALESCE(ib.opening, 0)::BIGINT AS opening, COALESCE(mv.movement, 0)::BIGINT AS movement
     FROM ib FULL OUTER JOIN mv USING (account) LEFT JOIN nm USING (account) ORDER BY account`,
    [forbund, year, forbund, year, forbund, year]
  );
  return rows.map((r) => ({
    account: r.account,
    name: r.name ?? "",
    opening: BigInt(r.opening),
    movement: BigInt(r.movement)
  }));
}

/** The years with a ledger, per förbund. */
export async function ledgerYears(): Promise<{forbund: string; year: number}[]> {
  return query(
    `SELECT DISTINCT forbund, year FROM balances UNION SELECT DISTINCT forbund, year FROM transactions ORDER BY 1, 2`
  );
}

export interface VoucherRow {
  series: string;
  number: string;
  date: string;
  voucher_text: string;
  account: string;
  amount_ore: bigint;
  project: string | null;
}

/** The transaction rows of some accounts in one year, for the drill-down from a line to its vouchers. */
export async function transactionsFor(forbund: string, year: number, accounts: string[]): Promise<VoucherRow[]> {
  if (!accounts.length) return [];
  const list = accounts.map(() => "?").join(", ");
  return query<VoucherRow>(
    `SELECT series, number, date, voucher_text, account, amount_ore, project FROM transactions
     WHERE forbund = ? AND year = ? AND account IN (${list}) ORDER BY date, series, TRY_CAST(number AS INTEGER), account`,
    [forbund, year, ...accounts]
  );
}
