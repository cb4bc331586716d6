// The vouchers and rows of an SIE file in the columns (src/lib/voucher-columns.ts): opening and closing vouchers, their
// rows, and the checks on them (balance, copies, numbering). FastVoucherReader (vouchers-fast.ts) reads the lines
// that make up nearly all of a large ledger from their bytes into the same helpers; Reader (reader.ts) adds the other
// records and the end of the file.

import type {Diagnostic, Ledger, ObjectRef, ReadCounts, Transaction, Voucher} from "../../src/lib/ledger.js";
import {attachColumns, KIND_INDEX, VoucherColumns} from "../../src/lib/voucher-columns.js";
import type {SieEncoding} from "./decode.js";
import {KsummaChecker} from "./ksumma.js";
import {SimpleLine} from "./scan.js";
import {field, type ListToken, type Token} from "./tokenize.js";
import {describe, formatKronor, MAX_ORE, parseAmount, parseDate} from "./values.js";
import {objectsHash, rowsHash, sameRow, sameRows, SeriesNumbers, type Claim} from "./voucher-numbers.js";

function newCounts(): ReadCounts {
  return {read: 0, kept: 0, rejected: 0};
}

/** Where an account is first used, and how many records use it. */
export interface AccountUse {
  line: number;
  uses: number;
}

/** An account as the fast path reads it, with its id in the columns and its AccountUse once it has one. */
export interface UsedAccount {
  account: string;
  id: number;
  use: AccountUse | undefined;
}

/** What names a voucher in a message that is given after it closed. */
export interface VoucherId {
  series: string;
  number: string;
  date: string;
  line: number;
}

/** The voucher being read: its #VER and what its rows add up to so far. One object, reused for every voucher. */
export interface OpenVoucher {
  series: string;
  /** Its number when plain digits (see SimpleLine.plainNumber), else -1 and the number in numberText. */
  numberValue: number;
  numberText: string;
  /** The date as YYYY-MM-DD, or as written when it is not a valid date (then the voucher is rejected). */
  date: string;
  /** The text when read the general way; from the fast path it is in the columns' text bytes. */
  text: string | undefined;
  regDate: string | undefined;
  line: number;
  /** Its first row in the columns. */
  firstRow: number;
  /** Whether its `{` has been seen. */
  inBlock: boolean;
  /** Rows read, including rejected ones. */
  rows: number;
  faulty: boolean;
  sum: bigint;
  /**
   * The part of the #TRANS sum kept as a number, exact while small (see addRow): a bigint addition per row would
   * allocate a bigint per row. The voucher's sum is sum + sumSmall.
   */
  sumSmall: number;
  /** The sum of the rows' absolute amounts, exact up to Number.MAX_SAFE_INTEGER (see totalWith). */
  abs: number;
  /** The row of an #RTRANS that the next row should repeat as #TRANS, or -1. */
  pendingRtrans: number;
}

/** Object lists at most this many in a streamed read's columns before they are forgotten: its rows are not kept. */
const STREAM_OBJECT_LISTS = 4096;

/** Reads vouchers and rows; the state that the rest of the reader shares is here too. */
export class VoucherReader {
  /** When set, each kept voucher goes here instead of into ledger.vouchers (see readSieStream). */
  onVoucher?: (voucher: Voucher) => void;

  /** The fast path's split of the current line (see lineBytes). */
  protected readonly simple: SimpleLine;

  protected readonly ledger: Ledger;

  /** The kept vouchers and their rows (in a streamed read only the current one's), and the rows read so far. */
  protected columns = new VoucherColumns();

  protected readonly diagnostics: Diagnostic[] = [];

  protected readonly counts = {vouchers: newCounts(), transactions: newCounts(), balances: newCounts()};

  protected readonly ksumma: KsummaChecker;

  protected current: OpenVoucher | undefined;

  /** Every account a row or balance uses: the first line and how many records. */
  protected readonly used = new Map<string, AccountUse>();

