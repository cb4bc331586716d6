// A ledger's vouchers and rows held in typed columns, as the SIE reader writes them: a million rows cost a few
// numbers each instead of a Transaction object and a bigint. `ledger.vouchers` stays an array of Voucher objects for
// every caller, made from the columns on first access (see attachColumns); sums read the columns directly.

import type {Ledger, ObjectRef, Transaction, Voucher} from "./ledger.js";

const KINDS: Transaction["kind"][] = ["trans", "rtrans", "btrans"];

/** The index of a row kind in the kind column. */
export const KIND_INDEX: Record<Transaction["kind"], number> = {trans: 0, rtrans: 1, btrans: 2};

/** Strings numbered in the order first met: each distinct value stored once. */
export class Dictionary<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<T, number>();

  /** The id of a value, added the first time. */
  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

function clear(map: Map<number, unknown>): void {
  if (map.size) map.clear();
}

function objectDictionary(): Dictionary<ObjectRef[]> {
  const lists = new Dictionary<ObjectRef[]>();
  lists.id([]);
  return lists;
}

function grow<A extends Int32Array | Float64Array | Uint8Array>(array: A, size: number): A {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => A)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Kept vouchers and their rows in columns. Rows are appended for the voucher being read and either kept with it
 * (keepVoucher) or dropped (dropRows). Amounts are öre in a Float64Array, exact: a row's amount beyond
 * Number.MAX_SAFE_INTEGER is NaN there and its bigint is in `bigAmounts`.
 */
export class VoucherColumns {
  rowCount = 0;
  rowAccount = new Int32Array(1024);
  rowAmount = new Float64Array(1024);
  rowObjects = new Int32Array(1024);
  rowLine = new Int32Array(1024);
  rowKind = new Uint8Array(1024);
  /** Only the rows that have them: a row's own date (when not the voucher's), text and quantity. */
  readonly rowDate = new Map<number, string>();
  readonly rowText = new Map<number, string>();
  readonly rowQuantity = new Map<number, string>();
  readonly bigAmounts = new Map<number, bigint>();

  voucherCount = 0;
  /** Per voucher its first row; the rows of voucher v are [firstRow[v], firstRow[v + 1]). */
  firstRow = new Int32Array(1025);
  voucherLine = new Int32Array(1024);
  voucherDate = new Int32Array(1024);
  readonly series: string[] = [];
  /** A voucher's number when it is plain digits (see SimpleLine.plainNumber), else -1 and the text in `numberTexts`. */
  numberValue = new Int32Array(1024);
  readonly numberTexts = new Map<number, string>();
  /**
   * Voucher texts as the bytes of their file, decoded only when a voucher is made (decodeText): most vouchers'
   * text is never read. Voucher v's are [textStart[v], textEnd[v]) of `textSource` when the reader gave it the whole
   * file (readsFrom), so that no text is copied; else of `textBytes`, where each text is copied as it is read.
   * `textStrings` has the texts read the general way, already decoded.
   */
  textSource: Uint8Array | undefined;
  textBytes = new Uint8Array(1 << 16);
  textStart = new Int32Array(1024);
  textEnd = new Int32Array(1024);
  readonly textStrings = new Map<number, string>();
  /**
   * The next voucher's text: its range, or its decoded text when its bytes were not textSource's. Without textSource
   * the range is where its copy lies in textBytes, which is filled up to nextEnd.
   */
  private nextStart = 0;
  private nextEnd = 0;
  private nextText: string | undefined;
  decodeText: (bytes: Uint8Array, start: number, end: number) => string = () => "";
  readonly regDates = new Map<number, string>();

  readonly accounts = new Dictionary<string>();
  /** Object lists; id 0 is the empty one. */
  objectLists = objectDictionary();
  /** Counts the dictionaries of object lists: ids from an earlier one are void. */
  objectListsGeneration = 0;
  readonly dates = new Dictionary<string>();

  /** The sum of every kept amount's absolute value while that is exact as a number, else undefined. */
  absTotal: number | undefined = 0;

  /**
   * Makes room for `rows` rows and `vouchers` vouchers at once, so that a reader that can guess them from a file's
   * size does not grow the columns step by step. Room never used takes no pages (a large typed array's pages are only
   * taken when written), but V8 counts it as memory when it decides to collect, so a guess should not be far above
   * what a file holds (see VoucherReader.readsWhole).
   */
  reserve(rows: number, vouchers: number): void {
    this.rowAccount = grow(this.rowAccount, rows);
    this.rowAmount = grow(this.rowAmount, rows);
    this.rowObjects = grow(this.rowObjects, rows);
    this.rowLine = grow(this.rowLine, rows);
    this.rowKind = grow(this.rowKind, rows);
    this.voucherLine = grow(this.voucherLine, vouchers);
    this.voucherDate = grow(this.voucherDate, vouchers);
    this.numberValue = grow(this.numberValue, vouchers);
    this.textStart = grow(this.textStart, vouchers);
    this.textEnd = grow(this.textEnd, vouchers);
    this.firstRow = grow(this.firstRow, vouchers + 1);
  }

