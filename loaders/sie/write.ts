// Writes a Ledger as SIE 4 in CP437: 4E when it has balances, 4I (vouchers only) when it has none; the two differ
// only in which records are present.

import type {Balance, Ledger, ObjectRef, Transaction, Voucher} from "../../src/lib/ledger.js";
import {encodeCp437} from "./encoding.js";
import {addRecord} from "./ksumma.js";
import type {Token} from "./tokenize.js";

export interface WriteSieOptions {
  /** Wrap the records in #KSUMMA, with the CRC-32 checksum at the end. */
  ksumma?: boolean;
}

/** Writes a ledger as a SIE 4 file in CP437 (#FORMAT PC8), optionally with a #KSUMMA checksum. */
export function writeSie(ledger: Ledger, options: WriteSieOptions = {}): Uint8Array {
  const lines: string[] = [];
  let crc = 0xffffffff;
  const put = (tokens: Token[]): void => {
    lines.push(serialize(tokens));
    if (options.ksumma) crc = addRecord(crc, tokens);
  };
  lines.push("#FLAGGA 0");
  if (options.ksumma) lines.push("#KSUMMA");
  for (const tokens of records(ledger)) {
    if (tokens === OPEN || tokens === CLOSE) lines.push(tokens);
    else put(tokens);
  }
  if (options.ksumma) lines.push(`#KSUMMA ${(crc ^ 0xffffffff) >>> 0}`);
  lines.push("");
  return encodeCp437(lines.join("\r\n"));
}

const OPEN = "{";
const CLOSE = "}";

/** A value that may be written unquoted: non-empty, with nothing a reader would split or strip. */
const SAFE_BARE = /^[^\s"{}]+$/;

function clean(value: string): string {
  // A line end inside a value would end the record.
  return /[\r\n\t]/.test(value) ? value.replace(/[\r\n\t]+/g, " ") : value;
}

/** A field written quoted. */
function q(value: string): Token {
  return {kind: "field", value: clean(value), quoted: true};
}

/** A field written bare when safe (numbers, codes, dates), quoted otherwise. */
function b(value: string): Token {
  const v = clean(value);
  return {kind: "field", value: v, quoted: !SAFE_BARE.test(v)};
}

function list(objects: ObjectRef[]): Token {
  return {kind: "list", items: objects.flatMap((o) => [clean(o.dim), clean(o.code)]), closed: true};
}

function serialize(tokens: Token[]): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.kind === "field") parts.push(t.quoted ? quote(t.value) : t.value);
    // Dimension numbers bare, object codes quoted, as in the SIE 4B examples: {1 "100" 6 "202"}.
    else
      parts.push(
        "{" + t.items.map((item, i) => (i % 2 === 0 && SAFE_BARE.test(item) ? item : quote(item))).join(" ") + "}"
      );
  }
  return parts.join(" ");
}

function quote(value: string): string {
  return '"' + (value.includes('"') ? value.replace(/"/g, '\\"') : value) + '"';
}

/** öre → SIE amount: 12345n → "123.45". */
function amount(ore: bigint): string {
  const negative = ore < 0n;
  const abs = (negative ? -ore : ore).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** YYYY-MM-DD → YYYYMMDD. */
function date(iso: string): string {
  return iso.replace(/-/g, "");
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function* records(ledger: Ledger): Generator<Token[] | typeof OPEN | typeof CLOSE> {
  yield [b("#FORMAT"), b("PC8")];
  yield [b("#SIETYP"), b("4")];
  yield [b("#PROGRAM"), q(ledger.program ?? "Finsam Analys")];
  yield [b("#GEN"), b(date(ledger.generated ?? today()))];
  if (ledger.companyName !== undefined) yield [b("#FNAMN"), q(ledger.companyName)];
  if (ledger.orgNumber !== undefined) yield [b("#ORGNR"), b(ledger.orgNumber)];
  if (ledger.currency !== undefined) yield [b("#VALUTA"), b(ledger.currency)];
  for (const y of ledger.fiscalYears) yield [b("#RAR"), b(String(y.yearIndex)), b(date(y.start)), b(date(y.end))];
  for (const a of ledger.accounts) {
    yield [b("#KONTO"), b(a.number), q(a.name)];
    if (a.type !== undefined) yield [b("#KTYP"), b(a.number), b(a.type)];
    if (a.sru !== undefined) yield [b("#SRU"), b(a.number), b(a.sru)];
  }
  for (const d of ledger.dimensions) {
    yield d.parent === undefined
      ? [b("#DIM"), b(d.dim), q(d.name)]
      : [b("#UNDERDIM"), b(d.dim), q(d.name), b(d.parent)];
  }
  for (const o of ledger.objects) yield [b("#OBJEKT"), b(o.dim), q(o.code), q(o.name)];
  for (const balance of ledger.balances) yield balanceRecord(balance);
  for (const voucher of ledger.vouchers) yield* voucherRecords(voucher);
}

const BALANCE_LABELS: Record<Balance["kind"], string> = {
  ib: "#IB",
  ub: "#UB",
  res: "#RES",
  oib: "#OIB",
  oub: "#OUB",
  psaldo: "#PSALDO",
  pbudget: "#PBUDGET"
};

function balanceRecord(balance: Balance): Token[] {
  const tokens = [b(BALANCE_LABELS[balance.kind]), b(String(balance.yearIndex))];
  if (balance.period !== undefined) tokens.push(b(balance.period));
  tokens.push(b(balance.account));
  // #IB, #UB and #RES have no object list; the object and period records always do, {} when empty.
  if (balance.kind !== "ib" && balance.kind !== "ub" && balance.kind !== "res") {
    tokens.push(list(balance.object ? [balance.object] : []));
  }
  tokens.push(b(amount(balance.amount)));
  if (balance.quantity !== undefined) tokens.push(b(balance.quantity));
  return tokens;
}

const ROW_LABELS: Record<Transaction["kind"], string> = {trans: "#TRANS", rtrans: "#RTRANS", btrans: "#BTRANS"};

function* voucherRecords(voucher: Voucher): Generator<Token[] | typeof OPEN | typeof CLOSE> {
  const head = [b("#VER"), q(voucher.series), q(voucher.number), b(date(voucher.date)), q(voucher.text)];
  if (voucher.regDate !== undefined) head.push(b(date(voucher.regDate)));
  yield head;
  yield OPEN;
  for (const t of voucher.transactions) {
    const tokens = [b(ROW_LABELS[t.kind]), b(t.account), list(t.objects), b(amount(t.amount))];
    // Later fields are positional, so an absent date or text before a present one is written as "".
    if (t.date !== undefined || t.text !== undefined || t.quantity !== undefined) {
      tokens.push(t.date !== undefined ? b(date(t.date)) : q(""));
    }
    if (t.text !== undefined || t.quantity !== undefined) tokens.push(q(t.text ?? ""));
    if (t.quantity !== undefined) tokens.push(b(t.quantity));
    yield tokens;
  }
  yield CLOSE;
}
