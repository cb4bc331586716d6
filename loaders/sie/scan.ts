// The fast path of the SIE reader: the lines that make up nearly all of a large file (#TRANS, #VER and the braces
// around rows) are split in their bytes, and only the values the ledger keeps become strings. A line with anything
// this does not handle exactly as LineTokenizer would (escaped quotes, letters outside quotes, a field glued to a
// quote or brace, an open list) is refused and read the general way instead, so this only has to be right for
// the lines it accepts. test/sie-fastpath.test.ts reads files both ways and compares.

import type {ObjectRef} from "../../src/lib/ledger.js";
import {ByteDecoder, type SieEncoding} from "./decode.js";
import {sharedObjectRefs, SHARED_LENGTH, SHARED_LIMIT, tokenize} from "./tokenize.js";

/** What a field of a SimpleLine is. */
const BARE = 0;
const QUOTED = 1;
const LIST = 2;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
/** More fields than any record the fast path reads has, with room for trailing ones it skips. */
const MAX_FIELDS = 16;

/** Byte classes, looked up once per byte instead of compared several times: a line has dozens of bytes. */
const BLANK_BYTE = 1;
/** A byte that may stand in a bare field: printable ASCII that neither quotes nor opens or closes a list. */
const BARE_BYTE = 2;
/** A byte that ends a quoted field or sends it to the general path: the quote, a backslash, a non-ASCII byte. */
const QUOTED_STOP = 4;
const CLASSES = new Uint8Array(256);
for (let b = SPACE + 1; b < 0x7f; b++) CLASSES[b] = BARE_BYTE;
for (let b = 0x80; b < 0x100; b++) CLASSES[b] = QUOTED_STOP;
for (const b of [SPACE, TAB]) CLASSES[b] = BLANK_BYTE;
// A CR within a line ends a line (see LineFeeder.feed): such a line is for the general path, which splits it. An LF
// ends the line that a scan reads without knowing its end (see SimpleLine.stop).
CLASSES[CR] = QUOTED_STOP;
CLASSES[LF] = QUOTED_STOP;
for (const b of [QUOTE, OPEN, CLOSE]) CLASSES[b] = 0;
for (const b of [QUOTE, BACKSLASH]) CLASSES[b] |= QUOTED_STOP;

// Two comparisons rather than a lookup in CLASSES: measured a little faster in the #TRANS scan, blanks being common.
function isBlank(b: number): boolean {
  return b === SPACE || b === TAB;
}

function isBare(b: number): boolean {
  return (CLASSES[b] & BARE_BYTE) !== 0;
}

function endsLine(b: number): boolean {
  return b === LF || b === CR;
}

/** Whether a token ending at i is followed by a blank or the line's end, as the fast path requires. */
function endsToken(bytes: Uint8Array, i: number, end: number): boolean {
  return i >= end || isBlank(bytes[i]) || endsLine(bytes[i]);
}

/**
 * Where a line whose last field ends at i stops: i when that is `end`, an LF, or a CR before an LF within `end`; -1
 * for anything else, a lone CR among them (LineFeeder.feed splits there, so the line is for the general path).
 */
function lineStop(bytes: Uint8Array, i: number, end: number): number {
  if (i === end || bytes[i] === LF) return i;
  return bytes[i] === CR && i + 1 < end && bytes[i + 1] === LF ? i : -1;
}

/** The longest amount plainOre reads: sign, 13 integer digits, point and 2 decimals. */
export const MAX_PLAIN_AMOUNT = 17;

/** The öre of the amount that scanOre read last. */
let scannedOre = 0;

/**
 * Reads a "-123.45"-style amount from bytes[start] (at most 13 integer digits and 2 decimals, so exact as a number):
 * the index after it, with its öre in scannedOre, or -1 when what starts there is no such amount. scanTrans reads a
 * row's amount with it as it splits the row; plainOre, for everything else, with it.
 */
