// #KSUMMA, the SIE 4B checksum. The rule that verifies the real Norstedts file in test/fixtures/sie: standard
// CRC-32 (reflected polynomial 0xEDB88320, start 0xFFFFFFFF, final XOR 0xFFFFFFFF) over the CP437 bytes of every
// record strictly between the opening `#KSUMMA` and the closing `#KSUMMA <checksum>`, each record contributing its
// label followed by its field values, concatenated with no separators: blanks between fields, the quotes around
// fields and the braces around object lists are left out (the items inside a list are included, unquoted), and
// so the `{` and `}` lines around a voucher's rows contribute nothing. Line ends are not included.

import {CRC_TABLE} from "../../src/lib/crc32.js";
import type {Diagnostic} from "../../src/lib/ledger.js";
import {cp437Byte} from "./encoding.js";
import type {Token} from "./tokenize.js";

function addText(crc: number, text: string): number {
  let c = crc;
  for (let i = 0; i < text.length; i++) {
    c = CRC_TABLE[(c ^ cp437Byte(text.charCodeAt(i))) & 0xff] ^ (c >>> 8);
  }
  return c;
}

/** Adds one record (its tokens, label first) to a running CRC as the #KSUMMA rule above says. */
export function addRecord(crc: number, tokens: Token[]): number {
  let c = crc;
  for (const token of tokens) {
    // A bare `}` closes a voucher's rows: a brace, so not summed.
    if (token.kind === "field") c = token.quoted || token.value !== "}" ? addText(c, token.value) : c;
    else for (const item of token.items) c = addText(c, item);
  }
  return c;
}

/** The #KSUMMA of a sequence of records (each its tokens, label first). */
export function ksummaOf(records: Iterable<Token[]>): number {
  let crc = 0xffffffff;
  for (const tokens of records) crc = addRecord(crc, tokens);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Follows the records of one file and checks its #KSUMMA pair, if it has one. */
export class KsummaChecker {
  private crc = 0xffffffff;
  private openLine = 0;
  private state: "before" | "open" | "closed" = "before";
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly file: string) {}

  /** Whether records are being summed, so that every record must be fed as tokens. */
  get summing(): boolean {
    return this.state === "open";
  }

  /** Feeds one record; `tokens[0]` is its label. */
  record(tokens: Token[], line: number): void {
    const first = tokens[0];
    const label = first && first.kind === "field" ? first.value : "";
    if (label === "#KSUMMA") this.ksumma(tokens, line);
    else if (this.state === "open") this.crc = addRecord(this.crc, tokens);
  }

  private ksumma(tokens: Token[], line: number): void {
    if (this.state === "before") {
      this.state = "open";
      this.openLine = line;
      return;
    }
    if (this.state === "closed") {
      this.error(line, "Extra #KSUMMA efter den avslutande kontrollsumman");
      return;
    }
    this.state = "closed";
    const field = tokens[1];
    const claimed = field && field.kind === "field" && /^-?\d+$/.test(field.value) ? Number(field.value) : NaN;
    const computed = (this.crc ^ 0xffffffff) >>> 0;
    if (Number.isNaN(claimed)) this.error(line, "Avslutande #KSUMMA saknar kontrollsumma");
    // Some programs print the CRC as a signed 32-bit integer.
    else if (claimed >>> 0 !== computed) {
      this.error(
        line,
        `Kontrollsumman stämmer inte: #KSUMMA anger ${field.kind === "field" ? field.value : ""}, beräknad ${computed}`
      );
    }
  }

  /** Ends the file: an opening #KSUMMA without a closing one means the file was cut short. */
  finish(): Diagnostic[] {
    if (this.state === "open") this.error(this.openLine, "Filen är trunkerad: #KSUMMA saknas i slutet");
    return this.diagnostics;
  }

  private error(line: number, message: string): void {
    this.diagnostics.push({file: this.file, line, severity: "error", message});
  }
}
