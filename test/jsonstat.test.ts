import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readJsonStat, readPxWebV1Json} from "../loaders/scb/jsonstat.js";
import {cellIndex, toObservations} from "../loaders/scb/tidy.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/scb/${name}`, import.meta.url)));
const TAB638 = "rOpenGov_pxweb_v2_TAB638_data_jsonstat2.json";
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The recorded TAB638 response with some top-level fields replaced. */
const tab638With = (patch: Record<string, unknown>) =>
  utf8(JSON.stringify({...JSON.parse(new TextDecoder().decode(fixture(TAB638))), ...patch}));

describe("readJsonStat on the recorded SCB v2 response", () => {
  it("reads TAB638: six dimensions of one category, the value, time role, elimination and units", () => {
    const {cube, diagnostics, counts} = readJsonStat(fixture(TAB638), TAB638);
    expect(diagnostics).toEqual([]);
    expect(counts).toEqual({read: 1, kept: 1, rejected: 0});
    expect(cube!.variables.map((v) => [v.code, v.label, v.values.length])).toEqual([
      ["Region", "region", 1],
      ["Civilstand", "civilstånd", 1],
      ["Alder", "ålder", 1],
      ["Kon", "kön", 1],
      ["ContentsCode", "tabellinnehåll", 1],
      ["Tid", "år", 1]
    ]);
    expect(cube!.variables[0]).toMatchObject({
      values: [{code: "00", label: "Riket"}],
      elimination: "00",
      eliminable: true
    });
    expect(cube!.variables[5]).toMatchObject({time: true, values: [{code: "2024", label: "2024"}]});
    expect(cube!.variables[3].values).toEqual([{code: "1", label: "män"}]);
    expect(cube!.cells).toEqual([50937]);
    expect(cube!).toMatchObject({
      table: "TAB638",
      title: "Folkmängd efter region, civilstånd, ålder, kön och år",
      updated: "2025-02-21T07:00:00Z",
      contents: "Folkmängd",
      decimals: 0,
      units: {BE0101N1: "antal personer"}
    });
    expect(toObservations(cube!)).toEqual([
      {
        keys: {Region: "00", Civilstand: "OG", Alder: "0", Kon: "1", ContentsCode: "BE0101N1", Tid: "2024"},
        value: 50937
      }
    ]);
  });

  it("accepts index as an array, a sparse value object and status as object, array or string", () => {
    const dims = {
      id: ["Region", "Tid"],
      size: [2, 2],
      role: {time: ["Tid"]},
      dimension: {
        Region: {label: "region", category: {index: ["2080", "2081"], label: {2080: "Falun", 2081: "Borlänge"}}},
        Tid: {label: "år", category: {index: {2022: 0, 2023: 1}}}
      }
    };
    const sparse = readJsonStat(tab638With({...dims, value: {0: 1, 3: 4}, status: {1: "..", 2: "-"}}), "s.json");
    expect(sparse.cube!.cells).toEqual([1, {symbol: "..", meaning: "saknas"}, {symbol: "-", meaning: "noll"}, 4]);
    expect(sparse.cube!.variables[1]).toMatchObject({time: true, values: [{code: "2022"}, {code: "2023"}]});
    expect(cellIndex(sparse.cube!, {Region: "2081", Tid: "2022"})).toBe(2);
    const dense = readJsonStat(
      tab638With({...dims, value: [1, null, 3.5, null], status: [null, "..", null, "x"]}),
      "d.json"
    );
    expect(dense.cube!.cells).toEqual([
      1,
      {symbol: "..", meaning: "saknas"},
      3.5,
      {symbol: "x", meaning: "konfidentiell"}
    ]);
    const all = readJsonStat(tab638With({...dims, value: [null, null, null, null], status: ".."}), "a.json");
    expect(all.cube!.cells.every((c) => typeof c === "object" && c.symbol === "..")).toBe(true);
    expect(all.counts).toEqual({read: 4, kept: 4, rejected: 0});
  });
});

describe("readJsonStat on broken files", () => {
  const expectNothing = (result: ReturnType<typeof readJsonStat>, line: number, message: string, read = 0) => {
    expect(result.cube).toBeNull();
    expect(result.counts).toEqual({read, kept: 0, rejected: read});
    expect(result.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([[line, "error", message]]);
  };

  it("truncated JSON, with the line where it ends", () => {
    // The first 120 lines of TAB638; line 120 is `"label": "tabellinnehåll",`.
    expectNothing(
      readJsonStat(fixture("bad/jsonstat2_truncated.json"), "t.json"),
      120,
      "Ogiltig JSON: filen tar slut mitt i ett värde (rad 120)"
    );
  });

  it("a syntax error in the middle", () => {
    expectNothing(
      readJsonStat(utf8('{\n  "id": [\n    "Region",\n  ]\n}'), "e.json"),
      4,
      'Ogiltig JSON: oväntat tecken "]" (rad 4)'
    );
  });

  it("size that disagrees with a dimension's categories", () => {
    // TAB638 with size [1,1,1,1,1,2] while Tid has one category.
    expectNothing(
      readJsonStat(fixture("bad/jsonstat2_wrong_size.json"), "w.json"),
      0,
      'Dimensionen "Tid" har 1 kategorier men size anger 2'
    );
  });

  it("more values than size gives", () => {
    expectNothing(
      readJsonStat(fixture("bad/jsonstat2_value_count.json"), "v.json"),
      0,
      "value har 2 värden men size ger 1 celler",
      2
    );
  });

  it("size and id of different lengths", () => {
    expectNothing(
      readJsonStat(tab638With({size: [1, 1, 1, 1, 1]}), "i.json"),
      0,
      "size har 5 tal men id har 6 dimensioner"
    );
  });
});

describe("readPxWebV1Json on the recorded SCB v1 response", () => {
  it("reads BefolkningNy: civilstånd × år × one content", () => {
    const name = "rOpenGov_pxweb_v1_BefolkningNy_POST_json.json";
    const {cube, diagnostics, counts} = readPxWebV1Json(fixture(name), name);
    expect(diagnostics).toEqual([]);
    expect(counts).toEqual({read: 12, kept: 12, rejected: 0});
    expect(cube!.variables.map((v) => [v.code, v.values.map((x) => x.code)])).toEqual([
      ["Civilstand", ["OG", "G", "SK", "ÄNKL"]],
      ["Tid", ["2015", "2016", "2017"]],
      ["ContentsCode", ["BE0101N1"]]
    ]);
    expect(cube!.variables[1].time).toBe(true);
    expect(cube!.cells[cellIndex(cube!, {Civilstand: "ÄNKL", Tid: "2017", ContentsCode: "BE0101N1"})]).toBe(435643);
    expect(cube!.cells[cellIndex(cube!, {Civilstand: "SK", Tid: "2016", ContentsCode: "BE0101N1"})]).toBe(967638);
    expect(cube!.cells[0]).toBe(5157443);
    expect(cube!).toMatchObject({title: "Folkmängd efter civilstånd, år och tabellinnehåll", contents: "Folkmängd"});
  });
});
