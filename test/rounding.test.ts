// roundStatement: leaves under a top-level sum are rounded together (largest remainder) so that every printed sum
// is the sum of its printed parts and the top total is the exact total rounded half away from zero.
import {describe, expect, it} from "vitest";
import {balanceSheet, cashFlowStatement, incomeStatement, type LineDef} from "../src/lib/lines.js";
import {
  allocateRounded,
  KR,
  roundDiv,
  roundStatement,
  roundToMultiple,
  roundToOre,
  roundToUnit,
  TKR
} from "../src/lib/rounding.js";
import Decimal from "decimal.js";
import {formatTkr} from "../src/lib/format.js";
import type {StatementLine} from "../src/lib/statements.js";

/** Statement lines with hand-computed values (sums included), in öre. */
function statement(defs: LineDef[], values: Record<string, bigint>): StatementLine[] {
  return defs.map((d) => {
    if (!(d.id in values)) throw new Error(`no value for ${d.id}`);
    return {...d, value: values[d.id], accounts: []};
  });
}

/** Every sum line equals the sum of its rounded parts. */
function expectSumsAdd(defs: LineDef[], rounded: Map<string, bigint>) {
  for (const d of defs.filter((x) => x.sum)) {
    expect(rounded.get(d.id), d.id).toBe(d.sum!.reduce((s, id) => s + rounded.get(id)!, 0n));
  }
}

describe("roundStatement on a resultaträkning", () => {
  // In tkr: 10 400,6 − 9 000,4 − 100,4 + 0,4 − 0,2 = 1 300,0. Rounded one by one the leaves give
  // 10 401 − 9 000 − 100 + 0 + 0 = 1 301, one more than the total.
  const rr = statement(incomeStatement, {
    "rr.intakter": 1_040_060_000n,
    "rr.kostnader": -900_040_000n,
    "rr.avskrivningar": -10_040_000n,
    "rr.verksamhetens_resultat": 129_980_000n,
    "rr.finansiella_intakter": 40_000n,
    "rr.finansiella_kostnader": -20_000n,
    "rr.resultat_efter_finansiella": 130_000_000n,
    "rr.extraordinara": 0n,
    "rr.arets_resultat": 130_000_000n
  });

  it("rounds the leaves together so that they add up to the rounded total", () => {
    // Floors 10 400, −9 001, −101, 0, −1, 0 sum to 1 297; the 3 missing tkr go to the largest remainders:
    // finansiella kostnader (0,8), then intäkter and kostnader (0,6, earlier lines first); avskrivningar
    // (also 0,6) stays at −101.
    const r = roundStatement(rr, "tkr");
    expect(Object.fromEntries(r)).toEqual({
      "rr.intakter": 10_401n,
      "rr.kostnader": -9_000n,
      "rr.avskrivningar": -101n,
      "rr.verksamhetens_resultat": 1_300n,
      "rr.finansiella_intakter": 0n,
      "rr.finansiella_kostnader": 0n,
      "rr.resultat_efter_finansiella": 1_300n,
      "rr.extraordinara": 0n,
      "rr.arets_resultat": 1_300n
    });
    expectSumsAdd(incomeStatement, r);
  });

  it("rounds a negative total half away from zero", () => {
    // 2 000,3 − 2 400,4 − 100,4 = −500,5 tkr → −501; one by one the leaves would give 2 000 − 2 400 − 100 = −500.
    const loss = statement(incomeStatement, {
      "rr.intakter": 200_030_000n,
      "rr.kostnader": -240_040_000n,
      "rr.avskrivningar": -10_040_000n,
      "rr.verksamhetens_resultat": -50_050_000n,
      "rr.finansiella_intakter": 0n,
      "rr.finansiella_kostnader": 0n,
      "rr.resultat_efter_finansiella": -50_050_000n,
      "rr.extraordinara": 0n,
      "rr.arets_resultat": -50_050_000n
    });
    const r = roundStatement(loss, "tkr");
    // Mirrored: floors −2 001, 2 400, 100 sum to 499 of 501; the two units go to remainders 0,7 and 0,4 (earlier).
    expect([r.get("rr.intakter"), r.get("rr.kostnader"), r.get("rr.avskrivningar")]).toEqual([2_000n, -2_401n, -100n]);
    expect(r.get("rr.arets_resultat")).toBe(-501n);
    expectSumsAdd(incomeStatement, r);
  });

  it("rounds to kr, halves going to the earlier line when only one unit is missing", () => {
    // 0,50 + 0,50 kr = 1 kr; each rounded alone would be 1 kr, 2 in all.
    const small = statement(incomeStatement, {
      "rr.intakter": 50n,
      "rr.kostnader": 0n,
      "rr.avskrivningar": 0n,
      "rr.verksamhetens_resultat": 50n,
      "rr.finansiella_intakter": 50n,
      "rr.finansiella_kostnader": 0n,
      "rr.resultat_efter_finansiella": 100n,
      "rr.extraordinara": 0n,
      "rr.arets_resultat": 100n
    });
    const r = roundStatement(small, "kr");
    expect([r.get("rr.intakter"), r.get("rr.finansiella_intakter"), r.get("rr.arets_resultat")]).toEqual([1n, 0n, 1n]);
    expectSumsAdd(incomeStatement, r);
  });
});

