// Reads an SIE 4 file from chunks of bytes (a file stream, a fetch body): lines are decoded one at a time, so the
// whole decoded text is never held, and the bytes need not be either.

import type {Voucher} from "../../src/lib/ledger.js";
import {SieDecoder} from "./decode.js";
import {lineSink, Reader, type SieReadOptions, type SieResult} from "./read.js";

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
  private readonly decoder: SieDecoder;
  private reader: Reader | undefined;

  constructor(file: string, options: SieStreamOptions = {}) {
    this.decoder = new SieDecoder((encoding) => {
      this.reader = new Reader(file, encoding, options.strict ?? false);
      this.reader.onVoucher = options.onVoucher;
      return lineSink(this.reader, options);
    });
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    this.decoder.push(chunk);
  }

  /** Ends the file and returns what readSie would. */
  finish(): SieResult {
    const {encoding, utf8Lines} = this.decoder.end();
    if (utf8Lines.length) this.reader!.mixedEncoding(utf8Lines, encoding);
    return this.reader!.finish();
  }
}
