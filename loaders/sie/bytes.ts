// Byte-level helpers of the streaming SIE reader: decoding one line's bytes, and spotting UTF-8 lines in a file
// that is otherwise CP437 or ISO-8859-15.

import {byteTable, decodeWithTable, HighBytes, type SieEncoding} from "./encoding.js";

/** UTF-8 for å ä ö Å Ä Ö é É (C3 then A5 A4 B6 85 84 96 A9 89): in CP437 text "├" followed by a letter never occurs. */
export function hasUtf8Letters(bytes: Uint8Array, start: number, end: number): boolean {
  const high = new HighBytes(bytes);
  for (let i = high.next(start, end); i + 1 < end; i = high.next(i + 1, end)) {
    if (bytes[i] !== 0xc3) continue;
    const next = bytes[i + 1];
    if (next === 0xa5 || next === 0xa4 || next === 0xb6 || next === 0x85 || next === 0x84 || next === 0x96) return true;
    if (next === 0xa9 || next === 0x89) return true;
  }
  return false;
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
