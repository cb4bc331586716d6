// refValue and compareWithPublished on a tiny hand-made year (öre, SIE signs), mapped with bas.json.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import {compareWithPublished, refValue, type PublishedFigure, type PublishedReport} from "../src/lib/published.js";
import {buildStatements, type AccountBalance} from "../src/lib/statements.js";

const bas: MappingFile = JSON.parse(readFileSync(new URL("../data/mapping/bas.json", import.meta.url), "utf-8"));
const mapping = combineMappings({rules: [{from: "3110", group: "Driftbidrag från staten/Försäkringskassan"}]}, bas);

// Intäkter 1 500,00 + 1 499,99 kr; kostnad 1 500,00 kr; a new skuld of 2 500,50 kr. The bank moves
// 1 500,00 + 1 499,99 − 1 500,00 + 2 500,50 = 4 000,49 kr and closes at 14 000,49 kr.
const balances: AccountBalance[] = [
  {account: "1930", name: "Bank", opening: 1_000_000n, movement: 400_049n},
  {account: "2010", name: "Eget kapital", opening: -1_000_000n, movement: 0n},
  {account: "2440", name: "Leverantörsskulder", opening: 0n, movement: -250_050n},
  {account: "3110", name: "Bidrag Försäkringskassan", opening: 0n, movement: -150_000n},
  {account: "3120", name: "Bidrag Region", opening: 0n, movement: -149_999n},
  {account: "4010", name: "Insatser", opening: 0n, movement: 150_000n},
  {account: "1400", name: "Lager", opening: 0n, movement: 0n}
];
const statements = buildStatements(balances, mapping);
const ref = (r: string) => refValue(r, statements, balances, mapping);

describe("refValue", () => {
  it("reads statement lines by id", () => {
    expect(ref("rr.intakter")).toBe(299_999n);
    expect(ref("rr.kostnader")).toBe(-150_000n);
    expect(ref("rr.arets_resultat")).toBe(149_999n);
    expect(ref("br.kassa_bank")).toBe(1_400_049n);
    expect(ref("br.kortfristiga_skulder")).toBe(250_050n);
    expect(ref("kfa.likvida_medel_ub")).toBe(1_400_049n);
    expect(() => ref("rr.nope")).toThrow("Okänd rad: rr.nope");
  });

  it("reads note rows, splitting line and group at the first slash only", () => {
    expect(ref("not:rr.intakter/Driftbidrag från staten/Försäkringskassan")).toBe(150_000n);
    // Without a group rule the row is the account name.
    expect(ref("not:rr.intakter/Bidrag Region")).toBe(149_999n);
    expect(ref("not:br.kortfristiga_skulder/Leverantörsskulder")).toBe(250_050n);
    expect(ref("not:rr.intakter/Finns inte")).toBe(0n);
  });

  it("reads accounts in display signs: income −movement, assets closing, claims −closing", () => {
    expect(ref("konto:3110")).toBe(150_000n);
    expect(ref("konto:4010")).toBe(-150_000n);
    expect(ref("konto:1930")).toBe(1_400_049n);
    expect(ref("konto:2440")).toBe(250_050n);
    expect(ref("konto:2010")).toBe(1_000_000n);
    // An account missing from the ledger, or one no rule maps, counts as zero.
    expect(ref("konto:9999")).toBe(0n);
    expect(ref("konto:1400")).toBe(0n);
  });
});

describe("compareWithPublished", () => {
  let seedLine = 0;
  const fig = (ref: string[], value: number, extra: Partial<PublishedFigure> = {}): PublishedFigure => ({
    year: 2023,
    statement: "rr",
    label: ref.join("+"),
    printed: String(value),
    value,
    ref,
    section: "Test",
    seedLine: ++seedLine,
    ...extra
  });
  const report = (unit: "kr" | "tkr", figures: PublishedFigure[]): PublishedReport => ({
    forbund: "test",
    document: "Årsredovisning 2023",
    source: "test",
    unit,
    figures
  });
  const compare = (r: PublishedReport) =>
    compareWithPublished(r, 2023, statements, balances, mapping).map((c) => [c.figure.label, c.computed, c.difference]);

  it("rounds to tkr half away from zero: 1 500 kr → 2, −1 500 kr → −2, 1 499,99 kr → 1", () => {
    const r = report("tkr", [
      fig(["konto:3110"], 2),
      fig(["konto:4010"], -2),
      fig(["konto:3120"], 2),
      // Refs are added before rounding: 2 999,99 kr → 3 tkr, not 2 + 1.
      fig(["konto:3110", "konto:3120"], 3),
      fig(["rr.intakter"], 3, {year: 2022})
    ]);
    expect(compare(r)).toEqual([
      ["konto:3110", 2, 0],
      ["konto:4010", -2, 0],
      ["konto:3120", 1, -1],
      ["konto:3110+konto:3120", 3, 0]
    ]);
  });

  it("rounds to kr half away from zero and applies sign −1 after rounding", () => {
    const r = report("kr", [
      fig(["konto:3120"], 1_500),
      fig(["rr.kostnader"], -1_500),
      fig(["br.kortfristiga_skulder"], 2_501), // 2 500,50 → 2 501
      fig(["not:br.kortfristiga_skulder/Leverantörsskulder"], -2_501, {sign: -1, statement: "not"}),
      fig(["br.kassa_bank"], 14_001)
    ]);
    expect(compare(r)).toEqual([
      ["konto:3120", 1_500, 0],
      ["rr.kostnader", -1_500, 0],
      ["br.kortfristiga_skulder", 2_501, 0],
      ["not:br.kortfristiga_skulder/Leverantörsskulder", -2_501, 0],
      ["br.kassa_bank", 14_000, -1] // 14 000,49 kr
    ]);
  });

  it("uses a figure's own unit over the report's", () => {
    const r = report("kr", [
      fig(["br.kassa_bank"], 14, {unit: "tkr"}), // 14 000,49 kr → 14 tkr
      fig(["konto:2440"], -3, {unit: "tkr", sign: -1}) // 2 500,50 kr → 3 tkr, printed negative
    ]);
    expect(compare(r)).toEqual([
      ["br.kassa_bank", 14, 0],
      ["konto:2440", -3, 0]
    ]);
    const t = report("tkr", [fig(["br.kassa_bank"], 14_000, {unit: "kr"})]);
    expect(compare(t)).toEqual([["br.kassa_bank", 14_000, 0]]);
  });
});
