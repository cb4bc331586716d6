// Sums only: what a trial balance needs from an SIE file, read without an object or a string per voucher or row.
// Voucher lines (#VER, rows and braces) are split in their bytes by the reader's fast path (SimpleLine, under the
// same rules as Reader.lineBytes), amounts become integer öre, accounts and dates small integers, and each row is
// added to its day's sums as it is read. Every other line goes to a Reader, so the header, chart, years and
// balances are read and checked exactly as readSie reads them. A voucher that readSie would say anything about
// (unbalanced, a number used twice, a line its fast path refuses, a date outside the years …) ends this read, and
// the file is read in full by readSieStream instead: the ledger, diagnostics and counts are always readSie's.

import {MovementSums} from "../../src/lib/balances.js";
import type {FiscalYear, ObjectRef} from "../../src/lib/ledger.js";
import {SieDecoder, type LineSink, type SieEncoding} from "./decode.js";
import {Reader, type SieReadOptions, type SieResult} from "./read.js";
import {AsciiCache, CLOSE_LINE, OPEN_LINE, RECORD_LINE, SimpleLine} from "./scan.js";
import {readSieStream} from "./stream.js";
import {parseDate} from "./values.js";
import {BTRANS_LABEL, RTRANS_LABEL, TRANS_LABEL, VER_LABEL} from "./vouchers-fast.js";

/** One fiscal year's vouchers and movement per account, as MovementSums.forYear gives them. */
export interface YearMovements {
  vouchers: number;
  movements: Map<string, bigint>;
}

/** Movements that can be asked for per fiscal year: MovementSums, or DaySums here. */
export interface MovementsByYear {
  forYear(fy: FiscalYear): YearMovements;
}

export interface SieSumsResult extends SieResult {
  sums: MovementsByYear;
  /** Why the file was read in full by readSieStream; undefined when it was summed from its bytes. */
  fullRead?: string;
}

type Chunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Reads an SIE file for its balances and movements only: summed from its bytes when every voucher is one readSie
 * would keep without a word, else read in full (`open` is called a second time). Either way the result is what
 * readSieStream with MovementSums gives.
 */
export async function readSieSums(
  open: () => Chunks,
  file: string,
  options: SieReadOptions = {}
): Promise<SieSumsResult> {
  let reason: string;
  try {
    const reader = new SieSumsReader(file, options);
    for await (const chunk of open()) reader.push(chunk);
    return reader.finish();
  } catch (error) {
    if (!(error instanceof ReadInFull)) throw error;
    reason = error.message;
  }
  const sums = new MovementSums();
  const result = await readSieStream(open(), file, (voucher) => sums.add(voucher), options);
  return {...result, sums, fullRead: reason};
}

/** Thrown where the sums read stops: the file is then read in full. */
class ReadInFull extends Error {}

/** The sums read: push chunks, then finish; throws ReadInFull where only a full read can say what readSie says. */
export class SieSumsReader {
  private readonly decoder: SieDecoder;
  private sink: SumsSink | undefined;

  constructor(file: string, options: SieReadOptions = {}) {
    this.decoder = new SieDecoder((encoding) => (this.sink = new SumsSink(file, encoding, options.strict ?? false)));
  }

  push(chunk: Uint8Array): void {
    this.decoder.push(chunk);
  }

  finish(): SieSumsResult {
    const {encoding, utf8Lines} = this.decoder.end();
    return this.sink!.finish(encoding, utf8Lines);
  }
}

/** Where the sink is: between vouchers, after a #VER, or inside its braces. */
const OUTSIDE = 0;
const AFTER_VER = 1;
const IN_BLOCK = 2;

/** Each amount is below 10^15 öre (scan.ts, plainOre): sums up to 2^53 of them are exact as numbers. */
const EXACT = Number.MAX_SAFE_INTEGER;

const NO_REFS: ObjectRef[] = [];

/** Accounts numbered below this are found by number (BAS accounts have four digits). */
const SHORT_ACCOUNTS = 100_000;

class SumsSink implements LineSink {
  private readonly reader: Reader;
  private readonly simple: SimpleLine;
  private readonly sums = new DaySums();
  private readonly accountIds = new AsciiCache<number>((text) => this.sums.account(text));
  /** 1 + the index of each account numbered below SHORT_ACCOUNTS, or 0. */
  private readonly shortAccounts = new Int32Array(SHORT_ACCOUNTS);
  /** A day's index, or -1 for text that is no date. */
  private readonly dateIds = new AsciiCache<number>((text) => {
    const date = parseDate(text);
    return date === undefined ? -1 : this.sums.day(date);
  });
  private readonly series = new AsciiCache<SeriesClaims>(() => new SeriesClaims());
  private state = OUTSIDE;
  private day = 0;
  private daySums: Float64Array<ArrayBuffer> = new Float64Array(0);
  private dayTouched: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  private voucherSum = 0;
  private voucherAbs = 0;
  /** An #RTRANS's account, amount and objects, which the next row must repeat as #TRANS; account -1 when none. */
  private rtransAccount = -1;
  private rtransOre = 0;
  private rtransRefs: ObjectRef[] = NO_REFS;
  private vouchers = 0;
  private rows = 0;
  private abs = 0;

