// Splits one SIE line into fields. Works on char codes and slices (no per-character string building), since a
// large ledger has millions of lines.

import type {ObjectRef} from "../../src/lib/ledger";

/** A field: its text without quotes, and whether it was quoted. */
export interface FieldToken {
  kind: "field";
  value: string;
  quoted: boolean;
}

/** An object list `{1 "100" 6 "202"}`: its items without quotes; `closed` is false when the line ended first. */
export interface ListToken {
  kind: "list";
  items: string[];
  closed: boolean;
  /** The items as object references, shared by every list of the same text (from LineTokenizer only). */
  refs?: ObjectRef[];
}

export type Token = FieldToken | ListToken;

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === 0x0d;
}

/** Reads a quoted field starting after the opening quote; `\"` is a quote, other backslashes are literal. */
function readQuoted(line: string, start: number, end: number): [value: string, next: number] {
  let i = start;
  let segmentStart = start;
  let parts: string[] | undefined;
  while (i < end) {
    const code = line.charCodeAt(i);
    if (code === BACKSLASH && line.charCodeAt(i + 1) === QUOTE && i + 1 < end) {
      (parts ??= []).push(line.slice(segmentStart, i), '"');
      i += 2;
      segmentStart = i;
      continue;
    }
    if (code === QUOTE) break;
    i++;
  }
  const tail = line.slice(segmentStart, i);
  const value = parts ? parts.join("") + tail : tail;
  // An unterminated quote runs to the end of the line rather than losing the text.
  return [value, i < end ? i + 1 : end];
}

/** Reads an unquoted field; it ends at a blank, or at `}` when inside an object list. */
function readBare(line: string, start: number, end: number, inList: boolean): number {
  let i = start;
  while (i < end) {
    const code = line.charCodeAt(i);
    if (isBlank(code) || (inList && code === CLOSE)) break;
    i++;
  }
  return i;
}

/** Distinct values and lists a LineTokenizer shares; beyond it values are kept as read, so memory stays bounded. */
export const SHARED_LIMIT = 50_000;
/** Values up to this length are shared: accounts, object codes, dimensions (amounts and numbers rarely repeat). */
export const SHARED_LENGTH = 4;

/**
 * Splits lines as tokenize() does, but reuses its token objects from line to line, so the caller must be done with
 * one line's tokens before the next; short values and object lists that repeat are shared, not copied per row.
 */
export class LineTokenizer {
  private readonly tokens: Token[] = [];
  private readonly fields: FieldToken[] = [];
  private readonly lists: ListToken[] = [];
  private readonly values = new Map<string, string>();
  private readonly refs = new Map<string, ObjectRef[]>();
  private next = 0;

  /** The tokens of one line, valid until the next call. */
  tokenize(line: string): Token[] {
    const tokens = this.tokens;
    tokens.length = 0;
    let fieldCount = 0;
    let listCount = 0;
    const end = line.length;
    let i = 0;
    while (i < end) {
      const code = line.charCodeAt(i);
      if (isBlank(code)) {
        i++;
      } else if (code === OPEN) {
        const list = (this.lists[listCount++] ??= {kind: "list", items: [], closed: false});
        tokens.push(this.readList(line, i + 1, end, list));
        i = this.next;
      } else {
        const quoted = code === QUOTE;
        const value = quoted
          ? this.readQuoted(line, i + 1, end)
          : this.share(line.slice(i, (this.next = readBare(line, i, end, false))));
        const field = (this.fields[fieldCount++] ??= {kind: "field", value, quoted});
        field.value = value;
        field.quoted = quoted;
        tokens.push(field);
        i = this.next;
      }
    }
    return tokens;
  }

  private share(value: string): string {
    if (value.length > SHARED_LENGTH) return value;
    const shared = this.values.get(value);
    if (shared !== undefined) return shared;
    if (this.values.size < SHARED_LIMIT) this.values.set(value, value);
    return value;
  }

  private readQuoted(line: string, start: number, end: number): string {
    const [value, next] = readQuoted(line, start, end);
    this.next = next;
    return this.share(value);
  }

  private readList(line: string, start: number, end: number, list: ListToken): ListToken {
    const items = list.items;
    items.length = 0;
    list.closed = false;
    list.refs = undefined;
    let i = start;
    while (i < end) {
      const code = line.charCodeAt(i);
      if (isBlank(code)) {
        i++;
      } else if (code === CLOSE) {
        list.closed = true;
        if (items.length % 2 === 0) list.refs = this.sharedRefs(line.slice(start, i), items);
        this.next = i + 1;
        return list;
      } else if (code === QUOTE) {
        items.push(this.readQuoted(line, i + 1, end));
        i = this.next;
      } else {
        const next = readBare(line, i, end, true);
        items.push(this.share(line.slice(i, next)));
        i = next;
      }
    }
    this.next = end;
    return list;
  }

  /** Frozen references for a list's items, one array per distinct list text. */
  private sharedRefs(key: string, items: string[]): ObjectRef[] | undefined {
    const shared = this.refs.get(key);
    if (shared) return shared;
    if (this.refs.size >= SHARED_LIMIT) return undefined;
    const refs = sharedObjectRefs(items);
    this.refs.set(key, refs);
    return refs;
  }
}

/** A list's items as frozen object references, for sharing between every row with the same list. */
export function sharedObjectRefs(items: string[]): ObjectRef[] {
  const refs: ObjectRef[] = [];
  for (let k = 0; k + 1 < items.length; k += 2) refs.push(Object.freeze({dim: items[k], code: items[k + 1]}));
  return Object.freeze(refs) as ObjectRef[];
}

/** Splits one line into tokens: blank-separated fields, optionally quoted, and `{…}` object lists. A fresh copy of
 * what LineTokenizer reads, for callers that keep the tokens, so the two can never split a line differently. */
export function tokenize(line: string): Token[] {
  return new LineTokenizer()
    .tokenize(line)
    .map((t): Token => (t.kind === "field" ? {...t} : {kind: "list", items: [...t.items], closed: t.closed}));
}

/** The text of field `index`, or undefined when it is missing or a list. */
export function field(tokens: Token[], index: number): string | undefined {
  const token = tokens[index];
  return token && token.kind === "field" ? token.value : undefined;
}
