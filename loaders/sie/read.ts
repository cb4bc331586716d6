// Reads a SIE 4 file (4E or 4I) into a Ledger, checking what can be checked and naming every problem by file and
// line. Pure: bytes in, ledger and diagnostics out, so it runs in Node and in the browser alike.

import Decimal from "decimal.js";
import type {
  Account,
  Balance,
  Diagnostic,
  Dimension,
  FiscalYear,
  Ledger,
  ObjectRef,
  ReadCounts,
  Transaction,
  Voucher
} from "../../src/lib/ledger";
import {detectEncoding, encodingDiagnostic, HighBytes, type SieEncoding} from "./encoding";
import {KsummaChecker} from "./ksumma";
import {hasUtf8Letters} from "./bytes";
import {LineFeeder, utf8LinesOf, type LineSink} from "./lines";
import {AsciiCache, CLOSE_LINE, MAX_PLAIN_AMOUNT, OPEN_LINE, plainOre, RECORD_LINE, SimpleLine} from "./scan";
import {LineTokenizer, type ListToken, type Token} from "./tokenize";

export interface SieResult {
  ledger: Ledger;
  diagnostics: Diagnostic[];
  counts: {vouchers: ReadCounts; transactions: ReadCounts; balances: ReadCounts};
}

export interface SieReadOptions {
  /**
   * Also report rows on accounts that #KONTO does not name and vouchers dated outside every #RAR year. Off by
   * default only because older tests build small files with a partial chart and a voucher of the next year; the
   * app should read with it on (test/bad-inputs.test.ts does).
   */
  strict?: boolean;
  /** Reads every line the general way, without the fast path of Reader.lineBytes: for tests that compare the two. */
  general?: boolean;
}

/**
 * Reads SIE 4 bytes (CP437, or UTF-8/ISO-8859-15 when the file really is that) into a ledger with diagnostics. In a
 * CP437 or ISO-8859-15 file, lines that are valid UTF-8 with Swedish letters are read as UTF-8: such files come
 * from appending to an export in a modern editor, where read as CP437 the appended names would turn into "├Ñ".
 * Lines are read one at a time (loaders/sie/lines.ts): the vouchers and rows that make up nearly all of a large
 * file from their bytes (scan.ts), the rest decoded and tokenized; readSieStream (stream.ts) reads chunks the same way.
 */
export function readSie(bytes: Uint8Array, file: string, options: SieReadOptions = {}): SieResult {
  const encoding = detectSieEncoding(bytes);
  const reader = new Reader(file, encoding, options.strict ?? false);
  const utf8Lines = utf8LinesOf(bytes, encoding);
  if (utf8Lines.length) reader.mixedEncoding(utf8Lines, encoding);
  const feeder = new LineFeeder(lineSink(reader, options), encoding, utf8Lines.length > 0);
  feeder.push(bytes);
  feeder.end();
  return reader.finish();
}

/** What a LineFeeder feeds: the reader, or with `general` only its line(). */
export function lineSink(reader: Reader, options: SieReadOptions): LineSink {
  return options.general ? {line: (raw, lineNo) => reader.line(raw, lineNo)} : reader;
}

/**
 * detectEncoding, except that well-formed UTF-8 pairs do not vote: detectEncoding counts the lead byte of every
 * UTF-8 letter as a vote for ISO-8859-15, so a CP437 file with a few UTF-8 lines appended could outvote its own CP437
 * letters and be read as ISO-8859-15 throughout. Counted without the UTF-8 pairs, CP437 wins as it should.
 */
