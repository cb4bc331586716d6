// Feeds an SIE file to the reader line by line from chunks of bytes: lines may span chunks, and each line is
// handed over as bytes or decoded on its own, so nothing holds the whole decoded text of a large ledger.

import {ByteDecoder, hasUtf8Letters, isUtf8} from "./bytes.js";
import type {SieEncoding} from "./encoding.js";

/** What the feeder hands lines to: the reader. */
export interface LineSink {
  line(raw: string, lineNo: number): void;
  /** Handles a line from its bytes, if it can; false has it decoded and handed to line(). */
  lineBytes?(bytes: Uint8Array, start: number, end: number, lineNo: number): boolean;
}

/** Splits chunks into lines and feeds them decoded; `mixed` reads lines with UTF-8 letters in a table encoding. */
export class LineFeeder {
  private readonly decoder: ByteDecoder;
  private readonly mixed: boolean;
  private carry: Uint8Array[] = [];
  private lineNo = 0;
  /** Lines read as UTF-8 in a CP437 or ISO-8859-15 file. */
  readonly utf8Lines: number[] = [];

  constructor(
    private readonly sink: LineSink,
    encoding: SieEncoding,
    mixed = true
  ) {
    this.decoder = new ByteDecoder(encoding);
    this.mixed = mixed && encoding !== "utf-8";
  }

  /** Feeds a chunk; a line it leaves unfinished waits for the next chunk. */
  push(bytes: Uint8Array): void {
    // A plain view of a Buffer: with one kind of array the byte loops below stay monomorphic and fast.
    const chunk =
      bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    let start = 0;
    if (this.carry.length) {
      const newline = chunk.indexOf(0x0a);
      if (newline < 0) {
        this.carry.push(chunk.slice());
        return;
      }
      const line = concat([...this.carry, chunk.subarray(0, newline)]);
      this.carry = [];
      this.feed(line, 0, line.length);
      start = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline < 0) break;
      this.feed(chunk, start, newline);
      start = newline + 1;
    }
    // A copy: the caller may reuse its buffer.
    if (start < chunk.length) this.carry.push(chunk.slice(start));
  }

  /** Feeds the last line, which has no line end. */
  end(): void {
    if (!this.carry.length) return;
    const line = concat(this.carry);
    this.carry = [];
    this.feed(line, 0, line.length);
  }

  private feed(bytes: Uint8Array, start: number, end: number): void {
    const lineNo = ++this.lineNo;
    const utf8 = this.mixed && hasUtf8Letters(bytes, start, end) && isUtf8(bytes, start, end);
    if (utf8) this.utf8Lines.push(lineNo);
    else if (this.sink.lineBytes?.(bytes, start, end, lineNo)) return;
    this.sink.line(this.decoder.decode(bytes, start, end, utf8), lineNo);
  }
}

/** The lines of a whole file that LineFeeder would read as UTF-8 (none in a UTF-8 file). */
export function utf8LinesOf(bytes: Uint8Array, encoding: SieEncoding): number[] {
  const lines: number[] = [];
  if (encoding === "utf-8" || !hasUtf8Letters(bytes, 0, bytes.length)) return lines;
  let lineNo = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    lineNo++;
    if (hasUtf8Letters(bytes, start, end) && isUtf8(bytes, start, end)) lines.push(lineNo);
    start = end + 1;
  }
  return lines;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
