// Writes a Ledger as a plain-text journal for hledger or ledger-cli: the opening balances as one transaction, then
// every voucher with its date, text and postings in SEK with two decimals, accounts named by number and name, and
// the cost centre (dim 1) and project (dim 6) as tags. Both tools read the result with `balance`.
import {closeSync, openSync, writeSync} from "node:fs";
import type {Ledger, Transaction} from "../src/lib/ledger.js";

export type JournalFlavour = "hledger" | "ledger";

/** Öre as "-1234.56". */
export function journalAmount(ore: bigint): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

const TAG_NAMES: Record<string, string> = {"1": "kst", "6": "projekt"};

/** The posting's tags: hledger takes `name:value` pairs on one comment, ledger-cli one `name: value` per comment. */
function tags(t: Transaction, flavour: JournalFlavour): string {
  const pairs = t.objects.filter((o) => TAG_NAMES[o.dim]).map((o) => [TAG_NAMES[o.dim], o.code]);
  if (!pairs.length) return "";
  if (flavour === "hledger") return `  ; ${pairs.map(([k, v]) => `${k}:${v}`).join(", ")}`;
  return pairs.map(([k, v]) => `\n    ; ${k}: ${v}`).join("");
}

/** A journal text of the ledger's opening balances (#IB, year 0) and vouchers. */
export function writeJournal(ledger: Ledger, flavour: JournalFlavour): string {
  return [...journalLines(ledger, flavour)].join("\n") + "\n";
}

/** Writes the journal to a file in batches, so a million vouchers need no single string of the whole text. */
export function writeJournalFile(ledger: Ledger, flavour: JournalFlavour, file: string): number {
  const fd = openSync(file, "w");
  let batch: string[] = [];
  let bytes = 0;
  const flush = () => {
    bytes += writeSync(fd, batch.join("\n") + "\n");
    batch = [];
  };
  try {
    for (const line of journalLines(ledger, flavour)) if (batch.push(line) >= 20_000) flush();
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The journal's lines, one voucher at a time. */
export function* journalLines(ledger: Ledger, flavour: JournalFlavour): Generator<string> {
  const names = new Map(ledger.accounts.map((a) => [a.number, `${a.number} ${a.name}`.trim()]));
  // Two spaces end an account name in both tools, and ";" starts a comment: neither may occur in a name.
  const account = (number: string) => (names.get(number) ?? number).replace(/\s{2,}|;/g, " ");
  const description = (text: string) => text.replace(/[;|]/g, " ").trim();
  yield `; ${ledger.companyName ?? ledger.file}, skriven av Finsam Analys bench (${flavour})`;
  yield "";
  const start = ledger.fiscalYears.find((y) => y.yearIndex === 0)?.start;
  const opening = ledger.balances.filter((b) => b.kind === "ib" && b.yearIndex === 0 && !b.object);
  if (start && opening.length) {
    yield `${start} Ingående balans`;
    for (const b of opening) yield `    ${account(b.account)}  ${journalAmount(b.amount)} SEK`;
    yield "";
  }
  for (const v of ledger.vouchers) {
    yield `${v.date} ${description(`${v.series}${v.number} ${v.text}`)}`;
    for (const t of v.transactions) {
      if (t.kind !== "trans") continue;
      yield `    ${account(t.account)}  ${journalAmount(t.amount)} SEK${tags(t, flavour)}`;
    }
    yield "";
  }
}