export function detectSieEncoding(bytes: Uint8Array): SieEncoding {
  const encoding = detectEncoding(bytes);
  if (encoding !== "iso-8859-15" || !hasUtf8Letters(bytes, 0, bytes.length)) return encoding;
  let cp437Votes = 0;
  let latinVotes = 0;
  const high = new HighBytes(bytes);
  for (let i = high.next(0, bytes.length); i < bytes.length; i = high.next(i + 1, bytes.length)) {
    const b = bytes[i];
    if (b >= 0xc2 && b <= 0xdf && (bytes[i + 1] & 0xc0) === 0x80) {
      i++;
      continue;
    }
    if (b <= 0x9f) cp437Votes++;
    else if (b >= 0xc0) latinVotes++;
  }
  return latinVotes > cp437Votes ? encoding : "cp437";
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** Formats öre as Swedish kronor: 1234567n → "12 345,67 kr". */
export function formatKronor(ore: bigint): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const kronor = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${kronor},${cents} kr`;
}

const PLAIN_AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const DECIMAL_AMOUNT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Parses an SIE amount to öre; a string is the reason it is not one. */
export function parseAmount(text: string): bigint | {error: string} {
  const fast = plainOreOfText(text);
  if (fast !== undefined) return fast;
  // The common spelling is parsed directly; decimal.js handles the rest exactly (e.g. "+5", ".5", "1.230").
  const plain = PLAIN_AMOUNT.exec(text);
  if (plain) {
    const ore = BigInt(plain[2] + (plain[3] ?? "").padEnd(2, "0"));
    return plain[1] ? -ore : ore;
  }
  if (!DECIMAL_AMOUNT.test(text)) return {error: `Ogiltigt belopp "${text}"`};
  const scaled = new Decimal(text).times(100);
  if (!scaled.isInteger()) return {error: `Beloppet ${text} har fler än två decimaler`};
  return BigInt(scaled.toFixed(0));
}

const AMOUNT_BYTES = new Uint8Array(MAX_PLAIN_AMOUNT);

/** plainOre (scan.ts) of a string: its ASCII copied to bytes, so that both paths parse amounts with one function. */
function plainOreOfText(text: string): bigint | undefined {
  const n = text.length;
  if (n > MAX_PLAIN_AMOUNT) return undefined;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return undefined;
    AMOUNT_BYTES[i] = code;
  }
  const ore = plainOre(AMOUNT_BYTES, 0, n);
  return ore === undefined ? undefined : BigInt(ore);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses YYYYMMDD to YYYY-MM-DD, or undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  // A ledger has a few hundred distinct dates in millions of records: one string per date, not per record.
  const cached = DATES.get(text);
  if (cached !== undefined || DATES.has(text)) return cached;
  const date = parseNewDate(text);
  if (DATES.size < 10_000) DATES.set(text, date);
  return date;
}

const DATES = new Map<string, string | undefined>();

function parseNewDate(text: string): string | undefined {
  if (text.length !== 8 || !/^\d{8}$/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

function field(tokens: Token[], index: number): string | undefined {
  const token = tokens[index];
  return token && token.kind === "field" ? token.value : undefined;
}

function newCounts(): ReadCounts {
  return {read: 0, kept: 0, rejected: 0};
}

// ---------------------------------------------------------------------------------------------------------------
// Reader

/** Records SIE defines that the ledger has no place for: read silently. */
const IGNORED = new Set([
  "#FLAGGA",
  "#KPTYP",
  "#ADRESS",
  "#FNR",
  "#FTYP",
  "#TAXAR",
  "#PROSA",
  "#OMFATTN",
  "#BKOD",
  "#ENHET",
  "#BTYP"
]);

/** The records read into the ledger (besides rows and balances). */
const KNOWN = new Set([
  "#VER",
  "#KSUMMA",
  "#PROGRAM",
  "#FORMAT",
  "#GEN",
  "#SIETYP",
  "#FNAMN",
  "#ORGNR",
  "#VALUTA",
  "#RAR",
  "#KONTO",
  "#KTYP",
  "#SRU",
  "#DIM",
  "#UNDERDIM",
  "#OBJEKT"
]);

const BALANCE_KINDS: Record<string, Balance["kind"]> = {
  "#IB": "ib",
  "#UB": "ub",
  "#RES": "res",
  "#OIB": "oib",
  "#OUB": "oub",
  "#PSALDO": "psaldo",
  "#PBUDGET": "pbudget"
};

const LOWER_CASE = /[a-zåäö]/;
/** What a record label looks like: "#" and letters, digits or "_". Anything else is not an SIE record. */
const LABEL = /^#[A-Za-zÅÄÖåäö0-9_]+$/;

const ROW_KINDS: Record<string, Transaction["kind"]> = {"#TRANS": "trans", "#RTRANS": "rtrans", "#BTRANS": "btrans"};

/** The labels the fast path reads (see Reader.lineBytes), as bytes. */
const TRANS_LABEL = asciiBytes("#TRANS");
const RTRANS_LABEL = asciiBytes("#RTRANS");
const BTRANS_LABEL = asciiBytes("#BTRANS");
const VER_LABEL = asciiBytes("#VER");

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** The rows of a voucher until it closes (see closeVoucher); never added to. */
const NO_ROWS: Transaction[] = [];

/** Where an account is first used, and how many records use it. */
interface AccountUse {
  line: number;
  uses: number;
}

/** An account as the fast path reads it, with its AccountUse once it has one. */
interface UsedAccount {
  account: string;
  use: AccountUse | undefined;
}

interface OpenVoucher {
  voucher: Voucher;
  /** Whether its `{` has been seen. */
  inBlock: boolean;
  /** Rows read, including rejected ones. */
  rows: number;
  faulty: boolean;
  sum: bigint;
  /** An #RTRANS that the next row should repeat as #TRANS. */
  pendingRtrans?: Transaction;
}

/** Reads records line by line; readSie and readSieStream feed it. */
export class Reader {
  /** When set, each kept voucher goes here instead of into ledger.vouchers (see readSieStream). */
  onVoucher?: (voucher: Voucher) => void;
  private readonly tokenizer = new LineTokenizer();
  /** The fast path's split of the current line (see lineBytes). */
  private readonly simple: SimpleLine;
  private readonly ledger: Ledger;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly counts = {vouchers: newCounts(), transactions: newCounts(), balances: newCounts()};
  private readonly accounts = new Map<string, Account>();
  private readonly dimensions = new Map<string, Dimension>();
  private readonly unknownLabels = new Set<string>();
  private readonly ksumma: KsummaChecker;
  private current: OpenVoucher | undefined;
  /** The kept rows of the current voucher, until it closes. */
  private readonly rows: Transaction[] = [];
  private formatSeen = false;
  /** Accounts named by #KONTO: the chart that the rows are checked against. */
  private readonly chart = new Set<string>();
  /** Every account a row or balance uses: the first line and how many records. */
  private readonly used = new Map<string, AccountUse>();
  /** The fast path's accounts with their entries in `used`, found by their bytes: no map lookup per row. */
  private readonly usedByBytes = new AsciiCache<UsedAccount>((account) => ({account, use: undefined}));
  /** Kept vouchers by series and number, to find the same voucher twice. */
  private readonly numbered = new Map<string, SeriesNumbers>();
  /** A kept voucher whose number an earlier kept voucher with other rows already has. */
  private readonly clashes: {voucher: Voucher; first: Claim}[] = [];
  /** Lines that are not SIE records (no "#label" first). */
  private readonly notRecords: number[] = [];
  /** Whether any line was a record this reader knows. */
  private recordsSeen = false;

  constructor(
    private readonly file: string,
    private readonly encoding: SieEncoding,
    private readonly strict: boolean
  ) {
    this.ksumma = new KsummaChecker(file);
    this.simple = new SimpleLine(encoding, parseDate);
    this.ledger = {file, fiscalYears: [], accounts: [], dimensions: [], objects: [], balances: [], vouchers: []};
  }

  /**
   * Handles a brace line or a plain #VER or row straight from its bytes, as line() would handle it decoded; false
   * when the line is anything else, or has anything unusual, and is for line(). Only lines that are valid as they
   * stand are taken, and they end in the same helpers as line()'s, so the two paths cannot differ in what they
   * report about a line.
   */
  lineBytes(bytes: Uint8Array, start: number, end: number, lineNo: number): boolean {
    // While #KSUMMA sums, every record must reach it as tokens.
    if (this.ksumma.summing) return false;
    const scanned = this.simple.scan(bytes, start, end);
    if (scanned === OPEN_LINE) this.openBlock(lineNo);
    else if (scanned === CLOSE_LINE) this.closeBlock(lineNo);
    else return scanned === RECORD_LINE && this.simpleRecord(lineNo);
    return true;
  }

  private simpleRecord(line: number): boolean {
    const simple = this.simple;
    if (simple.isLabel(0, TRANS_LABEL)) return this.simpleRow("trans", line);
    if (simple.isLabel(0, VER_LABEL)) return this.simpleVoucher(line);
    if (simple.isLabel(0, RTRANS_LABEL)) return this.simpleRow("rtrans", line);
    if (simple.isLabel(0, BTRANS_LABEL)) return this.simpleRow("btrans", line);
    return false;
  }

  /** Handles one line of the file. */
  line(raw: string, lineNo: number): void {
    let text = raw.trim();
    if (text === "") return;
    // Braces around a voucher's rows, on their own line or sharing it with a record.
    if (text.charCodeAt(0) === 0x7b) {
      const rest = text.slice(1).trim();
      // "{" followed by anything but a record is not a brace but a broken line, reported as such.
      if (rest !== "" && rest !== "}" && rest.charCodeAt(0) !== 0x23) return void this.notRecords.push(lineNo);
      this.openBlock(lineNo);
      text = rest;
      if (text === "") return;
    }
    if (text === "}") {
      this.closeBlock(lineNo);
      return;
    }
    const tokens = this.tokenizer.tokenize(text);
    const last = tokens[tokens.length - 1];
    const closesBlock = last.kind === "field" && !last.quoted && last.value === "}" && tokens.length > 1;
    if (closesBlock) tokens.pop();
    const opensBlock = last.kind === "list" && !last.closed && last.items.length === 0 && tokens.length > 1;
    if (opensBlock) tokens.pop();
    this.ksumma.record(tokens, lineNo);
    // Text, garbage or a line cut loose from its record: one summary at the end instead of one message per line,
    // and its braces are not taken for a voucher's.
    if (!LABEL.test(field(tokens, 0) ?? "")) return void this.notRecords.push(lineNo);
    this.record(tokens, lineNo);
    if (opensBlock) this.openBlock(lineNo);
    if (closesBlock) this.closeBlock(lineNo);
  }

  private record(tokens: Token[], line: number): void {
    const first = field(tokens, 0) ?? "";
    // Labels are upper case in practice; toUpperCase() on every line would allocate millions of strings.
    const label = LOWER_CASE.test(first) ? first.toUpperCase() : first;
    const rowKind = ROW_KINDS[label];
    const known = rowKind !== undefined || BALANCE_KINDS[label] !== undefined || KNOWN.has(label) || IGNORED.has(label);
    this.beginRecord(known, rowKind !== undefined);
    if (rowKind) return this.row(rowKind, label, tokens, line);
    const balanceKind = BALANCE_KINDS[label];
    if (balanceKind) return this.balance(balanceKind, label, tokens, line);
    const ledger = this.ledger;
    const value = field(tokens, 1);
    switch (label) {
      case "#VER":
        return this.openVoucher(tokens, line);
      case "#KSUMMA":
        return;
      case "#PROGRAM":
        ledger.program = tokens
          .slice(1)
          .map((t) => (t.kind === "field" ? t.value : ""))
          .join(" ");
        return;
      case "#FORMAT":
        ledger.format = value;
        this.formatSeen = true;
        if (this.encoding !== "cp437") this.diagnostics.push(encodingDiagnostic(this.file, line, this.encoding));
        return;
      case "#GEN":
        ledger.generated = this.date(value ?? "", label, line);
        return;
      case "#SIETYP":
        ledger.sieType = value;
        return;
      case "#FNAMN":
        ledger.companyName = value;
        return;
      case "#ORGNR":
        if (value) ledger.orgNumber = value;
        return;
      case "#VALUTA":
        ledger.currency = value;
        return;
      case "#RAR":
        return this.fiscalYear(tokens, line);
      case "#KONTO":
        if (value !== undefined) {
          this.account(value).name = field(tokens, 2) ?? "";
          this.chart.add(value);
        }
        return;
      case "#KTYP":
        if (value !== undefined) this.account(value).type = field(tokens, 2);
        return;
      case "#SRU":
        if (value !== undefined) this.account(value).sru = field(tokens, 2);
        return;
      case "#DIM":
      case "#UNDERDIM":
        return this.dimension(tokens, label);
      case "#OBJEKT":
        if (value !== undefined) {
          ledger.objects.push({dim: value, code: field(tokens, 2) ?? "", name: field(tokens, 3) ?? ""});
        }
        return;
    }
    if (IGNORED.has(label) || this.unknownLabels.has(label)) return;
    this.unknownLabels.add(label);
    this.info(line, `Okänd post ${label || "utan etikett"} ignoreras`);
  }

  /** What every record does first: note that the file has SIE records, and end a voucher that a record follows. */
  private beginRecord(known: boolean, isRow: boolean): void {
    if (known) this.recordsSeen = true;
    // Any record but a row ends a voucher that never opened its braces.
    if (!isRow && this.current && !this.current.inBlock) this.closeVoucher();
  }

  private account(number: string): Account {
    let account = this.accounts.get(number);
    if (!account) {
      account = {number, name: ""};
      this.accounts.set(number, account);
      this.ledger.accounts.push(account);
    }
    return account;
  }

  private dimension(tokens: Token[], label: string): void {
    const dim = field(tokens, 1);
    if (dim === undefined) return;
    const dimension: Dimension = {dim, name: field(tokens, 2) ?? ""};
    const parent = label === "#UNDERDIM" ? field(tokens, 3) : undefined;
    if (parent !== undefined) dimension.parent = parent;
    const existing = this.dimensions.get(dim);
    if (existing) {
      Object.assign(existing, dimension);
      return;
    }
    this.dimensions.set(dim, dimension);
    this.ledger.dimensions.push(dimension);
  }

  private fiscalYear(tokens: Token[], line: number): void {
    const index = field(tokens, 1) ?? "";
    const start = this.date(field(tokens, 2) ?? "", "#RAR", line);
    const end = this.date(field(tokens, 3) ?? "", "#RAR", line);
    if (!/^-?\d+$/.test(index)) return this.error(line, `Ogiltigt årsnummer "${index}" i #RAR`);
    if (start && end) this.ledger.fiscalYears.push({yearIndex: Number(index), start, end} satisfies FiscalYear);
  }

  private date(text: string, label: string, line: number): string | undefined {
    const date = parseDate(text);
    if (!date) this.error(line, `Ogiltigt datum "${text}" i ${label}`);
    return date;
  }

  private amount(text: string | undefined, label: string, line: number): bigint | undefined {
    if (text === undefined) {
      this.error(line, `Belopp saknas i ${label}`);
      return undefined;
    }
    const amount = parseAmount(text);
    if (typeof amount === "bigint") return amount;
    this.error(line, `${amount.error} i ${label}`);
    return undefined;
  }

  private objects(list: ListToken, label: string, line: number): ObjectRef[] {
    // Frozen and shared by every row with the same list: a million rows need not hold a million copies.
    if (list.refs) return list.refs;
    const refs: ObjectRef[] = [];
    for (let i = 0; i + 1 < list.items.length; i += 2) refs.push({dim: list.items[i], code: list.items[i + 1]});
    if (list.items.length % 2 === 1)
      this.warning(line, `Objektlistan i ${label} har ett udda antal fält; det sista ignoreras`);
    return refs;
  }

  // -- balances ---------------------------------------------------------------------------------------------------

  private balance(kind: Balance["kind"], label: string, tokens: Token[], line: number): void {
    this.counts.balances.read++;
    let i = 1;
    const yearText = field(tokens, i++) ?? "";
    let period: string | undefined;
    let ok = true;
    if (!/^-?\d+$/.test(yearText)) {
      this.error(line, `Ogiltigt årsnummer "${yearText}" i ${label}`);
      ok = false;
    }
    if (kind === "psaldo" || kind === "pbudget") {
      period = field(tokens, i++) ?? "";
      if (!parseDate(period + "01")) {
        this.error(line, `Ogiltig period "${period}" i ${label}`);
        ok = false;
      }
    }
    const account = field(tokens, i++);
    if (!account) {
      this.error(line, `Konto saknas i ${label}`);
      ok = false;
    } else this.use(account, line);
    let object: ObjectRef | undefined;
    const list = tokens[i];
    if (list && list.kind === "list") {
      i++;
      const refs = this.objects(list, label, line);
      if (refs.length > 1) this.warning(line, `${label} får ha ett enda objekt; bara det första används`);
      object = refs[0];
    }
    const amount = this.amount(field(tokens, i++), label, line);
    if (!ok || amount === undefined || !account) {
      this.counts.balances.rejected++;
      return;
    }
    const balance: Balance = {kind, yearIndex: Number(yearText), account, amount, line};
    if (period !== undefined) balance.period = period;
    if (object) balance.object = object;
    const quantity = field(tokens, i);
    if (quantity) balance.quantity = quantity;
    this.ledger.balances.push(balance);
    this.counts.balances.kept++;
  }

  // -- vouchers ---------------------------------------------------------------------------------------------------

  private openVoucher(tokens: Token[], line: number): void {
    this.endVoucherWithoutBrace();
    const dateText = field(tokens, 3) ?? "";
    const date = this.date(dateText, "#VER", line);
    const regText = field(tokens, 5);
    const regDate = regText ? this.date(regText, "#VER", line) : undefined;
    this.startVoucher(field(tokens, 1) ?? "", field(tokens, 2) ?? "", date, dateText, field(tokens, 4) ?? "", line);
    if (regDate) this.current!.voucher.regDate = regDate;
  }

  /** The fast path's #VER: taken only with a valid date, and a valid registration date or none. */
  private simpleVoucher(line: number): boolean {
    const simple = this.simple;
    if (simple.count < 4 || simple.hasList(1, 6)) return false;
    const date = simple.date(3);
    const regDate = simple.isEmpty(5) ? undefined : simple.date(5);
    if (date === undefined || (regDate === undefined && !simple.isEmpty(5))) return false;
    this.beginRecord(true, false);
    this.endVoucherWithoutBrace();
    const text = simple.count > 4 ? simple.value(4) : "";
    this.startVoucher(simple.value(1), simple.value(2), date, date, text, line);
    if (regDate) this.current!.voucher.regDate = regDate;
    return true;
  }

  /** A #VER while the last voucher is still open: that voucher lacks its }. */
  private endVoucherWithoutBrace(): void {
    if (!this.current) return;
    this.warning(this.current.voucher.line, `Verifikation ${voucherName(this.current.voucher)} saknar avslutande }`);
    this.closeVoucher();
  }

  private startVoucher(
    series: string,
    number: string,
    date: string | undefined,
    dateText: string,
    text: string,
    line: number
  ): void {
    const voucher: Voucher = {series, number, date: date ?? dateText, text, transactions: NO_ROWS, line};
    this.current = {voucher, inBlock: false, rows: 0, faulty: date === undefined, sum: 0n, pendingRtrans: undefined};
  }

  private openBlock(line: number): void {
    if (this.current && !this.current.inBlock) this.current.inBlock = true;
    else this.warning(line, "{ utan föregående #VER ignoreras");
  }

  private closeBlock(line: number): void {
    if (this.current) this.closeVoucher();
    else this.warning(line, "} utan öppen verifikation ignoreras");
  }

  private row(kind: Transaction["kind"], label: string, tokens: Token[], line: number): void {
    const open = this.current;
    if (!open) {
      this.counts.transactions.read++;
      this.counts.transactions.rejected++;
      this.error(line, `${label} utanför verifikation`);
      return;
    }
    open.rows++;
    let i = 1;
    const account = field(tokens, i++);
    if (account) this.use(account, line);
    let objects: ObjectRef[] = [];
    const list = tokens[i];
    // The object list is mandatory in SIE 4, but some writers leave it out entirely.
    if (list && list.kind === "list") {
      objects = this.objects(list, label, line);
      i++;
    }
    const amount = this.amount(field(tokens, i++), label, line);
    const dateText = field(tokens, i++);
    const date = dateText ? this.date(dateText, label, line) : undefined;
    if (!account) this.error(line, `Konto saknas i ${label}`);
    if (!account || amount === undefined || (dateText && !date)) {
      open.faulty = true;
      return;
    }
    this.addRow(open, {account, amount, objects, kind, line}, date, field(tokens, i++), field(tokens, i));
  }

  /**
   * The fast path's row: taken only inside a voucher, with an account, an even object list or none, a plain amount
   * and a valid date or none, so that it has nothing to report.
   */
  private simpleRow(kind: Transaction["kind"], line: number): boolean {
    const open = this.current;
    const simple = this.simple;
    if (!open || simple.count < 3 || simple.isEmpty(1) || simple.hasList(1, 2)) return false;
    let i = 2;
    let objects: ObjectRef[] | undefined = [];
    if (simple.hasList(2, 3)) objects = simple.refs(i++);
    if (!objects || simple.hasList(i, i + 4)) return false;
    const ore = simple.ore(i++);
    const date = simple.isEmpty(i) ? undefined : simple.date(i);
    if (ore === undefined || (date === undefined && !simple.isEmpty(i))) return false;
    this.beginRecord(true, true);
    open.rows++;
    const used = simple.cached(1, this.usedByBytes);
    const account = used ? used.account : simple.value(1);
    if (used) this.useAccount(used, line);
    else this.use(account, line);
    const text = simple.isEmpty(i + 1) ? undefined : simple.value(i + 1);
    const quantity = simple.isEmpty(i + 2) ? undefined : simple.value(i + 2);
    this.addRow(open, {account, amount: BigInt(ore), objects, kind, line}, date, text, quantity);
    return true;
  }

  /** Adds a valid row to its voucher. */
  private addRow(
    open: OpenVoucher,
    transaction: Transaction,
    date: string | undefined,
    text: string | undefined,
    quantity: string | undefined
  ): void {
    if (date && date !== open.voucher.date) transaction.date = date;
    if (text) transaction.text = text;
    if (quantity) transaction.quantity = quantity;
    this.checkRtrans(open, transaction);
    this.rows.push(transaction);
    if (transaction.kind === "trans") open.sum += transaction.amount;
  }

  /** Per SIE 4B an #RTRANS (added row) is repeated as #TRANS for readers that ignore #RTRANS. */
  private checkRtrans(open: OpenVoucher, next: Transaction | undefined): void {
    const pending = open.pendingRtrans;
    if (pending && !(next && next.kind === "trans" && sameRow(pending, next))) {
      this.warning(pending.line, `#RTRANS på konto ${pending.account} följs inte av en likadan #TRANS`);
    }
    open.pendingRtrans = next && next.kind === "rtrans" ? next : undefined;
  }

  private closeVoucher(): void {
    const open = this.current!;
    this.current = undefined;
    this.checkRtrans(open, undefined);
    const {voucher} = open;
    // Copied to an array of the exact size: one grown by push keeps room for 17 rows, most of it empty.
    voucher.transactions = this.rows.slice();
    this.rows.length = 0;
    const counts = this.counts;
    counts.vouchers.read++;
    counts.transactions.read += open.rows;
    let rejected = true;
    if (open.faulty) {
      this.error(voucher.line, `Verifikation ${voucherName(voucher)} avvisas: den innehåller felaktiga poster`);
    } else if (open.sum !== 0n) {
      this.error(
        voucher.line,
        `Verifikation ${voucherName(voucher)} balanserar inte: differens ${formatKronor(open.sum)}`
      );
    } else {
      rejected = this.duplicate(voucher);
    }
    if (!rejected && this.strict) this.checkDate(voucher);
    if (rejected) {
      counts.vouchers.rejected++;
      counts.transactions.rejected += open.rows;
    } else {
      counts.vouchers.kept++;
      counts.transactions.kept += open.rows;
      if (this.onVoucher) this.onVoucher(voucher);
      else this.ledger.vouchers.push(voucher);
    }
  }

  private use(account: string, line: number): void {
    const use = this.used.get(account);
    if (use) use.uses++;
    else this.used.set(account, {line, uses: 1});
  }

  /** use() of an account the fast path read, through its cached entry. */
  private useAccount(used: UsedAccount, line: number): void {
    if (used.use) {
      used.use.uses++;
      return;
    }
    this.use(used.account, line);
    used.use = this.used.get(used.account);
  }

  /**
   * The same series and number twice. With the same date and rows it is the same voucher imported twice: the copy is
   * rejected, since keeping it would double every amount. With other rows the numbering clashes; that is judged at
   * the end (see finish), when it is known whether the series numbers its vouchers at all.
   */
  private duplicate(voucher: Voucher): boolean {
    if (voucher.number === "") return false;
    // By series, then number: no key string per voucher in a ledger of millions.
    let series = this.numbered.get(voucher.series);
    if (!series) this.numbered.set(voucher.series, (series = new SeriesNumbers()));
    // A streamed read hands each voucher on (onVoucher) and must not hold it: only its date, line and rows as text.
    const claim: Claim = this.onVoucher
      ? {date: voucher.date, line: voucher.line, rows: rowsKey(voucher.transactions)}
      : voucher;
    const first = series.claim(voucher.number, claim);
    if (!first) return false;
    const same =
      "transactions" in first
        ? sameRows(first.transactions, voucher.transactions)
        : first.rows === (claim as {rows: string}).rows;
    if (first.date === voucher.date && same) {
      this.error(
        voucher.line,
        `Verifikation ${voucherName(voucher)} avvisas: den är en kopia av verifikationen på rad ${first.line} ` +
          `(samma nummer, datum och rader)`
      );
      return true;
    }
    this.clashes.push({voucher, first});
    return false;
  }

  /** A voucher dated outside every #RAR year counts in no year's balances (see src/lib/balances.ts): say so. */
  private checkDate(voucher: Voucher): void {
    const years = this.ledger.fiscalYears;
    if (years.length === 0 || years.some((y) => voucher.date >= y.start && voucher.date <= y.end)) return;
    const ranges = [...years]
      .sort((a, b) => a.yearIndex - b.yearIndex)
      .map((y) => `${y.start}–${y.end}`)
      .join(", ");
    this.warning(
      voucher.line,
      `Verifikation ${voucherName(voucher)} är daterad ${voucher.date}, utanför räkenskapsåren i #RAR (${ranges}); ` +
        `den räknas inte in i något års saldon`
    );
  }

  /** Notes the lines that were read as UTF-8 in a file that is otherwise CP437 or ISO-8859-15. */
  mixedEncoding(lines: number[], encoding: SieEncoding): void {
    const name = encoding === "cp437" ? "CP437 (PC8)" : "ISO-8859-15";
    this.warning(
      lines[0],
      `Filen blandar teckenkodningar: ${lines.length === 1 ? "rad" : "raderna"} ${listLines(lines)} är UTF-8 men ` +
        `resten av filen är ${name}; de raderna lästes som UTF-8`
    );
  }

  // -- end --------------------------------------------------------------------------------------------------------

  /** Ends the file and runs the checks that need all of it. */
  finish(): SieResult {
    const open = this.current;
    if (open) {
      if (open.inBlock) {
        this.error(open.voucher.line, `Filen slutar inne i verifikation ${voucherName(open.voucher)}: } saknas`);
        open.faulty = true;
        // Reported above; the rejection itself needs no second message.
        const before = this.diagnostics.length;
        this.closeVoucher();
        this.diagnostics.length = before;
      } else {
        this.closeVoucher();
      }
    }
    if (this.encoding !== "cp437" && !this.formatSeen && this.recordsSeen) {
      this.diagnostics.push(encodingDiagnostic(this.file, 0, this.encoding));
    }
    // Line by line problems and whole-file checks are capped separately, so that a flood of the first cannot hide
    // the second.
    const lines = capDiagnostics(this.file, this.diagnostics.splice(0));
    if (this.notRecords.length) {
      const n = this.notRecords.length;
      this.warning(
        this.notRecords[0],
        `${n === 1 ? "En rad är ingen SIE-post" : `${formatCount(n)} rader är inga SIE-poster`} (en post börjar ` +
          `med #etikett) och ignorerades: ${n === 1 ? "rad" : "raderna"} ${listLines(this.notRecords)}`
      );
    }
    this.checkChart();
    this.checkClashes();
    checkYearTransition(this.ledger, this.diagnostics);
    checkClosingBalances(this.ledger, this.diagnostics);
    this.diagnostics.push(...this.ksumma.finish());
    const whole = capDiagnostics(this.file, this.diagnostics);
    // Said first, since it explains everything after it.
    const notSie: Diagnostic[] =
      !this.recordsSeen && this.notRecords.length
        ? [
            {
              file: this.file,
              line: 0,
              severity: "error",
              message: "Filen har inga kända SIE-poster: är det en SIE-fil?"
            }
          ]
        : [];
    return {ledger: this.ledger, diagnostics: [...notSie, ...lines, ...whole], counts: this.counts};
  }

  /**
   * An account that rows use but #KONTO never names: a typo in the account or a chart that is out of date. A
   * warning, not a rejection: the voucher balances and the statements place accounts by number, not by name. Only
   * checked when the file has a chart at all, since #KONTO is optional in practice.
   */
  private checkChart(): void {
    if (!this.strict || this.chart.size === 0) return;
    for (const [account, {line, uses}] of this.used) {
      if (this.chart.has(account)) continue;
      const where = uses === 1 ? "på en rad; raden behålls" : `på ${uses} rader, första här; raderna behålls`;
      this.warning(line, `Konto ${account} saknas i kontoplanen (#KONTO) men används ${where}`);
    }
  }

  /**
   * Two vouchers with one number but different rows. A series that gives all its vouchers the same number does not
   * number them (BL Administration writes every automatic depreciation as "# 1"), so only a numbered series clashes.
   */
  private checkClashes(): void {
    if (this.clashes.length === 0) return;
    const numbers = new Map<string, Set<string>>();
    for (const v of this.ledger.vouchers) {
      if (!numbers.has(v.series)) numbers.set(v.series, new Set());
      numbers.get(v.series)!.add(v.number);
    }
    // A streamed read keeps no voucher: the numbers claimed per series count instead.
    const count = (series: string) => numbers.get(series)?.size ?? this.numbered.get(series)?.size ?? 0;
    for (const {voucher, first} of this.clashes) {
      if (count(voucher.series) < 2) continue;
      this.warning(
        voucher.line,
        `Verifikationsnumret ${voucherName(voucher)} används redan på rad ${first.line} av en verifikation med ` +
          `andra rader; båda behålls`
      );
    }
  }

  private error(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "error", message});
  }

  private warning(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "warning", message});
  }

  private info(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "info", message});
  }
}

