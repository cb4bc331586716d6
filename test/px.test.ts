import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readPx} from "../loaders/scb/px.js";
import {cellIndex, toObservations} from "../loaders/scb/tidy.js";
import type {StatCube} from "../loaders/scb/types.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/scb/${name}`, import.meta.url)));
const read = (name: string) => readPx(fixture(name), name);
const utf8 = (s: string) => new TextEncoder().encode(s);
const cell = (cube: StatCube, keys: Record<string, string>) => cube.cells[cellIndex(cube, keys)];

describe("readPx on PxWeb's example files", () => {
  it("reads all kommuner of BE0101D1 with codes, elimination and the time variable", () => {
    const {cube, diagnostics, counts} = read("PxWeb_example_BE0101D1_kommun.px");
    expect(cube).not.toBeNull();
    // 312 regions × 37 maternal ages × 2 years × 2 genders.
    expect(counts).toEqual({read: 46176, kept: 46176, rejected: 0});
    expect(cube!.cells).toHaveLength(46176);
    expect(cube!.variables.map((v) => [v.code, v.values.length])).toEqual([
      ["region", 312],
      ["maternal age", 37],
      ["year", 2],
      ["gender", 2]
    ]);
    const [region, age, year, gender] = cube!.variables;
    // CHARSET="ANSI" without CODEPAGE: Windows-1252, so "Säter" keeps its ä.
    expect(region.values[249]).toEqual({code: "2082", label: "2082 Säter"});
    expect(region.values[247]).toEqual({code: "2080", label: "2080 Falun"});
    // ELIMINATION gives labels; the cube holds the code.
    expect(region.elimination).toBe("00");
    expect(age.elimination).toBe("tot");
    expect(gender).toMatchObject({
      eliminable: true,
      values: [
        {code: "1", label: "men"},
        {code: "2", label: "women"}
      ]
    });
    expect(gender.elimination).toBeUndefined();
    expect(year).toMatchObject({time: true, timeScale: "A1"});
    expect(cube!).toMatchObject({
      table: "BE0101D1",
      title: "Live births by region, maternal age, year and gender",
      contents: "Live births",
      units: {"Live births": "quantity"},
      decimals: 0,
      updated: "20040212 16:33"
    });
    // Line 9277: "280 276 260 297" (Falun, all ages; 2002 men, women, 2003 men, women).
    expect(cell(cube!, {region: "2080", "maternal age": "tot", year: "2003", gender: "2"})).toBe(297);
    expect(cell(cube!, {region: "2080", "maternal age": "tot", year: "2002", gender: "1"})).toBe(280);
    // Line 9252: Falun, maternal age 25: "21 11 9 11".
    expect(cell(cube!, {region: "2080", "maternal age": "25", year: "2003", gender: "2"})).toBe(11);
    // Line 138: the whole of Sweden, all ages.
    expect(cell(cube!, {region: "00", "maternal age": "tot", year: "2002", gender: "1"})).toBe(49187);
    // The last line is Kiruna's total.
    expect(cube!.cells.slice(-4)).toEqual([125, 103, 108, 109]);
    // The example file ends DATA without ";": kept, with a warning.
    expect(diagnostics).toEqual([
      {
        file: "PxWeb_example_BE0101D1_kommun.px",
        line: 101,
        severity: "warning",
        message: "DATA avslutas inte med semikolon"
      }
    ]);
  });

  it("keeps dots, dashes and DATASYMBOL cells as typed missing values, never 0", () => {
    const {cube, diagnostics, counts} = read("PxWeb_example_BE0101F1nildotsymbols.px");
    expect(diagnostics).toEqual([]);
    expect(counts).toEqual({read: 48, kept: 48, rejected: 0});
    expect(cube!.variables.map((v) => v.code)).toEqual(["region", "age", "period", "type", "sex"]);
    // First DATA line: "-" "." ".." "..." for region 00, age 20, in/out × men/women.
    expect(cube!.cells.slice(0, 4)).toEqual([
      {symbol: "-", meaning: "noll", text: "nothing"},
      {symbol: ".", meaning: "saknas", text: "n.a."},
      {symbol: "..", meaning: "saknas", text: "unknown"},
      {symbol: "...", meaning: "konfidentiell", text: "hidden"}
    ]);
    const keys = {region: "01", age: "20", period: "2003", type: "BE0101F2", sex: "2"};
    expect(cell(cube!, keys)).toEqual({symbol: "....", meaning: "konfidentiell", text: "secret"});
    // Line "924 "......" 672 906": region 01, age 22.
    expect(cell(cube!, {...keys, age: "22", type: "BE0101F1", sex: "1"})).toBe(924);
    expect(cell(cube!, {...keys, age: "22", type: "BE0101F1", sex: "2"})).toEqual({
      symbol: "......",
      meaning: "övrigt",
      text: "not used"
    });
    expect(cube!.cells.filter((c) => typeof c !== "number")).toHaveLength(16);
    expect(cube!.cells.slice(-4)).toEqual([20, 23, 33, 35]);
    // UNITS and LAST-UPDATED per content value, keyed by its code.
    expect(cube!.units).toEqual({BE0101F1: "number", BE0101F2: "number"});
    expect(cube!.updated).toBe("20040212 16:28");
    expect(cube!.variables[0].values[2].label).toBe("0114 Upplands Väsby");
  });

  it("reads decimals and a monthly TLIST; a title continued over two lines is joined", () => {
    const {cube, counts} = read("PxWeb_example_PR0101B3_month.px");
    expect(counts).toEqual({read: 324, kept: 324, rejected: 0});
    const [group, period] = cube!.variables;
    expect(group.values).toHaveLength(12);
    expect(group.values[4]).toEqual({code: "01.1.3", label: "01.1.3 Fish"});
    expect(period).toMatchObject({time: true, timeScale: "M1"});
    expect(period.values.map((v) => v.code).slice(0, 3)).toEqual(["2006M10", "2006M11", "2006M12"]);
    expect(cube!.cells[0]).toBe(240.25);
    expect(cell(cube!, {"Product group": "01.1.3", period: "2008M12"})).toBe(354.13);
    expect(cell(cube!, {"Product group": "01.2", period: "2007M01"})).toBe(172.01);
    expect(cube!.decimals).toBe(2);
    expect(cube!.title).toBe("Consumer Price Index (CPI) (by COICOP), 1980=100 by Product group andperiod");
  });

  it("lists observations in cube order", () => {
    const {cube} = read("PxWeb_example_PR0101B3_month.px");
    const obs = toObservations(cube!);
    expect(obs).toHaveLength(324);
    expect(obs[1]).toEqual({keys: {"Product group": "01", period: "2006M11"}, value: 240.69});
    expect(obs[27]).toEqual({keys: {"Product group": "01.1", period: "2006M10"}, value: 249.58});
    expect(cellIndex(cube!, {"Product group": "99", period: "2006M10"})).toBe(-1);
  });
});

