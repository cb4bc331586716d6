import {describe, expect, it} from "vitest";
import {arbetsmarknadsstatusArrowStream, arbetsmarknadsstatusSums} from "../bench/arbetsmarknadsstatus-arrow";
import {haeArrowStream, haeSums} from "../bench/hae-arrow";
import {verifyRead} from "../bench/scb-read";
import {haeShapedCubes, jsonStat2Bytes, pxBytes} from "../bench/scb-files";
import {tableFromIPC} from "apache-arrow";
import {
  ARBETSMARKNAD_AGES,
  ARBETSMARKNAD_STATUSES,
  DEMO_PERIODS,
  generateNationalArbetsmarknadsstatus,
  generateNationalHae,
  monthRange,
  SEXES
} from "../loaders/scb/demo";
import {readJsonStat} from "../loaders/scb/jsonstat";
import {readPx} from "../loaders/scb/px";
import {cellIndex} from "../loaders/scb/tidy";

describe("HÅE-shaped SCB files for the read benchmark", () => {
  const {byTotal, byAge} = haeShapedCubes(3, 7);

  it("has TAB1386's variables and 3 × 2 × (1 or 5) × 7 × 144 cells, summa equal to the six types", () => {
    expect(byTotal.dimensions.map((d) => [d.code, d.values.length])).toEqual([
      ["Region", 3],
      ["Kon", 2],
      ["Aldersgrupp", 1],
      ["ContentsCode", 7],
      ["Tid", 144]
    ]);
    expect(byTotal.tenths).toHaveLength(3 * 2 * 7 * 144);
    expect(byAge.tenths).toHaveLength(3 * 2 * 5 * 7 * 144);
    expect(byAge.totalTenths).toBe(byTotal.totalTenths);
    const at = (c: number, m: number) => byTotal.tenths[c * 144 + m];
    for (const m of [0, 77, 143]) expect(at(6, m)).toBe([0, 1, 2, 3, 4, 5].reduce((s, c) => s + at(c, m), 0));
  });

  for (const spec of [byTotal, byAge]) {
    const cells = spec.tenths.length;
    it(`readPx reads the ${cells}-cell PX file without diagnostics`, () => {
      const result = readPx(pxBytes(spec), "hae.px");
      expect(result.diagnostics).toEqual([]);
      expect(result.counts).toEqual({read: cells, kept: cells, rejected: 0});
      verifyRead(result, spec);
      const cube = result.cube!;
      expect(cube).toMatchObject({table: "TAB1386", decimals: 1, contents: "Helårsekvivalenter"});
      expect(cube.variables[0].values[0]).toEqual({code: "9001", label: "9001 Demokommun 9001"});
      expect(cube.variables[4]).toMatchObject({code: "månad", time: true, timeScale: "M1"});
      // Latin-1 decoding keeps å, ä and ö.
      expect(cube.variables[3].values[1].label).toBe("Sjuk- och aktivitetsersättning");
    });

    it(`readJsonStat reads the ${cells}-cell JSON-stat2 text to the same cells`, () => {
      const result = readJsonStat(jsonStat2Bytes(spec), "hae.json");
      expect(result.diagnostics).toEqual([]);
      expect(result.counts).toEqual({read: cells, kept: cells, rejected: 0});
      verifyRead(result, spec);
      const px = readPx(pxBytes(spec), "hae.px").cube!;
      expect(result.cube!.cells).toEqual(px.cells);
      const keys = {Region: "9002", Kon: "2", Aldersgrupp: spec.dimensions[2].values[0].code};
      const cell = result.cube!.cells[cellIndex(result.cube!, {...keys, ContentsCode: "000007B7", Tid: "2023M06"})];
      expect(typeof cell).toBe("number");
    });
  }

  it("fails the check when a cell is off by a tenth", () => {
    const result = readPx(pxBytes(byTotal), "hae.px");
    result.cube!.cells[5] = (result.cube!.cells[5] as number) + 0.1;
    expect(() => verifyRead(result, byTotal)).toThrow(/tiondelar/);
  });
});

