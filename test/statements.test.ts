// The statements of one hand-made förbund year under the BAS chart (data/mapping/bas.json) plus the förbund's
// own rules. Every figure below is worked out by hand in the comments; money is öre, SIE signs (debit +, credit −).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {combineMappings, mapAccount, type MappingFile} from "../src/lib/mapping.js";
import {buildStatements, type AccountBalance, type StatementLine} from "../src/lib/statements.js";

const bas: MappingFile = JSON.parse(readFileSync(new URL("../data/mapping/bas.json", import.meta.url), "utf-8"));

// The förbund's own rules: no lines, only groups, members and categories, so the lines fall through to bas.json.
const own: MappingFile = {
  rules: [
    {from: "3110", member: "fk", group: "Driftbidrag från staten/Försäkringskassan"},
    {from: "3120", member: "region", group: "Driftbidrag från regionen"},
    {from: "3130", member: "kommun-a", group: "Driftbidrag från kommunerna"},
    {from: "4010", category: "individinriktade", group: "Finansierade insatser"},
    {from: "6590", category: "administration"},
    {from: "7010", category: "administration", group: "Personalkostnader"},
    {from: "7240", category: "styrelse"},
    {from: "7410", category: "administration", group: "Personalkostnader"}
  ]
};
const mapping = combineMappings(own, bas);

const b = (account: string, name: string, opening: bigint, movement: bigint): AccountBalance => ({
  account,
  name,
  opening,
  movement
});

// Opening balances: assets 6 000 000 + 2 000 000 + 300 000 + 1 000 000 + 20 000 000 + 50 000 000 = 79 300 000;
// claims −3 000 000 − 5 000 000 − 4 000 000 − 1 500 000 − 2 500 000 = −16 000 000; equity −63 300 000; sum 0.
// Result movements: income −100 000 000 − 50 000 000 − 25 000 050 − 1 234 567 = −176 234 617;
// costs 80 000 000 + 3 500 025 + 40 000 000 + 2 000 000 + 6 000 000 = 131 500 025; depreciation 1 500 000;
// financial −123 456 + 10 000 = −113 456; total −43 348 048 (a surplus of 433 480,48 kr).
// Balance movements except the bank: 1 500 000 + 500 000 − 300 000 − 400 000 + 5 000 000 − 700 000 + 1 000 000
// − 1 200 000 + 100 000 − 300 000 = 5 200 000, so the bank moves 43 348 048 − 5 200 000 = 38 148 048.
const balances: AccountBalance[] = [
  b("1220", "Inventarier", 6_000_000n, 1_500_000n), // bought 3 000 000, depreciated 1 500 000
  b("1510", "Kundfordringar", 2_000_000n, 500_000n),
  b("1680", "Övriga fordringar", 300_000n, -300_000n), // closes at zero: no note row
  b("1790", "Förutbetalda kostnader", 1_000_000n, -400_000n),
  b("1810", "Kortfristiga placeringar", 20_000_000n, 5_000_000n),
  b("1930", "Bank", 50_000_000n, 38_148_048n),
  b("2010", "Eget kapital", -63_300_000n, 0n),
  b("2210", "Avsättning pensioner", -3_000_000n, -700_000n),
  b("2350", "Långfristigt lån", -5_000_000n, 1_000_000n),
  b("2440", "Leverantörsskulder", -4_000_000n, -1_200_000n),
  b("2710", "Personalskatt", -1_500_000n, 100_000n),
  b("2990", "Upplupna kostnader", -2_500_000n, -300_000n),
  b("3110", "Bidrag Försäkringskassan", 0n, -100_000_000n),
  b("3120", "Bidrag Region", 0n, -50_000_000n),
  b("3130", "Bidrag Kommun A", 0n, -25_000_050n),
  b("3990", "Övriga intäkter", 0n, -1_234_567n),
  b("4010", "Insatser", 0n, 80_000_000n),
  b("6590", "Administrativa tjänster", 0n, 3_500_025n),
  b("7010", "Löner", 0n, 40_000_000n),
  b("7240", "Styrelsearvoden", 0n, 2_000_000n),
  b("7410", "Pensionskostnader", 0n, 6_000_000n),
  b("7832", "Avskrivningar inventarier", 0n, 1_500_000n),
  b("8310", "Ränteintäkter", 0n, -123_456n),
  b("8410", "Räntekostnader", 0n, 10_000n)
];

