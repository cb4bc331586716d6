// The fast path of the voucher reader: the lines that make up nearly all of a large file (#TRANS, #VER and the
// braces around rows) read straight from their bytes (SimpleLine, scan.ts) into the columns. Each method takes a line
// only when it is valid as it stands, and ends in VoucherReader's own helpers (vouchers.ts), so the two paths cannot
// differ in what they report about a line; test/sie-fastpath.test.ts reads files both ways and compares.

import type {ObjectRef} from "../../src/lib/ledger.js";
import {KIND_INDEX} from "../../src/lib/voucher-columns.js";
import {AsciiCache, CLOSE_LINE, listRefs, OPEN_LINE, OTHER_LINE, RECORD_LINE} from "./scan.js";
import {TRANS, VoucherReader, type UsedAccount} from "./vouchers.js";

/** The labels the fast path reads (see Reader.lineBytes), as bytes. */
export const TRANS_LABEL = asciiBytes("#TRANS");
export const RTRANS_LABEL = asciiBytes("#RTRANS");
export const BTRANS_LABEL = asciiBytes("#BTRANS");
export const VER_LABEL = asciiBytes("#VER");

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** An object list as the fast path reads it: its shared references, and its id in the columns' current dictionary. */
interface ListEntry {
  refs: ObjectRef[];
  id: number;
  generation: number;
}

/** VoucherReader with the fast path: what Reader (reader.ts) builds on, and what SieDecoder feeds lineBytes. */
export class FastVoucherReader extends VoucherReader {
  /** The fast path's accounts with their entries in `used`, found by their bytes: no map lookup per row. */
  protected readonly usedByBytes = new AsciiCache<UsedAccount>((account) => this.usedAccount(account));

  /** The fast path's object lists by their bytes; undefined for a list that does not pair up. */
  protected readonly listsByBytes = new AsciiCache<ListEntry | undefined>((inner) => {
    const refs = listRefs(inner);
    return refs && {refs, id: 0, generation: -1};
  });

  /** The fast path's four-digit accounts by their number (0000–9999): no hash per row. */
  private readonly byAccountDigits: (UsedAccount | undefined)[] = new Array<UsedAccount | undefined>(10_000).fill(
    undefined
  );

  /**
   * Handles a brace line or a plain #VER or row straight from its bytes, as line() would handle it decoded; false
   * when the line is anything else, or has anything unusual, and is for line(). Only lines that are valid as they
   * stand are taken, and they end in the same helpers as line()'s, so the two paths cannot differ in what they
   * report about a line.
   */
  lineBytes(bytes: Uint8Array, start: number, end: number, lineNo: number): boolean {
    return this.take(bytes, start, end, end, lineNo) >= 0;
  }

  /**
   * lineBytes for the line at `start` in the rest of a chunk, `end`, before its end is known: the index of the LF
   * that ends the line taken, or -1 (then the feeder finds the line end and offers the line to lineBytes). The line
   * is scanned once, end included, instead of searched for its LF and then scanned.
   */
  lineFrom(bytes: Uint8Array, start: number, end: number, lineNo: number): number {
    const stop = this.take(bytes, start, end, end - 1, lineNo);
    return stop < 0 || bytes[stop] === 0x0a ? stop : stop + 1;
  }

  /** lineBytes' work for a line that stops at or before `last`: where the line stops (see SimpleLine.stop), or -1. */
  private take(bytes: Uint8Array, start: number, end: number, last: number, lineNo: number): number {
    // While #KSUMMA sums, every record must reach it as tokens.
    if (this.ksumma.summing) return -1;
    const simple = this.simple;
    if (simple.scanTrans(bytes, start, end) === RECORD_LINE) {
      return simple.stop <= last && this.simpleTrans(lineNo) ? simple.stop : -1;
    }
    const scanned = simple.scan(bytes, start, end);
    if (scanned === OTHER_LINE || simple.stop > last) return -1;
    if (scanned === OPEN_LINE || scanned === CLOSE_LINE) this.textLines++;
    if (scanned === OPEN_LINE) this.openBlock(lineNo);
    else if (scanned === CLOSE_LINE) this.closeBlock(lineNo);
    else if (!this.simpleRecord(lineNo)) return -1;
    return simple.stop;
  }

  protected simpleRecord(line: number): boolean {
    const simple = this.simple;
    if (simple.isLabel(0, TRANS_LABEL)) return this.simpleRow(TRANS, line);
    if (simple.isLabel(0, VER_LABEL)) return this.simpleVoucher(line);
    if (simple.isLabel(0, RTRANS_LABEL)) return this.simpleRow(KIND_INDEX.rtrans, line);
    if (simple.isLabel(0, BTRANS_LABEL)) return this.simpleRow(KIND_INDEX.btrans, line);
    return false;
  }

