// XLSX export: a valid ZIP (checked by Python's zipfile, an independent reader) with the cells as numbers and text.
import {execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {crc32} from "../src/lib/crc32.js";
import {toXlsx} from "../src/lib/xlsx.js";

const readBack = `
import sys, zipfile, json, re
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
sheet = z.read("xl/worksheets/sheet1.xml").decode()
cells = re.findall(r'<c r="([A-Z]+[0-9]+)"(?: t="inlineStr")?>(?:<v>([^<]*)</v>|<is><t xml:space="preserve">([^<]*)</t></is>)</c>', sheet)
print(json.dumps({"names": z.namelist(), "cells": {r: v or t for r, v, t in cells}, "workbook": z.read("xl/workbook.xml").decode()}))
`;

describe("toXlsx", () => {
  it("writes a workbook whose cells read back as numbers and escaped text", () => {
    const bytes = toXlsx([
      {
        name: "Resultaträkning 2023/2022",
        columns: ["Rad", "2023 (kr)"],
        rows: [
          ["Verksamhetens intäkter", 8629008n],
          ["Kostnader & <övrigt>", -8322613.5],
          ["Tom", null]
        ]
      }
    ]);
    const dir = mkdtempSync(join(tmpdir(), "xlsx-"));
    writeFileSync(join(dir, "a.xlsx"), bytes);
    const out = JSON.parse(execFileSync("python3", ["-c", readBack, join(dir, "a.xlsx")], {encoding: "utf-8"}));
    expect(out.names).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml"
    ]);
    expect(out.cells).toEqual({
      A1: "Rad",
      B1: "2023 (kr)",
      A2: "Verksamhetens intäkter",
      B2: "8629008",
      A3: "Kostnader &amp; &lt;övrigt&gt;",
      B3: "-8322613.5",
      A4: "Tom"
    });
    // "/" is not allowed in a sheet name; it becomes a space.
    expect(out.workbook).toContain('<sheet name="Resultaträkning 2023 2022" sheetId="1" r:id="rId1"/>');
  });

  it("gives the same bytes for the same tables", () => {
    const sheet = {name: "A", columns: ["x"], rows: [[1]]};
    expect(toXlsx([sheet])).toEqual(toXlsx([sheet]));
  });
});

describe("crc32", () => {
  it("is the standard CRC-32", () => expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926));
});