  /** Kept vouchers by series and number, to find the same voucher twice. */
  protected readonly numbered = new Map<string, SeriesNumbers>();

  /** The series in which a voucher without a number was kept (such a voucher claims no number). */
  protected readonly unnumbered = new Set<string>();

  /** A kept voucher whose number an earlier kept voucher with other rows already has. */
  protected readonly clashes: {voucher: VoucherId; first: Claim}[] = [];

  /** Whether any line was a record this reader knows. */
  protected recordsSeen = false;

  /** Lines with anything but blanks that reached line(): the fast path only takes records, which set recordsSeen. */
  protected textLines = 0;

  /** The accounts by their id in the columns. */
  private readonly usedById: UsedAccount[] = [];

  /** The sum of every kept amount's absolute value: while it fits a BIGINT, so does any sum of kept amounts. */
  protected absTotal: number | bigint = 0;

  /** Kept vouchers dated outside the #RAR years known when they closed: checked again at the end. */
  protected readonly undated: VoucherId[] = [];

  /** The object behind `current`, reused. */
  private readonly open: OpenVoucher = {
    series: "",
    numberValue: -1,
    numberText: "",
    date: "",
    text: undefined,
    regDate: undefined,
    line: 0,
    firstRow: 0,
    inBlock: false,
    rows: 0,
    faulty: false,
    sum: 0n,
    sumSmall: 0,
    abs: 0,
    pendingRtrans: -1
  };

  /** Per object list (by its id in the columns) a hash of its objects, for rowsHash. */
  private objectHashes: number[] = [];

  constructor(
    protected readonly file: string,
    protected readonly encoding: SieEncoding,
    protected readonly strict: boolean
  ) {
    this.ksumma = new KsummaChecker(file);
    this.simple = new SimpleLine(encoding, parseDate);
    this.columns.decodeText = (bytes, start, end) => this.simple.decodeText(bytes, start, end);
    this.ledger = {file, fiscalYears: [], accounts: [], dimensions: [], objects: [], balances: [], vouchers: []};
  }

  /**
   * Prepares the columns for a whole file read at once: sized by a guess from its size (a row per 32 bytes, a voucher
   * per 96; a row line has 25–40 bytes, a voucher a #VER line, braces and rows), and with voucher texts kept as ranges
   * of its bytes (VoucherColumns.readsFrom). A file with more rows grows the columns as before. The guess was a row per
   * 16 bytes; halving it made a read of 100 000 vouchers about 10 % faster in CPU time (twelve processes each way), since
   * reserved room that is never written still counts as memory the collector works against.
   */
  readsWhole(bytes: Uint8Array): void {
    this.columns.reserve(Math.ceil(bytes.length / 32), Math.ceil(bytes.length / 96));
    this.columns.readsFrom(bytes);
  }

  protected usedAccount(account: string): UsedAccount {
    const id = this.columns.accounts.id(account);
    return (this.usedById[id] ??= {account, id, use: undefined});
  }

  /**
   * Whether this reader is inside a voucher, has read one, or sums #KSUMMA (so must see every record as tokens):
   * SieSumsReader (sums.ts) hands it only the lines outside vouchers and must read the file in full when this is so.
   */
  holdsVouchers(): boolean {
    const {vouchers, transactions} = this.counts;
    return this.current !== undefined || vouchers.read + transactions.read > 0 || this.ksumma.summing;
  }

  /** What every record does first: note that the file has SIE records, and end a voucher that a record follows. */
  protected beginRecord(known: boolean, isRow: boolean): void {
    if (known) this.recordsSeen = true;
    // Any record but a row ends a voucher that never opened its braces.
    if (!isRow && this.current && !this.current.inBlock) this.closeVoucher();
  }

  /** The amount of a field, or undefined with the reason added to `problems`. */
  protected amount(text: string | undefined, problems: string[]): bigint | undefined {
    if (text === undefined) {
      problems.push("Belopp saknas");
      return undefined;
    }
    const amount = parseAmount(text);
    if (typeof amount === "bigint") return amount;
    problems.push(amount.error);
    return undefined;
  }

