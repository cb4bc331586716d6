// The SCB readers' guard rails: the cell limit (option, environment variable, default) is applied before a cube is
// allocated, a UTF-8 byte-order mark is read as if it were absent, and duplicate codes are rejected.
import {readFileSync} from "node:fs";
import {afterEach, describe, expect, it} from "vitest";
import {readScbCsv} from "../loaders/scb/csv.js";
import {readJsonStat, readPxWebV1Json} from "../loaders/scb/jsonstat.js";
import {readPx} from "../loaders/scb/px.js";
import {DEFAULT_MAX_CELLS, MAX_CELLS_ENV, cellLimit} from "../loaders/scb/tidy.js";

const bad = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/bad/${name}`, import.meta.url)));
const messages = (r: {diagnostics: {message: string}[]}) => r.diagnostics.map((d) => d.message);

afterEach(() => {
  delete process.env[MAX_CELLS_ENV];
});

describe("cell limit", () => {
  it("is 10 million by default, the option first, then FINSAM_SCB_MAX_CELLS", () => {
    expect(DEFAULT_MAX_CELLS).toBe(10_000_000);
    expect(cellLimit()).toEqual({limit: 10_000_000});
    process.env[MAX_CELLS_ENV] = "40000000";
    expect(cellLimit()).toEqual({limit: 40_000_000});
    expect(cellLimit({maxCells: 5})).toEqual({limit: 5});
    process.env[MAX_CELLS_ENV] = "10k";
    expect(cellLimit()).toEqual({error: "FINSAM_SCB_MAX_CELLS=10k är inget positivt heltal"});
    expect(cellLimit({maxCells: 0})).toEqual({error: "Gränsen maxCells = 0 är inget positivt heltal"});
  });

  it("refuses a 6 kB PX file claiming 34.8 million cells without allocating them", () => {
    const before = process.memoryUsage().heapUsed;
    const r = readPx(bad("px-claims-millions.px"), "px-claims-millions.px");
    expect(messages(r)).toEqual([
      "VALUES ger 34800000 celler, fler än gränsen 10000000 (höj den med FINSAM_SCB_MAX_CELLS)"
    ]);
    expect(r.cube).toBeNull();
    // 34.8 million array slots would be 278 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50_000_000);
  });

  it("with the limit raised, still allocates only what DATA holds and reports the shortfall", () => {
    process.env[MAX_CELLS_ENV] = "50000000";
    const before = process.memoryUsage().heapUsed;
    const r = readPx(bad("px-claims-millions.px"), "px-claims-millions.px");
    expect(messages(r)).toEqual(["DATA har 3 värden men VALUES ger 34800000 celler"]);
    expect(r.counts).toEqual({read: 3, kept: 0, rejected: 3});
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50_000_000);
  });

  it("applies the option to JSON-stat, PxWeb json and CSV too", () => {
    const json = bad("jsonstat-utf8-bom.json");
    expect(messages(readJsonStat(json, "a.json", {maxCells: 3}))).toEqual([
      "size ger 4 celler, fler än gränsen 3 (höj den med FINSAM_SCB_MAX_CELLS)"
    ]);
    expect(readJsonStat(json, "a.json", {maxCells: 4}).counts).toEqual({read: 4, kept: 4, rejected: 0});
    expect(messages(readJsonStat(bad("jsonstat-claims-millions.json"), "a.json"))).toEqual([
      "size ger 24010000 celler, fler än gränsen 10000000 (höj den med FINSAM_SCB_MAX_CELLS)"
    ]);
    const v1 = new TextEncoder().encode(
      JSON.stringify({
        columns: [{code: "Region"}, {code: "Tid", type: "t"}, {code: "BE0101N1", type: "c"}],
        data: [
          {key: ["2080", "2022"], values: ["1"]},
          {key: ["2081", "2023"], values: ["2"]}
        ]
      })
    );
    expect(messages(readPxWebV1Json(v1, "a.json", {maxCells: 3}))).toEqual([
      "Nycklarna ger 4 celler, fler än gränsen 3 (höj den med FINSAM_SCB_MAX_CELLS)"
    ]);
    expect(messages(readScbCsv(bad("scb-csv-utf8-bom.csv"), "a.csv", {maxCells: 3}))).toEqual([
      "Kolumnernas värden ger 4 celler, fler än gränsen 3 (höj den med FINSAM_SCB_MAX_CELLS)"
    ]);
  });
});

describe("UTF-8 byte-order mark", () => {
  it("is read past in PX, JSON-stat and CSV: the first keyword, code and header are intact", () => {
    const px = readPx(bad("px-utf8-bom.px"), "a.px").cube!;
    expect(px.title).toBe("Folkmängd efter region och år");
    expect(px.variables.map((v) => v.values.map((x) => x.label))).toEqual([
      ["Falun", "Borlänge"],
      ["2022", "2023"]
    ]);
    expect(px.cells).toEqual([59233, 59641, 52674, 53088]);
    const js = readJsonStat(bad("jsonstat-utf8-bom.json"), "a.json").cube!;
    expect(js.variables[0].values).toEqual([
      {code: "2080", label: "Falun"},
      {code: "2081", label: "Borlänge"}
    ]);
    const csv = readScbCsv(bad("scb-csv-utf8-bom.csv"), "a.csv").cube!;
    expect(csv.variables[0].code).toBe("region");
    expect(csv.cells).toEqual([59233, 59641, 52674, 53088]);
  });
});

describe("duplicate codes", () => {
  const px = new TextDecoder().decode(bad("px-utf8-bom.px")).replace(/^\ufeff/, "");
  const enc = (s: string) => new TextEncoder().encode(s);

  it("are rejected in PX VALUES, CODES and STUB/HEADING", () => {
    expect(messages(readPx(enc(px.replace('"Falun","Borlänge"', '"Falun","Falun"')), "a.px"))).toEqual([
      'VALUES("region") har koden "Falun" två gånger'
    ]);
    expect(messages(readPx(bad("px-duplicate-code.px"), "a.px"))).toEqual([
      'CODES("region") har koden "2080" två gånger'
    ]);
    expect(messages(readPx(enc(px.replace('HEADING="år"', 'HEADING="region"')), "a.px"))).toEqual([
      'Variabeln "region" står två gånger i STUB och HEADING'
    ]);
  });

  it("are rejected in JSON-stat id and category.index (list or object)", () => {
    const js = JSON.parse(new TextDecoder().decode(bad("jsonstat-utf8-bom.json")).replace(/^\ufeff/, ""));
    const read = (o: unknown) => messages(readJsonStat(enc(JSON.stringify(o)), "a.json"));
    expect(read({...js, id: ["Region", "Region"]})).toEqual(['Dimensionen "Region" står två gånger i id']);
    expect(read({...js, dimension: {...js.dimension, Tid: {category: {index: {"2022": 0, "2023": 0}}}}})).toEqual([
      'Dimensionen "Tid": category.index ger koderna "2022" och "2023" samma position 0'
    ]);
    expect(messages(readJsonStat(bad("jsonstat-duplicate-code.json"), "a.json"))).toEqual([
      'Dimensionen "Region" har koden "2080" två gånger'
    ]);
  });

  it("are rejected in PxWeb json columns and rows", () => {
    expect(messages(readPxWebV1Json(bad("pxweb-json-duplicate-row.json"), "a.json"))).toEqual([
      'PxWeb-json: raden med nycklarna ["2080","2022"] står två gånger'
    ]);
    const twice = enc(JSON.stringify({columns: [{code: "Tid"}, {code: "Tid"}], data: []}));
    expect(messages(readPxWebV1Json(twice, "a.json"))).toEqual([
      'PxWeb-json: kolumnen "Tid" står två gånger i columns'
    ]);
  });
});