function scanOre(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && bytes[i] === 0x2d;
  if (negative) i++;
  let value = 0;
  const digits = i;
  for (; i < end; i++) {
    const digit = bytes[i] - 0x30;
    // Unsigned: a byte below "0" wraps to a large number.
    if (digit >>> 0 > 9) break;
    value = value * 10 + digit;
  }
  const intDigits = i - digits;
  if (intDigits === 0 || intDigits > 13) return -1;
  let decimals = 0;
  if (i < end && bytes[i] === 0x2e) {
    const point = ++i;
    for (; i < end; i++) {
      const digit = bytes[i] - 0x30;
      if (digit >>> 0 > 9) break;
      value = value * 10 + digit;
    }
    decimals = i - point;
    if (decimals === 0 || decimals > 2) return -1;
  }
  if (decimals < 2) value *= decimals === 0 ? 100 : 10;
  scannedOre = negative ? -value : value;
  return i;
}

/**
 * Öre of a "-123.45"-style amount in bytes[start, end) (at most 13 integer digits and 2 decimals, so exact as a
 * number), or undefined for anything else. Both paths of the reader parse amounts with it.
 */
export function plainOre(bytes: Uint8Array, start: number, end: number): number | undefined {
  return scanOre(bytes, start, end) === end ? scannedOre : undefined;
}

/** Keys of at most this many bytes are packed into two numbers (see AsciiCache.get). */
const PACKED_LENGTH = 8;

/**
 * Values made from short ASCII texts, found again by their bytes: a repeated account, date or object list costs a
 * hash of its bytes instead of a new string. Bounded, like LineTokenizer's sharing, so memory stays bounded too.
 * Its own open-addressing table rather than a Map: this is looked up several times per line.
 */
export class AsciiCache<T> {
  /** Per slot, 1 + the index of its entry, or 0 when free; a power of two in size, at most half full. */
  private slots = new Int32Array(256);
  private readonly hashes: number[] = [];
  /** Per entry, a key of up to PACKED_LENGTH bytes as two numbers (see get); 0 and 0 for a longer key. */
  private readonly packed: number[] = [];
  private readonly texts: string[] = [];
  private readonly values: T[] = [];

  constructor(private readonly make: (text: string) => T) {}

  /** The value for the ASCII bytes[start, end), made from their text the first time. */
  get(bytes: Uint8Array, start: number, end: number): T {
    const length = end - start;
    if (length > PACKED_LENGTH) return this.getLong(bytes, start, end);
    // A date, a series or an account: its bytes packed four to a number, so that finding it compares two numbers and
    // a length instead of hashing bytes and comparing a string.
    let a = 0;
    let b = 0;
    let i = start;
    for (const mid = length < 4 ? end : start + 4; i < mid; i++) a = (a << 8) | bytes[i];
    for (; i < end; i++) b = (b << 8) | bytes[i];
    let hash = Math.imul(a ^ length, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
    hash ^= hash >>> 15;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let entry = slots[slot]; entry !== 0; entry = slots[(slot = (slot + 1) & mask)]) {
      const e = entry - 1;
      if (this.packed[2 * e] === a && this.packed[2 * e + 1] === b && this.texts[e].length === length) {
        return this.values[e];
      }
    }
    return this.made(slot, hash, a, b, asciiText(bytes, start, end));
  }

  private getLong(bytes: Uint8Array, start: number, end: number): T {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let entry = slots[slot]; entry !== 0; entry = slots[(slot = (slot + 1) & mask)]) {
      if (this.hashes[entry - 1] === hash && sameText(this.texts[entry - 1], bytes, start, end)) {
        return this.values[entry - 1];
      }
    }
    return this.made(slot, hash, 0, 0, asciiText(bytes, start, end));
  }

  /** The value of a text not in the table, added at `slot` while there is room. */
  private made(slot: number, hash: number, a: number, b: number, text: string): T {
    const value = this.make(text);
    if (this.texts.length < SHARED_LIMIT) {
      this.hashes.push(hash);
      this.packed.push(a, b);
      this.texts.push(text);
      this.values.push(value);
      this.slots[slot] = this.texts.length;
      if (this.texts.length * 2 > this.slots.length) this.grow();
    }
    return value;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.hashes.length; k++) {
      let slot = this.hashes[k] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.slots = slots;
  }
}

function sameText(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i - start) !== bytes[i]) return false;
  return true;
}

// Windows-1252 under the label: the same as ASCII for the bytes below 0x80, and several times faster than building
// the string in JavaScript.
const ASCII = new TextDecoder("latin1");