  protected objects(list: ListToken, label: string, line: number): ObjectRef[] {
    // Frozen and shared by every row with the same list: a million rows need not hold a million copies.
    if (list.refs) return list.refs;
    const refs: ObjectRef[] = [];
    for (let i = 0; i + 1 < list.items.length; i += 2) refs.push({dim: list.items[i], code: list.items[i + 1]});
    if (list.items.length % 2 === 1)
      this.warning(line, `Objektlistan i ${label} har ett udda antal fält; det sista ignoreras`);
    return refs;
  }

  /**
   * The running total of absolute amounts with `abs` added, or undefined when that no longer fits a BIGINT. `abs` is
   * a float sum of exact integers, so exact while it is at most Number.MAX_SAFE_INTEGER; `exact` gives it otherwise.
   */
  protected totalWith(abs: number, exact: () => bigint): number | bigint | undefined {
    const total = this.absTotal;
    if (typeof total === "number" && total + abs <= Number.MAX_SAFE_INTEGER) return total + abs;
    const sum = BigInt(total) + (abs <= Number.MAX_SAFE_INTEGER ? BigInt(abs) : exact());
    return sum > MAX_ORE ? undefined : sum;
  }

  protected openVoucher(tokens: Token[], line: number): void {
    this.endVoucherWithoutBrace();
    const dateText = field(tokens, 3) ?? "";
    const date = parseDate(dateText);
    const regText = field(tokens, 5);
    const regDate = regText ? parseDate(regText) : undefined;
    this.startVoucher(field(tokens, 1) ?? "", -1, field(tokens, 2) ?? "", date ?? dateText, line);
    this.current!.text = field(tokens, 4) ?? "";
    const open = this.current!;
    if (!date) this.reject(open, line, dateText ? `Ogiltigt datum "${dateText}" i #VER` : "Datum saknas i #VER");
    if (regDate) open.regDate = regDate;
    else if (regText) this.warning(line, `Ogiltigt registreringsdatum "${regText}" i #VER; det ignoreras`);
  }

  /** A #VER while the last voucher is still open: that voucher lacks its }. */
  protected endVoucherWithoutBrace(): void {
    if (!this.current) return;
    this.warning(this.current.line, `Verifikation ${openName(this.current)} saknar avslutande }`);
    this.closeVoucher();
  }

  /** Opens a voucher numbered `numberValue` when that is plain, else `numberText`, dated `date` (as written). */
  protected startVoucher(series: string, numberValue: number, numberText: string, date: string, line: number): void {
    const open = this.open;
    open.series = series;
    open.numberValue = numberValue;
    open.numberText = numberText;
    open.date = date;
    open.text = undefined;
    open.regDate = undefined;
    open.line = line;
    open.firstRow = this.columns.rowCount;
    open.inBlock = false;
    open.rows = 0;
    open.faulty = false;
    open.sum = 0n;
    open.sumSmall = 0;
    open.abs = 0;
    open.pendingRtrans = -1;
    this.columns.startText();
    this.current = open;
  }

  protected openBlock(line: number): void {
    if (this.current && !this.current.inBlock) this.current.inBlock = true;
    else this.warning(line, "{ utan föregående #VER ignoreras");
  }

  protected closeBlock(line: number): void {
    if (this.current) this.closeVoucher();
    else this.warning(line, "} utan öppen verifikation ignoreras");
  }

