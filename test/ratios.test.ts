// Key ratios and balanskravsresultat of a small hand-made year (öre, SIE signs), mapped with bas.json.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import {balanceRequirementResult, keyRatios} from "../src/lib/ratios.js";
import {buildStatements, type AccountBalance} from "../src/lib/statements.js";

const bas: MappingFile = JSON.parse(readFileSync(new URL("../data/mapping/bas.json", import.meta.url), "utf-8"));
const own: MappingFile = {
  rules: [
    {from: "3110", member: "fk"},
    {from: "3120", member: "region"},
    {from: "4010", category: "individinriktade"},
    {from: "6590", category: "administration"},
    {from: "7010", category: "administration"},
    {from: "8220", category: "realisationsvinst"}
  ]
};

const b = (account: string, opening: bigint, movement: bigint): AccountBalance => ({
  account,
  name: account,
  opening,
  movement
});

// Intäkter 400 000 + 240 000 + 360 000 = 1 000 000 kr, of which tilldelning (members) 640 000 kr.
// Kostnader 600 000 + 120 000 + 80 000 = 800 000 kr, of which administration 200 000 kr. Result 200 000 kr.
// Bank: 300 000 + 200 000 (result) + 300 000 (a new skuld) = 800 000 kr = summa tillgångar.
// Eget kapital: 300 000 + 200 000 = 500 000 kr.
const year: AccountBalance[] = [
  b("1930", 30_000_000n, 50_000_000n),
  b("2010", -30_000_000n, 0n),
  b("2440", 0n, -30_000_000n),
  b("3110", 0n, -40_000_000n),
  b("3120", 0n, -24_000_000n),
  b("3990", 0n, -36_000_000n),
  b("4010", 0n, 60_000_000n),
  b("6590", 0n, 12_000_000n),
  b("7010", 0n, 8_000_000n)
];

const ratios = (balances: AccountBalance[], m = combineMappings(own, bas)) => {
  const s = buildStatements(balances, m);
  expect(s.checks.every((c) => c.ok)).toBe(true);
  return Object.fromEntries(keyRatios(s).map((r) => [r.id, r.value === null ? null : r.value.toString()]));
};

describe("keyRatios", () => {
  it("gives soliditet, eget kapital of tilldelning and of intäkter, and the administrative share", () => {
    expect(ratios(year)).toEqual({
      soliditet: "0.625", // 500 000 / 800 000
      ek_tilldelning: "0.78125", // 500 000 / 640 000
      ek_intakter: "0.5", // 500 000 / 1 000 000
      administrationsandel: "0.25" // 200 000 / 800 000
    });
  });

  it("keeps labels and definitions in order", () => {
    const s = buildStatements(year, combineMappings(own, bas));
    expect(keyRatios(s).map((r) => r.label)).toEqual([
      "Soliditet",
      "Eget kapital i % av tilldelning",
      "Eget kapital i % av intäkter",
      "Administrationens andel av kostnaderna"
    ]);
  });

  it("divides to 20 significant digits", () => {
    // Borrow another 100 000 kr and put it into placeringar: assets 900 000 kr, equity still 500 000 kr: 5/9.
    const more = [...year.filter((x) => x.account !== "2440"), b("1810", 0n, 10_000_000n), b("2440", 0n, -40_000_000n)];
    expect(ratios(more).soliditet).toBe("0.55555555555555555556");
  });

  it("gives null where the ledger lacks the denominator or the category", () => {
    // Without member or category rules there is no tilldelning and no administration.
    expect(ratios(year, combineMappings(bas))).toEqual({
      soliditet: "0.625",
      ek_tilldelning: null,
      ek_intakter: "0.5",
      administrationsandel: null
    });
  });
});

describe("balanceRequirementResult", () => {
  it("equals årets resultat when no realisationsvinst is marked", () => {
    expect(balanceRequirementResult(buildStatements(year, combineMappings(own, bas)))).toBe(20_000_000n);
  });

  it("deducts realisationsvinster", () => {
    // A 30 000 kr gain on selling placeringar (8220, paid into the bank): result 230 000 kr, balanskrav 200 000 kr.
    const gain = [
      ...year.map((x) => (x.account === "1930" ? {...x, movement: x.movement + 3_000_000n} : x)),
      b("8220", 0n, -3_000_000n)
    ];
    const s = buildStatements(gain, combineMappings(own, bas));
    expect(s.rr.find((l) => l.id === "rr.arets_resultat")!.value).toBe(23_000_000n);
    expect(balanceRequirementResult(s)).toBe(20_000_000n);
  });
});