const values = (lines: StatementLine[]) => Object.fromEntries(lines.map((l) => [l.id, l.value]));
const checks = (s: ReturnType<typeof buildStatements>) => s.checks.map((c) => [c.id, c.ok, c.difference]);

describe("buildStatements on a hand-made year", () => {
  const s = buildStatements(balances, mapping);

  it("gives every line of the resultaträkning", () => {
    expect(values(s.rr)).toEqual({
      "rr.intakter": 176_234_617n,
      "rr.kostnader": -131_500_025n,
      "rr.avskrivningar": -1_500_000n,
      "rr.verksamhetens_resultat": 43_234_592n, // 176 234 617 − 131 500 025 − 1 500 000
      "rr.finansiella_intakter": 123_456n,
      "rr.finansiella_kostnader": -10_000n,
      "rr.resultat_efter_finansiella": 43_348_048n, // 43 234 592 + 123 456 − 10 000
      "rr.extraordinara": 0n,
      "rr.arets_resultat": 43_348_048n
    });
  });

  it("lists the accounts behind leaf lines and none behind sums", () => {
    const accounts = Object.fromEntries(s.rr.map((l) => [l.id, l.accounts]));
    expect(accounts["rr.intakter"]).toEqual(["3110", "3120", "3130", "3990"]);
    expect(accounts["rr.kostnader"]).toEqual(["4010", "6590", "7010", "7240", "7410"]);
    expect(accounts["rr.avskrivningar"]).toEqual(["7832"]);
    expect(accounts["rr.verksamhetens_resultat"]).toEqual([]);
    expect(s.br.find((l) => l.id === "br.kortfristiga_fordringar")!.accounts).toEqual(["1510", "1680", "1790"]);
  });

  it("gives every line of the balansräkning at year end", () => {
    expect(values(s.br)).toEqual({
      "br.anlaggningstillgangar": 7_500_000n,
      "br.kortfristiga_fordringar": 3_100_000n, // 2 500 000 + 0 + 600 000
      "br.kortfristiga_placeringar": 25_000_000n,
      "br.kassa_bank": 88_148_048n, // 50 000 000 + 38 148 048
      "br.omsattningstillgangar": 116_248_048n,
      "br.summa_tillgangar": 123_748_048n,
      "br.arets_resultat": 43_348_048n,
      "br.eget_kapital_ovrigt": 63_300_000n,
      "br.eget_kapital": 106_648_048n,
      "br.avsattningar": 3_700_000n,
      "br.langfristiga_skulder": 4_000_000n,
      "br.kortfristiga_skulder": 9_400_000n, // 5 200 000 + 1 400 000 + 2 800 000
      "br.skulder": 13_400_000n,
      "br.summa_ek_skulder": 123_748_048n // 106 648 048 + 3 700 000 + 13 400 000
    });
  });

  it("gives every line of the kassaflödesanalys", () => {
    expect(values(s.kfa)).toEqual({
      "kfa.arets_resultat": 43_348_048n,
      "kfa.ej_likviditetspaverkande": 2_200_000n, // pension provision +700 000, depreciation +1 500 000
      "kfa.fore_rorelsekapital": 45_548_048n,
      "kfa.forandring_fordringar": 200_000n, // fordringar fell from 3 300 000 to 3 100 000
      "kfa.forandring_skulder": 1_400_000n, // kortfristiga skulder rose from 8 000 000 to 9 400 000
      "kfa.lopande": 47_148_048n,
      "kfa.investeringar": -3_000_000n, // −(change 1 500 000 + depreciation 1 500 000)
      "kfa.placeringar": -5_000_000n,
      "kfa.investering": -8_000_000n,
      "kfa.langfristiga_skulder": -1_000_000n,
      "kfa.eget_kapital_tillskott": 0n,
      "kfa.finansiering": -1_000_000n,
      "kfa.arets_kassaflode": 38_148_048n, // equals the bank's movement
      "kfa.likvida_medel_ib": 50_000_000n,
      "kfa.likvida_medel_ub": 88_148_048n
    });
  });

  it("groups note rows by the mapping's group, else the account name, in account order, without zero rows", () => {
    expect(s.notes.map((n) => [n.line, n.title, n.total])).toEqual([
      ["rr.intakter", "Verksamhetens intäkter", 176_234_617n],
      ["rr.kostnader", "Verksamhetens kostnader", -131_500_025n],
      ["br.kortfristiga_fordringar", "Kortfristiga fordringar", 3_100_000n],
      ["br.avsattningar", "Avsättningar", 3_700_000n],
      ["br.kortfristiga_skulder", "Kortfristiga skulder", 9_400_000n]
    ]);
    expect(s.notes[0].rows).toEqual([
      {group: "Driftbidrag från staten/Försäkringskassan", value: 100_000_000n, accounts: ["3110"]},
      {group: "Driftbidrag från regionen", value: 50_000_000n, accounts: ["3120"]},
      {group: "Driftbidrag från kommunerna", value: 25_000_050n, accounts: ["3130"]},
      {group: "Övriga intäkter", value: 1_234_567n, accounts: ["3990"]}
    ]);
    // 7010 and 7410 share the group "Personalkostnader": 40 000 000 + 6 000 000.
    expect(s.notes[1].rows).toEqual([
      {group: "Finansierade insatser", value: -80_000_000n, accounts: ["4010"]},
      {group: "Administrativa tjänster", value: -3_500_025n, accounts: ["6590"]},
      {group: "Personalkostnader", value: -46_000_000n, accounts: ["7010", "7410"]},
      {group: "Styrelsearvoden", value: -2_000_000n, accounts: ["7240"]}
    ]);
    // 1680 closes at zero and is left out.
    expect(s.notes[2].rows).toEqual([
      {group: "Kundfordringar", value: 2_500_000n, accounts: ["1510"]},
      {group: "Förutbetalda kostnader", value: 600_000n, accounts: ["1790"]}
    ]);
    expect(s.notes[4].rows.map((r) => [r.group, r.value])).toEqual([
      ["Leverantörsskulder", 5_200_000n],
      ["Personalskatt", 1_400_000n],
      ["Upplupna kostnader", 2_800_000n]
    ]);
  });

  it("sums income per member and costs per category", () => {
    expect(s.memberIncome).toEqual([
      {member: "fk", value: 100_000_000n},
      {member: "region", value: 50_000_000n},
      {member: "kommun-a", value: 25_000_050n}
    ]);
    // administration: 3 500 025 + 40 000 000 + 6 000 000.
    expect(s.costCategories).toEqual([
      {category: "individinriktade", value: -80_000_000n},
      {category: "administration", value: -49_500_025n},
      {category: "styrelse", value: -2_000_000n}
    ]);
  });

  it("passes every check", () => {
    expect(s.unmapped).toEqual([]);
    expect(checks(s)).toEqual([
      ["balans", true, 0n],
      ["resultat", true, 0n],
      ["kassaflode", true, 0n],
      ["mappning", true, 0n]
    ]);
    expect(s.checks[0].label).toBe("Balansräkningen balanserar (tillgångar = eget kapital, avsättningar och skulder)");
  });
});

