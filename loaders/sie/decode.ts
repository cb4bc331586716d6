// Decoding SIE bytes, all in one place: the character encodings (CP437 as #FORMAT PC8 promises, and the UTF-8 and
// ISO-8859-15 that real exporters write instead), choosing a file's encoding, splitting it into lines (LF, CRLF or
// CR) and decoding each line, or handing its bytes to the reader's fast path. SieDecoder is the one hand-off from
// bytes to lines. Pure, no Node APIs, so the reader also runs in the browser.

import type {Diagnostic} from "../../src/lib/ledger.js";

const LF = 0x0a;
const CR = 0x0d;
/** Bytes a stream is judged on before its encoding is chosen: the header, the chart and the first vouchers. */
const DETECT_BYTES = 1 << 20;

export type SieEncoding = "cp437" | "utf-8" | "iso-8859-15";

/** CP437 code points for bytes 0x80–0xFF; 0x00–0x7F are ASCII (SIE has no use for the DOS glyphs of controls). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" +
  "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

/** CP437 code units by byte. */
export const CP437_TABLE = new Uint16Array(256);
for (let b = 0; b < 256; b++) CP437_TABLE[b] = b < 0x80 ? b : CP437_HIGH.charCodeAt(b - 0x80);

/** ISO-8859-15 differs from ISO-8859-1 in eight places, among them € at 0xA4. */
const LATIN9_TABLE = new Uint16Array(256);
for (let b = 0; b < 256; b++) LATIN9_TABLE[b] = b;
const LATIN9_OVERRIDES: [number, number][] = [
  [0xa4, 0x20ac],
  [0xa6, 0x0160],
  [0xa8, 0x0161],
  [0xb4, 0x017d],
  [0xb8, 0x017e],
  [0xbc, 0x0152],
  [0xbd, 0x0153],
  [0xbe, 0x0178]
];
for (const [b, code] of LATIN9_OVERRIDES) LATIN9_TABLE[b] = code;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// String.fromCharCode.apply has an argument limit; chunks keep it well below that without per-char concatenation.
const CHUNK = 8192;
const BIG_CHUNK = 1 << 24;

/** Decodes bytes of a single-byte encoding through its table. */
export function decodeWithTable(bytes: Uint8Array, table: Uint16Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = table[bytes[i]];
  const parts: string[] = [];
  if (LITTLE_ENDIAN) {
    // The native UTF-16 decoder is several times faster than building the string in JavaScript; Node's refuses
    // very large inputs, hence the slices (no surrogates in these tables, so any boundary is safe).
    const decoder = new TextDecoder("utf-16le");
    for (let i = 0; i < units.length; i += BIG_CHUNK) parts.push(decoder.decode(units.subarray(i, i + BIG_CHUNK)));
  } else {
    for (let i = 0; i < units.length; i += CHUNK) {
      parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(i, i + CHUNK))));
    }
  }
  return parts.join("");
}

/** The byte-to-UTF-16 table of a single-byte encoding; undefined for UTF-8. */
export function byteTable(encoding: SieEncoding): Uint16Array | undefined {
  return encoding === "cp437" ? CP437_TABLE : encoding === "iso-8859-15" ? LATIN9_TABLE : undefined;
}

/** Decodes CP437 (PC8) bytes to a string. */
export function decodeCp437(bytes: Uint8Array): string {
  return decodeWithTable(bytes, CP437_TABLE);
}

/** Files are mostly ASCII: below this many bytes, finding the next other byte a word at a time does not pay. */
const WORDWISE_FROM = 64;

/**
 * Finds the bytes of 0x80 or more, four bytes at a time over long ranges, since the whole-file passes (encoding,
 * UTF-8 lines) would otherwise look at every byte of a file that is nearly all ASCII.
 */
export class HighBytes {
  /** The 32-bit words of the bytes' buffer, made on first need. */
  private words: Uint32Array | undefined;

  constructor(private readonly bytes: Uint8Array) {}