/** Below this length a string is built a character at a time: faster than a call to the decoder. */
const SHORT_TEXT = 12;

function asciiText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > SHORT_TEXT) return ASCII.decode(bytes.subarray(start, end));
  let text = "";
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/** What SimpleLine.scan found: a line for the general path, a simple record, or a line of only "{" or "}". */
export const OTHER_LINE = 0;
export const RECORD_LINE = 1;
export const OPEN_LINE = 2;
export const CLOSE_LINE = 3;

/**
 * One line split into fields as byte ranges (a list's range is what lies between its braces). A scan reads from a
 * line's start up to `end`: a line the feeder has already cut (then `stop` is `end` for every line taken), or the
 * rest of a chunk, where the line stops at its own LF or CR LF (see LineFeeder.push), so its bytes are read once.
 */
export class SimpleLine {
  /** How many fields the line has, its label first. */
  count = 0;
  /** Where the line scanned last stops: the end given, or its CR LF or LF. */
  stop = 0;
  /** After scanTrans: the account as a number when it is four digits (0000–9999), else -1. */
  transAccount = -1;
  /** After scanTrans: the amount in öre as plainOre reads it, or NaN when plainOre would not. */
  transOre = NaN;
  /** Bit n set when field n is a list (MAX_FIELDS is below 32). */
  private lists = 0;
  private readonly starts = new Int32Array(MAX_FIELDS);
  private readonly ends = new Int32Array(MAX_FIELDS);
  private readonly kinds = new Uint8Array(MAX_FIELDS);
  /** 1 when the field's bytes are all ASCII. */
  private readonly ascii = new Uint8Array(MAX_FIELDS);
  /** A list's number of items. */
  private readonly items = new Uint8Array(MAX_FIELDS);
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly decoder: ByteDecoder;
  private readonly values = new AsciiCache<string>((text) => text);
  private readonly dates: AsciiCache<string | undefined>;
  private readonly refCache = new AsciiCache<ObjectRef[] | undefined>(listRefs);

  constructor(encoding: SieEncoding, parseDate: (text: string) => string | undefined) {
    // Without dropping a byte order mark: that only starts a line, and a line starting with one is not simple.
    this.decoder = new ByteDecoder(encoding, true);
    this.dates = new AsciiCache(parseDate);
  }

  /**
   * Splits the line from `start` (up to `end`, or its line end before that: see `stop`) into fields when it is
   * simple: blank-separated bare fields of printable ASCII, quoted fields without backslashes, and closed object lists
   * of such items. Returns what it found (see RECORD_LINE); OTHER_LINE for a line to read the general way, empty
   * lines among them.
   */
  scan(bytes: Uint8Array, start: number, end: number): number {
    this.bytes = bytes;
    let i = start;
    while (i < end && isBlank(bytes[i])) i++;
    const first = i < end ? bytes[i] : 0;
    if (first === OPEN || first === CLOSE) {
      let j = i + 1;
      while (j < end && isBlank(bytes[j])) j++;
      if ((this.stop = lineStop(bytes, j, end)) >= 0) return first === OPEN ? OPEN_LINE : CLOSE_LINE;
    }
    let n = 0;
    this.lists = 0;
    for (; i < end && !endsLine(bytes[i]); n++) {
      if (n === MAX_FIELDS) return OTHER_LINE;
      this.starts[n] = i;
      const b = bytes[i];
      i = b === QUOTE ? this.quoted(n, i + 1, end) : b === OPEN ? this.list(n, i + 1, end) : this.bare(n, i, end);
      if (i < 0) return OTHER_LINE;
      while (i < end && isBlank(bytes[i])) i++;
    }
    if ((this.stop = lineStop(bytes, i, end)) < 0) return OTHER_LINE;
    this.count = n;
    return n > 0 ? RECORD_LINE : OTHER_LINE;
  }

