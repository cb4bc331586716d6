// A SIE ledger written as the CSV huvudbok an ekonom would export from it (semicolons, decimal comma, UTF-8): one
// "IB" row per account's opening balance, then every #TRANS row with its voucher, date, texts, project and
// kostnadsställe. For tests that a CSV export gives the same ledger tables and statements as its SIE file.
import {DIM_COST_CENTER, DIM_PROJECT, objectCode, type Ledger} from "../src/lib/ledger.js";

/** Öre as a Swedish amount without grouping: -123456 → "-1234,56". */
function amount(ore: bigint): string {
  const abs = ore < 0n ? -ore : ore;
  return `${ore < 0n ? "-" : ""}${abs / 100n},${String(abs % 100n).padStart(2, "0")}`;
}

/** A CSV field, quoted when it holds a separator or quote. */
const field = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The ledger's year 0 as CSV text. */
export function ledgerCsv(ledger: Ledger): string {
  const names = new Map(ledger.accounts.map((a) => [a.number, a.name]));
  const lines = ["Konto;Kontonamn;Datum;Verifikation;Verifikationstext;Text;Kst;Projekt;Belopp"];
  const start = ledger.fiscalYears.find((y) => y.yearIndex === 0)!.start;
  for (const b of ledger.balances)
    if (b.kind === "ib" && b.yearIndex === 0 && !b.object)
      lines.push(
        [b.account, names.get(b.account) ?? "", start, "IB", "", "", "", "", amount(b.amount)].map(field).join(";")
      );
  for (const v of ledger.vouchers)
    for (const t of v.transactions.filter((t) => t.kind === "trans"))
      lines.push(
        [
          t.account,
          names.get(t.account) ?? "",
          t.date ?? v.date,
          `${v.series}${v.number}`,
          v.text,
          t.text ?? "",
          objectCode(t, DIM_COST_CENTER) ?? "",
          objectCode(t, DIM_PROJECT) ?? "",
          amount(t.amount)
        ]
          .map(field)
          .join(";")
      );
  return lines.join("\n") + "\n";
}
