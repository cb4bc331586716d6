// Feeds an SIE file to the reader line by line from chunks of bytes: lines may span chunks, and each line is
// handed over as bytes or decoded on its own, so nothing holds the whole decoded text of a large ledger.

import {ByteDecoder, hasUtf8Letters, isUtf8} from "./bytes";
import type {SieEncoding} from "./encoding";

const LF = 0x0a;
const CR = 0x0d;

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
  /** Whether the last chunk ended in a CR, so that an LF starting this one ends nothing. */
  private afterCr = false;
  /** Lines read as UTF-8 in a CP437 or ISO-8859-15 file. */
  readonly utf8Lines: number[] = [];

  constructor(
    /** Undefined only to find the UTF-8 lines (see utf8LinesOf). */
    private readonly sink: LineSink | undefined,
    encoding: SieEncoding,
    mixed = true
  ) {
    this.decoder = new ByteDecoder(encoding);
    this.mixed = mixed && encoding !== "utf-8";
  }

  /** Feeds a chunk; a line it leaves unfinished waits for the next chunk. */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    // A plain view of a Buffer: with one kind of array the byte loops below stay monomorphic and fast.
    const chunk =
      bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = chunk.length;
    let start = 0;
    // The LF of a CRLF whose CR ended the last chunk.
    if (this.afterCr) {
      this.afterCr = false;
      if (chunk[0] === LF) start = 1;
    }
    // Line ends are LF, CRLF and a lone CR (old Mac files, or a CR left inside a line by an editor): each ends a line,
    // so that no row hides behind a CR in the middle of its line. Most files have no CR or one per line.
    let lf = chunk.indexOf(LF, start);
    let cr = chunk.indexOf(CR, start);
    for (;;) {
      let end: number;
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        end = cr;
        if (cr + 1 === n) {
          next = n;
          this.afterCr = true;
        } else next = chunk[cr + 1] === LF ? cr + 2 : cr + 1;
      } else if (lf >= 0) {
        end = lf;
        next = lf + 1;
      } else break;
      if (this.carry.length) {
        const line = concat([...this.carry, chunk.subarray(start, end)]);
        this.carry = [];
        this.feed(line, 0, line.length);
      } else this.feed(chunk, start, end);
      start = next;
      if (lf >= 0 && lf < start) lf = chunk.indexOf(LF, start);
      if (cr >= 0 && cr < start) cr = chunk.indexOf(CR, start);
    }
    // A copy: the caller may reuse its buffer.
    if (start < n) this.carry.push(chunk.slice(start));
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
    const sink = this.sink;
    if (!sink || (!utf8 && sink.lineBytes?.(bytes, start, end, lineNo))) return;
    sink.line(this.decoder.decode(bytes, start, end, utf8), lineNo);
  }
}

/** The lines of a whole file that LineFeeder would read as UTF-8 (none in a UTF-8 file), split the same way. */
export function utf8LinesOf(bytes: Uint8Array, encoding: SieEncoding): number[] {
  if (encoding === "utf-8" || !hasUtf8Letters(bytes, 0, bytes.length)) return [];
  const feeder = new LineFeeder(undefined, encoding);
  feeder.push(bytes);
  feeder.end();
  return feeder.utf8Lines;
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
