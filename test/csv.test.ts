import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decode, parseCsv} from "../loaders/csv.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/csv/${name}`, import.meta.url)));

describe("parseCsv tokenizing", () => {
  it("reads quoted fields, doubled quotes and embedded newlines, and numbers rows by starting line", () => {
    const table = parseCsv(
      utf8('a;b;c\r\n1;"x;y";"say ""hi"""\r\n2;"two\r\nlines";z\n3;;"three\nlines\nhere"\n4;last;\n')
    );
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual(["a", "b", "c"]);
    expect(table.headerLine).toBe(1);
    expect(table.rows).toEqual([
      {line: 2, fields: ["1", "x;y", 'say "hi"']},
      {line: 3, fields: ["2", "two\r\nlines", "z"]},
      {line: 5, fields: ["3", "", "three\nlines\nhere"]},
      {line: 8, fields: ["4", "last", ""]}
    ]);
    expect(table.issues).toEqual([]);
  });

  it("handles a missing final newline, lone CR line ends and an empty quoted field", () => {
    const table = parseCsv(utf8('a,b\r1,""\r2,3'));
    expect(table.delimiter).toBe(",");
    expect(table.rows).toEqual([
      {line: 2, fields: ["1", ""]},
      {line: 3, fields: ["2", "3"]}
    ]);
  });

  it("drops blank rows but keeps line numbers true to the file", () => {
    const table = parseCsv(utf8("\n  Konto ; Belopp \n\n1930;5\n;\n;;\n3010;-5\n"));
    expect(table.header).toEqual(["Konto", "Belopp"]);
    expect(table.headerLine).toBe(2);
    expect(table.rows).toEqual([
      {line: 4, fields: ["1930", "5"]},
      {line: 7, fields: ["3010", "-5"]}
    ]);
  });

  it("reports a quote that is never closed", () => {
    const table = parseCsv(utf8('a;b\n1;"open\n2;3\n'));
    expect(table.rows).toEqual([{line: 2, fields: ["1", "open\n2;3\n"]}]);
    expect(table.issues).toEqual([{line: 2, message: "citattecknet stängs aldrig; resten av filen blev ett fält"}]);
  });

  it("keeps text after a closing quote, as Excel does", () => {
    expect(parseCsv(utf8('a;b\n"12"3;x\n')).rows[0].fields).toEqual(["123", "x"]);
  });

  it("returns an empty header for an empty file", () => {
    expect(parseCsv(new Uint8Array())).toMatchObject({header: [], headerLine: 0, rows: [], encoding: "utf-8"});
  });
});

describe("parseCsv delimiter", () => {
  it("prefers ; when amounts use decimal commas", () => {
    expect(parseCsv(utf8("Konto;Belopp\n1930;1 234,50\n3010;-1 234,50\n")).delimiter).toBe(";");
  });

  it("finds , and tab", () => {
    expect(parseCsv(utf8('Account,Amount,Text\n1930,12.50,"a;b"\n')).delimiter).toBe(",");
    expect(parseCsv(utf8("Konto\tBelopp\n1930\t1,5\n")).delimiter).toBe("\t");
  });

  it("picks the delimiter that splits rows consistently", () => {
    // The header has one comma in a name, but every row splits into three fields only on ";".
    const table = parseCsv(utf8("Datum;Konto, nr;Belopp\n2023-01-01;1930;1,5\n2023-01-02;3010;-1,5\n"));
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual(["Datum", "Konto, nr", "Belopp"]);
  });

  it("obeys an Excel sep= line", () => {
    const table = parseCsv(utf8("sep=,\r\na;b,c\r\n1;2,3\r\n"));
    expect(table.delimiter).toBe(",");
    expect(table.header).toEqual(["a;b", "c"]);
    expect(table.rows).toEqual([{line: 3, fields: ["1;2", "3"]}]);
  });
});

describe("decode", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decode(utf8("Kostnadsställe"))).toEqual({text: "Kostnadsställe", encoding: "utf-8"});
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Åre")]))).toEqual({text: "Åre", encoding: "utf-8-bom"});
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Löner 1 234 €" with NBSP in Windows-1252.
    const bytes = new Uint8Array([0x4c, 0xf6, 0x6e, 0x65, 0x72, 0x20, 0x31, 0xa0, 0x32, 0x33, 0x34, 0x20, 0x80]);
    expect(decode(bytes)).toEqual({text: "Löner 1\u00A0234 €", encoding: "windows-1252"});
  });

  it("reads UTF-16LE with BOM, as Excel's Unicode text export writes", () => {
    const text = "Konto\tBelopp\n1930\t5\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const table = parseCsv(bytes);
    expect(table).toMatchObject({encoding: "utf-16le", delimiter: "\t", header: ["Konto", "Belopp"]});
  });
});

describe("parseCsv fixtures", () => {
  it("reads the Swedish Windows-1252 huvudbok", () => {
    const table = parseCsv(fixture("huvudbok-sv-cp1252.csv"));
    expect(table.encoding).toBe("windows-1252");
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual([
      "Konto",
      "Kontonamn",
      "Datum",
      "Ver.nr",
      "Text",
      "Kst",
      "Projekt",
      "Belopp",
      "Saldo"
    ]);
    expect(table.rows).toHaveLength(11);
    expect(table.rows[4]).toEqual({
      line: 6,
      fields: [
        "2440",
        "Leverantörsskulder",
        "2023-02-14",
        "A4",
        "Faktura 2023-114; Samhall",
        "",
        "",
        "-125\u00A0000,00",
        "-125\u00A0000,00"
      ]
    });
  });

  it("reads the English UTF-8 export with BOM", () => {
    const table = parseCsv(fixture("verifikationslista-en-utf8bom.csv"));
    expect(table.encoding).toBe("utf-8-bom");
    expect(table.delimiter).toBe(",");
    expect(table.header[0]).toBe("Date");
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 8, 10, 11]);
    expect(table.rows[4].fields[3]).toBe('Course "Vägen till arbete"\r\nspring term');
  });
});