describe("the national HÅE Arrow stream for the DuckDB benchmark", () => {
  it("has the workspace schema, one row per cell and the same sums as the cube", () => {
    const hae = generateNationalHae(5, 2);
    const table = tableFromIPC(haeArrowStream(hae));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "kommun:Utf8",
      "month:Utf8",
      "type:Utf8",
      "sex:Utf8",
      "age:Utf8",
      "tenths:Int64"
    ]);
    expect(table.numRows).toBe(2 * 144 * 6 * 2 * 5);
    const sums = haeSums(hae, (k, m, t) => (m === "2022-03" ? `${k}|${t}` : undefined));
    expect(sums.size).toBe(2 * 6);
    const fromArrow = new Map<string, number>();
    for (const row of table) {
      if (row.month !== "2022-03") continue;
      const key = `${row.kommun}|${row.type}`;
      fromArrow.set(key, (fromArrow.get(key) ?? 0) + Number(row.tenths));
    }
    expect(fromArrow).toEqual(sums);
  });
});

describe("the national arbetsmarknadsstatus cube and Arrow stream for the DuckDB benchmark", () => {
  const cube = generateNationalArbetsmarknadsstatus(5, 3);
  const months = monthRange(DEMO_PERIODS.arbetsmarknadsstatus.from, DEMO_PERIODS.arbetsmarknadsstatus.to);

  it("has every month, status, sex and age group of the demo and HÅE's kommuner, deterministically", () => {
    expect(cube.kommuner).toEqual(generateNationalHae(5, 3).kommuner);
    expect(cube.months).toEqual(months);
    expect(months).toHaveLength(72);
    expect([cube.statuses, cube.sexes, cube.ages]).toEqual([ARBETSMARKNAD_STATUSES, SEXES, ARBETSMARKNAD_AGES]);
    expect(cube.values).toHaveLength(3 * 72 * 6 * 2 * 7);
    expect(cube.values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    expect(generateNationalArbetsmarknadsstatus(5, 3).values).toEqual(cube.values);
    // A kommun does not depend on how many are made.
    expect(generateNationalArbetsmarknadsstatus(5, 1).values).toEqual(cube.values.slice(0, 72 * 6 * 2 * 7));
  });

  it("has statuses that add up to a population constant within each year", () => {
    const population = arbetsmarknadsstatusSums(cube, (k, m, _, s, a) => `${k}|${m}|${s}|${a}`);
    expect(population.size).toBe(3 * 72 * 2 * 7);
    for (const [key, persons] of population) {
      const [k, m, s, a] = key.split("|");
      expect(persons).toBeGreaterThan(0);
      expect(population.get(`${k}|${m.slice(0, 4)}-01|${s}|${a}`)).toBe(persons);
    }
  });

  it("has the arbetsmarknadsstatus table's schema, one row per cell and the same sums as the cube", () => {
    const table = tableFromIPC(arbetsmarknadsstatusArrowStream(cube));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "kommun:Utf8",
      "month:Utf8",
      "status:Utf8",
      "sex:Utf8",
      "age:Utf8",
      "persons:Int32",
      "source:Utf8"
    ]);
    expect(table.numRows).toBe(3 * 72 * 6 * 2 * 7);
    const keep = (k: string, m: string, s: string, a: string) =>
      k !== "9002" && m >= "2023-01" && s === "2" && a < "25";
    const sums = arbetsmarknadsstatusSums(cube, (k, m, st, s, a) => (keep(k, m, s, a) ? `${k}|${m}|${st}` : undefined));
    expect(sums.size).toBe(2 * 36 * 6);
    const fromArrow = new Map<string, number>();
    for (const row of table) {
      expect(row.source).toBe("demo");
      if (!keep(row.kommun, row.month, row.sex, row.age)) continue;
      const key = `${row.kommun}|${row.month}|${row.status}`;
      fromArrow.set(key, (fromArrow.get(key) ?? 0) + row.persons);
    }
    expect(fromArrow).toEqual(sums);
    const total = cube.values.reduce((s, v) => s + v, 0);
    expect([...arbetsmarknadsstatusSums(cube, (_, m, st) => `${m}|${st}`).values()].reduce((s, v) => s + v, 0)).toBe(
      total
    );
  });
});
