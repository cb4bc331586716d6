// The account-balances table (loaders/ledger-tables.ts) read without DuckDB: the statements need only each account's
// opening balance and movement, a few thousand rows however many vouchers the ledgers hold, so the statements show
// as soon as this small file arrives and a change of year is a lookup.
import {tableFromIPC} from "apache-arrow";
import type {AccountBalance} from "./statements.js";

/** A förbund's ledger year. */
export interface ForbundYear {
  forbund: string;
  year: number;
}

/** Each account's balance per förbund and year, looked up by förbund and year. */
export interface AccountBalanceIndex {
  /** The accounts of one förbund's year, in account order; none for a year without a ledger. */
  balancesFor(forbund: string, year: number): AccountBalance[];
  /** The förbund and years with a ledger, in order. */
  years(): ForbundYear[];
}

/** Indexes rows of the account-balances table by förbund and year. */
export function indexAccountBalances(rows: Iterable<ForbundYear & AccountBalance>): AccountBalanceIndex {
  const byYear = new Map<string, AccountBalance[]>();
  const years: ForbundYear[] = [];
  for (const {forbund, year, account, name, opening, movement} of rows) {
    const key = `${forbund}|${year}`;
    let list = byYear.get(key);
    if (!list) {
      byYear.set(key, (list = []));
      years.push({forbund, year});
    }
    list.push({account, name, opening, movement});
  }
  for (const list of byYear.values()) list.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  years.sort((a, b) => (a.forbund < b.forbund ? -1 : a.forbund > b.forbund ? 1 : a.year - b.year));
  return {
    // Copies, so a page that sorts or edits its rows cannot change another year's.
    balancesFor: (forbund, year) => (byYear.get(`${forbund}|${year}`) ?? []).map((b) => ({...b})),
    years: () => years.map((y) => ({...y}))
  };
}

/** Reads the account-balances table from an Arrow IPC stream. */
export function readAccountBalances(bytes: Uint8Array): AccountBalanceIndex {
  const table = tableFromIPC(bytes);
  const column = <T>(name: string): T[] => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`Kolumnen ${name} saknas i saldotabellen`);
    return [...vector] as T[];
  };
  const forbund = column<string>("forbund");
  const year = column<number>("year");
  const account = column<string>("account");
  const name = column<string | null>("name");
  const opening = column<bigint>("opening");
  const movement = column<bigint>("movement");
  return indexAccountBalances(
    forbund.map((f, i) => ({
      forbund: f,
      year: year[i],
      account: account[i],
      name: name[i] ?? "",
      opening: opening[i],
      movement: movement[i]
    }))
  );
}