  /**
   * scan() for the commonest line of all, `#TRANS account {list} amount` with nothing after the amount: RECORD_LINE
   * with exactly the fields scan() would find, or OTHER_LINE for any other line (which then goes to scan()). One
   * forward pass without scan()'s per-field dispatch, which also reads the account's digits (transAccount) and the
   * amount (transOre), so neither is read again.
   */
  scanTrans(bytes: Uint8Array, start: number, end: number): number {
    if (
      end - start < 12 ||
      bytes[start] !== 0x23 ||
      bytes[start + 1] !== 0x54 ||
      bytes[start + 2] !== 0x52 ||
      bytes[start + 3] !== 0x41 ||
      bytes[start + 4] !== 0x4e ||
      bytes[start + 5] !== 0x53 ||
      !isBlank(bytes[start + 6])
    ) {
      return OTHER_LINE;
    }
    this.bytes = bytes;
    this.lists = 0;
    this.set(0, BARE, start, start + 6, 1);
    let i = start + 7;
    while (i < end && isBlank(bytes[i])) i++;
    // The account: a bare field ended by a blank.
    const account = i;
    let key = 0;
    for (; i < end; i++) {
      const digit = bytes[i] - 0x30;
      // Unsigned: a byte below "0" wraps to a large number.
      if (digit >>> 0 > 9) break;
      key = key * 10 + digit;
    }
    const digitsEnd = i;
    while (i < end && isBare(bytes[i])) i++;
    if (i === account || i === end || !isBlank(bytes[i])) return OTHER_LINE;
    this.set(1, BARE, account, i, 1);
    this.transAccount = digitsEnd === i && i - account === 4 ? key : -1;
    while (i < end && isBlank(bytes[i])) i++;
    // The object list.
    if (i === end || bytes[i] !== OPEN) return OTHER_LINE;
    this.starts[2] = i;
    i = this.list(2, i + 1, end);
    if (i < 0) return OTHER_LINE;
    while (i < end && isBlank(bytes[i])) i++;
    // The amount, last: a bare field ended by the line's end or blanks, read as plainOre reads it on the way.
    const amount = i;
    const plainEnd = scanOre(bytes, i, end);
    if (plainEnd > i) i = plainEnd;
    while (i < end && isBare(bytes[i])) i++;
    if (i === amount) return OTHER_LINE;
    this.set(3, BARE, amount, i, 1);
    this.transOre = plainEnd === i ? scannedOre : NaN;
    while (i < end && isBlank(bytes[i])) i++;
    if ((this.stop = lineStop(bytes, i, end)) < 0) return OTHER_LINE;
    this.count = 4;
    return RECORD_LINE;
  }

  /** Reads a bare field from its first byte; the index after it, or -1. */
  private bare(n: number, i: number, end: number): number {
    const bytes = this.bytes;
    for (; i < end; i++) {
      const c = CLASSES[bytes[i]];
      if (c === BARE_BYTE || c === (BARE_BYTE | QUOTED_STOP)) continue;
      if (c !== BLANK_BYTE && !endsLine(bytes[i])) return -1;
      break;
    }
    this.set(n, BARE, this.starts[n], i, 1);
    return i;
  }

  /** Reads a quoted field from after its quote; the index after the closing quote, or -1. */
  private quoted(n: number, start: number, end: number): number {
    const bytes = this.bytes;
    let ascii = 1;
    let i = start;
    for (; i < end; i++) {
      if ((CLASSES[bytes[i]] & QUOTED_STOP) === 0) continue;
      const b = bytes[i];
      if (b === QUOTE) break;
      if (b === BACKSLASH || endsLine(b)) return -1;
      ascii = 0;
    }
    if (i === end || !endsToken(bytes, i + 1, end)) return -1;
    this.set(n, QUOTED, start, i, ascii);
    return i + 1;
  }

  /** Reads an object list from after its brace; the index after the closing brace, or -1. */
  private list(n: number, start: number, end: number): number {
    const bytes = this.bytes;
    let i = start;
    let items = 0;
    while (i < end) {
      const b = bytes[i];
      if (b === CLOSE) {
        if (!endsToken(bytes, i + 1, end)) return -1;
        this.set(n, LIST, start, i, 1);
        this.lists |= 1 << n;
        this.items[n] = items;
        return i + 1;
      }
      if (isBlank(b)) {
        i++;
        continue;
      }
      // Counted as LineTokenizer.readList counts them: a quoted item, or a run of bare bytes.
      items++;
      if (b === QUOTE) i = this.listQuoted(i + 1, end);
      else for (; i < end && isBare(bytes[i]); i++);
      // An item must end at a blank or the brace: anything else is for the general tokenizer.
      if (i < 0 || (i < end && !isBlank(bytes[i]) && bytes[i] !== CLOSE)) return -1;
    }
    return -1;
  }