  constructor(file: string, encoding: SieEncoding, strict: boolean) {
    this.reader = new Reader(file, encoding, strict);
    this.simple = new SimpleLine(encoding, parseDate);
  }

  lineBytes(bytes: Uint8Array, start: number, end: number): boolean {
    const scanned = this.simple.scan(bytes, start, end);
    if (scanned === OPEN_LINE) {
      if (this.state !== AFTER_VER) throw new ReadInFull("{ utan #VER");
      this.state = IN_BLOCK;
    } else if (scanned === CLOSE_LINE) {
      this.close();
    } else if (scanned === RECORD_LINE) {
      const simple = this.simple;
      if (simple.isLabel(0, TRANS_LABEL)) this.row(0);
      else if (simple.isLabel(0, VER_LABEL)) this.voucher();
      else if (simple.isLabel(0, RTRANS_LABEL)) this.row(1);
      else if (simple.isLabel(0, BTRANS_LABEL)) this.row(2);
      else if (this.state !== OUTSIDE) throw new ReadInFull("annan post inne i en verifikation");
      else return false;
    } else return false;
    return true;
  }

  /** A line outside the vouchers, for the reader; one it would read as a voucher or row needs the full read. */
  line(raw: string, lineNo: number): void {
    if (this.state !== OUTSIDE) {
      if (raw.trim() === "") return;
      throw new ReadInFull(`rad ${lineNo} i en verifikation kan inte läsas från sina bytes`);
    }
    this.reader.line(raw, lineNo);
    if (this.reader.holdsVouchers()) throw new ReadInFull(`rad ${lineNo} öppnar en verifikation eller #KSUMMA`);
  }

  /** #VER as Reader.simpleVoucher takes it, with a number no earlier voucher of its series has. */
  private voucher(): void {
    const simple = this.simple;
    if (this.state !== OUTSIDE) throw new ReadInFull("#VER utan avslutande }");
    if (simple.count < 4 || simple.hasList(1, 6)) throw new ReadInFull("#VER med för få fält eller en lista");
    const day = simple.cached(3, this.dateIds);
    if (day === undefined || day < 0) throw new ReadInFull("#VER utan giltigt datum");
    if (!simple.isEmpty(5) && simple.date(5) === undefined) throw new ReadInFull("ogiltigt registreringsdatum");
    if (!simple.isEmpty(2)) {
      const claims = simple.cached(1, this.series);
      const index = simple.plainNumber(2);
      const fresh = claims && (index >= 0 ? claims.claimIndex(index) : claims.claimText(simple.value(2)));
      if (!fresh) throw new ReadInFull("verifikationsnumret finns redan");
    }
    this.state = AFTER_VER;
    this.voucherSum = 0;
    this.voucherAbs = 0;
    if (day !== this.day || this.daySums.length !== this.sums.capacity) this.useDay(day);
  }

  /** A row as Reader.simpleRow takes it; kind 0 #TRANS, 1 #RTRANS, 2 #BTRANS. Only #TRANS counts in the sums. */
  private row(kind: number): void {
    const simple = this.simple;
    if (this.state !== IN_BLOCK) throw new ReadInFull("rad utanför { }");
    if (simple.count < 3 || simple.isEmpty(1) || simple.hasList(1, 2)) throw new ReadInFull("rad utan konto");
    let i = 2;
    const list = simple.hasList(2, 3);
    if (list) i++;
    if ((list && !simple.pairsUp(2)) || simple.hasList(i, i + 4)) throw new ReadInFull("udda objektlista");
    const ore = simple.ore(i++);
    if (ore === undefined) throw new ReadInFull("belopp som inte är enkelt");
    if (!simple.isEmpty(i) && simple.date(i) === undefined) throw new ReadInFull("ogiltigt transaktionsdatum");
    const account = this.account();
    // Objects matter only to compare an #RTRANS with the #TRANS after it.
    const refs = kind === 1 || this.rtransAccount >= 0 ? (list ? simple.refs(2)! : NO_REFS) : NO_REFS;
    const abs = ore < 0 ? -ore : ore;
    this.rows++;
    this.voucherAbs += abs;
    if (this.rtransAccount >= 0) {
      const same = kind === 0 && account === this.rtransAccount && ore === this.rtransOre && refs === this.rtransRefs;
      if (!same) throw new ReadInFull("#RTRANS som inte följs av en likadan #TRANS");
      this.rtransAccount = -1;
    }
    if (kind === 1) {
      this.rtransAccount = account;
      this.rtransOre = ore;
      this.rtransRefs = refs;
    }
    if (kind !== 0) return;
    this.voucherSum += ore;
    if (account >= this.daySums.length) this.useDay(this.day, account);
    this.daySums[account] += ore;
    this.dayTouched[account] = 1;
  }

