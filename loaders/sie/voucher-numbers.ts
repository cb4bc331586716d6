// Recognising a voucher seen before: its number claimed within its series, and its rows compared (or, in a
// streamed read that keeps no vouchers, hashed) so that a copy is told from a different voucher with the same number.
import type {ObjectRef} from "../../src/lib/ledger.js";
import type {VoucherColumns} from "../../src/lib/voucher-columns.js";

/** Plain numbers below this are found by value rather than by text. */
const MAX_INDEXED_NUMBER = 1_000_000_000;

/** How far past the end of the dense array a number may lie and still go into it (more would make it sparse). */
const DENSE_GAP = 1024;

/**
 * The kept vouchers of one series by number. Plain numbers ("1", "2", …) index an array while they come roughly in
 * order, as most series number 1, 2, 3, and a map by value otherwise: a million vouchers in a map by string cost a
 * hash of a string each, and an array indexed far past its end turns into a slow dictionary.
 */
export class SeriesNumbers {
  private readonly byIndex: (Claim | undefined)[] = [];
  private readonly byNumber = new Map<number, Claim>();
  private readonly byText = new Map<string, Claim>();
  /** Numbers claimed. */
  size = 0;

  /** The claim that already has this number; undefined when none has, and this one now has it. */
  claim(number: string, claim: Claim): Claim | undefined {
    const index = plainIndex(number);
    if (index >= 0) return this.claimAt(index, claim);
    const first = this.byText.get(number);
    if (first !== undefined) return first;
    this.byText.set(number, claim);
    this.size++;
    return undefined;
  }

  private numbered(index: number): Claim | undefined {
    return this.byNumber.size ? this.byNumber.get(index) : undefined;
  }

  /** claim() of a plain number by its value: as claim(String(index)). */
  claimAt(index: number, claim: Claim): Claim | undefined {
    const dense = this.byIndex;
    // A number far past the end went into byNumber, and may since have been overtaken by the dense array.
    const first = (index < dense.length ? dense[index] : undefined) ?? this.numbered(index);
    if (first !== undefined) return first;
    if (index > dense.length + DENSE_GAP) this.byNumber.set(index, claim);
    else {
      while (dense.length < index) dense.push(undefined);
      dense[index] = claim;
    }
    this.size++;
    return undefined;
  }
}

/**
 * What a kept voucher leaves to be recognised by: its index in the columns, or in a streamed read (which keeps no
 * rows) its date, line and a hash of its rows.
 */
export type Claim = {date: string; line: number; rows: number} | number;

/** The two halves of rowsHash while it runs: module state rather than a closure or a pair per call. */
let hashA = 0;
let hashB = 0;

function mix(code: number): void {
  hashA = Math.imul(hashA ^ code, 0x01000193);
  hashB = Math.imul(hashB ^ code, 0x5bd1e995);
}

function mixText(text: string): void {
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  mix(0xff);
}

/** A hash of an object list's dimensions and codes, mixed into rowsHash as one number. */
export function objectsHash(objects: ObjectRef[]): number {
  hashA = 0x811c9dc5;
  hashB = 0;
  for (let k = 0; k < objects.length; k++) {
    mixText(objects[k].dim);
    mixText(objects[k].code);
  }
  return hashA;
}

/**
 * A 53-bit hash of rows [from, to) of the columns (kind, account, amount, objects): two FNV-1a-like hashes of 32 and
 * 21 bits. Two vouchers are only compared by it when series, number and date already agree, so a false "copy" would
 * need a collision of 53 bits between two such vouchers. Accounts are mixed by their id in the columns, amounts as
 * numbers, object lists by their hash in `objectHashes` (by list id).
 */
export function rowsHash(columns: VoucherColumns, from: number, to: number, objectHashes: number[]): number {
  hashA = 0x811c9dc5;
  hashB = 0x01000193 ^ 0x5bd1e995;
  const {rowKind, rowAccount, rowAmount, rowObjects} = columns;
  for (let r = from; r < to; r++) {
    mix(rowKind[r] + 1);
    mix(rowAccount[r]);
    const n = rowAmount[r];
    if (n === n) {
      mix(n >>> 0);
      mix(Math.floor(n / 2 ** 32) | 0);
    } else mixText(String(columns.bigAmounts.get(r)));
    mix(objectHashes[rowObjects[r]]);
    mix(0xfe);
  }
  return (hashA >>> 0) * 2 ** 21 + ((hashB >>> 0) & 0x1fffff);
}

/** The value of a number without sign or leading zero, below MAX_INDEXED_NUMBER; else -1. */
function plainIndex(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9 || (n > 1 && text.charCodeAt(0) === 0x30)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value < MAX_INDEXED_NUMBER ? value : -1;
}

/** Whether rows [a, aEnd) and [b, bEnd) of the columns are the same rows, kind by kind. */
export function sameRows(columns: VoucherColumns, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; a + k < aEnd; k++) {
    if (columns.rowKind[a + k] !== columns.rowKind[b + k] || !sameRow(columns, a + k, b + k)) return false;
  }
  return true;
}

/** Whether rows a and b of the columns have the same account, amount and objects. */
export function sameRow(columns: VoucherColumns, a: number, b: number): boolean {
  if (columns.rowAccount[a] !== columns.rowAccount[b]) return false;
  const x = columns.rowAmount[a];
  const y = columns.rowAmount[b];
  if (x === x || y === y ? x !== y : columns.bigAmounts.get(a) !== columns.bigAmounts.get(b)) return false;
  const p = columns.rowObjects[a];
  const q = columns.rowObjects[b];
  if (p === q) return true;
  const o = columns.objectLists.values[p];
  const m = columns.objectLists.values[q];
  return o.length === m.length && o.every((ref, i) => ref.dim === m[i].dim && ref.code === m[i].code);
}