describe("readPx on synthetic headers", () => {
  const px = (header: string, data: string) => utf8(`CODEPAGE="utf-8";\n${header}\nDATA=\n${data}`);

  it("decodes by CODEPAGE, keeps the default language, splits lists and reads tabs and decimals", () => {
    const text = [
      'LANGUAGE="sv";',
      'LANGUAGES="sv","en";',
      'TITLE="Folkmängd";',
      'TITLE[en]="Population";',
      'STUB="kön";',
      'STUB[en]="sex";',
      'HEADING="år";',
      'VALUES("kön")="män","kvinnor";',
      'VALUES[en]("sex")="men","women";',
      'VALUES("år")="2022","2023";',
      'CODES("kön")="1","2";',
      'TIMEVAL("år")=TLIST(A1, "2022"-"2023");'
    ].join("\n");
    const {cube, diagnostics} = readPx(px(text, '1.5\t-2\n3e2 ".."\n;'), "t.px");
    expect(diagnostics).toEqual([]);
    expect(cube!.title).toBe("Folkmängd");
    expect(cube!.variables.map((v) => v.code)).toEqual(["kön", "år"]);
    expect(cube!.variables[1]).toMatchObject({time: true, timeScale: "A1"});
    expect(cube!.cells).toEqual([1.5, -2, 300, {symbol: "..", meaning: "saknas"}]);
  });

  it("reads the same bytes as ISO-8859-1 when CODEPAGE says so", () => {
    const bytes = new Uint8Array([
      ...utf8('CODEPAGE="iso-8859-1";\nSTUB="k'),
      0xf6,
      ...utf8('n";\nVALUES("k'),
      0xf6,
      ...utf8('n")="a";\nDATA=\n7;')
    ]);
    expect(readPx(bytes, "l.px").cube!.variables[0].code).toBe("kön");
  });

  it("rejects a cell that is no number and loads nothing", () => {
    const {cube, diagnostics, counts} = readPx(px('STUB="a";\nVALUES("a")="x","y";', "1 abc;"), "t.px");
    expect(cube).toBeNull();
    expect(counts).toEqual({read: 2, kept: 0, rejected: 2});
    expect(diagnostics).toEqual([
      {file: "t.px", line: 5, severity: "error", message: 'Cellvärdet "abc" i DATA är inget tal'}
    ]);
  });
});

describe("readPx on broken files", () => {
  const expectNothing = (name: string, line: number, message: string, readCells = 0) => {
    const {cube, diagnostics, counts} = read(`bad/${name}`);
    expect(cube).toBeNull();
    expect(counts).toEqual({read: readCells, kept: 0, rejected: readCells});
    expect(diagnostics).toEqual([{file: `bad/${name}`, line, severity: "error", message}]);
  };

  it("DATA with fewer values than VALUES give", () => {
    // PR0101B3 with the last six values removed: 318 of 12 × 27 = 324.
    expectNothing("px_data_count_mismatch.px", 44, "DATA har 318 värden men VALUES ger 324 celler", 318);
  });

  it("an unknown CODEPAGE", () => {
    expectNothing("px_unknown_codepage.px", 2, 'Okänd teckenkodning (CODEPAGE) "xyz"');
  });

  it("CODES that do not match VALUES", () => {
    expectNothing("px_codes_count_mismatch.px", 21, 'CODES("age") har 2 koder men VALUES("age") har 3 värden');
  });

  it("a string that is never closed", () => {
    expectNothing("px_unterminated_string.px", 15, 'Strängen i VALUES på rad 15 avslutas aldrig (saknar ")');
  });

  it("no DATA", () => {
    expectNothing("px_no_data.px", 0, "DATA saknas: filen har inget DATA=-avsnitt");
  });
});
