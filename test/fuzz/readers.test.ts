// Fuzzing the readers with random mutations of the real fixtures: byte flips, truncation, duplicated and deleted
// lines, inserted quotes and braces, mangled numbers. Whatever the input, a reader must not throw, must finish in
// bounded time, must not keep more records than the input holds, and must count read = kept + rejected.
// FINSAM_FUZZ_RUNS sets the runs per property (default 100, for CI); `FINSAM_FUZZ_RUNS=20000 npx vitest run
// test/fuzz` is the long run.
import {readdirSync, readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readCsvLedger} from "../../loaders/csv-ledger";
import {readScbCsv} from "../../loaders/scb/csv";
import {readJsonStat, readPxWebV1Json} from "../../loaders/scb/jsonstat";
import {readPx} from "../../loaders/scb/px";
import type {ScbReadResult} from "../../loaders/scb/types";
import {readSie} from "../../loaders/sie/read";
import type {Diagnostic, ReadCounts} from "../../src/lib/ledger";

const RUNS = Math.max(1, Number(process.env.FINSAM_FUZZ_RUNS) || 100);
// Per input; the largest fixture (the 150 KB SIE file) reads in a few milliseconds, so this only catches a hang.
const BUDGET_MS = 2_000;
// The long run takes minutes per property; vitest's own timeout must not cut it short.
const TIMEOUT = Math.max(30_000, RUNS * 200);

const FIXTURES = new URL("../fixtures/", import.meta.url);

function fixtures(dir: string, pattern: RegExp): {name: string; bytes: Uint8Array}[] {
  return readdirSync(new URL(`${dir}/`, FIXTURES))
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => ({name, bytes: new Uint8Array(readFileSync(new URL(`${dir}/${name}`, FIXTURES)))}));
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

type Mutation =
  | {kind: "flip"; at: number; bit: number}
  | {kind: "truncate"; at: number}
  | {kind: "duplicateLine"; at: number}
  | {kind: "deleteLine"; at: number}
  | {kind: "insert"; at: number; text: string}
  | {kind: "number"; at: number; text: string};

// Positions are fractions of the current length, so that one arbitrary fits every fixture.
const position = fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true});
const INSERTS = ['"', "{", "}", '""', "{}", "\n", "\r\n", "\t", ";", ",", "#VER", "#TRANS", "\u0000", "\u00e5", "\\"];
const NUMBERS = ["", "-", "0", "-0", "1e309", "99999999999999999999999", "1,5", "1.234.5", "NaN", "0.001", "٣", "--1"];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constant("flip" as const), at: position, bit: fc.integer({min: 0, max: 7})}),
  fc.record({kind: fc.constant("truncate" as const), at: position}),
  fc.record({kind: fc.constant("duplicateLine" as const), at: position}),
  fc.record({kind: fc.constant("deleteLine" as const), at: position}),
  fc.record({kind: fc.constant("insert" as const), at: position, text: fc.constantFrom(...INSERTS)}),
  fc.record({kind: fc.constant("number" as const), at: position, text: fc.constantFrom(...NUMBERS)})
);

const mutations = fc.array(mutation, {minLength: 1, maxLength: 6});

/** The line [start, end) (end at the newline or the end) around a byte offset. */
function lineAround(bytes: Uint8Array, at: number): [number, number] {
  const start = bytes.lastIndexOf(0x0a, Math.max(at - 1, 0)) + 1;
  const newline = bytes.indexOf(0x0a, at);
  return [at === 0 ? 0 : start, newline < 0 ? bytes.length : newline + 1];
}

function splice(bytes: Uint8Array, start: number, end: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (end - start) + insert.length);
  out.set(bytes.subarray(0, start));
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.length);
  return out;
}

const utf8 = new TextEncoder();