  protected row(kind: Transaction["kind"], label: string, tokens: Token[], line: number): void {
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
    const problems: string[] = account ? [] : ["Konto saknas"];
    let objects: ObjectRef[] = NO_OBJECTS;
    const list = tokens[i];
    // The object list is mandatory in SIE 4, but some writers leave it out entirely.
    if (list && list.kind === "list") {
      objects = this.objects(list, label, line);
      i++;
    }
    const amount = this.amount(field(tokens, i++), problems);
    const dateText = field(tokens, i++);
    const date = dateText ? parseDate(dateText) : undefined;
    if (dateText && !date) problems.push(`Ogiltigt datum "${dateText}"`);
    if (problems.length) return this.reject(open, line, describe(problems, label));
    const used = this.usedAccount(account!);
    const n = Number(amount!);
    const safe = Number.isSafeInteger(n);
    const r = this.columns.addRow(KIND_INDEX[kind], used.id, safe ? n : NaN, this.objectsId(objects), line);
    if (!safe) this.columns.bigAmounts.set(r, amount!);
    this.addRow(open, r, amount!, Math.abs(n), date, field(tokens, i++), field(tokens, i));
  }

  /** The id of an object list in the columns. */
  protected objectsId(objects: ObjectRef[]): number {
    return objects.length === 0 ? 0 : this.columns.objectLists.id(objects);
  }

  /** Adds a valid row, already in the columns as row r, to its voucher; `amount` is its bigint when the caller has one. */
  protected addRow(
    open: OpenVoucher,
    r: number,
    amount: bigint | undefined,
    abs: number,
    date: string | undefined,
    text: string | undefined,
    quantity: string | undefined
  ): void {
    const columns = this.columns;
    if (date && date !== open.date) columns.rowDate.set(r, date);
    if (text) columns.rowText.set(r, text);
    if (quantity) columns.rowQuantity.set(r, quantity);
    this.checkRtrans(open, r);
    if (columns.rowKind[r] === TRANS) {
      // Each addend and the sum before it at most 2^52, so the number sum stays an exact integer.
      if (abs <= SMALL && open.sumSmall <= SMALL && open.sumSmall >= -SMALL) {
        open.sumSmall += columns.rowAmount[r] < 0 || (amount !== undefined && amount < 0n) ? -abs : abs;
      } else open.sum += amount ?? columns.amount(r);
    }
    open.abs += abs;
  }

  /** A problem that rejects the current voucher: the first one says so, the rest are only reported. */
  protected reject(open: OpenVoucher, line: number, message: string): void {
    this.error(line, open.faulty ? message : `${message}; verifikation ${openName(open)} avvisas`);
    open.faulty = true;
  }

  /** Per SIE 4B an #RTRANS (added row) is repeated as #TRANS for readers that ignore #RTRANS; next is a row or -1. */
  protected checkRtrans(open: OpenVoucher, next: number): void {
    const pending = open.pendingRtrans;
    const columns = this.columns;
    if (pending >= 0 && !(next >= 0 && columns.rowKind[next] === TRANS && sameRow(columns, pending, next))) {
      const account = columns.accounts.values[columns.rowAccount[pending]];
      this.warning(columns.rowLine[pending], `#RTRANS på konto ${account} följs inte av en likadan #TRANS`);
    }
    open.pendingRtrans = next >= 0 && columns.rowKind[next] === KIND_INDEX.rtrans ? next : -1;
  }

  protected closeVoucher(): void {
    const open = this.current!;
    this.current = undefined;
    this.checkRtrans(open, -1);
    const counts = this.counts;
    counts.vouchers.read++;
    counts.transactions.read += open.rows;
    // Said where it was found: a faulty voucher's first problem also said that it is rejected.
    let rejected = open.faulty;
    let total: number | bigint | undefined;
    if (!rejected && (open.sumSmall !== 0 || open.sum !== 0n) && open.sum + BigInt(open.sumSmall) !== 0n) {
      const difference = open.sum + BigInt(open.sumSmall);
      this.error(open.line, `Verifikation ${openName(open)} balanserar inte: differens ${formatKronor(difference)}`);
      rejected = true;
    } else if (!rejected && (total = this.totalWith(open.abs, () => this.absSum(open))) === undefined) {
      this.error(open.line, `Verifikation ${openName(open)} avvisas: ${TOO_LARGE}`);
      rejected = true;
    } else if (!rejected) {
      rejected = this.duplicate(open);
    }
    const columns = this.columns;
    if (rejected) {
      counts.vouchers.rejected++;
      counts.transactions.rejected += open.rows;
      columns.dropRows(open.firstRow);
    } else {
      this.absTotal = total!;
      // The accounts of a voucher's rows count as used only if the voucher is kept: a streamed read counts them now,
      // since it forgets the rows; a whole read counts all kept rows at once (countRowUses).
      if (this.onVoucher) {
        const {rowAccount, rowLine} = columns;
        for (let r = open.firstRow; r < columns.rowCount; r++)
          this.useAccount(this.usedById[rowAccount[r]], rowLine[r]);
      }
      if (this.strict && !this.inFiscalYear(open.date)) this.undated.push(voucherId(open));
      counts.vouchers.kept++;
      counts.transactions.kept += open.rows;
      const {series, numberValue, numberText} = open;
      columns.keepVoucher(series, numberValue, numberText, open.date, open.text, open.regDate, open.line);
      if (numberValue < 0 && numberText === "") this.unnumbered.add(series);
      if (this.onVoucher) this.handOn();
    }
  }

