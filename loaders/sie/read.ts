// Reads a SIE 4 file (4E or 4I) into a Ledger, checking what can be checked and naming every problem by file and
// line. Pure: bytes in, ledger and diagnostics out, so it runs in Node and in the browser alike.

import {plainBytes, SieDecoder, type LineSink} from "./decode.js";
import {Reader, type SieResult} from "./reader.js";

export {Reader, type SieKind, type SieResult} from "./reader.js";
export {formatKronor, MAX_ORE, parseAmount, parseDate} from "./values.js";

export interface SieReadOptions {
  /**
   * Also report rows on accounts that #KONTO does not name, vouchers dated outside every #RAR year and a missing
   * #RAR 0. Off by default only because older tests build small files with a partial chart, no #RAR or a voucher of
   * the next year; the app should read with it on (loaders/ledger-tables.ts and test/bad-inputs.test.ts do).
   */
  strict?: boolean;
  /** Reads every line the general way, without the fast path of Reader.lineBytes: for tests that compare the two. */
  general?: boolean;
}

/**
 * Reads SIE 4 bytes (CP437, or UTF-8/ISO-8859-15 when the file really is that) into a ledger with diagnostics. In a
 * CP437 or ISO-8859-15 file, lines that are valid UTF-8 with Swedish letters are read as UTF-8: such files come
 * from appending to an export in a modern editor, where read as CP437 the appended names would turn into "├Ñ".
 * Lines are read one at a time (SieDecoder, decode.ts): the vouchers and rows that make up nearly all of a large
 * file from their bytes (scan.ts), the rest decoded and tokenized; readSieStream (stream.ts) reads chunks the same way.
 * The ledger keeps its voucher texts as ranges of `bytes` (VoucherColumns.readsFrom): do not change them afterwards.
 */
export function readSie(bytes: Uint8Array, file: string, options: SieReadOptions = {}): SieResult {
  // One plain array for the feeder and for the texts' ranges: a Buffer would reach the feeder as another view.
  const plain = plainBytes(bytes);
  let reader: Reader | undefined;
  const {encoding, utf8Lines} = SieDecoder.whole(plain, (encoding) => {
    reader = new Reader(file, encoding, options.strict ?? false);
    reader.readsWhole(plain);
    return lineSink(reader, options);
  });
  if (utf8Lines.length) reader!.mixedEncoding(utf8Lines, encoding);
  return reader!.finish();
}

/** What a LineFeeder feeds: the reader, or with `general` only its line(). */
export function lineSink(reader: Reader, options: SieReadOptions): LineSink {
  return options.general ? {line: (raw, lineNo) => reader.line(raw, lineNo)} : reader;
}
