// The corpus of bad inputs in test/fixtures/bad: each file is read by its reader and must give exactly the
// diagnostics, counts and kept records of expected.json. Large and random files are generated from a seed
// (test/fixtures/bad/generate.ts) instead of being committed.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import type {ReadCounts} from "../src/lib/ledger";
import {runCase, sumsOf, voucherId, type BadCase} from "./fixtures/bad/generate";

const cases: BadCase[] = JSON.parse(readFileSync(new URL("./fixtures/bad/expected.json", import.meta.url), "utf8"));

function isCounts(value: unknown): value is ReadCounts {
  return typeof value === "object" && value !== null && "read" in value;
}

/** Every ReadCounts in a reader's counts, by name. */
function allCounts(counts: BadCase["counts"]): [string, ReadCounts][] {
  return isCounts(counts) ? [["cells", counts]] : Object.entries(counts);
}

describe("bad inputs (test/fixtures/bad/expected.json)", () => {
  it("covers every reader the issue names", () => {
    expect(new Set(cases.map((c) => c.reader))).toEqual(
      new Set(["sie", "px", "jsonstat", "pxweb-json", "scb-csv", "csv-ledger"])
    );
  });

  for (const c of cases) {
    describe(c.file, () => {
      // Read once: the 10 MB case is generated and read in about a second.
      const started = performance.now();
      const result = runCase(c);
      const elapsed = performance.now() - started;

      it("reports exactly the expected problems, each with file and line", () => {
        expect(result.diagnostics.map(({line, severity, message}) => ({line, severity, message}))).toEqual(
          c.diagnostics
        );
        for (const d of result.diagnostics) expect(d.file).toBe(c.file);
      });

      it("counts what it read, kept and rejected, and read = kept + rejected", () => {
        expect(result.counts).toEqual(c.counts);
        for (const [name, counts] of allCounts(result.counts)) {
          expect(counts.read, name).toBe(counts.kept + counts.rejected);
        }
      });

      if (c.kept) {
        it("keeps every good voucher, with its amounts", () => {
          expect(result.vouchers!.map((v) => voucherId(v, c.reader))).toEqual(c.kept);
          expect(sumsOf(result.vouchers!)).toEqual(c.sums);
        });
      }

      if (c.accounts) {
        it("reads the account names in the right encoding", () => {
          expect(result.accounts).toEqual(c.accounts);
        });
      }

      if (c.generate) {
        it("does not hang on it", () => {
          // About 1 s on one core for 10 MB; the margin is for a loaded CI runner.
          expect(elapsed).toBeLessThan(15_000);
        });
      }
    });
  }
});
