// Typed records of a general ledger, shared by the readers (loaders/), the statements (src/lib/) and the pages.
// Money is integer öre as bigint, debit positive and credit negative, as in SIE.

/** A reference to an object (dimension member) such as kostnadsställe 1 "100" or projekt 6 "202". */
export interface ObjectRef {
  dim: string;
  code: string;
}

/** One #TRANS, #RTRANS or #BTRANS row of a voucher. */
export interface Transaction {
  account: string;
  amount: bigint;
  objects: ObjectRef[];
  /** Transaction date when it differs from the voucher's (YYYY-MM-DD). */
  date?: string;
  text?: string;
  quantity?: string;
  /** "trans" counts in the balance; "rtrans" (added) and "btrans" (removed) are audit trail rows. */
  kind: "trans" | "rtrans" | "btrans";
  /** 1-based line of the record in its file. */
  line: number;
}

/** The SIE dimensions the workspace reads a row's objects in. */
export const DIM_COST_CENTER = "1";
export const DIM_PROJECT = "6";

/** The code of a row's object in a dimension, e.g. its projekt; null when the row has none there. */
export function objectCode(row: Transaction, dim: string): string | null {
  return row.objects.find((o) => o.dim === dim)?.code ?? null;
}

/** One #VER with its rows. */
export interface Voucher {
  series: string;
  number: string;
  /** YYYY-MM-DD */
  date: string;
  text: string;
  regDate?: string;
  transactions: Transaction[];
  line: number;
}

/** An opening/closing balance, result, period balance or period budget (#IB #UB #RES #OIB #OUB #PSALDO #PBUDGET). */
export interface Balance {
  kind: "ib" | "ub" | "res" | "oib" | "oub" | "psaldo" | "pbudget";
  /** 0 for the current year, -1 for the previous, as in #RAR. */
  yearIndex: number;
  /** YYYYMM, for #PSALDO and #PBUDGET. */
  period?: string;
  account: string;
  object?: ObjectRef;
  amount: bigint;
  quantity?: string;
  line: number;
}

/** A fiscal year from #RAR. */
export interface FiscalYear {
  yearIndex: number;
  start: string;
  end: string;
}

export interface Account {
  number: string;
  name: string;
  /** T, S, K or I from #KTYP, when given. */
  type?: string;
  sru?: string;
}

export interface Dimension {
  dim: string;
  name: string;
  /** The parent dimension, for #UNDERDIM. */
  parent?: string;
}

export interface DimensionObject {
  dim: string;
  code: string;
  name: string;
}

/** A problem found while reading, named by file and line. */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  severity: "error" | "warning" | "info";
  message: string;
}

/** How many records a reader saw, kept and rejected; read = kept + rejected always. */
export interface ReadCounts {
  read: number;
  kept: number;
  rejected: number;
}

/** A whole ledger as read from one file. */
export interface Ledger {
  file: string;
  program?: string;
  format?: string;
  sieType?: string;
  companyName?: string;
  orgNumber?: string;
  generated?: string;
  currency?: string;
  fiscalYears: FiscalYear[];
  accounts: Account[];
  dimensions: Dimension[];
  objects: DimensionObject[];
  balances: Balance[];
  vouchers: Voucher[];
}