function mutate(input: Uint8Array, list: Mutation[]): Uint8Array {
  let bytes = input;
  for (const m of list) {
    const at = Math.floor(m.at * bytes.length);
    switch (m.kind) {
      case "flip":
        if (bytes.length === 0) break;
        bytes = bytes.slice();
        bytes[at] ^= 1 << m.bit;
        break;
      case "truncate":
        bytes = bytes.slice(0, at);
        break;
      case "duplicateLine": {
        const [start, end] = lineAround(bytes, at);
        bytes = splice(bytes, end, end, bytes.slice(start, end));
        break;
      }
      case "deleteLine": {
        const [start, end] = lineAround(bytes, at);
        bytes = splice(bytes, start, end, new Uint8Array());
        break;
      }
      case "insert":
        bytes = splice(bytes, at, at, utf8.encode(m.text));
        break;
      case "number": {
        // The run of digits (with sign and separators) at or after the position.
        let start = at;
        while (start < bytes.length && !(bytes[start] >= 0x30 && bytes[start] <= 0x39)) start++;
        while (start > 0 && /[-0-9.,]/.test(String.fromCharCode(bytes[start - 1]))) start--;
        let end = start;
        while (end < bytes.length && /[-0-9.,]/.test(String.fromCharCode(bytes[end]))) end++;
        bytes = splice(bytes, start, end, utf8.encode(m.text));
        break;
      }
    }
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants shared by all readers

function timed<T>(read: () => T): T {
  const started = performance.now();
  const result = read();
  const elapsed = performance.now() - started;
  expect(elapsed, "milliseconds for one input").toBeLessThan(BUDGET_MS);
  return result;
}

function checkCounts(counts: ReadCounts, name: string): void {
  expect(counts.read, `${name}: read = kept + rejected`).toBe(counts.kept + counts.rejected);
  for (const n of [counts.read, counts.kept, counts.rejected]) expect(Number.isInteger(n) && n >= 0, name).toBe(true);
}

function checkDiagnostics(diagnostics: Diagnostic[], file: string): void {
  for (const d of diagnostics) {
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 0).toBe(true);
    expect(["error", "warning", "info"]).toContain(d.severity);
    expect(typeof d.message === "string" && d.message.length > 0).toBe(true);
  }
}

/** Occurrences of an ASCII pattern in the text: an upper bound on the records it starts. */
function occurrences(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

function lineCount(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 0x0a || b === 0x0d) n++;
  return n;
}

function checkScb(result: ScbReadResult, file: string): void {
  checkDiagnostics(result.diagnostics, file);
  checkCounts(result.counts, "cells");
  if (result.cube) {
    const cells = result.cube.variables.reduce((n, v) => n * v.values.length, 1);
    expect(result.cube.cells).toHaveLength(cells);
    expect(result.counts.kept).toBeLessThanOrEqual(cells);
  } else {
    expect(result.counts.kept).toBe(0);
    expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
  }
}

function property<T>(
  name: string,
  inputs: {name: string; bytes: Uint8Array}[],
  check: (bytes: Uint8Array, file: string) => T
) {
  it(
    `${name}: ${inputs.map((i) => i.name).join(", ")}`,
    () => {
      expect(inputs.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.constantFrom(...inputs), mutations, (input, list) => {
          check(mutate(input.bytes, list), input.name);
        }),
        {numRuns: RUNS}
      );
    },
    TIMEOUT
  );
}

// ---------------------------------------------------------------------------------------------------------------

describe("fuzzed readers never throw, hang, over-keep or miscount", () => {
  property("SIE", fixtures("sie", /./), (bytes, file) => {
    const r = timed(() => readSie(bytes, file, {strict: true}));
    checkDiagnostics(r.diagnostics, file);
    for (const [name, counts] of Object.entries(r.counts)) checkCounts(counts, name);
    // A voucher starts at "#VER", a row at "#TRANS"/"#RTRANS"/"#BTRANS", a balance at one of its labels.
    const text = new TextDecoder("latin1").decode(bytes);
    expect(r.counts.vouchers.kept).toBeLessThanOrEqual(occurrences(text, /#VER/gi));
    expect(r.counts.transactions.kept).toBeLessThanOrEqual(occurrences(text, /#[RB]?TRANS/gi));
    expect(r.counts.balances.kept).toBeLessThanOrEqual(occurrences(text, /#(IB|UB|RES|OIB|OUB|PSALDO|PBUDGET)\b/gi));
    expect(r.ledger.vouchers).toHaveLength(r.counts.vouchers.kept);
    expect(r.ledger.vouchers.reduce((n, v) => n + v.transactions.length, 0)).toBe(r.counts.transactions.kept);
    expect(r.ledger.balances).toHaveLength(r.counts.balances.kept);
    // Kept vouchers balance: that is what the reader promises the statements.
    for (const v of r.ledger.vouchers) {
      expect(v.transactions.filter((t) => t.kind === "trans").reduce((s, t) => s + t.amount, 0n)).toBe(0n);
    }
    // Line by line problems and whole-file checks are each capped at 100 plus a summary.
    expect(r.diagnostics.length).toBeLessThanOrEqual(2 * 101 + 5);
  });

  property("CSV ledger", fixtures("csv", /\.csv$/), (bytes, file) => {
    const r = timed(() => readCsvLedger(bytes, file));
    checkDiagnostics(r.diagnostics, file);
    checkCounts(r.counts.rows, "rows");
    checkCounts(r.counts.vouchers, "vouchers");
    expect(r.counts.rows.read).toBeLessThanOrEqual(lineCount(bytes));
    expect(r.counts.vouchers.read).toBeLessThanOrEqual(r.counts.rows.read);
    expect(r.vouchers).toHaveLength(r.counts.vouchers.kept);
    expect(r.vouchers.reduce((n, v) => n + v.transactions.length, 0)).toBe(r.counts.rows.kept);
    for (const v of r.vouchers) expect(v.transactions.reduce((s, t) => s + t.amount, 0n)).toBe(0n);
  });

  property("PX", fixtures("scb", /\.px$/), (bytes, file) => {
    checkScb(
      timed(() => readPx(bytes, file)),
      file
    );
  });

  property("JSON-stat 2", fixtures("scb", /jsonstat2\.json$/), (bytes, file) => {
    checkScb(
      timed(() => readJsonStat(bytes, file)),
      file
    );
  });

  property("PxWeb v1 JSON", fixtures("scb", /_v1_.*\.json$/), (bytes, file) => {
    checkScb(
      timed(() => readPxWebV1Json(bytes, file)),
      file
    );
  });

  property("SCB CSV", fixtures("scb", /\.csv$/), (bytes, file) => {
    checkScb(
      timed(() => readScbCsv(bytes, file)),
      file
    );
  });
});
