// Reads a SIE 4 file (4E or 4I) into a Ledger, checking what can be checked and naming every problem by file and
// line. Pure: bytes in, ledger and diagnostics out, so it runs in Node and in the browser alike.

import {detectEncoding, HighBytes, type SieEncoding} from "./encoding";
import {hasUtf8Letters} from "./bytes";
import {LineFeeder, utf8LinesOf, type LineSink} from "./lines";
import {Reader, type SieResult} from "./reader";

export {Reader, type SieKind, type SieResult} from "./reader";
export {formatKronor, MAX_ORE, parseAmount, parseDate} from "./values";

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
 * Lines are read one at a time (loaders/sie/lines.ts): the vouchers and rows that make up nearly all of a large
 * file from their bytes (scan.ts), the rest decoded and tokenized; readSieStream (stream.ts) reads chunks the same way.
 */
export function readSie(bytes: Uint8Array, file: string, options: SieReadOptions = {}): SieResult {
  const encoding = detectSieEncoding(bytes);
  const reader = new Reader(file, encoding, options.strict ?? false);
  const utf8Lines = utf8LinesOf(bytes, encoding);
  if (utf8Lines.length) reader.mixedEncoding(utf8Lines, encoding);
  const feeder = new LineFeeder(lineSink(reader, options), encoding, utf8Lines.length > 0);
  feeder.push(bytes);
  feeder.end();
  return reader.finish();
}

/** What a LineFeeder feeds: the reader, or with `general` only its line(). */
export function lineSink(reader: Reader, options: SieReadOptions): LineSink {
  return options.general ? {line: (raw, lineNo) => reader.line(raw, lineNo)} : reader;
}

/**
 * detectEncoding, except that well-formed UTF-8 pairs do not vote: detectEncoding counts the lead byte of every
 * UTF-8 letter as a vote for ISO-8859-15, so a CP437 file with a few UTF-8 lines appended could outvote its own CP437
 * letters and be read as ISO-8859-15 throughout. Counted without the UTF-8 pairs, CP437 wins as it should.
 */
export function detectSieEncoding(bytes: Uint8Array): SieEncoding {
  const encoding = detectEncoding(bytes);
  if (encoding !== "iso-8859-15" || !hasUtf8Letters(bytes, 0, bytes.length)) return encoding;
  let cp437Votes = 0;
  let latinVotes = 0;
  const high = new HighBytes(bytes);
  for (let i = high.next(0, bytes.length); i < bytes.length; i = high.next(i + 1, bytes.length)) {
    const b = bytes[i];
    if (b >= 0xc2 && b <= 0xdf && (bytes[i + 1] & 0xc0) === 0x80) {
      i++;
      continue;
    }
    if (b <= 0x9f) cp437Votes++;
    else if (b >= 0xc0) latinVotes++;
  }
  return latinVotes > cp437Votes ? encoding : "cp437";
}
