// The ledgers in the page: account balances per year for the statements, read from a small Arrow file without
// DuckDB, and the vouchers behind an account, fetched from their partition only when asked for.
import {readAccountBalances, type AccountBalanceIndex, type ForbundYear} from "../lib/account-balances.js";
import type {VoucherRow} from "../lib/partition-index.js";
import type {VoucherPage} from "../lib/voucher-pages.js";
import type {AccountBalance} from "../lib/statements.js";
import {arrowBytes, type ArrowSource} from "./arrow-source.js";

let index: AccountBalanceIndex | undefined;

/** Loads the account-balances table (data/account-balances.arrows). */
export async function loadLedger(files: {accountBalances: ArrowSource}): Promise<void> {
  index = readAccountBalances(await arrowBytes("account_balances", files.accountBalances));
}

/** The loaded table; a page that asks before loadLedger has a bug, which this names. */
function loaded(): AccountBalanceIndex {
  if (!index) throw new Error("Huvudböckernas saldon är inte inlästa (loadLedger)");
  return index;
}

/** Opening balance and movement per account for one förbund and year. */
export async function accountBalancesFor(forbund: string, year: number): Promise<AccountBalance[]> {
  return loaded().balancesFor(forbund, year);
}

/** The years with a ledger, per förbund. */
export async function ledgerYears(): Promise<ForbundYear[]> {
  return loaded().years();
}

/** The transaction rows of some accounts in one year, for the drill-down from a line to its vouchers. */
export async function transactionsFor(forbund: string, year: number, accounts: string[]): Promise<VoucherRow[]> {
  if (!accounts.length) return [];
  const {vouchersFor} = await import("./vouchers.js");
  return vouchersFor(forbund, year, accounts);
}

/** What the drill-down has fetched of a year's voucher partition so far: requests, bytes received, partition size. */
export async function voucherTransferFor(forbund: string, year: number) {
  const {partitionTransfer} = await import("./vouchers.js");
  return partitionTransfer(forbund, year);
}

/** One page of an account's vouchers with the account's row count (components/vouchers.ts, imported when needed). */
export async function voucherPageFor(
  forbund: string,
  year: number,
  account: string,
  offset: number,
  limit: number
): Promise<VoucherPage> {
  const {voucherPageFor} = await import("./vouchers.js");
  return voucherPageFor(forbund, year, account, offset, limit);
}
