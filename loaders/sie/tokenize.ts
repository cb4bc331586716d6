// Splits one SIE line into fields. Works on char codes and slices (no per-character string building), since a
// large ledger has millions of lines.

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

/** Reads the inside of an object list starting after `{`. */
function readList(line: string, start: number, end: number): [ListToken, number] {
  const items: string[] = [];
  let i = start;
  while (i < end) {
    const code = line.charCodeAt(i);
    if (isBlank(code)) {
      i++;
    } else if (code === CLOSE) {
      return [{kind: "list", items, closed: true}, i + 1];
    } else if (code === QUOTE) {
      const [value, next] = readQuoted(line, i + 1, end);
      items.push(value);
      i = next;
    } else {
      const next = readBare(line, i, end, true);
      items.push(line.slice(i, next));
      i = next;
    }
  }
  return [{kind: "list", items, closed: false}, end];
}

/** Splits one line into tokens: blank-separated fields, optionally quoted, and `{…}` object lists. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const end = line.length;
  let i = 0;
  while (i < end) {
    const code = line.charCodeAt(i);
    if (isBlank(code)) {
      i++;
    } else if (code === QUOTE) {
      const [value, next] = readQuoted(line, i + 1, end);
      tokens.push({kind: "field", value, quoted: true});
      i = next;
    } else if (code === OPEN) {
      const [list, next] = readList(line, i + 1, end);
      tokens.push(list);
      i = next;
    } else {
      const next = readBare(line, i, end, false);
      tokens.push({kind: "field", value: line.slice(i, next), quoted: false});
      i = next;
    }
  }
  return tokens;
}