  /** The index of the first byte of 0x80 or more in bytes[i, end), or end. */
  next(i: number, end: number): number {
    const bytes = this.bytes;
    if (end - i >= WORDWISE_FROM) {
      const offset = bytes.byteOffset;
      for (; ((offset + i) & 3) !== 0; i++) if (bytes[i] >= 0x80) return i;
      const words = (this.words ??= new Uint32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2));
      let w = (offset + i) >> 2;
      const last = (offset + end) >> 2;
      while (w < last && (words[w] & 0x80808080) === 0) w++;
      i = (w << 2) - offset;
    }
    for (; i < end; i++) if (bytes[i] >= 0x80) return i;
    return end;
  }
}

/** True when bytes form valid UTF-8 with at least one multi-byte sequence (pure ASCII proves nothing). */
function isMultibyteUtf8(bytes: Uint8Array): boolean {
  let multibyte = false;
  let i = 0;
  const high = new HighBytes(bytes);
  while (i < bytes.length) {
    i = high.next(i, bytes.length);
    if (i === bytes.length) break;
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    if (i + need >= bytes.length) return false;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return false;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    multibyte = true;
    i += need + 1;
  }
  return multibyte;
}

/**
 * Guesses the real encoding of a file that claims PC8. Swedish letters settle it: å ä ö Å Ä Ö are 86 84 94 8F 8E 99
 * in CP437 (the C1 range 0x80–0x9F, unused in Latin-1 text) but E5 E4 F6 C5 C4 D6 in ISO-8859 (the range where
 * CP437 has box-drawing and Greek, unused in accounting text).
 */
export function detectEncoding(bytes: Uint8Array): SieEncoding {
  return detectWithLetters(bytes).encoding;
}

/**
 * detectEncoding, and whether the bytes have a UTF-8 letter (hasUtf8Letters) when that is not the encoding: found in
 * the same pass over the high bytes, so that reading a whole file does not make another.
 */
function detectWithLetters(bytes: Uint8Array): {encoding: SieEncoding; utf8Letters: boolean} {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {encoding: "utf-8", utf8Letters: false};
  }
  if (isMultibyteUtf8(bytes)) return {encoding: "utf-8", utf8Letters: false};
  let cp437Votes = 0;
  let latinVotes = 0;
  let utf8Letters = false;
  const high = new HighBytes(bytes);
  const n = bytes.length;
  for (let i = high.next(0, n); i < n; i = high.next(i + 1, n)) {
    const b = bytes[i];
    if (b <= 0x9f) cp437Votes++;
    else if (b >= 0xc0) latinVotes++;
    if (b === 0xc3 && !utf8Letters && i + 1 < n) utf8Letters = isUtf8LetterTail(bytes[i + 1]);
  }
  return {encoding: latinVotes > cp437Votes ? "iso-8859-15" : "cp437", utf8Letters};
}

const ENCODING_NAMES: Record<SieEncoding, string> = {
  cp437: "CP437 (PC8)",
  "utf-8": "UTF-8",
  "iso-8859-15": "ISO-8859-15"
};

