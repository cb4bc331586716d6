// The `finsam` command: kontrollera and saldobalans, in process for exact output and as the compiled plain-JS
// command (bin/finsam.js, what `npx finsam` runs) for exit codes and the absence of stack traces.
import {spawnSync} from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {journalAmount} from "../bench/journal.js";
import {finsamBalanceOf, verdict} from "../bench/journals.js";
import {syntheticLedger} from "../bench/ledger.js";
import {writeSie} from "../loaders/sie/write.js";
import {detectKind} from "../scripts/finsam/detect.js";
import {main} from "../scripts/finsam/main.js";
import {accountBalances} from "../src/lib/balances.js";

const root = new URL("..", import.meta.url).pathname;
const fixture = (name: string) => `test/fixtures/finsam/${name}`;
const bin = join(root, "bin/finsam.js");

/** Runs the command in process with the project folder as working folder; returns its exit code and output. */
async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = await main(args, {out: (s) => void (stdout += s), err: (s) => void (stderr += s)});
    return {code, stdout, stderr};
  } finally {
    process.chdir(cwd);
  }
}

/** Runs the compiled command as a process, as `npx finsam` does. */
function runBin(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: root, encoding: "utf8", timeout: 60_000});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

let tmp: string;

beforeAll(() => {
  // The compiled command is what users run; build it from the current sources (npm's prepare does the same).
  const compile = spawnSync(process.execPath, [join(root, "scripts/finsam/compile.mjs")], {encoding: "utf8"});
  expect(compile.status, compile.stderr).toBe(0);
  tmp = mkdtempSync(join(tmpdir(), "finsam-cli-"));
}, 60_000);

afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("finsam: användning", () => {
  it("--help skriver användningen och slutar med 0", async () => {
    const {code, stdout} = await run("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Användning:\n {2}finsam kontrollera <fil\|mapp>…\n/);
    expect(stdout).toContain("finsam saldobalans <fil> [--ar 0] [--csv]");
  });

  it("utan argument, okänt kommando, okänt alternativ och saknat värde är fel användning med slutkod 2", async () => {
    const none = await run();
    expect([none.code, none.stdout]).toEqual([2, ""]);
    expect(none.stderr).toMatch(/^Användning:/);
    const cases: [string[], string][] = [
      [["rapportera"], 'finsam: Okänt kommando "rapportera"'],
      [["kontrollera"], "finsam: kontrollera behöver minst en fil eller mapp"],
      [["saldobalans"], "finsam: saldobalans behöver precis en fil"],
      [["saldobalans", fixture("forbund-2024.se"), "--ar"], "finsam: --ar saknar värde"],
      [["saldobalans", fixture("forbund-2024.se"), "--ar", "--csv"], "finsam: --ar saknar värde"],
      [
        ["saldobalans", fixture("forbund-2024.se"), "--ar", "1"],
        'finsam: --ar ska vara 0 (innevarande år) eller negativt som -1 (föregående), inte "1"'
      ],
      [["saldobalans", fixture("forbund-2024.se"), "--xlsx"], "finsam: Okänt alternativ --xlsx"]
    ];
    for (const [args, message] of cases) {
      const {code, stdout, stderr} = await run(...args);
      expect([code, stdout, stderr.split("\n")[0]]).toEqual([2, "", message]);
      expect(stderr).toContain("Användning:");
    }
  });
});

describe("finsam kontrollera", () => {
  it("skriver typ, teckenkodning, räkenskapsår, antal och varje anmärkning med rad; slutkod 1 vid fel", async () => {
    const {code, stdout, stderr} = await run("kontrollera", "test/fixtures/bad/sie-truncated.se");
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toBe(
      [
        "test/fixtures/bad/sie-truncated.se",
        "  Typ: SIE 4E (verifikationer)",
        "  Teckenkodning: CP437 (PC8)",
        "  Räkenskapsår: 0: 2024-01-01–2024-12-31",
        "  Verifikationer: 2 lästa, 1 behållna, 1 avvisade",
        "  Transaktionsrader: 4 lästa, 2 behållna, 2 avvisade",
        "  Saldon: 0 lästa, 0 behållna, 0 avvisade",
        "  rad 17: fel: Filen slutar inne i verifikation A 2: } saknas",
        "",
        "Kontrollerade 1 fil: 0 utan problem, 1 med problem (1 fel, 0 varningar).",
        ""
      ].join("\n")
    );
  });

  it("läser SIE 1, 2, 3, 4E och 4I; en ren fil ger slutkod 0", async () => {
    const files = ["forbund-2024-sie1.se", "forbund-2024-sie2.se", "forbund-2024-sie3.se", "forbund-2024.se"];
    const {code, stdout} = await run("kontrollera", ...files.map(fixture), fixture("forbund-2024.si"));
    expect(code).toBe(0);
    const types = [...stdout.matchAll(/ {2}Typ: (.*)/g)].map((m) => m[1]);
    expect(types).toEqual([
      "SIE 1 (bokslutssaldon)",
      "SIE 2 (periodsaldon)",
      "SIE 3 (objektsaldon)",
      "SIE 4E (verifikationer)",
      "SIE 4I (verifikationer)"
    ]);
    const balances = [...stdout.matchAll(/ {2}Saldon: (\d+) lästa, (\d+) behållna, (\d+) avvisade/g)].map((m) => m[1]);
    // 17 #IB/#UB/#RES, then three #PSALDO, then two #OIB/#OUB.
    expect(balances).toEqual(["17", "20", "22", "17", "0"]);
    expect(stdout).toContain("  Räkenskapsår: 0: 2024-01-01–2024-12-31, -1: 2023-01-01–2023-12-31\n");
    expect(stdout).toContain("  Verifikationer: 4 lästa, 4 behållna, 0 avvisade\n");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(
      "Kontrollerade 5 filer: 5 utan problem, 0 med problem (0 fel, 0 varningar)."
    );
  });

  it("läser CSV-huvudbok, budget i JSON och CSV, PX och JSON-stat", async () => {
    const {code, stdout} = await run(
      "kontrollera",
      "test/fixtures/csv/huvudbok-sv-cp1252.csv",
      "test/fixtures/budget/revisioner-2023.json",
      "test/fixtures/budget/fel-2023.csv",
      "test/fixtures/scb/PxWeb_example_BE0101D1_kommun.px",
      "test/fixtures/scb/rOpenGov_pxweb_v2_TAB638_data_jsonstat2.json",
      "test/fixtures/scb/derived_BE0101D1_wide_sv.csv"
    );
    expect(code).toBe(1);
    const blocks = stdout.split("\n\n");
    expect(blocks[0]).toBe(
      [
        "test/fixtures/csv/huvudbok-sv-cp1252.csv",
        "  Typ: CSV-huvudbok",
        "  Teckenkodning: Windows-1252",
        "  År (verifikationsdatum): 2023",
        "  Verifikationer: 5 lästa, 5 behållna, 0 avvisade",
        "  Rader: 11 lästa, 11 behållna, 0 avvisade",
        "  Inga anmärkningar"
      ].join("\n")
    );
    expect(blocks[1]).toBe(
      [
        "test/fixtures/budget/revisioner-2023.json",
        "  Typ: budget (JSON)",
        "  Teckenkodning: UTF-8",
        "  Budgetår: 2023",
        "  Budgetrader: 4 lästa, 3 behållna, 1 avvisade",
        '  rad 7: fel: Beloppet "x" för projekt 36000 är inte ett tal'
      ].join("\n")
    );
    expect(blocks[2]).toMatch(/^test\/fixtures\/budget\/fel-2023\.csv\n {2}Typ: budget \(CSV\)\n/);
    expect(blocks[3]).toMatch(/^test\/fixtures\/scb\/PxWeb_example_BE0101D1_kommun\.px\n {2}Typ: SCB-tabell \(PX\)\n/);
    expect(blocks[4]).toMatch(
      /^test\/fixtures\/scb\/rOpenGov_pxweb_v2_TAB638_data_jsonstat2\.json\n {2}Typ: SCB-tabell \(JSON-stat 2\)\n/
    );
    expect(blocks[5]).toMatch(/^test\/fixtures\/scb\/derived_BE0101D1_wide_sv\.csv\n {2}Typ: SCB-tabell \(CSV\)\n/);
    expect(blocks[3]).toContain("  Celler: 46176 lästa, 46176 behållna, 0 avvisade\n");
    expect(blocks[4]).toContain("  Celler: 1 lästa, 1 behållna, 0 avvisade\n  Inga anmärkningar");
  });

  it("en fil som saknas, en mapp-länk och en okänd filtyp kan inte läsas: slutkod 2", async () => {
    const unknown = join(tmp, "anteckning.md");
    writeFileSync(unknown, "Det här är ingen huvudbok.\n");
    symlinkSync("/dev/null", join(tmp, "länk.se"));
    const {code, stdout} = await run("kontrollera", "finns-inte.se", unknown, join(tmp, "länk.se"));
    expect(code).toBe(2);
    expect(stdout).toContain("finns-inte.se\n  Kan inte läsas: filen eller mappen finns inte\n");
    expect(stdout).toContain(
      `${unknown}\n  Kan inte läsas: filtypen känns inte igen (varken SIE, CSV-huvudbok, budget, PX eller JSON-stat)\n`
    );
    expect(stdout).toContain(`${join(tmp, "länk.se")}\n  Kan inte läsas: är inte en vanlig fil\n`);
    expect(stdout).toContain(
      "Kontrollerade 3 filer: 0 utan problem, 0 med problem (0 fel, 0 varningar), 3 gick inte att läsa."
    );
  });

  it("en tom fil och en fil som inte är SIE är problem (slutkod 1), inte krascher", async () => {
    writeFileSync(join(tmp, "tom.se"), "");
    writeFileSync(join(tmp, "text.se"), "#Hej, det här är en anteckning\n");
    const {code, stdout} = await run("kontrollera", join(tmp, "tom.se"), join(tmp, "text.se"));
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(tmp, "tom.se")}\n  Typ: tom fil\n  hela filen: fel: Filen är tom\n`);
    // The SIE reader's own message says that the file holds no SIE records.
    expect(stdout).toMatch(/text\.se\n {2}Typ: SIE \(#SIETYP saknas\)\n[^]*\n {2}hela filen: fel: .*SIE/);
  });

  it("följer inte en länk tillbaka till en mapp ovanför", async () => {
    const dir = join(tmp, "slinga");
    mkdirSync(join(dir, "under"), {recursive: true});
    writeFileSync(join(dir, "under", "a.se"), readFileSync(join(root, fixture("forbund-2024.si"))));
    symlinkSync(dir, join(dir, "under", "tillbaka"));
    const {code, stdout} = await run("kontrollera", dir);
    expect(code).toBe(0);
    expect(stdout.match(/^\S.*a\.se$/gm)).toEqual([join(dir, "under", "a.se")]);
  });

  it("går igenom en mapp och hoppar över filer av okänd typ", async () => {
    const {code, stdout} = await run("kontrollera", "test/fixtures/finsam");
    expect(code).toBe(0);
    expect(stdout.match(/^test\/fixtures\/finsam\/\S+$/gm)).toEqual(
      readdirSync(join(root, "test/fixtures/finsam"))
        .sort()
        .map((f) => `test/fixtures/finsam/${f}`)
    );
  });
});

describe("finsam saldobalans", () => {
  const table = [
    "Saldobalans för Testförbundet (222000-0001)",
    "Räkenskapsår 0: 2024-01-01–2024-12-31",
    "Fil: test/fixtures/finsam/forbund-2024.se (SIE 4E, 4 verifikationer under året)",
    "",
    "Konto  Benämning                   Ingående balans   Förändring  Utgående balans",
    "-----  --------------------------  ---------------  -----------  ---------------",
    "1930   Bank                           1 234 567,50    98 765,50     1 333 333,00",
    "2091   Balanserat resultat           -1 000 000,00         0,00    -1 000 000,00",
    "2440   Leverantörsskulder              -234 567,50    49 999,75      -184 567,75",
    "3110   Driftbidrag från staten                0,00  -600 000,00      -600 000,00",
    "4010   Finansierade insatser                  0,00   450 000,25       450 000,25",
    "6570   Bankkostnader                          0,00     1 234,50         1 234,50",
    "-----  --------------------------  ---------------  -----------  ---------------",
    "       Summa balanskonton (1–2)               0,00   148 765,25       148 765,25",
    "       Summa resultatkonton (3–8)             0,00  -148 765,25      -148 765,25",
    "       Summa alla konton                      0,00         0,00             0,00",
    ""
  ].join("\n");

  it("skriver varje konto med IB, förändring och UB i kronor med två decimaler, sedan summor", async () => {
    expect(await run("saldobalans", fixture("forbund-2024.se"))).toEqual({code: 0, stdout: table, stderr: ""});
    // The UB column equals the file's own #UB 0 and the result accounts its #RES 0.
    expect(await run("saldobalans", fixture("forbund-2024.se"), "--ar=0")).toEqual({
      code: 0,
      stdout: table,
      stderr: ""
    });
  });

  it("summerar en stor huvudbok direkt ur bytes, med samma saldon som huvudboken själv och som hel läsning", async () => {
    const ledger = syntheticLedger(3_000);
    const path = join(tmp, "genererad-2024.se");
    writeFileSync(path, writeSie(ledger));
    const {code, stdout, stderr} = await run("saldobalans", path);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout.split("\n")[2]).toBe(`Fil: ${path} (SIE 4E, 3000 verifikationer under året)`);
    const balances = accountBalances(ledger, 0);
    for (const b of balances) expect(finsamBalanceOf(stdout, b.account)).toBe(journalAmount(b.opening + b.movement));
    expect(stdout.split("\n").filter((l) => /^\d{4} /.test(l))).toHaveLength(balances.length);
    // One unbalanced voucher: read in full, so the file is named with the reader's count of errors and exit 1.
    const lines = Buffer.from(writeSie(ledger)).toString("latin1").split("\n");
    const row = lines.findIndex((l) => l.startsWith("#VER")) + 2;
    lines[row] = lines[row].replace(/\} -?\d+(\.\d+)?/, "} 0.01");
    const broken = lines.join("\n");
    writeFileSync(path, Buffer.from(broken, "latin1"));
    const bad = await run("saldobalans", path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `Obs: 1 fel i filen; avvisade verifikationer ingår inte i saldona. Kör finsam kontrollera ${path} för detaljer.\n`
    );
  });

  it("--ar -1 ger föregående år ur #IB, #UB och #RES", async () => {
    const {code, stdout} = await run("saldobalans", fixture("forbund-2024.se"), "--ar", "-1");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[1]).toBe("Räkenskapsår -1: 2023-01-01–2023-12-31");
    expect(lines.slice(6, 11)).toEqual([
      "1930   Bank                           1 000 000,00   234 567,50     1 234 567,50",
      "2091   Balanserat resultat             -900 000,00         0,00      -900 000,00",
      "2440   Leverantörsskulder              -100 000,00  -134 567,50      -234 567,50",
      "3110   Driftbidrag från staten                0,00  -500 000,00      -500 000,00",
      "4010   Finansierade insatser                  0,00   400 000,00       400 000,00"
    ]);
    const missing = await run("saldobalans", fixture("forbund-2024.se"), "--ar", "-2");
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: "finsam: test/fixtures/finsam/forbund-2024.se: räkenskapsår -2 finns inte i filen (finns: 0, -1)\n"
    });
  });

  it("--csv ger CSV för svenskt Excel: BOM, semikolon, decimalkomma, CRLF", async () => {
    const {code, stdout} = await run("saldobalans", fixture("forbund-2024.se"), "--csv");
    expect(code).toBe(0);
    expect(stdout).toBe(
      "\ufeff" +
        [
          "Konto;Benämning;Ingående balans;Förändring;Utgående balans",
          "1930;Bank;1234567,50;98765,50;1333333",
          "2091;Balanserat resultat;-1000000;0;-1000000",
          "2440;Leverantörsskulder;-234567,50;49999,75;-184567,75",
          "3110;Driftbidrag från staten;0;-600000;-600000",
          "4010;Finansierade insatser;0;450000,25;450000,25",
          "6570;Bankkostnader;0;1234,50;1234,50",
          ";Summa balanskonton (1–2);0;148765,25;148765,25",
          ";Summa resultatkonton (3–8);0;-148765,25;-148765,25",
          ";Summa alla konton;0;0;0",
          ""
        ].join("\r\n")
    );
  });

  it("SIE 2 utan verifikationer ger samma saldon ur #IB, #UB och #RES", async () => {
    const {stdout} = await run("saldobalans", fixture("forbund-2024-sie2.se"));
    expect(stdout.split("\n").slice(3)).toEqual(table.split("\n").slice(3));
  });

  it("en CSV-huvudbok ger saldon ur alla verifikationer, utan ingående balans", async () => {
    const {code, stdout} = await run("saldobalans", "test/fixtures/csv/huvudbok-sv-cp1252.csv");
    expect(code).toBe(0);
    expect(stdout).toContain("\n1930                                          0,00   1 420 973,16     1 420 973,16\n");
    expect(stdout).toContain("\n       Summa alla konton                      0,00           0,00             0,00\n");
  });

  it("en fil med avvisade verifikationer ger saldona, en rad om felen och slutkod 1", async () => {
    const {code, stdout, stderr} = await run("saldobalans", "test/fixtures/bad/sie-unbalanced.se");
    expect(code).toBe(1);
    expect(stdout).toContain("\n1930   Företagskonto                          0,00    4 950,00         4 950,00\n");
    expect(stderr).toBe(
      "Obs: 1 fel i filen; avvisade verifikationer ingår inte i saldona. " +
        "Kör finsam kontrollera test/fixtures/bad/sie-unbalanced.se för detaljer.\n"
    );
  });
});

describe("finsam som kompilerat kommando (bin/finsam.js)", () => {
  it("är vanlig JavaScript utan tsx och ger samma saldobalans", () => {
    const source = readFileSync(bin, "utf8");
    expect(source.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(source).not.toMatch(/from ["']tsx|require\(["']tsx/);
    const {code, stdout} = runBin("saldobalans", fixture("forbund-2024.se"));
    expect(code).toBe(0);
    expect(stdout).toContain("1930   Bank                           1 234 567,50    98 765,50     1 333 333,00\n");
  });

  it("npx finsam kör det utan registret: tom npm-cache och ett register som inte svarar", () => {
    const result = spawnSync("npx", ["finsam", "--help"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      env: {...process.env, npm_config_cache: join(tmp, "npm-cache"), npm_config_registry: "http://127.0.0.1:9/"}
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Användning:\n/);
  }, 130_000);

  it("varje fil i test/fixtures/bad/ ger slutkod 0, 1 eller 2 och ingen stackspårning", () => {
    const dir = join(root, "test/fixtures/bad");
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const args of [
        ["kontrollera", file],
        ["saldobalans", file]
      ]) {
        const {
          status: code,
          stdout,
          stderr
        } = spawnSync(process.execPath, [bin, ...args], {cwd: dir, encoding: "utf8"});
        expect([0, 1, 2], `${args.join(" ")}: slutkod ${code}`).toContain(code);
        expect(stderr, `${args.join(" ")}`).not.toMatch(/\n\s+at |Error:|node:internal/);
        if (args[0] === "kontrollera") expect(stdout).toContain(`${file}\n`);
      }
    }
    const all = runBin("kontrollera", "test/fixtures/bad");
    expect(all.code).toBe(1);
    expect(all.stderr).toBe("");
  }, 120_000);

  it("kontrollera på test/fixtures/bad ger samma anmärkningar som test/fixtures/bad/expected.json", () => {
    const expected = JSON.parse(readFileSync(join(root, "test/fixtures/bad/expected.json"), "utf8")) as {
      file: string;
      reader: string;
      diagnostics: {line: number; severity: string; message: string}[];
    }[];
    const {stdout} = runBin("kontrollera", "test/fixtures/bad");
    const severity: Record<string, string> = {error: "fel", warning: "varning", info: "info"};
    // Files that generate.ts writes only when asked (the large ones) are not in the folder; readers other than
    // these four (a registry, say) are not what kontrollera reads.
    const readers = new Set(["sie", "csv-ledger", "px", "jsonstat"]);
    const present = expected.filter(
      (e) => readers.has(e.reader) && existsSync(join(root, "test/fixtures/bad", e.file))
    );
    expect(present.length).toBeGreaterThan(10);
    for (const entry of present) {
      const block = stdout.split("\n\n").find((b) => b.startsWith(`test/fixtures/bad/${entry.file}\n`));
      expect(block, entry.file).toBeDefined();
      for (const d of entry.diagnostics) {
        const where = d.line > 0 ? `rad ${d.line}` : "hela filen";
        expect(block).toContain(`  ${where}: ${severity[d.severity]}: ${d.message.replace(`Rad ${d.line}: `, "")}`);
      }
    }
  });
});

describe("filtyp (scripts/finsam/detect.ts)", () => {
  const kind = (text: string, path: string) => detectKind(new TextEncoder().encode(text), path);

  it("avgör typen av innehållet och, där det säger lite, av filändelsen", () => {
    expect(kind("#FLAGGA 0\n#SIETYP 4\n", "export.txt")).toBe("sie");
    expect(kind("#Anteckning\n", "export.se")).toBe("sie");
    expect(kind('{"forbund": "x", "year": 2024, "revisions": []}', "b.json")).toBe("budget-json");
    expect(kind('{"class": "dataset", "id": [], "size": []}', "t.json")).toBe("jsonstat");
    expect(kind('{"columns": [], "data": []}', "t.json")).toBe("pxweb-json");
    // A published report has "value" fields but is no statistical cube.
    expect(kind('{"forbund": "x", "figures": [{"value": 1}]}', "rapport.json")).toBe("unknown");
    expect(kind('CHARSET="ANSI";\nMATRIX="BE0101";\n', "tabell.txt")).toBe("px");
    expect(kind("år;revision;datum;projekt;belopp\n", "budget.csv")).toBe("budget-csv");
    expect(kind("Datum;Ver.nr;Konto;Belopp\n", "huvudbok.txt")).toBe("csv-ledger");
    expect(kind('"region";"kön";"2002"\n', "scb.csv")).toBe("scb-csv");
    expect(kind("a;b\n1;2\n", "okand.csv")).toBe("csv-ledger");
    expect(kind("Förvaltningsberättelse\nÅret har präglats av …\n", "rapport.txt")).toBe("unknown");
    expect(kind(" \r\n\t", "tom.se")).toBe("empty");
  });
});

describe("bench: finsam mot ledger och hledger (bench/journals.ts)", () => {
  it("läser kontots UB ur finsams saldobalans och jämför mot målen", async () => {
    const {stdout} = await run("saldobalans", fixture("forbund-2024.se"));
    expect(finsamBalanceOf(stdout, "1930")).toBe("1333333.00");
    expect(finsamBalanceOf(stdout, "2091")).toBe("-1000000.00");
    expect(finsamBalanceOf(stdout, "9999")).toBeUndefined();
    expect(verdict("ledger", 3.25, 2.5)).toBe(
      "ledger/finsam: 3,3× i vägg (uppnått), 2,5× i CPU (missat med 17 %); mål ≥ 3×"
    );
    expect(verdict("hledger", 25, 20)).toBe("hledger/finsam: 25,0× i vägg (uppnått), 20,0× i CPU (uppnått); mål ≥ 20×");
  });
});