  /** A streamed read's kept voucher: made an object for onVoucher, and its rows forgotten. */
  private handOn(): void {
    const columns = this.columns;
    const voucher = columns.voucher(columns.voucherCount - 1);
    const forget = columns.objectLists.values.length > STREAM_OBJECT_LISTS;
    columns.clearVouchers(forget);
    if (forget) this.objectHashes = [];
    this.onVoucher!(voucher);
  }

  /** The exact sum of the open voucher's rows' absolute amounts. */
  private absSum(open: OpenVoucher): bigint {
    let sum = 0n;
    for (let r = open.firstRow; r < this.columns.rowCount; r++) {
      const amount = this.columns.amount(r);
      sum += amount < 0n ? -amount : amount;
    }
    return sum;
  }

  protected use(account: string, line: number): void {
    const use = this.used.get(account);
    if (use) use.uses++;
    else this.used.set(account, {line, uses: 1});
  }

  /**
   * Adds the accounts of a whole read's kept rows to `used`, in one pass over the columns; a streamed read has
   * counted them voucher by voucher. Afterwards `used` is in the order of first use, as when counted as read.
   */
  protected countRowUses(): void {
    if (this.onVoucher) return;
    const {rowAccount, rowLine, rowCount} = this.columns;
    const uses = new Int32Array(this.usedById.length);
    const first = new Int32Array(this.usedById.length);
    for (let r = 0; r < rowCount; r++) {
      const id = rowAccount[r];
      if (uses[id]++ === 0) first[id] = rowLine[r];
    }
    const entries = [...this.used];
    for (let id = 0; id < uses.length; id++) {
      if (uses[id] === 0) continue;
      const {account} = this.usedById[id];
      const use = this.used.get(account);
      if (!use) entries.push([account, {line: first[id], uses: uses[id]}]);
      else {
        use.uses += uses[id];
        use.line = Math.min(use.line, first[id]);
      }
    }
    // Each line has one record, so no two accounts share their first line.
    entries.sort((a, b) => a[1].line - b[1].line);
    this.used.clear();
    for (const [account, use] of entries) this.used.set(account, use);
  }

