// Character encodings of SIE files: CP437 (what #FORMAT PC8 promises), and the UTF-8 and ISO-8859-15 that real
// exporters sometimes write instead. Pure functions, no Node APIs, so the reader also runs in the browser.

import type {Diagnostic} from "../../src/lib/ledger.js";

export type SieEncoding = "cp437" | "utf-8" | "iso-8859-15";

/** CP437 code points for bytes 0x80–0xFF; 0x00–0x7F are ASCII (SIE has no use for the DOS glyphs of controls). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" +
  "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

const CP437_TABLE = new Uint16Array(256);
// Indexed by UTF-16 code unit: 64 KB buys a lookup without hashing for every character written or summed.
const CP437_REVERSE = new Uint8Array(0x10000).fill(0x3f);
for (let b = 0; b < 256; b++) {
  const code = b < 0x80 ? b : CP437_HIGH.charCodeAt(b - 0x80);
  CP437_TABLE[b] = code;
  CP437_REVERSE[code] = b;
}

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

/** Encodes a string as CP437; characters CP437 lacks become "?". */
export function encodeCp437(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    // A surrogate pair is one character outside CP437: one "?", not two.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    out[n++] = CP437_REVERSE[code];
  }
  return out.subarray(0, n);
}

/** The CP437 byte of one UTF-16 code unit, or "?" (0x3F) when CP437 lacks it. */
export function cp437Byte(code: number): number {
  return CP437_REVERSE[code];
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
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (isMultibyteUtf8(bytes)) return "utf-8";
  let cp437Votes = 0;
  let latinVotes = 0;
  const high = new HighBytes(bytes);
  for (let i = high.next(0, bytes.length); i < bytes.length; i = high.next(i + 1, bytes.length)) {
    const b = bytes[i];
    if (b <= 0x9f) cp437Votes++;
    else if (b >= 0xc0) latinVotes++;
  }
  return latinVotes > cp437Votes ? "iso-8859-15" : "cp437";
}

/** Decodes a whole SIE file, dropping a UTF-8 byte order mark. */
export function decodeSieBytes(bytes: Uint8Array, encoding: SieEncoding): string {
  if (encoding === "utf-8") {
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder("utf-8").decode(bytes.subarray(start));
  }
  return decodeWithTable(bytes, encoding === "cp437" ? CP437_TABLE : LATIN9_TABLE);
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