  private listQuoted(i: number, end: number): number {
    const bytes = this.bytes;
    for (; i < end; i++) {
      const b = bytes[i];
      if (b === QUOTE) return i + 1;
      if (b === BACKSLASH || endsLine(b) || b >= 0x80) return -1;
    }
    return -1;
  }

  private set(n: number, kind: number, start: number, end: number, ascii: number): void {
    this.kinds[n] = kind;
    this.starts[n] = start;
    this.ends[n] = end;
    this.ascii[n] = ascii;
  }

  /** Whether field n is the ASCII label. */
  isLabel(n: number, label: Uint8Array): boolean {
    const start = this.starts[n];
    if (this.kinds[n] !== BARE || this.ends[n] - start !== label.length) return false;
    for (let k = 0; k < label.length; k++) if (this.bytes[start + k] !== label[k]) return false;
    return true;
  }

  /** Whether any of the fields [from, to) that the line has is a list. */
  hasList(from: number, to: number): boolean {
    return ((this.lists >>> from) & ((1 << (to - from)) - 1)) !== 0;
  }

  /** Whether field n is a field (not a list) with nothing in it, or missing. */
  isEmpty(n: number): boolean {
    return n >= this.count || (this.kinds[n] !== LIST && this.ends[n] === this.starts[n]);
  }

  /** The text of field n, short values shared. */
  value(n: number): string {
    const start = this.starts[n];
    const end = this.ends[n];
    if (this.ascii[n] && end - start <= SHARED_LENGTH) return this.values.get(this.bytes, start, end);
    if (this.ascii[n]) return asciiText(this.bytes, start, end);
    return this.decoder.decode(this.bytes, start, end);
  }

  /** The bytes of the line scanned last. */
  source(): Uint8Array {
    return this.bytes;
  }

  /** Where field n starts in source(). */
  start(n: number): number {
    return this.starts[n];
  }

  /** Where field n ends in source(). */
  end(n: number): number {
    return this.ends[n];
  }

  /** The text of a field's bytes, as value() gives it for a field with those bytes. */
  decodeText(bytes: Uint8Array, start: number, end: number): string {
    for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return this.decoder.decode(bytes, start, end);
    return asciiText(bytes, start, end);
  }

  /** Field n's value in a cache of the caller's, or undefined when the field is not ASCII. */
  cached<T>(n: number, cache: AsciiCache<T>): T | undefined {
    return this.ascii[n] ? cache.get(this.bytes, this.starts[n], this.ends[n]) : undefined;
  }

  /** Field n as a date (YYYY-MM-DD), or undefined when it is not a valid date. */
  date(n: number): string | undefined {
    return this.cached(n, this.dates);
  }

  /** Field n as öre, or undefined when it is not a plain amount. */
  ore(n: number): number | undefined {
    return n >= this.count || this.kinds[n] === LIST ? undefined : plainOre(this.bytes, this.starts[n], this.ends[n]);
  }

  /** Field n as a number of plain digits without a leading zero, below 10^7 (as "123" or "1"), or -1. */
  plainNumber(n: number): number {
    const start = this.starts[n];
    const end = this.ends[n];
    if (n >= this.count || this.kinds[n] === LIST || end === start || end - start > 7) return -1;
    if (end - start > 1 && this.bytes[start] === 0x30) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = this.bytes[i] - 0x30;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return value;
  }

  /** Whether list n pairs up (an even number of items, as refs() requires), without making its references. */
  pairsUp(n: number): boolean {
    return (this.items[n] & 1) === 0;
  }

  /** List n as shared object references, or undefined when its items do not pair up. */
  refs(n: number): ObjectRef[] | undefined {
    return this.refCache.get(this.bytes, this.starts[n], this.ends[n]);
  }
}

/** The references of a list's inner text, read by the general tokenizer; undefined for an odd number of items. */
export function listRefs(inner: string): ObjectRef[] | undefined {
  const list = tokenize(`{${inner}}`)[0];
  if (list.kind !== "list" || list.items.length % 2 === 1) return undefined;
  return sharedObjectRefs(list.items);
}