  /** use() of an account the fast path read, through its cached entry. */
  protected useAccount(used: UsedAccount, line: number): void {
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
  protected duplicate(open: OpenVoucher): boolean {
    if (open.numberValue < 0 && open.numberText === "") return false;
    // By series, then number: no key string per voucher in a ledger of millions.
    let series = this.numbered.get(open.series);
    if (!series) this.numbered.set(open.series, (series = new SeriesNumbers()));
    const columns = this.columns;
    // A kept voucher is claimed by its index in the columns; a streamed read keeps no rows, so only its date, line
    // and a hash of its rows.
    const rows = this.onVoucher ? this.rowsHash(open.firstRow, columns.rowCount) : 0;
    const claim: Claim = this.onVoucher ? {date: open.date, line: open.line, rows} : columns.voucherCount;
    const first = open.numberValue < 0 ? series.claim(open.numberText, claim) : series.claimAt(open.numberValue, claim);
    if (first === undefined) return false;
    let same: boolean;
    let date: string;
    if (typeof first === "number") {
      date = columns.dates.values[columns.voucherDate[first]];
      const from = columns.firstRow[first];
      same = sameRows(columns, from, columns.firstRow[first + 1], open.firstRow, columns.rowCount);
    } else {
      date = first.date;
      same = first.rows === rows;
    }
    if (date === open.date && same) {
      this.error(
        open.line,
        `Verifikation ${openName(open)} avvisas: den är en kopia av verifikationen på rad ${this.claimLine(first)} ` +
          `(samma nummer, datum och rader)`
      );
      return true;
    }
    this.clashes.push({voucher: voucherId(open), first});
    return false;
  }

  private claimLine(claim: Claim): number {
    return typeof claim === "number" ? this.columns.voucherLine[claim] : claim.line;
  }

  /** rowsHash of rows [from, to) of the columns, each object list hashed once. */
  private rowsHash(from: number, to: number): number {
    const columns = this.columns;
    const hashes = this.objectHashes;
    for (let id = hashes.length; id < columns.objectLists.values.length; id++) {
      hashes.push(objectsHash(columns.objectLists.values[id]));
    }
    return rowsHash(columns, from, to, hashes);
  }

  protected inFiscalYear(date: string): boolean {
    const years = this.ledger.fiscalYears;
    for (let k = 0; k < years.length; k++) if (date >= years[k].start && date <= years[k].end) return true;
    return false;
  }

  /**
   * Two vouchers with one number but different rows. A series that gives all its vouchers the same number does not
   * number them (BL Administration writes every automatic depreciation as "# 1"), so only a numbered series clashes.
   */
  protected checkClashes(): void {
    // The distinct numbers of a series' kept vouchers; a streamed read does not count the empty one.
    const count = (series: string) =>
      (this.numbered.get(series)?.size ?? 0) + (!this.onVoucher && this.unnumbered.has(series) ? 1 : 0);
    for (const {voucher, first} of this.clashes) {
      if (count(voucher.series) < 2) continue;
      this.warning(
        voucher.line,
        `Verifikationsnumret ${voucherName(voucher)} används redan på rad ${this.claimLine(first)} av en ` +
          `verifikation med andra rader; båda behålls`
      );
    }
  }

  /** Hands the kept vouchers to the ledger, as objects made when first asked for (see attachColumns). */
  protected attachVouchers(): void {
    if (this.onVoucher) return;
    this.columns.absTotal = typeof this.absTotal === "number" ? this.absTotal : undefined;
    attachColumns(this.ledger, this.columns);
  }

  protected error(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "error", message});
  }

  protected warning(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "warning", message});
  }

  protected info(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "info", message});
  }
}

export const TRANS = KIND_INDEX.trans;

/** A row without an object list. */
const NO_OBJECTS: ObjectRef[] = [];

export const TOO_LARGE =
  "filens belopp blir tillsammans större än en BIGINT-kolumn rymmer (92 233 720 368 547 758,07 kr räknat " +
  "som summan av beloppens absolutvärden)";

/** 2^52: numbers up to this and sums of two of them are exact integers. */
const SMALL = 2 ** 52;

/** The voucher's series, number, date and line, kept for a message after it closed. */
function voucherId(open: OpenVoucher): VoucherId {
  return {series: open.series, number: openNumber(open), date: open.date, line: open.line};
}

function openNumber(open: OpenVoucher): string {
  return open.numberValue < 0 ? open.numberText : String(open.numberValue);
}

/** voucherName of the open voucher. */
export function openName(open: OpenVoucher): string {
  return voucherName({series: open.series, number: openNumber(open)});
}

export function voucherName(voucher: {series: string; number: string}): string {
  return `${voucher.series} ${voucher.number}`.trim() || "utan nummer";
}