  /** Appends a row to the voucher being read; its index. */
  addRow(kind: number, account: number, amount: number, objects: number, line: number): number {
    const r = this.rowCount++;
    if (r === this.rowAccount.length) {
      const n = r * 2;
      this.rowAccount = grow(this.rowAccount, n);
      this.rowAmount = grow(this.rowAmount, n);
      this.rowObjects = grow(this.rowObjects, n);
      this.rowLine = grow(this.rowLine, n);
      this.rowKind = grow(this.rowKind, n);
    }
    this.rowKind[r] = kind;
    this.rowAccount[r] = account;
    this.rowAmount[r] = amount;
    this.rowObjects[r] = objects;
    this.rowLine[r] = line;
    return r;
  }

  /** A row's amount in öre. */
  amount(r: number): bigint {
    const n = this.rowAmount[r];
    return n === n ? BigInt(n) : this.bigAmounts.get(r)!;
  }

  /** Drops the rows from `from` on: those of a rejected voucher. */
  dropRows(from: number): void {
    for (let r = from; r < this.rowCount; r++) {
      this.rowDate.delete(r);
      this.rowText.delete(r);
      this.rowQuantity.delete(r);
      this.bigAmounts.delete(r);
    }
    this.rowCount = from;
  }

  /**
   * Voucher texts are ranges of `bytes`, the whole file being read, instead of copies: a read of a whole file holds
   * its bytes anyway, and copying millions of short texts costs more than the rest of a #VER line.
   */
  readsFrom(bytes: Uint8Array): void {
    this.textSource = bytes;
  }

  /** Starts the text of the next voucher to keep: the text of any voucher read since the last kept one is dropped. */
  startText(): void {
    const v = this.voucherCount;
    this.nextStart = this.nextEnd = this.textSource !== undefined || v === 0 ? 0 : this.textEnd[v - 1];
    this.nextText = undefined;
  }

  /** Sets bytes[start, end) as the text of the next voucher to keep (once per voucher, after startText). */
  addTextBytes(bytes: Uint8Array, start: number, end: number): void {
    if (this.textSource !== undefined) {
      // Only a last line without a line end comes from other bytes (LineFeeder.end): decoded as text(v) would.
      if (bytes === this.textSource) {
        this.nextStart = start;
        this.nextEnd = end;
      } else this.nextText = this.decodeText(bytes, start, end);
      return;
    }
    const at = this.nextEnd;
    const length = at + end - start;
    if (length > this.textBytes.length) this.textBytes = grow(this.textBytes, length);
    const out = this.textBytes;
    for (let i = start; i < end; i++) out[at + i - start] = bytes[i];
    this.nextEnd = length;
  }

  /**
   * Keeps a voucher whose rows are those from its first row to the last one added, and whose text is `text` or else
   * the bytes added since startText. `number` is its number when that is plain digits, else -1 and `numberText`.
   */
  keepVoucher(
    series: string,
    number: number,
    numberText: string,
    date: string,
    text: string | undefined,
    regDate: string | undefined,
    line: number
  ): void {
    const v = this.voucherCount++;
    if (v === this.voucherLine.length) {
      this.voucherLine = grow(this.voucherLine, v * 2);
      this.voucherDate = grow(this.voucherDate, v * 2);
      this.numberValue = grow(this.numberValue, v * 2);
      this.textStart = grow(this.textStart, v * 2);
      this.textEnd = grow(this.textEnd, v * 2);
      this.firstRow = grow(this.firstRow, v * 2 + 1);
    }
    this.series.push(series);
    this.numberValue[v] = number;
    if (number < 0) this.numberTexts.set(v, numberText);
    if (text !== undefined || (text = this.nextText) !== undefined) this.textStrings.set(v, text);
    this.textStart[v] = this.nextStart;
    this.textEnd[v] = this.nextEnd;
    if (regDate !== undefined) this.regDates.set(v, regDate);
    this.voucherLine[v] = line;
    this.voucherDate[v] = this.dates.id(date);
    this.firstRow[v + 1] = this.rowCount;
  }

  /** Forgets every voucher and row (a streamed read's, handed on), and with `objectLists` the object lists too. */
  clearVouchers(objectLists: boolean): void {
    this.voucherCount = 0;
    this.rowCount = 0;
    this.series.length = 0;
    clear(this.rowDate);
    clear(this.rowText);
    clear(this.rowQuantity);
    clear(this.bigAmounts);
    clear(this.regDates);
    clear(this.numberTexts);
    clear(this.textStrings);
    if (objectLists) {
      this.objectLists = objectDictionary();
      this.objectListsGeneration++;
    }
  }

