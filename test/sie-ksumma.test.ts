// #KSUMMA checked against node:zlib's CRC-32 over the text the rule in loaders/sie/ksumma.ts describes.
import {readFileSync} from "node:fs";
import {crc32} from "node:zlib";
import {describe, expect, it} from "vitest";
import {readSie} from "../loaders/sie/index.js";
import {encodeCp437} from "../loaders/sie/encoding.js";

const BODY = [
  '#PROGRAM "Test" 1.0',
  "#FORMAT PC8",
  "#SIETYP 4",
  '#FNAMN "Bolaget \\"Ett\\" AB"',
  '#KONTO 1930 "Företagskonto"',
  '#VER A 1 20240105 "Text"',
  "{",
  '\t#TRANS 1930 {1 "100"} 100.00',
  "\t#TRANS\t3010\t{}\t-100.00",
  "}"
];
// Labels and field values, no blanks between fields, no quotes, no braces.
const SUMMED =
  '#PROGRAMTest1.0#FORMATPC8#SIETYP4#FNAMNBolaget "Ett" AB#KONTO1930Företagskonto#VERA120240105Text' +
  "#TRANS19301100100.00#TRANS3010-100.00";
const CRC = crc32(encodeCp437(SUMMED));

function file(lines: string[]): Uint8Array {
  return encodeCp437(lines.join("\r\n") + "\r\n");
}

describe("#KSUMMA", () => {
  it("accepts a correct checksum", () => {
    const r = readSie(file(["#FLAGGA 0", "#KSUMMA", ...BODY, `#KSUMMA ${CRC}`]), "k.se");
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger.vouchers).toHaveLength(1);
  });

  it("rejects a wrong checksum with the computed one", () => {
    const wrong = (CRC + 1) % 2 ** 32;
    const r = readSie(file(["#FLAGGA 0", "#KSUMMA", ...BODY, `#KSUMMA ${wrong}`]), "k.se");
    expect(r.diagnostics).toEqual([
      {
        file: "k.se",
        line: 13,
        severity: "error",
        message: `Kontrollsumman stämmer inte: #KSUMMA anger ${wrong}, beräknad ${CRC}`
      }
    ]);
  });

  it("notices a changed character", () => {
    const changed = BODY.map((l) => l.replace('"Text"', '"Test"'));
    const r = readSie(file(["#FLAGGA 0", "#KSUMMA", ...changed, `#KSUMMA ${CRC}`]), "k.se");
    const expected = crc32(encodeCp437(SUMMED.replace("Text", "Test")));
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      `Kontrollsumman stämmer inte: #KSUMMA anger ${CRC}, beräknad ${expected}`
    ]);
  });

  it("calls a file with an opening #KSUMMA and no closing one truncated", () => {
    const r = readSie(file(["#FLAGGA 0", "#KSUMMA", ...BODY]), "k.se");
    expect(r.diagnostics).toEqual([
      {file: "k.se", line: 2, severity: "error", message: "Filen är trunkerad: #KSUMMA saknas i slutet"}
    ]);
  });

  it("wants a number in the closing #KSUMMA", () => {
    const r = readSie(file(["#FLAGGA 0", "#KSUMMA", ...BODY, "#KSUMMA", "#KSUMMA 1"]), "k.se");
    expect(r.diagnostics).toEqual([
      {file: "k.se", line: 13, severity: "error", message: "Avslutande #KSUMMA saknar kontrollsumma"},
      {file: "k.se", line: 14, severity: "error", message: "Extra #KSUMMA efter den avslutande kontrollsumman"}
    ]);
  });

  describe("on the real Norstedts file", () => {
    const name = "jsisie__Bokslut_Norstedts_SIE_4E.se";
    const bytes = readFileSync(new URL(`./fixtures/sie/${name}`, import.meta.url));
    const text = new TextDecoder("latin1").decode(bytes);
    const lines = text.split("\n");

    it("verifies 854227682 over lines 3–1818", () => {
      expect(lines[1]).toBe("#KSUMMA");
      expect(lines[1818]).toBe("#KSUMMA\t\t854227682");
      expect(readSie(bytes, name).diagnostics).toEqual([]);
    });

    it("is truncated without its last line", () => {
      const cut = Uint8Array.from(lines.slice(0, 1818).join("\n"), (c) => c.charCodeAt(0));
      expect(readSie(cut, name).diagnostics).toEqual([
        {file: name, line: 2, severity: "error", message: "Filen är trunkerad: #KSUMMA saknas i slutet"}
      ]);
    });

    it("fails when the company name is changed", () => {
      const edited = Uint8Array.from(text.replace("Datakonsulterna AB", "Datakonsultarna AB"), (c) => c.charCodeAt(0));
      const r = readSie(edited, name);
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({line: 1819, severity: "error"});
      expect(r.diagnostics[0].message).toMatch(/^Kontrollsumman stämmer inte: #KSUMMA anger 854227682, beräknad \d+$/);
    });
  });
});
