// Recognising a voucher seen before: its number claimed within its series, and its rows compared (or, in a
// streamed read that keeps no vouchers, hashed) so that a copy is told from a different voucher with the same number.
import type {Transaction, Voucher} from "../../src/lib/ledger.js";

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
    if (index < 0) {
      const first = this.byText.get(number);
      if (first) return first;
      this.byText.set(number, claim);
    } else {
      const dense = this.byIndex;
      const first = (index < dense.length ? dense[index] : undefined) ?? this.byNumber.get(index);
      if (first) return first;
      if (index > dense.length + DENSE_GAP) this.byNumber.set(index, claim);
      else {
        while (dense.length < index) dense.push(undefined);
        dense[index] = claim;
      }
    }
    this.size++;
    return undefined;
  }
}

/** What a kept voucher leaves to be recognised by: the voucher itself, or in a streamed read a hash of its rows. */
export type Claim = {date: string; line: number; rows: number} | Voucher;

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

const KIND_CODES: Record<Transaction["kind"], number> = {trans: 1, rtrans: 2, btrans: 3};

/**
 * A 53-bit hash of a voucher's rows (kind, account, amount, objects): two FNV-1a-like hashes of 32 and 21 bits. Two
 * vouchers are only compared by it when series, number and date already agree, so a false "copy" would need a
 * collision of 53 bits between two such vouchers. Amounts are mixed as numbers, without a string per row.
 */
export function rowsHash(rows: Transaction[]): number {
  hashA = 0x811c9dc5;
  hashB = 0x01000193 ^ 0x5bd1e995;
  for (let r = 0; r < rows.length; r++) {
    const t = rows[r];
    mix(KIND_CODES[t.kind]);
    mixText(t.account);
    const amount = t.amount;
    if (amount >= -SAFE && amount <= SAFE) {
      const n = Number(amount);
      mix(n >>> 0);
      mix(Math.floor(n / 2 ** 32) | 0);
    } else mixText(String(amount));
    const objects = t.objects;
    for (let k = 0; k < objects.length; k++) {
      mixText(objects[k].dim);
      mixText(objects[k].code);
    }
    mix(0xfe);
  }
  return (hashA >>> 0) * 2 ** 21 + ((hashB >>> 0) & 0x1fffff);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

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

export function sameRows(a: Transaction[], b: Transaction[]): boolean {
  return a.length === b.length && a.every((t, i) => t.kind === b[i].kind && sameRow(t, b[i]));
}

export function sameRow(a: Transaction, b: Transaction): boolean {
  if (a.account !== b.account || a.amount !== b.amount || a.objects.length !== b.objects.length) return false;
  return a.objects.every((o, i) => o.dim === b.objects[i].dim && o.code === b.objects[i].code);
}
