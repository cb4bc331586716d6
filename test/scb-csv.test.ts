import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readScbCsv} from "../loaders/scb/csv.js";
import {readPx} from "../loaders/scb/px.js";
import {cellIndex} from "../loaders/scb/tidy.js";
import type {StatCube} from "../loaders/scb/types.js";

// The derived_*.csv fixtures are the real PxWeb example PX figures written out in the CSV layouts
// Statistikdatabasen downloads (see the figures checked against the PX files below).
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/scb/${name}`, import.meta.url)));
const cell = (cube: StatCube, keys: Record<string, string>) => cube.cells[cellIndex(cube, keys)];

describe("readScbCsv layouts", () => {
  it("wide, Swedish headers, Windows-1252, semicolons, a title line and code+text regions", () => {
    const name = "derived_BE0101D1_wide_sv.csv";
    const {cube, diagnostics, counts} = readScbCsv(fixture(name), name, {expect: ["region", "tid"]});
    expect(diagnostics).toEqual([]);
    expect(counts).toEqual({read: 12, kept: 12, rejected: 0});
    expect(cube!.title).toBe("Levande födda efter region, kön och år");
    expect(cube!.variables.map((v) => v.code)).toEqual(["region", "kön", "tid"]);
    expect(cube!.variables[0].values).toEqual([
      {code: "2080", label: "2080 Falun"},
      {code: "2082", label: "2082 Säter"},
      {code: "2085", label: "2085 Ludvika"}
    ]);
    expect(cube!.variables[2]).toMatchObject({time: true, values: [{code: "2002"}, {code: "2003"}]});
    expect(cell(cube!, {region: "2080", kön: "kvinnor", tid: "2003"})).toBe(297);
    expect(cell(cube!, {region: "2082", kön: "män", tid: "2002"})).toBe(52);
  });

  it("agrees with the PX file it was taken from", () => {
    const px = readPx(fixture("PxWeb_example_BE0101D1_kommun.px"), "px").cube!;
    const csv = readScbCsv(fixture("derived_BE0101D1_long_en.csv"), "csv").cube!;
    for (const region of ["2080", "2082", "2085"]) {
      for (const gender of ["1", "2"]) {
        for (const year of ["2002", "2003"]) {
          expect(cell(csv, {region, gender, year})).toBe(cell(px, {region, "maternal age": "tot", year, gender}));
        }
      }
    }
  });

  it("long, English headers, UTF-8 with BOM, commas, codes only; the value column names the content", () => {
    const name = "derived_BE0101D1_long_en.csv";
    const {cube, counts} = readScbCsv(fixture(name), name, {expect: ["region", "tid"]});
    expect(counts).toEqual({read: 12, kept: 12, rejected: 0});
    expect(cube!.variables.map((v) => [v.code, v.values.length, !!v.time])).toEqual([
      ["region", 3, false],
      ["gender", 2, false],
      ["year", 2, true]
    ]);
    expect(cube!.contents).toBe("Live births");
    expect(cell(cube!, {region: "2085", gender: "2", year: "2003"})).toBe(125);
  });

  it("long, tab separated, decimal comma, monthly periods", () => {
    const name = "derived_PR0101B3_long_sv_tab.csv";
    const {cube, counts} = readScbCsv(fixture(name), name);
    expect(counts).toEqual({read: 6, kept: 6, rejected: 0});
    expect(cube!.variables[0].values[1]).toEqual({code: "01.1.3", label: "01.1.3 Fish"});
    expect(cube!.variables[1]).toMatchObject({code: "månad", time: true});
    // PR0101B3.px: Fish, 2008M12 = 354.13.
    expect(cell(cube!, {varugrupp: "01.1.3", månad: "2008M12"})).toBe(354.13);
    expect(cube!.contents).toBe("KPI");
  });

  it("wide with two contents before the period, and missing symbols kept as such", () => {
    const name = "derived_BE0101F1_wide_symbols.csv";
    const {cube, counts} = readScbCsv(fixture(name), name);
    expect(counts).toEqual({read: 48, kept: 48, rejected: 0});
    expect(cube!.variables.map((v) => [v.code, v.values.map((x) => x.code)])).toEqual([
      ["region", ["00", "01", "0114", "0115"]],
      ["age", ["20", "21", "22"]],
      ["sex", ["men", "women"]],
      ["ContentsCode", ["Inmigrated", "Outmigrated"]],
      ["time", ["2003"]]
    ]);
    const keys = {region: "00", age: "20", sex: "men", ContentsCode: "Inmigrated", time: "2003"};
    expect(cell(cube!, keys)).toEqual({symbol: "-", meaning: "noll"});
    expect(cell(cube!, {...keys, ContentsCode: "Outmigrated"})).toEqual({symbol: "..", meaning: "saknas"});
    expect(cell(cube!, {...keys, region: "01", age: "22"})).toBe(924);
    expect(cell(cube!, {...keys, region: "01", age: "22", sex: "women"})).toEqual({
      symbol: "......",
      meaning: "övrigt"
    });
    expect(cube!.cells.filter((c) => typeof c !== "number")).toHaveLength(16);
  });
});

describe("readScbCsv on broken files", () => {
  it("a missing expected column: the error names it and nothing is loaded", () => {
    const name = "bad/csv_missing_column.csv";
    const {cube, diagnostics, counts} = readScbCsv(fixture(name), name, {expect: ["region", "tid"]});
    expect(cube).toBeNull();
    expect(counts).toEqual({read: 0, kept: 0, rejected: 0});
    expect(diagnostics).toEqual([
      {
        file: name,
        line: 1,
        severity: "error",
        message: 'Kolumnen "region" saknas i CSV-filen (rubrikraden: "kön", "2002", "2003")'
      }
    ]);
  });

  it("a value that is no number", () => {
    const bytes = new TextEncoder().encode('"region";"2022"\n"2080 Falun";12,5\n"2081 Borlänge";12x\n');
    const {cube, diagnostics, counts} = readScbCsv(bytes, "x.csv");
    expect(cube).toBeNull();
    expect(counts).toEqual({read: 2, kept: 0, rejected: 2});
    expect(diagnostics).toEqual([{file: "x.csv", line: 3, severity: "error", message: '"12x" är inget tal'}]);
  });
});
