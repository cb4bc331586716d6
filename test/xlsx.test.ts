// XLSX export: a valid ZIP (checked by Python's zipfile and XML parser, independent readers) with the cells as
// numbers and text, number formats for kronor and percent, column widths and a frozen heading row.
import {execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {crc32} from "../src/lib/crc32.js";
import {columnFormat, toXlsx, type XlsxSheet} from "../src/lib/xlsx.js";

const readBack = `
import sys, zipfile, json
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
styles = ET.fromstring(z.read("xl/styles.xml"))
formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", ns)}
xfs = [x.get("numFmtId") for x in styles.findall("m:cellXfs/m:xf", ns)]
bold = [styles.findall("m:fonts/m:font", ns)[int(x.get("fontId"))].find("m:b", ns) is not None for x in styles.findall("m:cellXfs/m:xf", ns)]
cells = {}
for c in sheet.iter("{%s}c" % ns["m"]):
    v = c.find("m:v", ns)
    t = c.find("m:is/m:t", ns)
    s = int(c.get("s", "0"))
    cells[c.get("r")] = {"value": v.text if v is not None else t.text, "type": c.get("t", "n"), "numFmt": xfs[s], "bold": bold[s]}
pane = sheet.find("m:sheetViews/m:sheetView/m:pane", ns)
print(json.dumps({
  "names": z.namelist(),
  "compressed": [i.compress_type for i in z.infolist()],
  "cells": cells,
  "customFormats": formats,
  "pane": pane.attrib if pane is not None else None,
  "cols": [c.attrib for c in sheet.findall("m:cols/m:col", ns)],
  "workbook": z.read("xl/workbook.xml").decode(),
  "types": z.read("[Content_Types].xml").decode(),
}))
`;

function read(sheet: XlsxSheet) {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-"));
  writeFileSync(join(dir, "a.xlsx"), toXlsx([sheet]));
  return JSON.parse(execFileSync("python3", ["-c", readBack, join(dir, "a.xlsx")], {encoding: "utf-8"}));
}

describe("toXlsx", () => {
  const sheet: XlsxSheet = {
    name: "Resultaträkning 2023/2022",
    columns: ["Rad", "2023 (kr)", "Andel", "Konto", "2023 (tkr)"],
    rows: [
      ["Verksamhetens intäkter", "8629008,45", 0.337, "3010", 8629n],
      ["Kostnader & <övrigt>", -8322613.5, 1, "001", -8323n],
      ['=HYPERLINK("http://x")', 8629008n, null, null, null],
      ["Tom", null, null, null, null]
    ]
  };

  it("writes a deflated workbook whose cells read back as numbers with formats, and escaped text", () => {
    const out = read(sheet);
    expect(out.names).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml"
    ]);
    // 8 = deflate: fflate compresses, where the hand-written writer stored.
    expect(out.compressed).toEqual([8, 8, 8, 8, 8, 8]);
    const heading = {type: "inlineStr", numFmt: "0", bold: true};
    const text = {type: "inlineStr", numFmt: "0", bold: false};
    // Built-in number formats: 4 = #,##0.00 (kr with öre), 3 = #,##0 (tkr); 164 is the one-decimal percent.
    const kr = {type: "n", numFmt: "4", bold: false};
    expect(out.cells).toEqual({
      A1: {value: "Rad", ...heading},
      B1: {value: "2023 (kr)", ...heading},
      C1: {value: "Andel", ...heading},
      D1: {value: "Konto", ...heading},
      E1: {value: "2023 (tkr)", ...heading},
      A2: {value: "Verksamhetens intäkter", ...text},
      // The kronor from the CSV row ("8629008,45") become the number 8629008.45, exact to the öre.
      B2: {value: "8629008.45", ...kr},
      C2: {value: "0.337", type: "n", numFmt: "164", bold: false},
      // An account number in a column without a number format stays text, so "001" keeps its zeros.
      D2: {value: "3010", ...text},
      E2: {value: "8629", type: "n", numFmt: "3", bold: false},
      A3: {value: "Kostnader & <övrigt>", ...text},
      B3: {value: "-8322613.5", ...kr},
      C3: {value: "1", type: "n", numFmt: "164", bold: false},
      D3: {value: "001", ...text},
      E3: {value: "-8323", type: "n", numFmt: "3", bold: false},
      // An inline string is text: a spreadsheet shows it and never runs it as a formula.
      A4: {value: '=HYPERLINK("http://x")', ...text},
      B4: {value: "8629008", ...kr},
      A5: {value: "Tom", ...text}
    });
    expect(out.customFormats).toEqual({"164": "0.0%"});
    expect(out.types).toContain('<Override PartName="/xl/styles.xml"');
    // "/" is not allowed in a sheet name; it becomes a space.
    expect(out.workbook).toContain('<sheet name="Resultaträkning 2023 2022" sheetId="1" r:id="rId1"/>');
  });

  it("freezes the heading row and sets column widths from the widest value", () => {
    const out = read(sheet);
    expect(out.pane).toEqual({ySplit: "1", topLeftCell: "A2", activePane: "bottomLeft", state: "frozen"});
    expect(out.cols).toEqual([
      // "Verksamhetens intäkter" (22) + 2
      {min: "1", max: "1", width: "24", customWidth: "1"},
      // "8629008,45" (10) + 3 grouping spaces + 3 for the decimals Excel shows + 2
      {min: "2", max: "2", width: "18", customWidth: "1"},
      {min: "3", max: "3", width: "8", customWidth: "1"},
      {min: "4", max: "4", width: "8", customWidth: "1"},
      {min: "5", max: "5", width: "12", customWidth: "1"}
    ]);
  });

  it("gives the same bytes for the same tables", () => {
    const sheet = {name: "A", columns: ["x"], rows: [[1]]};
    expect(toXlsx([sheet])).toEqual(toXlsx([sheet]));
  });

  it.each([
    ["Belopp (kr)", "kr"],
    ["Utfall 2023 (tkr)", "integer"],
    ["Budget 2023 (mkr)", "integer"],
    ["Stat (%)", "decimal"],
    ["Andel", "percent"],
    ["Förbrukad av årsbudget", "percent"],
    ["År", "general"],
    ["Konto", "general"]
  ])("a column headed %s is formatted as %s", (heading, format) => expect(columnFormat(heading)).toBe(format));
});

describe("crc32", () => {
  it("is the standard CRC-32", () => expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926));
});