/** Numbers up to this are kept by index: beyond it an array would be too sparse to be worth it. */
const MAX_INDEXED_NUMBER = 10_000_000;

/**
 * The kept vouchers of one series by number. Plain numbers ("1", "2", …) index an array: a million vouchers in a
 * map by string cost a hash lookup each, with a cache miss or two, where most series number 1, 2, 3 in order.
 */
class SeriesNumbers {
  private readonly byIndex: (Claim | undefined)[] = [];
  private readonly byText = new Map<string, Claim>();
  /** Numbers claimed. */
  size = 0;

  /** The claim that already has this number; undefined when none has, and this one now has it. */
  claim(number: string, claim: Claim): Claim | undefined {
    const index = plainIndex(number);
    const first = index < 0 ? this.byText.get(number) : this.byIndex[index];
    if (first) return first;
    if (index < 0) this.byText.set(number, claim);
    else this.byIndex[index] = claim;
    this.size++;
    return undefined;
  }
}

/** What a kept voucher leaves to be recognised by: the voucher itself, or in a streamed read its rows as text. */
type Claim = {date: string; line: number; rows: string} | Voucher;

/** A voucher's rows as one exact text, equal for two vouchers exactly when sameRows holds. */
function rowsKey(rows: Transaction[]): string {
  let key = "";
  for (const t of rows) {
    key += `${t.kind}\u0001${t.account}\u0001${t.amount}`;
    for (const o of t.objects) key += `\u0001${o.dim}\u0002${o.code}`;
    key += "\u0000";
  }
  return key;
}