describe("buildStatements checks", () => {
  const withAccount = (account: string, f: (x: AccountBalance) => AccountBalance) =>
    balances.map((x) => (x.account === account ? f(x) : x));

  it("fails only the balance check, by the exact difference, when the opening balances sum to 12 345 öre", () => {
    // The year's flows still balance, so årets resultat equals the change in net assets and the cash flow adds up:
    // a constant opening error cancels out of both; only the balance sheet itself shows it.
    const s = buildStatements(
      withAccount("1930", (x) => ({...x, opening: x.opening + 12_345n})),
      mapping
    );
    expect(checks(s)).toEqual([
      ["balans", false, 12_345n],
      ["resultat", true, 0n],
      ["kassaflode", true, 0n],
      ["mappning", true, 0n]
    ]);
  });

  it("fails the balance, result and cash-flow checks when the year's movements sum to 7 777 öre", () => {
    // An unmatched debit of 7 777 on the bank: assets are 7 777 too high, net assets grow 7 777 more than the
    // result, and the bank ends 7 777 above what the cash flow explains.
    const s = buildStatements(
      withAccount("1930", (x) => ({...x, movement: x.movement + 7_777n})),
      mapping
    );
    expect(checks(s)).toEqual([
      ["balans", false, 7_777n],
      ["resultat", false, -7_777n],
      ["kassaflode", false, -7_777n],
      ["mappning", true, 0n]
    ]);
  });

  it("reports accounts outside every rule as unmapped and fails the mapping check", () => {
    // bas.json has no rule for 1400–1499 or 2100–2199; the two balances offset each other so the rest still balances.
    const extra = [
      b("1400", "Lager", 50_000n, 0n),
      b("2100", "Periodiseringsfond", -50_000n, 0n),
      b("1410", "Tomt", 0n, 0n)
    ];
    const s = buildStatements([...balances, ...extra], mapping);
    // 1410 has no figure, so it is not an error.
    expect(s.unmapped.map((u) => u.account)).toEqual(["1400", "2100"]);
    expect(checks(s)).toEqual([
      ["balans", true, 0n],
      ["resultat", true, 0n],
      ["kassaflode", true, 0n],
      ["mappning", false, 2n]
    ]);
  });

  it("moves an account to the line a förbund rule gives, ahead of the chart's", () => {
    // Bas puts 8410 on finansiella kostnader; this förbund books it as a verksamhetskostnad.
    const m = combineMappings({rules: [{from: "8410", line: "rr.kostnader"}]}, own, bas);
    const s = buildStatements(balances, m);
    const v = values(s.rr);
    expect(v["rr.kostnader"]).toBe(-131_510_025n);
    expect(v["rr.finansiella_kostnader"]).toBe(0n);
    expect(v["rr.arets_resultat"]).toBe(43_348_048n);
  });
});

