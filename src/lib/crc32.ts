// CRC-32 (reflected polynomial 0xEDB88320), used by SIE's #KSUMMA, which sums record by record through CRC_TABLE.
// (fflate computes the XLSX ZIP's own CRC-32 but does not export it, so this stays.)

/** The byte table of CRC-32. */
export const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c >>> 0;
}

/** The CRC-32 of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
