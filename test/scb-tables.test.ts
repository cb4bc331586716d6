// Reading the SCB CSVs: every row is kept or rejected with a reason, a missing column loads nothing, fetched files
// win over demo files per table, and the committed demo files load whole.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadScbTables, parseTenths, readScbTable} from "../loaders/scb-tables.js";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/scb-tables/${name}`, import.meta.url)));
const dataScb = new URL("../data/scb", import.meta.url).pathname;

describe("readScbTable", () => {
  it("rejects each bad HÅE row with its line and problem, and keeps the good ones exactly", () => {
    const {columns, info} = readScbTable("hae", fixture("hae-bad-rows.csv"), "hae-bad-rows.csv", "demo");
    expect(info.counts).toEqual({read: 12, kept: 2, rejected: 10});
    expect(info.counts.read).toBe(info.counts.kept + info.counts.rejected);
    expect(info.diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`)).toEqual([
      '3 error: kommunkoden "208" är inte fyra siffror',
      '4 error: månaden "2023-13" är inte en månad (ÅÅÅÅ-MM)',
      '5 error: okänd ersättning "sjukbidrag"',
      '6 error: könet "3" är varken 1 (män) eller 2 (kvinnor)',
      '7 warning: värdet saknas (".."); det räknas inte som 0',
      '8 error: värdet "1.25" är inte ett icke-negativt tal med högst en decimal',
      "9 error: dubblett av rad 2 (samma kommun, månad, ersättning, kön och ålder)",
      '10 info: raden "summa" räknas fram ur de andra och läses inte in',
      '11 error: värdet "-1.0" är inte ett icke-negativt tal med högst en decimal',
      "12 error: raden har 5 fält men rubrikraden 6"
    ]);
    expect(info.diagnostics.every((d) => d.file === "hae-bad-rows.csv")).toBe(true);
    expect(columns.tenths.values).toEqual([307n, 120n]);
    expect(columns.month.values).toEqual(["2023-01", "2023-02"]);
    expect(columns.sex.values).toEqual(["1", "1"]);
    expect(columns.source.values).toEqual(["demo", "demo"]);
  });

  it("loads nothing from a file missing a column, and names the column", () => {
    const {columns, info} = readScbTable(
      "arbetsmarknadsstatus",
      fixture("arbetsmarknadsstatus-missing-column.csv"),
      "arbetsmarknadsstatus-missing-column.csv",
      "scb"
    );
    expect(info.counts).toEqual({read: 2, kept: 0, rejected: 2});
    expect(info.diagnostics).toEqual([
      {
        file: "arbetsmarknadsstatus-missing-column.csv",
        line: 1,
        severity: "error",
        message: 'kolumnen "age" saknas i rubrikraden; inget ur filen läses in'
      }
    ]);
    expect(columns.persons.values).toEqual([]);
  });

  it("checks population years and whole persons", () => {
    const {columns, info} = readScbTable("population", fixture("population-bad-rows.csv"), "p.csv", "demo");
    expect(info.counts).toEqual({read: 3, kept: 1, rejected: 2});
    expect(info.diagnostics.map((d) => d.message)).toEqual([
      'året "20x4" är inte ett år',
      'antalet "12.5" är inte ett icke-negativt heltal'
    ]);
    expect(columns.year.values).toEqual([2014]);
  });

  it("parses tenths exactly", () => {
    expect([
      parseTenths("0.1"),
      parseTenths("1127,4"),
      parseTenths("12"),
      parseTenths("1e3"),
      parseTenths("-1")
    ]).toEqual([1n, 11274n, 120n, null, null]);
  });
});

describe("loadScbTables", () => {
  it("loads the committed demo files whole", () => {
    const tables = loadScbTables(dataScb);
    expect(tables.hae.info).toMatchObject({
      source: "demo",
      file: "scb/demo/hae.csv",
      counts: {read: 86400, kept: 86400, rejected: 0},
      diagnostics: []
    });
    expect(tables.arbetsmarknadsstatus.info.counts).toEqual({read: 60480, kept: 60480, rejected: 0});
    expect(tables.population.info.counts).toEqual({read: 1680, kept: 1680, rejected: 0});
  });

  it("prefers a fetched file per table, and falls back to demo when the fetched file gives nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "scb-tables-"));
    mkdirSync(join(dir, "demo"));
    mkdirSync(join(dir, "fetched"));
    writeFileSync(
      join(dir, "demo", "hae.csv"),
      "kommun,month,type,sex,age,value\n2080,2023-01,sjukpenning,1,20-29,1.0\n"
    );
    writeFileSync(
      join(dir, "fetched", "hae.csv"),
      "kommun,month,type,sex,age,value\n2080,2023-01,sjukpenning,man,20-64,790.7\n2080,2023-01,summa,man,20-64,800\n"
    );
    writeFileSync(
      join(dir, "demo", "arbetsmarknadsstatus.csv"),
      "kommun,month,status,sex,age,persons\n2080,2023-01,sysselsatt,1,15-19,1\n"
    );
    writeFileSync(
      join(dir, "fetched", "arbetsmarknadsstatus.csv"),
      "kommun,month,sex,age,value\n2080,2023-01,man,20-64,5\n"
    );
    const tables = loadScbTables(dir);
    expect(tables.hae.info).toMatchObject({
      source: "scb",
      file: "scb/fetched/hae.csv",
      counts: {read: 2, kept: 1, rejected: 1}
    });
    expect(tables.hae.columns.tenths.values).toEqual([7907n]);
    expect(tables.hae.columns.source.values).toEqual(["scb"]);
    expect(tables.arbetsmarknadsstatus.info).toMatchObject({source: "demo", counts: {read: 1, kept: 1, rejected: 0}});
    expect(tables.arbetsmarknadsstatus.info.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'scb/fetched/arbetsmarknadsstatus.csv:1: kolumnen "status" saknas i rubrikraden; inget ur filen läses in',
      "scb/fetched/arbetsmarknadsstatus.csv:0: den hämtade filen gav inga rader; demodata används i stället"
    ]);
    expect(tables.population.info.diagnostics).toEqual([
      {file: "scb/demo/population.csv", line: 0, severity: "error", message: "filen saknas"}
    ]);
  });
});
