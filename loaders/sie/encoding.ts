// Writing CP437, for the SIE writer and the #KSUMMA checksum; decoding and choosing an encoding are in decode.ts,
// re-exported here for the callers that know this module.

import {CP437_TABLE} from "./decode.js";

export {decodeCp437, detectEncoding, encodingDiagnostic, HighBytes, type SieEncoding} from "./decode.js";

// Indexed by UTF-16 code unit: 64 KB buys a lookup without hashing for every character written or summed.
const CP437_REVERSE = new Uint8Array(0x10000).fill(0x3f);
for (let b = 255; b >= 0; b--) CP437_REVERSE[CP437_TABLE[b]] = b;

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