/** The info diagnostic for a file whose real encoding differs from the CP437 that #FORMAT PC8 claims. */
export function encodingDiagnostic(file: string, line: number, encoding: SieEncoding): Diagnostic {
  return {
    file,
    line,
    severity: "info",
    message: `Filen anger #FORMAT PC8 men är kodad som ${ENCODING_NAMES[encoding]} och läses som det`
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lines

/** UTF-8 for å ä ö Å Ä Ö é É (C3 then A5 A4 B6 85 84 96 A9 89): in CP437 text "├" followed by a letter never occurs. */
export function hasUtf8Letters(bytes: Uint8Array, start: number, end: number): boolean {
  const high = new HighBytes(bytes);
  for (let i = high.next(start, end); i + 1 < end; i = high.next(i + 1, end)) {
    if (bytes[i] === 0xc3 && isUtf8LetterTail(bytes[i + 1])) return true;
  }
  return false;
}

/** Whether a byte after C3 makes one of hasUtf8Letters' letters. */
function isUtf8LetterTail(next: number): boolean {
  return (
    next === 0xa5 ||
    next === 0xa4 ||
    next === 0xb6 ||
    next === 0x85 ||
    next === 0x84 ||
    next === 0x96 ||
    next === 0xa9 ||
    next === 0x89
  );
}

const STRICT_UTF8 = new TextDecoder("utf-8", {fatal: true});
const LATIN1 = new TextDecoder("latin1");

/** Whether bytes[start, end) is well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  try {
    STRICT_UTF8.decode(bytes.subarray(start, end));
    return true;
  } catch {
    return false;
  }
}

/** Decodes byte ranges (lines) to strings in one encoding, through a reused buffer. */
export class ByteDecoder {
  private readonly table: Uint16Array | undefined;
  private readonly utf8: TextDecoder;
  private readonly scratch = new Uint16Array(4096);
  private readonly latin1Scratch = new Uint8Array(4096);

  /** `keepBom` decodes a byte order mark as U+FEFF: for parts of a line, where it is text, not a mark. */
  constructor(encoding: SieEncoding, keepBom = false) {
    this.table = byteTable(encoding);
    this.utf8 = new TextDecoder("utf-8", {ignoreBOM: keepBom});
  }

  /** bytes[start, end) as a string; `utf8` reads the range as UTF-8 whatever the file's encoding. */
  decode(bytes: Uint8Array, start: number, end: number, utf8 = false): string {
    const n = end - start;
    if (n <= 0) return "";
    const table = this.table;
    if (utf8 || !table) return this.utf8.decode(bytes.subarray(start, end));
    if (n > this.scratch.length) return decodeWithTable(bytes.subarray(start, end), table);
    return this.latin1(bytes, start, end, table) ?? this.units(bytes, start, end, table);
  }

  /**
   * The text through the native Latin-1 decoder when every character is Latin-1 (Swedish letters are, in CP437 and
   * ISO-8859-15): several times faster than building the string in JavaScript. Undefined when one is not.
   */
  private latin1(bytes: Uint8Array, start: number, end: number, table: Uint16Array): string | undefined {
    const out = this.latin1Scratch;
    for (let i = start; i < end; i++) {
      const code = table[bytes[i]];
      // 0x80–0x9F too: the decoder is really Windows-1252, which has other characters there.
      if (code >= 0x80 && (code < 0xa0 || code > 0xff)) return undefined;
      out[i - start] = code;
    }
    return LATIN1.decode(out.subarray(0, end - start));
  }

  private units(bytes: Uint8Array, start: number, end: number, table: Uint16Array): string {
    const units = this.scratch;
    const n = end - start;
    for (let i = 0; i < n; i++) units[i] = table[bytes[start + i]];
    return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  }
}

/** What the feeder hands lines to: the reader. */
export interface LineSink {
  line(raw: string, lineNo: number): void;
  /** Handles a line from its bytes, if it can; false has it decoded and handed to line(). */
  lineBytes?(bytes: Uint8Array, start: number, end: number, lineNo: number): boolean;
  /**
   * Handles the line at `start` from its bytes, if it can, reading it up to its own LF before `end`: the index of that
   * LF, or -1 to have the line found and offered to lineBytes. Offered only lines that need no UTF-8 check.
   */
  lineFrom?(bytes: Uint8Array, start: number, end: number, lineNo: number): number;
}

/**
 * The bytes as a plain Uint8Array, a view of a Buffer's: with one kind of array the byte loops stay monomorphic and
 * fast, and a reader that keeps ranges of a whole file (VoucherColumns.readsFrom) sees the very array it is fed.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
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
    const chunk = plainBytes(bytes);
    let start = 0;
    if (this.carry.length) {
      const newline = chunk.indexOf(LF);
      if (newline < 0) {
        this.carry.push(chunk.slice());
        return;
      }
      const line = concat([...this.carry, chunk.subarray(0, newline)]);
      this.carry = [];
      this.feed(line, 0, line.length, this.mixed);
      start = newline + 1;
    }
    // UTF-8 letters all start with 0xC3 (hasUtf8Letters): only a line with one is looked at for them.
    const n = chunk.length;
    let c3 = -1;
    // The chunk's bytes four at a time, for the line-end search: its words that lie wholly within the chunk.
    const offset = chunk.byteOffset;
    const words = new Uint32Array(chunk.buffer, 0, chunk.buffer.byteLength >> 2);
    const lastWord = (offset + n) >> 2;
    // A line the sink reads to its end itself is not searched for its LF first (see LineSink.lineFrom).
    const sink = this.mixed ? undefined : this.sink;
    const lineFrom = sink?.lineFrom !== undefined;
    for (;;) {
      if (lineFrom) {
        const lf = sink!.lineFrom!(chunk, start, n, this.lineNo + 1);
        if (lf >= 0) {
          this.lineNo++;
          start = lf + 1;
          continue;
        }
      }
      // A loop rather than indexOf: lines are short, and the call costs more than the bytes it would look at.
      let newline = start;
      while (newline < n && ((offset + newline) & 3) !== 0 && chunk[newline] !== LF) newline++;
      if (newline < n && chunk[newline] !== LF) {
        // A word has an LF when it XOR 0x0A0A0A0A has a zero byte; the bytes after the last whole word go one by one.
        let w = (offset + newline) >> 2;
        for (; w < lastWord; w++) {
          const x = words[w] ^ 0x0a0a0a0a;
          if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
        }
        newline = (w << 2) - offset;
        while (newline < n && chunk[newline] !== LF) newline++;
      }
      if (newline === n) break;
      if (this.mixed && c3 < start) {
        c3 = chunk.indexOf(0xc3, start);
        if (c3 < 0) c3 = n;
      }
      this.feed(chunk, start, newline, this.mixed && c3 < newline);
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
    this.feed(line, 0, line.length, this.mixed);
  }

  /**
   * Feeds what lies between two LFs. Line ends are LF, CRLF and a lone CR (old Mac files, or a CR left inside a line
   * by an editor): each ends a line, so that no row hides behind a CR. The CR of a CRLF is dropped here; a line with
   * another CR is never taken by the fast path (scan.ts refuses it), so only the lines it refuses are searched for
   * one, and split there. A file of CR alone is one such line, split as it is fed. `mayBeUtf8` is false when the
   * line has no byte that starts a UTF-8 letter.
   */
  private feed(bytes: Uint8Array, start: number, end: number, mayBeUtf8: boolean): void {
    if (end > start && bytes[end - 1] === CR) end--;
    const lineNo = this.lineNo + 1;
    const utf8 = mayBeUtf8 && hasUtf8Letters(bytes, start, end) && isUtf8(bytes, start, end);
    const sink = this.sink;
    if (!utf8 && sink?.lineBytes?.(bytes, start, end, lineNo)) {
      this.lineNo = lineNo;
      return;
    }
    let cr = start;
    while (cr < end && bytes[cr] !== CR) cr++;
    if (cr === end) return this.feedLine(bytes, start, end, utf8);
    // Split at each CR; the parts before the last had no chance at the fast path yet.
    for (let from = start; ;) {
      let to = from;
      while (to < end && bytes[to] !== CR) to++;
      const part = this.mixed && hasUtf8Letters(bytes, from, to) && isUtf8(bytes, from, to);
      if (part || !sink?.lineBytes?.(bytes, from, to, this.lineNo + 1)) this.feedLine(bytes, from, to, part);
      else this.lineNo++;
      if (to === end) return;
      from = to + 1;
    }
  }

  /** Hands one line without CR to the sink's general path. */
  private feedLine(bytes: Uint8Array, start: number, end: number, utf8: boolean): void {
    const lineNo = ++this.lineNo;
    if (utf8) this.utf8Lines.push(lineNo);
    this.sink?.line(this.decoder.decode(bytes, start, end, utf8), lineNo);
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

/**
 * detectEncoding, except that well-formed UTF-8 pairs do not vote: detectEncoding counts the lead byte of every
 * UTF-8 letter as a vote for ISO-8859-15, so a CP437 file with a few UTF-8 lines appended could outvote its own CP437
 * letters and be read as ISO-8859-15 throughout. Counted without the UTF-8 pairs, CP437 wins as it should.
 */
export function detectSieEncoding(bytes: Uint8Array): SieEncoding {
  return detectSieWithLetters(bytes).encoding;
}

/** detectSieEncoding, and whether a file not in UTF-8 has UTF-8 letters (so may have UTF-8 lines: utf8LinesOf). */
function detectSieWithLetters(bytes: Uint8Array): {encoding: SieEncoding; utf8Letters: boolean} {
  const detected = detectWithLetters(bytes);
  if (detected.encoding !== "iso-8859-15" || !detected.utf8Letters) return detected;
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
  return {encoding: latinVotes > cp437Votes ? detected.encoding : "cp437", utf8Letters: true};
}

/**
 * The one hand-off from bytes to lines: chooses the encoding, then splits and decodes lines for the sink that `start`
 * makes for that encoding. Whole files (push once, then end) are judged on all their bytes; a stream of chunks on its
 * first megabyte, cut at a line end, so that nothing holds a large file.
 */
export class SieDecoder {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private feeder: LineFeeder | undefined;
  /** The encoding chosen; valid once the first megabyte or the whole file has been seen. */
  encoding: SieEncoding = "cp437";

  constructor(private readonly start: (encoding: SieEncoding) => LineSink) {}

  /** Decodes a whole file; returns the lines read as UTF-8 in a CP437 or ISO-8859-15 file. */
  static whole(
    bytes: Uint8Array,
    start: (encoding: SieEncoding) => LineSink
  ): {encoding: SieEncoding; utf8Lines: number[]} {
    const {encoding, utf8Letters} = detectSieWithLetters(bytes);
    const utf8Lines = utf8Letters ? utf8LinesOf(bytes, encoding) : [];
    const feeder = new LineFeeder(start(encoding), encoding, utf8Lines.length > 0);
    feeder.push(bytes);
    feeder.end();
    return {encoding, utf8Lines};
  }

  /** Feeds the next chunk. */
  push(chunk: Uint8Array): void {
    if (this.feeder) return this.feeder.push(chunk);
    this.pending.push(chunk.slice());
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= DETECT_BYTES) this.begin();
  }

  /** Ends the file; returns the lines read as UTF-8 in a CP437 or ISO-8859-15 file. */
  end(): {encoding: SieEncoding; utf8Lines: number[]} {
    if (!this.feeder) this.begin();
    this.feeder!.end();
    return {encoding: this.encoding, utf8Lines: this.feeder!.utf8Lines};
  }

  private begin(): void {
    const prefix = new Uint8Array(this.pendingBytes);
    let offset = 0;
    for (const part of this.pending) {
      prefix.set(part, offset);
      offset += part.length;
    }
    this.pending = [];
    // A UTF-8 sequence cut at the end of the prefix must not make the file look like something else.
    const lastNewline = prefix.lastIndexOf(LF);
    const sample = lastNewline > 0 && offset >= DETECT_BYTES ? prefix.subarray(0, lastNewline) : prefix;
    const encoding = (this.encoding = detectSieEncoding(sample));
    this.feeder = new LineFeeder(this.start(encoding), encoding);
    this.feeder.push(prefix);
  }
}

/**
 * One HighBytes and one LineFeeder that live as long as the module. Objects of a class share hidden classes that V8
 * keeps only while some object has them; once every reader of a file is garbage, the next read would find the
 * optimized code of next() and feed() thrown away ("weak objects") and start cold. Nothing reads these.
 */
export const KEPT_SHAPES: readonly object[] = (() => {
  const sample = new Uint8Array(128).fill(0x20);
  const high = new HighBytes(sample);
  high.next(0, sample.length);
  const feeder = new LineFeeder({line: () => undefined, lineBytes: () => true}, "cp437");
  feeder.push(sample.subarray(0, 8));
  feeder.end();
  return [high, feeder];
})();
