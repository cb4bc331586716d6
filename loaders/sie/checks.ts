// The checks of an SIE file that need all of it: the turn of the year, closing balances against the vouchers, and
// the cap on how many messages one file gives.

import type {Balance, Diagnostic, Ledger} from "../../src/lib/ledger.js";
import {voucherColumns} from "../../src/lib/voucher-columns.js";
import {formatCount, formatKronor} from "./values.js";

// A file of garbage has a problem on nearly every line; past this many the rest are only counted.
const MAX_DIAGNOSTICS = 100;

const SEVERITY_RANK = {info: 0, warning: 1, error: 2} as const;

/** The first MAX_DIAGNOSTICS diagnostics and one that counts the rest by severity. */
export function capDiagnostics(file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.slice(MAX_DIAGNOSTICS);
  const count = {error: 0, warning: 0, info: 0};
  let severity: Diagnostic["severity"] = "info";
  for (const d of rest) {
    count[d.severity]++;
    if (SEVERITY_RANK[d.severity] > SEVERITY_RANK[severity]) severity = d.severity;
  }
  const parts = [
    count.error ? `${formatCount(count.error)} fel` : "",
    count.warning ? `${formatCount(count.warning)} ${count.warning === 1 ? "varning" : "varningar"}` : "",
    count.info ? `${formatCount(count.info)} ${count.info === 1 ? "upplysning" : "upplysningar"}` : ""
  ].filter(Boolean);
  const message =
    parts.length === 1 && count.error
      ? `… och ${formatCount(count.error)} fler fel`
      : `… och ${formatCount(rest.length)} fler meddelanden (${parts.join(", ")})`;
  return [...diagnostics.slice(0, MAX_DIAGNOSTICS), {file, line: 0, severity, message}];
}

/** The account balances of one kind and year, without object. */
function balancesOf(ledger: Ledger, kind: Balance["kind"], yearIndex: number): Map<string, Balance> {
  const map = new Map<string, Balance>();
  for (const b of ledger.balances) if (b.kind === kind && b.yearIndex === yearIndex && !b.object) map.set(b.account, b);
  return map;
}

/**
 * Equity accounts that may receive last year's result at the turn of the year: 20xx in today's BAS, and 299x where
 * older BAS charts kept the carried-forward result.
 */
function isEquity(account: string): boolean {
  return account.startsWith("20") || account.startsWith("299");
}

/**
 * Last year's #UB must be this year's #IB, except where last year's result was carried forward. When the accounts'
 * differences add up exactly to last year's result (#RES år -1), wherever the chart keeps equity, that is what
 * happened: said as information. Otherwise the equity accounts (isEquity) may still hold the result, and each other
 * account that differs is an error.
 */
export function checkYearTransition(ledger: Ledger, diagnostics: Diagnostic[]): void {
  const file = ledger.file;
  const closing = balancesOf(ledger, "ub", -1);
  const opening = balancesOf(ledger, "ib", 0);
  const differing: {account: string; ib: Balance; ub: Balance; difference: bigint}[] = [];
  for (const [account, ib] of opening) {
    const ub = closing.get(account);
    if (ub && ub.amount !== ib.amount) differing.push({account, ib, ub, difference: ib.amount - ub.amount});
  }
  if (differing.length === 0) return;
  // #RES is debit-positive like everything else, so a profit is negative and so is its credit to equity.
  let result = 0n;
  for (const b of ledger.balances) if (b.kind === "res" && b.yearIndex === -1 && !b.object) result += b.amount;
  const sum = (list: typeof differing): bigint => list.reduce((total, d) => total + d.difference, 0n);
  const carried = (list: typeof differing): Diagnostic => ({
    file,
    line: list[0].ib.line,
    severity: "info",
    message:
      `Föregående års resultat (${formatKronor(result)}) har förts över till eget kapital: #IB år 0 skiljer sig ` +
      `från #UB år -1 på ${list.length === 1 ? "konto" : "kontona"} ${listAccounts(list.map((d) => d.account))}` +
      (list.length === 1 ? "" : ` med tillsammans ${formatKronor(sum(list))}`)
  });
  if (result !== 0n && sum(differing) === result) {
    diagnostics.push(carried(differing));
    return;
  }
  const equity = differing.filter((d) => isEquity(d.account));
  for (const {account, ib, ub, difference} of differing) {
    if (isEquity(account)) continue;
    diagnostics.push({
      file,
      line: ib.line,
      severity: "error",
      message:
        `Konto ${account}: #IB år 0 (${formatKronor(ib.amount)}) skiljer sig från #UB år -1 ` +
        `(${formatKronor(ub.amount)}), differens ${formatKronor(difference)}`
    });
  }
  const equityDifference = sum(equity);
  // Moved between equity accounts: nothing to say.
  if (equity.length === 0 || equityDifference === 0n) return;
  if (equityDifference === result) return void diagnostics.push(carried(equity));
  diagnostics.push({
    file,
    line: equity[0].ib.line,
    severity: "error",
    message:
      `Eget kapital (${listAccounts(equity.map((d) => d.account))}): #IB år 0 skiljer sig från #UB år -1 med ` +
      `${formatKronor(equityDifference)}, men föregående års resultat är ${formatKronor(result)}`
  });
}

