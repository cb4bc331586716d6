// Measurements that put the SIE reader's speed in context, on the same buffer as the reader's benchmark: a plain
// byte scan (counting line ends, the memory-bandwidth ceiling of anything that looks at every byte), and decoding
// CP437 and ISO-8859-15 with this project's tables against iconv-lite, whole files and line by line. iconv-lite is
// not a dependency of the project (the tables won, see bench/RESULTS.md): it is measured when node_modules has it, as
// it does today through other packages, and its rows are left out otherwise.

/** The part of iconv-lite measured here. */
interface Iconv {
  decode(buffer: Buffer, encoding: string): string;
}

/** iconv-lite if node_modules has it. */
export async function loadIconv(): Promise<Iconv | undefined> {
  try {
    const name = "iconv-lite";
    const module = (await import(name)) as {default?: Iconv} & Iconv;
    return module.default ?? module;
  } catch {
    return undefined;
  }
}
import {byteTable, ByteDecoder, decodeWithTable, type SieEncoding} from "../loaders/sie/decode.js";
import {check, timeMedian} from "./runner.js";

/** Line ends (LF) in the buffer, found by the native indexOf: the least any reader of the file must do. */
export function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return lines;
}

/** Every byte summed in a plain loop: what JavaScript code that touches each byte once costs. */
export function sumBytes(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum += bytes[i];
  return sum;
}

const ICONV_NAMES: Record<Exclude<SieEncoding, "utf-8">, string> = {cp437: "cp437", "iso-8859-15": "iso-8859-15"};

/** The whole buffer decoded with the tables (loaders/sie/decode.ts). */
export function decodeTables(bytes: Uint8Array, encoding: Exclude<SieEncoding, "utf-8">): string {
  return decodeWithTable(bytes, byteTable(encoding)!);
}

/** The whole buffer decoded with iconv-lite. */
export function decodeIconv(iconv: Iconv, bytes: Uint8Array, encoding: Exclude<SieEncoding, "utf-8">): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), ICONV_NAMES[encoding]);
}

/** Each line decoded on its own, as the reader decodes the lines its fast path does not take: total characters. */
export function decodeLinesTables(bytes: Uint8Array, encoding: Exclude<SieEncoding, "utf-8">): number {
  const decoder = new ByteDecoder(encoding);
  let chars = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    chars += decoder.decode(bytes, start, end).length;
    start = end + 1;
  }
  return chars;
}

export function decodeLinesIconv(iconv: Iconv, bytes: Uint8Array, encoding: Exclude<SieEncoding, "utf-8">): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const name = ICONV_NAMES[encoding];
  let chars = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    chars += iconv.decode(buffer.subarray(start, end), name).length;
    start = end + 1;
  }
  return chars;
}

export interface DecodeTimes {
  label: string;
  medianMs: number;
}

/** Times the table and iconv-lite decoders on one buffer, checking that both give the same text. */
export function timeDecoders(iconv: Iconv, bytes: Uint8Array, runs: number): DecodeTimes[] {
  const times: DecodeTimes[] = [];
  for (const encoding of ["cp437", "iso-8859-15"] as const) {
    const expected = decodeTables(bytes, encoding);
    check(decodeIconv(iconv, bytes, encoding) === expected, `iconv-lite och tabellerna avkodar ${encoding} olika`);
    const verify = (text: string) => check(text.length === expected.length, "fel längd");
    const name = encoding === "cp437" ? "CP437" : "ISO-8859-15";
    times.push({
      label: `${name}, hela filen: tabeller`,
      medianMs: timeMedian(runs, () => decodeTables(bytes, encoding), verify)
    });
    times.push({
      label: `${name}, hela filen: iconv-lite`,
      medianMs: timeMedian(runs, () => decodeIconv(iconv, bytes, encoding), verify)
    });
    const chars = decodeLinesTables(bytes, encoding);
    check(decodeLinesIconv(iconv, bytes, encoding) === chars, "olika antal tecken");
    const verifyLines = (n: number) => check(n === chars, "fel antal tecken");
    times.push({
      label: `${name}, rad för rad: tabeller`,
      medianMs: timeMedian(runs, () => decodeLinesTables(bytes, encoding), verifyLines)
    });
    times.push({
      label: `${name}, rad för rad: iconv-lite`,
      medianMs: timeMedian(runs, () => decodeLinesIconv(iconv, bytes, encoding), verifyLines)
    });
  }
  return times;
}
