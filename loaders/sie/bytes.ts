// Byte-level helpers of the streaming SIE reader: decoding one line's bytes, and spotting UTF-8 lines in a file
// that is otherwise CP437 or ISO-8859-15.

import {byteTable, decodeWithTable, type SieEncoding} from "./encoding";

/** UTF-8 for å ä ö Å Ä Ö é É (C3 then A5 A4 B6 85 84 96 A9 89): in CP437 text "├" followed by a letter never occurs. */
export function hasUtf8Letters(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    if (bytes[i] !== 0xc3) continue;
    const next = bytes[i + 1];
    if (next === 0xa5 || next === 0xa4 || next === 0xb6 || next === 0x85 || next === 0x84 || next === 0x96) return true;
    if (next === 0xa9 || next === 0x89) return true;
  }
  return false;
}

const STRICT_UTF8 = new TextDecoder("utf-8", {fatal: true});

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
  private readonly utf8 = new TextDecoder("utf-8");
  private readonly scratch = new Uint16Array(4096);

  constructor(encoding: SieEncoding) {
    this.table = byteTable(encoding);
  }

  /** bytes[start, end) as a string; `utf8` reads the range as UTF-8 whatever the file's encoding. */
  decode(bytes: Uint8Array, start: number, end: number, utf8 = false): string {
    const n = end - start;
    if (n <= 0) return "";
    const table = this.table;
    if (utf8 || !table) return this.utf8.decode(bytes.subarray(start, end));
    if (n > this.scratch.length) return decodeWithTable(bytes.subarray(start, end), table);
    const units = this.scratch;
    for (let i = 0; i < n; i++) units[i] = table[bytes[start + i]];
    return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  }
}