describe("mapAccount", () => {
  it("lets the first rule with a field win, and takes the other fields from later rules", () => {
    expect(mapAccount(mapping, "3110")).toEqual({
      line: "rr.intakter",
      group: "Driftbidrag från staten/Försäkringskassan",
      member: "fk",
      category: undefined
    });
    const m = combineMappings({rules: [{from: "7990", line: "rr.finansiella_kostnader"}]}, bas);
    expect(mapAccount(m, "7990")?.line).toBe("rr.finansiella_kostnader");
    expect(mapAccount(m, "7991")?.line).toBe("rr.kostnader");
  });

  it("compares on the rule's width, so rule 3011 matches the five-digit account 30110", () => {
    const m = combineMappings({rules: [{from: "3011", line: "rr.intakter", member: "fk"}]});
    expect(mapAccount(m, "30110")).toEqual({line: "rr.intakter", group: undefined, member: "fk", category: undefined});
    expect(mapAccount(m, "30119")?.member).toBe("fk");
    expect(mapAccount(m, "30120")).toBeUndefined();
    expect(mapAccount(combineMappings(bas), "39999")?.line).toBe("rr.intakter");
  });

  it("returns undefined for an account that no rule gives a line", () => {
    expect(mapAccount(mapping, "1400")).toBeUndefined();
    expect(mapAccount(combineMappings({rules: [{from: "1400", group: "Lager"}]}), "1400")).toBeUndefined();
  });
});

describe("combineMappings", () => {
  it("throws on a line that is not a leaf line", () => {
    const bad = {rules: [{from: "3000", line: "rr.nope"}]} as unknown as MappingFile;
    expect(() => combineMappings(bad, bas)).toThrow(new Error("Okänd rad i mappningen: rr.nope (konto 3000)"));
    // A sum line cannot receive accounts either.
    const sum = {rules: [{from: "3000", line: "rr.arets_resultat"}]} as unknown as MappingFile;
    expect(() => combineMappings(sum)).toThrow("Okänd rad i mappningen: rr.arets_resultat (konto 3000)");
  });

  it("puts the förbund's rules first and skips an absent file", () => {
    expect(combineMappings(undefined, bas).rules).toEqual(bas.rules);
    expect(
      combineMappings(own, undefined, bas)
        .rules.map((r) => r.from)
        .slice(0, 2)
    ).toEqual(["3110", "3120"]);
  });
});
