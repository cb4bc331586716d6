// The specification of a reconstructed ledger: the figures a förbund's published report implies, per account.
// Amounts are kronor as decimal strings in SIE signs (debit positive, credit negative).

export interface SpecAccount {
  number: string;
  name: string;
  /** How the year's amount is spread over vouchers: monthly (default), quarterly or once a year. */
  schedule?: "monthly" | "quarterly" | "yearly";
  /** Share of the account's amount per project (SIE dimension 6), e.g. {"202": "0.5", "411": "0.5"}. */
  projects?: Record<string, string>;
}

export interface SpecYear {
  year: number;
  /** Opening balances (#IB) of the first year only; later years open with the previous year's closing balances. */
  opening?: Record<string, string>;
  /** The year's total per result account (classes 3–8). */
  result: Record<string, string>;
  /** Closing balances (#UB) of every balance account, the bank account included (it is verified, not set). */
  closing: Record<string, string>;
  /** Exact kronor per project (dimension 6) of a result account this year; the amounts must add up to the
   * account's result. Overrides the account's project shares. */
  projects?: Record<string, Record<string, string>>;
  /** Month weights (12 numbers) of a result account this year, where the spread over the year matters (burn charts). */
  months?: Record<string, number[]>;
}

export interface LedgerSpec {
  forbund: string;
  companyName: string;
  orgNumber?: string;
  /** Where the figures come from: seed file and tables. */
  source: string;
  /** The account that receives and pays everything (kassa och bank). */
  bankAccount: string;
  /** The equity account that the previous year's result is carried to at the turn of the year. */
  retainedEarningsAccount: string;
  accounts: SpecAccount[];
  /** Names of projects (dimension 6) used by accounts. */
  projects?: Record<string, string>;
  years: SpecYear[];
}
