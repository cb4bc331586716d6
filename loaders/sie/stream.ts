// Reads an SIE 4 file from chunks of bytes (a file stream, a fetch body): lines are decoded one at a time, so the
// whole decoded text is never held, and the bytes need not be either.

import type {Voucher} from "../../src/lib/ledger.js";
import {detectEncoding, type SieEncoding} from "./encoding.js";
import {LineFeeder} from "./lines.js";
import {lineSink, Reader, type SieReadOptions, type SieResult} from "./read.js";

/** Bytes looked at before the encoding is chosen: enough for the header, the chart and the first vouchers. */
const DETECT_BYTES = 1 << 20;

export interface SieStreamOptions extends SieReadOptions {
  /** Receives each kept voucher instead of ledger.vouchers, for a caller that aggregates as it reads. */
  onVoucher?: (voucher: Voucher) => void;
}

/**
 * Reads SIE 4 from chunks as readSie reads bytes. The encoding is chosen from the first megabyte (cut at a line
 * end) rather than the whole file, and lines read as UTF-8 in a CP437 file are reported after the others. With
 * onVoucher, vouchers are not collected, so the check of #UB against the vouchers is skipped.
 */
export async function readSieStream(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  file: string,
  onVoucher?: (voucher: Voucher) => void,
  options: SieReadOptions = {}
): Promise<SieResult> {
  const reader = new SieStreamReader(file, {...options, onVoucher});
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

/** The incremental reader behind readSieStream: push chunks, then finish. */
export class SieStreamReader {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private feeder: LineFeeder | undefined;
  private reader: Reader | undefined;
  private encoding: SieEncoding = "cp437";

  constructor(
    private readonly file: string,
    private readonly options: SieStreamOptions = {}
  ) {}

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    if (this.feeder) return this.feeder.push(chunk);
    this.pending.push(chunk.slice());
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= DETECT_BYTES) this.start();
  }

  /** Ends the file and returns what readSie would. */
  finish(): SieResult {
    if (!this.feeder) this.start();
    const feeder = this.feeder!;
    const reader = this.reader!;
    feeder.end();
    if (feeder.utf8Lines.length) reader.mixedEncoding(feeder.utf8Lines, this.encoding);
    return reader.finish();
  }

  private start(): void {
    const prefix = new Uint8Array(this.pendingBytes);
    let offset = 0;
    for (const part of this.pending) {
      prefix.set(part, offset);
      offset += part.length;
    }
    this.pending = [];
    // A UTF-8 sequence cut at the end of the prefix must not make the file look like something else.
    const lastNewline = prefix.lastIndexOf(0x0a);
    const sample = lastNewline > 0 && offset >= DETECT_BYTES ? prefix.subarray(0, lastNewline) : prefix;
    const encoding = (this.encoding = detectEncoding(sample));
    this.reader = new Reader(this.file, encoding, this.options.strict ?? false);
    this.reader.onVoucher = this.options.onVoucher;
    this.feeder = new LineFeeder(lineSink(this.reader, this.options), encoding);
    this.feeder.push(prefix);
  }
}