/** The value of a number without sign or leading zero, up to MAX_INDEXED_NUMBER; else -1. */
function plainIndex(text: string): number {
  const n = text.length;
  if (n === 0 || n > 7 || (n > 1 && text.charCodeAt(0) === 0x30)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value < MAX_INDEXED_NUMBER ? value : -1;
}

function voucherName(voucher: Voucher): string {
  return `${voucher.series} ${voucher.number}`.trim() || "utan nummer";
}

function sameRows(a: Transaction[], b: Transaction[]): boolean {
  return a.length === b.length && a.every((t, i) => t.kind === b[i].kind && sameRow(t, b[i]));
}

/** "5, 7 och 9", the first ten and then how many more. */
function listLines(lines: number[]): string {
  const shown = lines.slice(0, 10);
  const rest = lines.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} och ${formatCount(rest)} till`;
  return shown.length === 1 ? String(shown[0]) : `${shown.slice(0, -1).join(", ")} och ${shown[shown.length - 1]}`;
}

// A file of garbage has a problem on nearly every line; past this many the rest are only counted.
const MAX_DIAGNOSTICS = 100;

const SEVERITY_RANK = {info: 0, warning: 1, error: 2} as const;

/** The first MAX_DIAGNOSTICS diagnostics and one that counts the rest by severity. */
function capDiagnostics(file: string, diagnostics: Diagnostic[]): Diagnostic[] {
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

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function sameRow(a: Transaction, b: Transaction): boolean {
  if (a.account !== b.account || a.amount !== b.amount || a.objects.length !== b.objects.length) return false;
  return a.objects.every((o, i) => o.dim === b.objects[i].dim && o.code === b.objects[i].code);
}

// ---------------------------------------------------------------------------------------------------------------
// Checks over the whole file

/** The account balances of one kind and year, without object. */
function balancesOf(ledger: Ledger, kind: Balance["kind"], yearIndex: number): Map<string, Balance> {
  const map = new Map<string, Balance>();
  for (const b of ledger.balances) if (b.kind === kind && b.yearIndex === yearIndex && !b.object) map.set(b.account, b);
  return map;
}

/** Last year's #UB must be this year's #IB, except that equity (20xx) also receives last year's result. */
function checkYearTransition(ledger: Ledger, diagnostics: Diagnostic[]): void {
  const file = ledger.file;
  const closing = balancesOf(ledger, "ub", -1);
  const opening = balancesOf(ledger, "ib", 0);
  let equityDifference = 0n;
  let equityLine = 0;
  for (const [account, ib] of opening) {
    const ub = closing.get(account);
    if (!ub || ub.amount === ib.amount) continue;
    const difference = ib.amount - ub.amount;
    if (account.startsWith("20")) {
      equityDifference += difference;
      equityLine ||= ib.line;
      continue;
    }
    diagnostics.push({
      file,
      line: ib.line,
      severity: "error",
      message:
        `Konto ${account}: #IB år 0 (${formatKronor(ib.amount)}) skiljer sig från #UB år -1 ` +
        `(${formatKronor(ub.amount)}), differens ${formatKronor(difference)}`
    });
  }
  if (equityDifference === 0n) return;
  // #RES is debit-positive like everything else, so a profit is negative and so is its credit to equity.
  let result = 0n;
  for (const b of ledger.balances) if (b.kind === "res" && b.yearIndex === -1 && !b.object) result += b.amount;
  const carried = equityDifference === result;
  diagnostics.push({
    file,
    line: equityLine,
    severity: carried ? "info" : "error",
    message: carried
      ? `Eget kapital (20xx): #IB år 0 skiljer sig från #UB år -1 med ${formatKronor(equityDifference)}, ` +
        `vilket är föregående års resultat som förts över`
      : `Eget kapital (20xx): #IB år 0 skiljer sig från #UB år -1 med ${formatKronor(equityDifference)}, ` +
        `men föregående års resultat är ${formatKronor(result)}`
  });
}

/**
 * This year's #UB should be #IB plus the year's transactions, and #RES the transactions alone. A warning, not an
 * error: real exports are sometimes partial (the Fortnox fixture repeats #IB as #UB next to a year of vouchers).
 */
function checkClosingBalances(ledger: Ledger, diagnostics: Diagnostic[]): void {
  const closing = balancesOf(ledger, "ub", 0);
  const results = balancesOf(ledger, "res", 0);
  // Summing every row is the costly part, and a file without closing balances has nothing to check it against.
  if (ledger.vouchers.length === 0 || (closing.size === 0 && results.size === 0)) return;
  const sums = yearSums(ledger);
  const opening = balancesOf(ledger, "ib", 0);
  const check = (b: Balance, expected: bigint, what: string): void => {
    if (b.amount === expected) return;
    diagnostics.push({
      file: ledger.file,
      line: b.line,
      severity: "warning",
      message:
        `Konto ${b.account}: ${b.kind === "ub" ? "#UB" : "#RES"} år 0 är ${formatKronor(b.amount)} men ${what} ger ` +
        `${formatKronor(expected)} (differens ${formatKronor(b.amount - expected)})`
    });
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