  /** The index of the row's account: by its number when it is a short plain one (most are), else by its bytes. */
  private account(): number {
    const number = this.simple.plainNumber(1);
    if (number >= 0 && number < SHORT_ACCOUNTS) {
      const known = this.shortAccounts[number];
      if (known > 0) return known - 1;
      const id = this.sums.account(String(number));
      this.shortAccounts[number] = id + 1;
      return id;
    }
    const id = this.simple.cached(1, this.accountIds);
    if (id === undefined) throw new ReadInFull("konto som inte är ASCII");
    return id;
  }

  private close(): void {
    if (this.state !== IN_BLOCK) throw new ReadInFull("} utan öppen verifikation");
    if (this.rtransAccount >= 0) throw new ReadInFull("#RTRANS sist i en verifikation");
    if (this.voucherAbs > EXACT) throw new ReadInFull("belopp för stora för summering som tal");
    if (this.voucherSum !== 0) throw new ReadInFull("verifikationen balanserar inte");
    this.state = OUTSIDE;
    this.vouchers++;
    this.abs += this.voucherAbs;
    this.sums.vouchers[this.day]++;
  }

  private useDay(day: number, account = 0): void {
    this.sums.ensure(account);
    this.day = day;
    this.daySums = this.sums.sums[day];
    this.dayTouched = this.sums.touched[day];
  }

  finish(encoding: SieEncoding, utf8Lines: number[]): SieSumsResult {
    if (this.state !== OUTSIDE) throw new ReadInFull("filen slutar inne i en verifikation");
    if (this.abs > EXACT) throw new ReadInFull("belopp för stora för summering som tal");
    const sums = this.sums;
    const summed = {
      vouchers: this.vouchers,
      rows: this.rows,
      abs: this.abs,
      dates: sums.dates.filter((_, day) => sums.vouchers[day] > 0),
      accounts: sums.accounts
    };
    if (!this.reader.acceptSummed(summed))
      throw new ReadInFull("datum utanför räkenskapsåren eller konto utanför kontoplanen");
    if (utf8Lines.length) this.reader.mixedEncoding(utf8Lines, encoding);
    return {...this.reader.finish(), sums};
  }
}

/** Numbers a series has given, to find one given twice: plain numbers in a bitmap, others as text. */
class SeriesClaims {
  private bits = new Uint8Array(1024);
  private readonly texts = new Set<string>();

  /** True when the number was free and is now taken. */
  claimIndex(index: number): boolean {
    const byte = index >> 3;
    if (byte >= this.bits.length) {
      const bits = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      bits.set(this.bits);
      this.bits = bits;
    }
    const bit = 1 << (index & 7);
    if (this.bits[byte] & bit) return false;
    this.bits[byte] |= bit;
    return true;
  }

  claimText(text: string): boolean {
    if (this.texts.has(text)) return false;
    this.texts.add(text);
    return true;
  }
}

/** Sums in öre per day and account index, exact as numbers (see EXACT); what forYear gives as bigint. */
class DaySums implements MovementsByYear {
  readonly dates: string[] = [];
  readonly accounts: string[] = [];
  readonly vouchers: number[] = [];
  readonly sums: Float64Array<ArrayBuffer>[] = [];
  readonly touched: Uint8Array<ArrayBuffer>[] = [];
  private readonly dayIds = new Map<string, number>();
  private readonly accountIds = new Map<string, number>();
  /** The length of every day's arrays: more than the accounts so far. */
  capacity = 64;

  day(date: string): number {
    let id = this.dayIds.get(date);
    if (id === undefined) {
      this.dayIds.set(date, (id = this.dates.length));
      this.dates.push(date);
      this.vouchers.push(0);
      this.sums.push(new Float64Array(this.capacity));
      this.touched.push(new Uint8Array(this.capacity));
    }
    return id;
  }

  account(text: string): number {
    let id = this.accountIds.get(text);
    if (id === undefined) {
      this.accountIds.set(text, (id = this.accounts.length));
      this.accounts.push(text);
    }
    return id;
  }

  /** Makes every day's arrays long enough for account index `account`. */
  ensure(account: number): void {
    if (account < this.capacity) return;
    while (this.capacity <= account) this.capacity *= 2;
    for (let d = 0; d < this.sums.length; d++) {
      const sums = new Float64Array(this.capacity);
      sums.set(this.sums[d]);
      this.sums[d] = sums;
      const touched = new Uint8Array(this.capacity);
      touched.set(this.touched[d]);
      this.touched[d] = touched;
    }
  }

  forYear(fy: FiscalYear): YearMovements {
    const totals = new Float64Array(this.accounts.length);
    const touched = new Uint8Array(this.accounts.length);
    let vouchers = 0;
    for (let d = 0; d < this.dates.length; d++) {
      const date = this.dates[d];
      if (date < fy.start || date > fy.end) continue;
      vouchers += this.vouchers[d];
      const sums = this.sums[d];
      const marks = this.touched[d];
      for (let a = 0; a < this.accounts.length; a++) {
        if (!marks[a]) continue;
        totals[a] += sums[a];
        touched[a] = 1;
      }
    }
    const movements = new Map<string, bigint>();
    for (let a = 0; a < this.accounts.length; a++) if (touched[a]) movements.set(this.accounts[a], BigInt(totals[a]));
    return {vouchers, movements};
  }
}