describe("roundStatement on a balansräkning", () => {
  // Two roots, each rounded on its own. Assets 500,4 + 300,4 + 0 + 1 199,4 = 2 000,2 tkr (one by one: 1 999);
  // claims 200,6 + 799,6 + 100 + 0 + 900 = 2 000,2 tkr (one by one: 2 001).
  const br = statement(balanceSheet, {
    "br.anlaggningstillgangar": 50_040_000n,
    "br.kortfristiga_fordringar": 30_040_000n,
    "br.kortfristiga_placeringar": 0n,
    "br.kassa_bank": 119_940_000n,
    "br.omsattningstillgangar": 149_980_000n,
    "br.summa_tillgangar": 200_020_000n,
    "br.arets_resultat": 20_060_000n,
    "br.eget_kapital_ovrigt": 79_960_000n,
    "br.eget_kapital": 100_020_000n,
    "br.avsattningar": 10_000_000n,
    "br.langfristiga_skulder": 0n,
    "br.kortfristiga_skulder": 90_000_000n,
    "br.skulder": 90_000_000n,
    "br.summa_ek_skulder": 200_020_000n
  });

  it("rounds assets and claims each to the rounded total, so the sheet still balances", () => {
    const r = roundStatement(br, "tkr");
    // Assets: floors sum to 1 999; the missing unit goes to the first of three equal remainders (0,4).
    // Claims: floors sum to 1 999; the missing unit goes to the first of two equal remainders (0,6).
    expect(Object.fromEntries(r)).toEqual({
      "br.anlaggningstillgangar": 501n,
      "br.kortfristiga_fordringar": 300n,
      "br.kortfristiga_placeringar": 0n,
      "br.kassa_bank": 1_199n,
      "br.omsattningstillgangar": 1_499n,
      "br.summa_tillgangar": 2_000n,
      "br.arets_resultat": 201n,
      "br.eget_kapital_ovrigt": 799n,
      "br.eget_kapital": 1_000n,
      "br.avsattningar": 100n,
      "br.langfristiga_skulder": 0n,
      "br.kortfristiga_skulder": 900n,
      "br.skulder": 900n,
      "br.summa_ek_skulder": 2_000n
    });
    expectSumsAdd(balanceSheet, r);
  });
});

describe("roundStatement on a kassaflödesanalys", () => {
  // In kr: 100,50 + 20,50 − 10,50 + 0,50 = 111,00 (one by one: 101 + 21 − 11 + 1 = 112).
  const kfa = statement(cashFlowStatement, {
    "kfa.arets_resultat": 10_050n,
    "kfa.ej_likviditetspaverkande": 2_050n,
    "kfa.fore_rorelsekapital": 12_100n,
    "kfa.forandring_fordringar": -1_050n,
    "kfa.forandring_skulder": 50n,
    "kfa.lopande": 11_100n,
    "kfa.investeringar": 0n,
    "kfa.placeringar": 0n,
    "kfa.investering": 0n,
    "kfa.langfristiga_skulder": 0n,
    "kfa.eget_kapital_tillskott": 0n,
    "kfa.finansiering": 0n,
    "kfa.arets_kassaflode": 11_100n,
    "kfa.likvida_medel_ib": -100_050n,
    "kfa.likvida_medel_ub": -88_950n
  });

  it("rounds the flows together and likvida medel each on its own, half away from zero", () => {
    const r = roundStatement(kfa, "kr");
    // Floors 100, 20, −11, 0 sum to 109 of 111; all remainders are 0,50, so the first two lines get the units.
    expect(Object.fromEntries(r)).toEqual({
      "kfa.arets_resultat": 101n,
      "kfa.ej_likviditetspaverkande": 21n,
      "kfa.fore_rorelsekapital": 122n,
      "kfa.forandring_fordringar": -11n,
      "kfa.forandring_skulder": 0n,
      "kfa.lopande": 111n,
      "kfa.investeringar": 0n,
      "kfa.placeringar": 0n,
      "kfa.investering": 0n,
      "kfa.langfristiga_skulder": 0n,
      "kfa.eget_kapital_tillskott": 0n,
      "kfa.finansiering": 0n,
      "kfa.arets_kassaflode": 111n,
      "kfa.likvida_medel_ib": -1_001n, // −1 000,50 → −1 001
      "kfa.likvida_medel_ub": -890n // −889,50 → −890
    });
    expectSumsAdd(cashFlowStatement, r);
  });
});