  /** Row r as a Transaction, with the key order the object reader gave. */
  transaction(r: number, voucherDate: string): Transaction {
    const objects = this.objectLists.values[this.rowObjects[r]];
    const t: Transaction = {
      account: this.accounts.values[this.rowAccount[r]],
      amount: this.amount(r),
      objects: objects.length ? objects : [],
      kind: KINDS[this.rowKind[r]],
      line: this.rowLine[r]
    };
    const date = this.rowDate.get(r);
    if (date !== undefined && date !== voucherDate) t.date = date;
    const text = this.rowText.get(r);
    if (text) t.text = text;
    const quantity = this.rowQuantity.get(r);
    if (quantity) t.quantity = quantity;
    return t;
  }

  /** Voucher v as a Voucher with its rows. */
  voucher(v: number): Voucher {
    const date = this.dates.values[this.voucherDate[v]];
    const from = this.firstRow[v];
    const to = this.firstRow[v + 1];
    const transactions: Transaction[] = new Array(to - from);
    for (let r = from; r < to; r++) transactions[r - from] = this.transaction(r, date);
    const voucher: Voucher = {
      series: this.series[v],
      number: this.number(v),
      date,
      text: this.text(v),
      transactions,
      line: this.voucherLine[v]
    };
    const regDate = this.regDates.get(v);
    if (regDate !== undefined) voucher.regDate = regDate;
    return voucher;
  }

  /** Voucher v's number. */
  number(v: number): string {
    const n = this.numberValue[v];
    return n >= 0 ? String(n) : this.numberTexts.get(v)!;
  }

  /** Voucher v's text. */
  text(v: number): string {
    const text = this.textStrings.get(v);
    if (text !== undefined) return text;
    const start = this.textStart[v];
    const end = this.textEnd[v];
    return start === end ? "" : this.decodeText(this.textSource ?? this.textBytes, start, end);
  }

  /** Every voucher as an object. */
  vouchers(): Voucher[] {
    const out: Voucher[] = new Array(this.voucherCount);
    for (let v = 0; v < this.voucherCount; v++) out[v] = this.voucher(v);
    return out;
  }

  /**
   * The #TRANS rows of the vouchers dated within [start, end] (every voucher without bounds), summed per account in
   * the order first met, and the number of those vouchers.
   */
  transSums(start?: string, end?: string): {vouchers: number; movements: Map<string, bigint>} {
    const dates = this.dates.values;
    const inRange = dates.map((d) => (start === undefined || d >= start) && (end === undefined || d <= end));
    const accounts = this.accounts.values.length;
    // Exact as numbers while every amount's absolute value sums to at most 2^53: then so does any partial sum.
    const exact = this.absTotal !== undefined;
    const small = new Float64Array(accounts);
    const big: bigint[] = exact ? [] : new Array<bigint>(accounts).fill(0n);
    const seen = new Int32Array(accounts).fill(-1);
    const order: number[] = [];
    let vouchers = 0;
    const {rowKind, rowAccount, rowAmount, firstRow, voucherDate} = this;
    for (let v = 0; v < this.voucherCount; v++) {
      if (!inRange[voucherDate[v]]) continue;
      vouchers++;
      for (let r = firstRow[v], to = firstRow[v + 1]; r < to; r++) {
        if (rowKind[r] !== 0) continue;
        const a = rowAccount[r];
        if (seen[a] < 0) seen[a] = order.push(a) - 1;
        if (exact) small[a] += rowAmount[r];
        else big[a] += this.amount(r);
      }
    }
    const movements = new Map<string, bigint>();
    for (const a of order) movements.set(this.accounts.values[a], exact ? BigInt(small[a]) : big[a]);
    return {vouchers, movements};
  }
}

const attached = new WeakMap<Ledger, VoucherColumns>();

/**
 * Makes `ledger.vouchers` the columns' vouchers, built on first access and then an ordinary array property. Until
 * then voucherColumns(ledger) gives the columns, for sums that need no objects.
 */
export function attachColumns(ledger: Ledger, columns: VoucherColumns): void {
  attached.set(ledger, columns);
  const settle = (vouchers: Voucher[]) => {
    attached.delete(ledger);
    Object.defineProperty(ledger, "vouchers", {value: vouchers, writable: true, enumerable: true, configurable: true});
    return vouchers;
  };
  Object.defineProperty(ledger, "vouchers", {
    get: () => settle(columns.vouchers()),
    set: settle,
    enumerable: true,
    configurable: true
  });
}

/** The columns of a ledger whose vouchers have not been turned into objects (or replaced), else undefined. */
export function voucherColumns(ledger: Ledger): VoucherColumns | undefined {
  return attached.get(ledger);
}
