import {describe, expect, it} from "vitest";
import {decodeCp437, detectEncoding, encodeCp437} from "../loaders/sie/encoding.js";
import {readSie} from "../loaders/sie/index.js";

// Bytes 0x80–0xFF of CP437 as Python's codecs (and iconv) decode them.
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
  "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

const SWEDISH =
  '#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN "Övningsbolaget i Västerås AB"\n#KONTO 1930 "Företagskonto"\n';

describe("CP437", () => {
  it("decodes all 256 bytes as the standard table does", () => {
    const all = Uint8Array.from({length: 256}, (_, i) => i);
    const text = decodeCp437(all);
    expect(text.slice(0, 128)).toBe(String.fromCharCode(...Array.from({length: 128}, (_, i) => i)));
    expect(text.slice(128)).toBe(CP437_HIGH);
  });

  it("encodes back to the same bytes, and å ä ö Å Ä Ö to 86 84 94 8F 8E 99", () => {
    const all = Uint8Array.from({length: 256}, (_, i) => i);
    expect(encodeCp437(decodeCp437(all))).toEqual(all);
    expect(Array.from(encodeCp437("åäöÅÄÖ"))).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]);
  });

  it("writes ? for characters CP437 lacks, one per character", () => {
    expect(Array.from(encodeCp437("€😀a"))).toEqual([0x3f, 0x3f, 0x61]);
  });
});

describe("encoding detection", () => {
  it("takes CP437 bytes for CP437, silently", () => {
    const bytes = encodeCp437(SWEDISH);
    expect(detectEncoding(bytes)).toBe("cp437");
    const r = readSie(bytes, "a.se");
    expect(r.ledger.companyName).toBe("Övningsbolaget i Västerås AB");
    expect(r.diagnostics).toEqual([]);
  });

  it("takes valid multi-byte UTF-8 for UTF-8 and says so at #FORMAT", () => {
    const bytes = new TextEncoder().encode(SWEDISH);
    expect(detectEncoding(bytes)).toBe("utf-8");
    const r = readSie(bytes, "u.se");
    expect(r.ledger.companyName).toBe("Övningsbolaget i Västerås AB");
    expect(r.ledger.accounts[0].name).toBe("Företagskonto");
    expect(r.diagnostics).toEqual([
      {
        file: "u.se",
        line: 2,
        severity: "info",
        message: "Filen anger #FORMAT PC8 men är kodad som UTF-8 och läses som det"
      }
    ]);
  });

  it("takes a UTF-8 byte order mark for UTF-8 even with only ASCII after it, and drops the mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("#FLAGGA 0\n#FNAMN Bolaget\n")]);
    expect(detectEncoding(bytes)).toBe("utf-8");
    const r = readSie(bytes, "bom.se");
    expect(r.ledger.companyName).toBe("Bolaget");
    expect(r.diagnostics).toEqual([
      {
        file: "bom.se",
        line: 0,
        severity: "info",
        message: "Filen anger #FORMAT PC8 men är kodad som UTF-8 och läses som det"
      }
    ]);
  });

  it("takes Latin-1 letters (E5 E4 F6 C5 C4 D6) for ISO-8859-15", () => {
    const bytes = Uint8Array.from(SWEDISH, (c) => c.charCodeAt(0));
    expect(detectEncoding(bytes)).toBe("iso-8859-15");
    const r = readSie(bytes, "l.se");
    expect(r.ledger.companyName).toBe("Övningsbolaget i Västerås AB");
    expect(r.diagnostics).toEqual([
      {
        file: "l.se",
        line: 2,
        severity: "info",
        message: "Filen anger #FORMAT PC8 men är kodad som ISO-8859-15 och läses som det"
      }
    ]);
  });

  it("does not take bytes that are invalid as UTF-8 for UTF-8", () => {
    // "Ö" in Latin-1 followed by ASCII: a lead byte without continuation.
    expect(detectEncoding(new Uint8Array([0xd6, 0x76, 0x72]))).toBe("iso-8859-15");
    // Overlong encoding of "/".
    expect(detectEncoding(new Uint8Array([0xc0, 0xaf]))).toBe("iso-8859-15");
  });

  it("counts votes when both ranges occur", () => {
    // Two CP437 letters (ä ö) against one byte in C0–FF.
    expect(detectEncoding(new Uint8Array([0x84, 0x41, 0x94, 0xe1]))).toBe("cp437");
    expect(detectEncoding(new Uint8Array([0x84, 0x41, 0xe4, 0xf6]))).toBe("iso-8859-15");
    expect(detectEncoding(new Uint8Array([0x41, 0x42]))).toBe("cp437");
  });
});