const roundToTkr = (ore: bigint) => roundToMultiple(ore, TKR);

describe("rounding", () => {
  it("rounds half away from zero to a multiple, in öre", () => {
    expect(roundToTkr(862950000n)).toBe(863000000n);
    expect(roundToTkr(862949999n)).toBe(862900000n);
    expect(roundToTkr(-862950000n)).toBe(-863000000n);
    expect(roundToMultiple(250n, KR)).toBe(300n);
    expect(roundToMultiple(-250n, KR)).toBe(-300n);
    expect(roundToMultiple(-249n, KR)).toBe(-200n);
    expect(() => roundToMultiple(1n, 0n)).toThrow(RangeError);
  });
});

describe("allocateRounded", () => {
  const tkr = (...xs: number[]) => xs.map((x) => BigInt(Math.round(x * 1000)) * 100n);
  const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

  it("keeps the parts summing to the rounded total", () => {
    // Falun-Borlänge 2023's member split (4 281 000 / 2 140 500 / 1 113 060 / 1 027 440 kr), shifted so that
    // rounding each part alone gives 8 561 tkr while the total rounds to 8 563.
    const parts = tkr(4281.45, 2140.4, 1113.46, 1027.44);
    expect(sum(parts)).toBe(856275000n);
    expect(sum(parts.map(roundToTkr))).toBe(856100000n);
    const rounded = allocateRounded(parts);
    expect(rounded).toEqual(tkr(4282, 2140, 1114, 1027));
    expect(sum(rounded)).toBe(roundToTkr(sum(parts)));
    expect(rounded.map(formatTkr)).toEqual(["4\u00A0282", "2\u00A0140", "1\u00A0114", "1\u00A0027"]);
  });

  it("gives the leftover units to the largest remainders, ties to the earlier part", () => {
    expect(allocateRounded([150n, 150n, 150n], undefined, 100n)).toEqual([200n, 200n, 100n]);
    expect(allocateRounded([133n, 133n, 134n], undefined, 100n)).toEqual([100n, 100n, 200n]);
    expect(allocateRounded([0n, 0n], undefined, 100n)).toEqual([0n, 0n]);
    expect(allocateRounded([], undefined, 100n)).toEqual([]);
  });

  it("mirrors negative totals and handles mixed signs", () => {
    expect(allocateRounded([-150n, -150n, -150n], undefined, 100n)).toEqual([-200n, -200n, -100n]);
    const mixed = [1049n, -349n, 250n];
    const rounded = allocateRounded(mixed, undefined, 100n);
    expect(rounded).toEqual([1000n, -300n, 300n]);
    expect(sum(rounded)).toBe(roundToMultiple(sum(mixed), 100n));
  });

  it("meets an explicit total that differs from the sum", () => {
    expect(allocateRounded([100n, 100n], 500n, 100n)).toEqual([300n, 200n]);
    expect(allocateRounded([100n, 100n, 100n], 0n, 100n)).toEqual([0n, 0n, 0n]);
    expect(allocateRounded([100n, 100n, 100n], -100n, 100n)).toEqual([-100n, 0n, 0n]);
  });

  it("defaults to tkr and rejects a non-positive unit", () => {
    expect(allocateRounded([TKR / 2n, TKR / 2n])).toEqual([TKR, 0n]);
    expect(() => allocateRounded([1n], undefined, 0n)).toThrow(RangeError);
  });
});

describe("roundToUnit and roundToOre", () => {
  it("rounds half away from zero in kr, tkr and öre", () => {
    expect([roundToUnit(862950000n, "tkr"), roundToUnit(-862950000n, "tkr"), roundToUnit(862949999n, "tkr")]).toEqual([
      8630n,
      -8630n,
      8629n
    ]);
    expect([roundToUnit(150n, "kr"), roundToUnit(-150n, "kr"), roundToUnit(149n, "kr")]).toEqual([2n, -2n, 1n]);
    expect([roundToOre(new Decimal("2.5")), roundToOre(new Decimal("-2.5")), roundToOre(new Decimal("2.49"))]).toEqual([
      3n,
      -3n,
      2n
    ]);
    expect(() => roundDiv(1n, 0n)).toThrow(RangeError);
  });
});
