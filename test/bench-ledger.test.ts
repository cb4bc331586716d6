import {describe, expect, it} from "vitest";
import {syntheticLedger, syntheticSie} from "../bench/ledger.js";
import {readSie} from "../loaders/sie/index.js";

describe("syntheticLedger", () => {
  const ledger = syntheticLedger(500);

  it("has the asked number of vouchers, each of 2–6 rows summing to zero", () => {
    expect(ledger.vouchers).toHaveLength(500);
    for (const v of ledger.vouchers) {
      expect(v.transactions.length).toBeGreaterThanOrEqual(2);
      expect(v.transactions.length).toBeLessThanOrEqual(6);
      expect(v.transactions.reduce((sum, t) => sum + t.amount, 0n)).toBe(0n);
      expect(v.date >= "2024-01-01" && v.date <= "2024-12-31").toBe(true);
    }
  });

  it("has opening balances summing to zero and declares every account and object it uses", () => {
    const ib = ledger.balances.filter((b) => b.kind === "ib");
    expect(ib.length).toBeGreaterThan(0);
    expect(ib.reduce((sum, b) => sum + b.amount, 0n)).toBe(0n);
    const accounts = new Set(ledger.accounts.map((a) => a.number));
    const objects = new Set(ledger.objects.map((o) => `${o.dim}/${o.code}`));
    const dims = new Set(ledger.dimensions.map((d) => d.dim));
    for (const b of ib) expect(accounts.has(b.account)).toBe(true);
    for (const o of ledger.objects) expect(dims.has(o.dim)).toBe(true);
    for (const t of ledger.vouchers.flatMap((v) => v.transactions)) {
      expect(accounts.has(t.account)).toBe(true);
      for (const o of t.objects) expect(objects.has(`${o.dim}/${o.code}`)).toBe(true);
      if (/^[4-7]/.test(t.account)) expect(t.objects.some((o) => o.dim === "1")).toBe(true);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(syntheticLedger(500)).toEqual(ledger);
    expect(syntheticLedger(500, 2)).not.toEqual(ledger);
    expect(syntheticSie(50, 3)).toEqual(syntheticSie(50, 3));
  });
});

describe("syntheticSie", () => {
  it("reads back with no errors and every voucher kept", () => {
    const {diagnostics, counts, ledger} = readSie(syntheticSie(200), "synthetic.se");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(counts.vouchers).toEqual({read: 200, kept: 200, rejected: 0});
    expect(ledger.vouchers).toHaveLength(200);
  });
});