/** "2091, 2098 och 2099". */
function listAccounts(accounts: string[]): string {
  return accounts.length === 1
    ? accounts[0]
    : `${accounts.slice(0, -1).join(", ")} och ${accounts[accounts.length - 1]}`;
}

/** The warning for a #UB or #RES of year 0 that is not what the vouchers (`what`) give. */
export function closingBalanceWarning(file: string, b: Balance, expected: bigint, what: string): Diagnostic {
  return {
    file,
    line: b.line,
    severity: "warning",
    message:
      `Konto ${b.account}: ${b.kind === "ub" ? "#UB" : "#RES"} år 0 är ${formatKronor(b.amount)} men ${what} ger ` +
      `${formatKronor(expected)} (differens ${formatKronor(b.amount - expected)})`
  };
}

/**
 * This year's #UB should be #IB plus the year's transactions, and #RES the transactions alone. A warning, not an
 * error: real exports are sometimes partial (the Fortnox fixture repeats #IB as #UB next to a year of vouchers).
 */
export function checkClosingBalances(ledger: Ledger, diagnostics: Diagnostic[]): void {
  const closing = balancesOf(ledger, "ub", 0);
  const results = balancesOf(ledger, "res", 0);
  // Summing every row is the costly part, and a file without closing balances has nothing to check it against.
  const columns = voucherColumns(ledger);
  const count = columns ? columns.voucherCount : ledger.vouchers.length;
  if (count === 0 || (closing.size === 0 && results.size === 0)) return;
  const sums = yearSums(ledger);
  const opening = balancesOf(ledger, "ib", 0);
  const check = (b: Balance, expected: bigint, what: string): void => {
    if (b.amount !== expected) diagnostics.push(closingBalanceWarning(ledger.file, b, expected, what));
  };
  for (const b of closing.values()) {
    check(
      b,
      (opening.get(b.account)?.amount ?? 0n) + (sums.get(b.account)?.sum ?? 0n),
      "#IB plus årets verifikationer"
    );
  }
  for (const b of results.values()) check(b, sums.get(b.account)?.sum ?? 0n, "årets verifikationer");
}

/** The sum of the year's #TRANS rows by account (all vouchers when there is no year 0). */
function yearSums(ledger: Ledger): Map<string, {sum: bigint}> {
  const year = ledger.fiscalYears.find((y) => y.yearIndex === 0);
  const columns = voucherColumns(ledger);
  if (columns) {
    const {movements} = columns.transSums(year?.start, year?.end);
    return new Map([...movements].map(([account, sum]) => [account, {sum}]));
  }
  const sums = new Map<string, {sum: bigint}>();
  for (const voucher of ledger.vouchers) {
    if (year && (voucher.date < year.start || voucher.date > year.end)) continue;
    for (const t of voucher.transactions) {
      if (t.kind !== "trans") continue;
      const entry = sums.get(t.account);
      if (entry) entry.sum += t.amount;
      else sums.set(t.account, {sum: t.amount});
    }
  }
  return sums;
}
