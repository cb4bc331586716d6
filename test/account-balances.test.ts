// The account-balances table the statement pages read without DuckDB: built from the SIE files, sent as Arrow and
// read back, it must give every year's balances as the reader does, and the printed statements.
import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {toArrowStream} from "../loaders/arrow.js";
import {forbundOfFile, loadLedgerTables} from "../loaders/ledger-tables.js";
import {dataDir} from "../loaders/paths.js";
import {readSie} from "../loaders/sie/read.js";
import {indexAccountBalances, readAccountBalances} from "../src/lib/account-balances.js";
import {accountBalances} from "../src/lib/balances.js";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import {buildStatements, lineValue} from "../src/lib/statements.js";

const files = readdirSync(dataDir("sie")).filter((f) => f.endsWith(".se"));
const index = readAccountBalances(toArrowStream(loadLedgerTables(dataDir("sie")).accountBalances));
const mappingFile = (id: string) => JSON.parse(readFileSync(dataDir("mapping", `${id}.json`), "utf8")) as MappingFile;

describe("readAccountBalances", () => {
  it("lists the eight embedded ledger years, by förbund and year", () => {
    expect(index.years()).toEqual(files.map((f) => ({forbund: forbundOfFile(f), year: Number(f.slice(-7, -3))})));
    expect(index.years().length).toBe(8);
  });

  it("gives each year exactly the balances the SIE reader gives", () => {
    for (const file of files) {
      const {ledger} = readSie(new Uint8Array(readFileSync(dataDir("sie", file))), file);
      const balances = index.balancesFor(forbundOfFile(file), Number(file.slice(-7, -3)));
      expect(balances.length).toBeGreaterThan(10);
      expect(balances).toEqual(accountBalances(ledger, 0));
    }
  });

  it("gives Klarälvdalen's printed årets resultat for 2023, -330 463 kr", () => {
    const mapping = combineMappings(mappingFile("klaralvdalen"), mappingFile("bas"));
    const statements = buildStatements(index.balancesFor("klaralvdalen", 2023), mapping);
    expect(lineValue(statements.rr, "rr.arets_resultat")).toBe(-33_046_300n);
  });

  it("gives no rows for a year without a ledger, and copies that the caller may change", () => {
    expect(index.balancesFor("klaralvdalen", 1999)).toEqual([]);
    const first = index.balancesFor("klaralvdalen", 2023);
    first[0].movement = 1n;
    expect(index.balancesFor("klaralvdalen", 2023)[0].movement).not.toBe(1n);
  });

  it("sorts accounts within a year and years within a förbund whatever the row order", () => {
    const row = (forbund: string, year: number, account: string) => ({
      forbund,
      year,
      account,
      name: "",
      opening: 0n,
      movement: 1n
    });
    const shuffled = indexAccountBalances([
      row("b", 2024, "3010"),
      row("a", 2024, "1930"),
      row("b", 2023, "1930"),
      row("b", 2024, "1510")
    ]);
    expect(shuffled.years()).toEqual([
      {forbund: "a", year: 2024},
      {forbund: "b", year: 2023},
      {forbund: "b", year: 2024}
    ]);
    expect(shuffled.balancesFor("b", 2024).map((b) => b.account)).toEqual(["1510", "3010"]);
  });

  it("names a missing column", () => {
    expect(() => readAccountBalances(toArrowStream({forbund: {type: "utf8", values: ["a"]}}))).toThrow(
      "Kolumnen year saknas i saldotabellen"
    );
  });
});
