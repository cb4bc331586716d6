// The SCB part of the one-pass ingestion (loaders/ingest-scb.ts): the statistics are written with the other tables,
// read again only when an SCB file changes, and a bad SCB file's diagnostics reach data/scb.json.
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ensureIngested, ingestDir, ingestedFile} from "../loaders/ingest.js";
import {readIngestedTable} from "../loaders/ingest-derived.js";
import {dataDir} from "../loaders/paths.js";
import {loadScbTables} from "../loaders/scb-tables.js";

const made: string[] = [];
afterAll(() => {
  for (const data of made) {
    rmSync(data, {recursive: true, force: true});
    rmSync(join(ingestDir("full", data), ".."), {recursive: true, force: true});
  }
});

/** A data folder with one ledger, the registry, the mappings and a small SCB demo folder. */
function dataFolder(): string {
  const data = mkdtempSync(join(tmpdir(), "finsam-ingest-scb-"));
  made.push(data);
  mkdirSync(join(data, "sie"));
  cpSync(dataDir("sie", "klaralvdalen-2023.se"), join(data, "sie", "klaralvdalen-2023.se"));
  cpSync(dataDir("mapping"), join(data, "mapping"), {recursive: true});
  cpSync(dataDir("forbund.json"), join(data, "forbund.json"));
  mkdirSync(join(data, "scb", "demo"), {recursive: true});
  cpSync(dataDir("scb", "demo", "README.md"), join(data, "scb", "demo", "README.md"));
  const hae = readFileSync(dataDir("scb", "demo", "hae.csv"), "utf-8").split("\n");
  writeFileSync(join(data, "scb", "demo", "hae.csv"), hae.slice(0, 201).join("\n") + "\n");
  const population = readFileSync(dataDir("scb", "demo", "population.csv"), "utf-8").split("\n");
  writeFileSync(join(data, "scb", "demo", "population.csv"), population.slice(0, 101).join("\n") + "\n");
  return data;
}

describe("ingestScb", () => {
  it("writes the SCB tables as loadScbTables reads them, with their row counts in the manifest", () => {
    const data = dataFolder();
    const manifest = ensureIngested("full", data);
    const read = loadScbTables(join(data, "scb"));
    const hae = readIngestedTable("hae.arrows", manifest);
    expect(hae.tenths).toEqual(read.hae.columns.tenths.values);
    expect(hae.kommun).toEqual(read.hae.columns.kommun.values);
    expect(manifest.rows.hae).toBe(200);
    expect(manifest.rows.population).toBe(100);
    expect(manifest.rows.arbetsmarknadsstatus).toBe(0);
    const scb = JSON.parse(readFileSync(ingestedFile("scb.json", manifest), "utf-8"));
    expect(scb.tables.hae.counts).toEqual({read: 200, kept: 200, rejected: 0});
    expect(scb.tables.arbetsmarknadsstatus.diagnostics).toEqual([
      {file: "scb/demo/arbetsmarknadsstatus.csv", line: 0, severity: "error", message: "filen saknas"}
    ]);
    expect(scb.registry.forbund.map((f: {id: string}) => f.id)).toContain("klaralvdalen");
    expect(scb.demoNotice.length).toBeGreaterThan(20);
  });

  it("reads the statistics again only when an SCB file changes, and says what is wrong with a bad row", () => {
    const data = dataFolder();
    const first = ensureIngested("full", data);
    const written = () => statSync(ingestedFile("hae.arrows", first)).mtimeMs;
    const before = written();
    // A ledger changes: the ingestion runs again, the statistics are not read again.
    const ledger = join(data, "sie", "klaralvdalen-2023.se");
    writeFileSync(ledger, Buffer.concat([readFileSync(ledger), Buffer.from("\r\n")]));
    const second = ensureIngested("full", data);
    expect(second.key).not.toBe(first.key);
    expect(written()).toBe(before);
    // An SCB file changes: a bad row is rejected with its line, the rest kept.
    const file = join(data, "scb", "demo", "hae.csv");
    const lines = readFileSync(file, "utf-8").split("\n");
    lines[5] = lines[5].replace(/^\d{4}/, "12x4");
    writeFileSync(file, lines.join("\n"));
    const third = ensureIngested("full", data);
    expect(written()).not.toBe(before);
    expect(third.rows.hae).toBe(199);
    const scb = JSON.parse(readFileSync(ingestedFile("scb.json", third), "utf-8"));
    expect(scb.tables.hae.counts).toEqual({read: 200, kept: 199, rejected: 1});
    expect(scb.tables.hae.diagnostics).toEqual([
      {file: "scb/demo/hae.csv", line: 6, severity: "error", message: 'kommunkoden "12x4" är inte fyra siffror'}
    ]);
  });
});