  /** The fast path's #VER: taken only with a valid date, and a valid registration date or none. */
  protected simpleVoucher(line: number): boolean {
    const simple = this.simple;
    if (simple.count < 4 || simple.hasList(1, 6)) return false;
    const date = simple.date(3);
    const regDate = simple.isEmpty(5) ? undefined : simple.date(5);
    if (date === undefined || (regDate === undefined && !simple.isEmpty(5))) return false;
    this.beginRecord(true, false);
    this.endVoucherWithoutBrace();
    const number = simple.plainNumber(2);
    this.startVoucher(simple.value(1), number, number < 0 ? simple.value(2) : "", date, line);
    if (simple.count > 4) this.columns.addTextBytes(simple.source(), simple.start(4), simple.end(4));
    if (regDate) this.current!.regDate = regDate;
    return true;
  }

  /** The id of a list the fast path read, looked up once per dictionary of object lists. */
  private listId(entry: ListEntry): number {
    const columns = this.columns;
    if (entry.generation !== columns.objectListsGeneration) {
      entry.id = this.objectsId(entry.refs);
      entry.generation = columns.objectListsGeneration;
    }
    return entry.id;
  }

  /**
   * The fast path's row: taken only inside a voucher, with an account, an even object list or none, a plain amount
   * and a valid date or none, so that it has nothing to report.
   */
  protected simpleRow(kind: number, line: number): boolean {
    const open = this.current;
    const simple = this.simple;
    if (!open || simple.count < 3 || simple.isEmpty(1) || simple.hasList(1, 2)) return false;
    let i = 2;
    let objects = 0;
    if (simple.hasList(2, 3)) {
      // "{}" is most rows' list, id 0: no need to look it up.
      if (simple.start(2) !== simple.end(2)) {
        const entry = simple.cached(2, this.listsByBytes);
        if (!entry) return false;
        objects = this.listId(entry);
      }
      i++;
    }
    if (simple.hasList(i, i + 4)) return false;
    const ore = simple.ore(i++);
    const date = simple.isEmpty(i) ? undefined : simple.date(i);
    if (ore === undefined || (date === undefined && !simple.isEmpty(i))) return false;
    this.beginRecord(true, true);
    open.rows++;
    const used = this.simpleAccount(fourDigits(simple.source(), simple.start(1), simple.end(1)));
    const text = simple.isEmpty(i + 1) ? undefined : simple.value(i + 1);
    const quantity = simple.isEmpty(i + 2) ? undefined : simple.value(i + 2);
    const r = this.columns.addRow(kind, used.id, ore, objects, line);
    this.addRow(open, r, undefined, ore < 0 ? -ore : ore, date, text, quantity);
    return true;
  }

  /**
   * simpleRow(TRANS) for a line that SimpleLine.scanTrans split: an account, a list and an amount, nothing after it.
   * The checks that such a line always passes are left out; the rest are simpleRow's, in its order.
   */
  protected simpleTrans(line: number): boolean {
    const open = this.current;
    if (!open) return false;
    const simple = this.simple;
    let objects = 0;
    // "{}" is most rows' list, id 0: no need to look it up.
    if (simple.start(2) !== simple.end(2)) {
      const entry = simple.cached(2, this.listsByBytes);
      if (!entry) return false;
      objects = this.listId(entry);
    }
    const ore = simple.transOre;
    if (ore !== ore) return false;
    this.beginRecord(true, true);
    open.rows++;
    const used = this.simpleAccount(simple.transAccount);
    const r = this.columns.addRow(TRANS, used.id, ore, objects, line);
    this.addRow(open, r, undefined, ore < 0 ? -ore : ore, undefined, undefined, undefined);
    return true;
  }

  /**
   * The account of the fast path's row: a plain four-digit account (nearly every one) straight from its number `key`
   * in byAccountDigits, anything else (key -1) through usedByBytes. Either way the same entry as usedAccount(its text)
   * gives.
   */
  private simpleAccount(key: number): UsedAccount {
    const simple = this.simple;
    if (key >= 0) return (this.byAccountDigits[key] ??= this.usedAccount(simple.value(1)));
    return simple.cached(1, this.usedByBytes) ?? this.usedAccount(simple.value(1));
  }
}

/** The number of the four digits in bytes[start, end), or -1 when they are not four digits. */
function fourDigits(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 4) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const digit = bytes[i] - 0x30;
    // Unsigned: a byte below "0" wraps to a large number.
    if (digit >>> 0 > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}
