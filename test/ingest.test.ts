// The one-pass ingestion (loaders/ingest.ts): each input read once into every table, incrementally; the fiscal year
// from #RAR 0; bad files reported by name (and line) while the rest ingests; CSV exports as ledgers.
import {spawnSync} from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, describe, expect, it} from "vitest";
import {DataFolderMissing, ensureIngested, ingestDir} from "../loaders/ingest.js";
import type {IngestManifest} from "../loaders/ingest.js";
import {dataDir} from "../loaders/paths.js";
import {readSie} from "../loaders/sie/read.js";
import {readSieStream} from "../loaders/sie/stream.js";
import {readAccountBalances} from "../src/lib/account-balances.js";
import {accountBalances} from "../src/lib/balances.js";
import {ledgerCsv} from "./ledger-csv.js";

const root = new URL("..", import.meta.url).pathname;
const made: string[] = [];
afterAll(() => {
  for (const data of made) {
    rmSync(data, {recursive: true, force: true});
    rmSync(join(ingestDir("full", data), ".."), {recursive: true, force: true});
  }
});

/** A new data folder with the given SIE files of data/sie (and the embedded registry and mappings). */
function dataFolder(sie: string[]): string {
  const data = mkdtempSync(join(tmpdir(), "finsam-ingest-"));
  made.push(data);
  mkdirSync(join(data, "sie"));
  for (const f of sie) cpSync(dataDir("sie", f), join(data, "sie", f));
  cpSync(dataDir("mapping"), join(data, "mapping"), {recursive: true});
  cpSync(dataDir("forbund.json"), join(data, "forbund.json"));
  mkdirSync(join(data, "budgets"));
  return data;
}

const table = (m: IngestManifest, name: string) => readFileSync(join(m.dir, "tables", name));
const workspace = (m: IngestManifest) => JSON.parse(table(m, "workspace.json").toString());
const balancesOf = (m: IngestManifest) => readAccountBalances(new Uint8Array(table(m, "account-balances.arrows")));
const sieLedger = (file: string) => readSie(new Uint8Array(readFileSync(dataDir("sie", file))), file).ledger;

describe("ensureIngested", () => {
  it("reads an unchanged file once: a second call ingests nothing, and a changed file alone is read again", () => {
    const data = dataFolder(["klaralvdalen-2022.se", "klaralvdalen-2023.se"]);
    const first = ensureIngested("full", data);
    const manifestTime = statSync(join(first.dir, "manifest.json")).mtimeMs;
    const cached = (m: IngestManifest, file: string) =>
      join(
        m.dir,
        "files",
        `${m.partitions
          .find((p) => p.file === file)!
          .arrows.split("/")
          .at(-1)!
          .replace(/\.arrows$/, ".json")}`
      );
    const time2022 = statSync(cached(first, "klaralvdalen-2022.se")).mtimeMs;
    const again = ensureIngested("full", data);
    expect(again).toEqual(first);
    expect(statSync(join(first.dir, "manifest.json")).mtimeMs).toBe(manifestTime);
    // One byte more in the 2023 file (a comment line) re-runs the ingestion, but the 2022 file's results are reused.
    writeFileSync(
      join(data, "sie/klaralvdalen-2023.se"),
      Buffer.concat([readFileSync(dataDir("sie/klaralvdalen-2023.se")), Buffer.from("\r\n")])
    );
    const changed = ensureIngested("full", data);
    expect(changed.key).not.toBe(first.key);
    expect(statSync(cached(changed, "klaralvdalen-2022.se")).mtimeMs).toBe(time2022);
    expect(balancesOf(changed).balancesFor("klaralvdalen", 2023)).toEqual(
      balancesOf(first).balancesFor("klaralvdalen", 2023)
    );
  });

  it("keeps profiles apart: the lsg cache holds no voucher partition", () => {
    const data = dataFolder(["klaralvdalen-2023.se"]);
    const lsg = ensureIngested("lsg", data);
    expect(lsg.partitions).toEqual([]);
    expect(lsg.dir).not.toBe(ensureIngested("full", data).dir);
    expect(readFileSync(join(lsg.dir, "tables/workspace.json"), "utf-8")).not.toContain("Medlemsbidrag");
  });

  it("refuses a data folder that does not exist", () => {
    const missing = join(tmpdir(), "finsam-finns-inte");
    expect(() => ensureIngested("full", missing)).toThrow(DataFolderMissing);
    expect(() => ensureIngested("full", missing)).toThrow(
      `Datamappen ${missing} finns inte (FINSAM_DATA); välj en mapp som finns.`
    );
  });
});

describe("the build", () => {
  it("stops with exit code 2 and a Swedish message when FINSAM_DATA does not exist, building nothing", () => {
    const missing = join(tmpdir(), "finsam-finns-inte-heller");
    const out = join(mkdtempSync(join(tmpdir(), "finsam-ingest-out-")), "site");
    made.push(join(out, ".."));
    const build = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/build.ts", "--out", out], {
      cwd: root,
      env: {...process.env, FINSAM_DATA: missing},
      encoding: "utf-8"
    });
    expect(build.status).toBe(2);
    expect(build.stderr).toContain(`Datamappen ${missing} finns inte (FINSAM_DATA); välj en mapp som finns.`);
    expect(existsSync(join(out, "index.html"))).toBe(false);
  }, 900_000);
});

describe("the fiscal year comes from #RAR 0", () => {
  it("a misnamed file gives balances and partition under its #RAR year, with a warning naming the file", () => {
    const data = dataFolder([]);
    cpSync(dataDir("sie/klaralvdalen-2023.se"), join(data, "sie/klaralvdalen-2021.se"));
    const m = ensureIngested("full", data);
    expect(balancesOf(m).years()).toEqual([{forbund: "klaralvdalen", year: 2023}]);
    expect(m.partitions.map((p) => [p.file, p.forbund, p.year])).toEqual([
      ["klaralvdalen-2021.se", "klaralvdalen", 2023]
    ]);
    const ledger = workspace(m).ledgers[0];
    expect(ledger.year).toBe(2023);
    expect(ledger.diagnostics[0]).toEqual({
      file: "klaralvdalen-2021.se",
      line: 0,
      severity: "warning",
      message:
        "Filnamnet anger året 2021 men #RAR 0 anger räkenskapsåret 2023-01-01–2023-12-31; året tas från #RAR 0 (byt gärna namn på filen)"
    });
    // The partition's rows sum, per account, to the balances' movements: both are the 2023 ledger.
    const rows = tableFromIPC(readFileSync(m.partitions[0].arrows));
    const sums = new Map<string, bigint>();
    for (const r of rows) sums.set(r.account, (sums.get(r.account) ?? 0n) + r.amount_ore);
    for (const b of balancesOf(m).balancesFor("klaralvdalen", 2023)) expect(sums.get(b.account) ?? 0n).toBe(b.movement);
    expect(balancesOf(m).balancesFor("klaralvdalen", 2023)).toEqual(accountBalances(sieLedger("klaralvdalen-2023.se")));
  });
});

describe("bad input files", () => {
  const sie = (rar: string) =>
    `#FLAGGA 0\n#SIETYP 4\n${rar}\n#KONTO 1930 "Bank"\n#KONTO 3010 "Bidrag"\n#VER A 1 20230105 "Bidrag"\n{\n#TRANS 1930 {} 100.00\n#TRANS 3010 {} -100.00\n}\n`;
  const good = ["falun-borlange-2022.se", "falun-borlange-2023.se"];
  const bad = dataFolder(good);
  const s = (f: string) => join(bad, "sie", f);
  writeFileSync(s("utan-rar-2023.se"), sie(""));
  writeFileSync(s("trasig-rar-2023.se"), sie("#RAR 0 2023xx01 20231231"));
  writeFileSync(s("omvand-rar-2023.se"), sie("#RAR 0 20231231 20230101"));
  writeFileSync(s("tom-2023.se"), "");
  writeFileSync(s("inte-sie-2023.se"), "Det här är ett brev, ingen huvudbok.\n");
  symlinkSync(join(bad, "mapping"), s("mapp-2023.se"));
  symlinkSync(join(bad, "finns-inte.se"), s("saknas-2023.se"));
  symlinkSync(dataDir("sie/klaralvdalen-2023.se"), s("utanfor-2023.se"));
  for (const name of ["med mellanslag-2023.se", "hash#-2023.se", "procent%-2023.se", "..-2023.se", "a..b-2023.se"])
    writeFileSync(s(name), sie("#RAR 0 20230101 20231231"));
  cpSync(dataDir("published"), join(bad, "published"), {recursive: true});
  writeFileSync(join(bad, "forbund.json"), readFileSync(dataDir("forbund.json"), "utf-8").slice(0, 300));
  const budget = (revisions: string) => `{"forbund": "falun-borlange", "year": 2023, "revisions": ${revisions}}`;
  writeFileSync(join(bad, "budgets/falun-borlange-2023.json"), budget("{}"));
  writeFileSync(join(bad, "budgets/falun-borlange-2022.json"), budget("null"));
  writeFileSync(
    join(bad, "budgets/klaralvdalen-2023.json"),
    budget('[{"id": "B1", "date": "2023-01-01", "lines": [null]}]')
  );
  const m = ensureIngested("full", bad);
  const ws = workspace(m);
  const problem = (file: string) =>
    ws.problems.filter((d: {file: string}) => d.file === `sie/${file}`).map((d: {message: string}) => d.message);

  it("ingests the good förbund exactly as from a clean folder", () => {
    const clean = ensureIngested("full", dataFolder(good));
    expect(table(m, "account-balances.arrows").equals(table(clean, "account-balances.arrows"))).toBe(true);
    expect(table(m, "movements.arrows").equals(table(clean, "movements.arrows"))).toBe(true);
    expect(ws.ledgers.map((l: {file: string}) => l.file)).toEqual(good);
    expect(m.partitions.map((p) => p.file)).toEqual(good);
  });

  it("names each SIE file without a usable #RAR 0, and why", () => {
    expect(problem("utan-rar-2023.se")).toEqual([
      "#RAR 0 saknas eller kunde inte läsas, så räkenskapsåret är okänt; filen ingår inte i räkenskaperna",
      "#RAR 0 saknas: filen anger inte sitt räkenskapsår, så dess saldon och verifikationer kan inte knytas till något år"
    ]);
    expect(problem("trasig-rar-2023.se")[0]).toBe(
      "#RAR 0 saknas eller kunde inte läsas, så räkenskapsåret är okänt; filen ingår inte i räkenskaperna"
    );
    expect(problem("trasig-rar-2023.se").slice(1).join()).toContain("2023xx01");
    // The reader ignores a #RAR that ends before it starts, and says so on its line.
    expect(problem("omvand-rar-2023.se")).toEqual([
      "#RAR 0 saknas eller kunde inte läsas, så räkenskapsåret är okänt; filen ingår inte i räkenskaperna",
      "#RAR 0 ignoreras: slutdatumet 2023-01-01 ligger före startdatumet 2023-12-31"
    ]);
    expect(problem("inte-sie-2023.se")).toContain(
      "Filen har inga kända SIE-poster: är det en SIE-fil? (1 rad utan en enda känd #etikett)"
    );
  });

  it("names empty files, symlinks to something else, and names the site cannot carry", () => {
    expect(problem("tom-2023.se")).toEqual(["Filen är tom och hoppas över"]);
    expect(problem("mapp-2023.se")).toEqual(["Filen är en symbolisk länk till en mapp, inte en fil, och hoppas över"]);
    expect(problem("saknas-2023.se")).toEqual(["Filen är en symbolisk länk till något som inte finns och hoppas över"]);
    expect(problem("utanfor-2023.se")).toEqual([
      `Filen är en symbolisk länk till ${dataDir("sie/klaralvdalen-2023.se")}, som ligger utanför datamappen, och hoppas över`
    ]);
    for (const name of ["med mellanslag-2023.se", "hash#-2023.se", "procent%-2023.se", "..-2023.se", "a..b-2023.se"])
      expect(problem(name), name).toEqual([
        "Filnamnet kan inte användas: förbundets id före -<år> får bara innehålla a–z, 0–9 och bindestreck " +
          "(t.ex. sodra-dalarna-2023.se), inte mellanslag, #, %, .. eller å, ä, ö. Filen hoppas över"
      ]);
  });

  it("names the truncated forbund.json with the line where it ends", () => {
    const [d] = ws.problems.filter((d: {file: string}) => d.file === "forbund.json");
    expect(d.severity).toBe("error");
    expect(d.line).toBe(readFileSync(join(bad, "forbund.json"), "utf-8").split("\n").length);
    expect(d.message).toMatch(/^Ogiltig JSON: .*; förbundens namn och medlemmar saknas därför$/);
    expect(ws.registry).toEqual({forbund: []});
  });

  it("names budget files of the wrong shape, and builds the budgets of the rest", () => {
    const messages = Object.fromEntries(
      ws.budgets.map((b: {file: string; diagnostics: {message: string}[]}) => [
        b.file,
        b.diagnostics.map((d) => d.message)
      ])
    );
    expect(messages).toEqual({
      "falun-borlange-2022.json": ['"revisions" ska vara en lista av revisioner men är null; inget har lästs in'],
      "falun-borlange-2023.json": ['"revisions" ska vara en lista av revisioner men är ett objekt; inget har lästs in'],
      "klaralvdalen-2023.json": ["Rad 1 i revision B1 är null, inte en budgetrad"]
    });
  });

  it("reports every problem in the manifest the build prints", () => {
    const files = new Set(m.problems.map((d) => d.file));
    const expected = ["sie/utan-rar-2023.se", "sie/tom-2023.se", "sie/mapp-2023.se", "sie/hash#-2023.se"];
    for (const f of [...expected, "forbund.json", "falun-borlange-2023.json"]) expect(files.has(f), f).toBe(true);
  });
});

describe("a streamed read (files of 32 MB or more)", () => {
  it("keeps no voucher, yet still rejects a copied voucher and keeps one that only shares its number", async () => {
    const voucher = (number: string, amount: string) =>
      `#VER A ${number} 20230105 "Bidrag"\n{\n#TRANS 1930 {} ${amount}\n#TRANS 3010 {} -${amount}\n}\n`;
    const text =
      '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20230101 20231231\n#KONTO 1930 "Bank"\n#KONTO 3010 "Bidrag"\n' +
      voucher("1", "100.00") +
      voucher("2", "5.00") +
      voucher("1", "100.00") +
      voucher("2", "7.00");
    const kept: string[] = [];
    const result = await readSieStream([new TextEncoder().encode(text)], "strom-2023.se", (v) =>
      kept.push(`${v.number}:${v.transactions[0].amount}`)
    );
    expect(kept).toEqual(["1:10000", "2:500", "2:700"]);
    expect(result.ledger.vouchers).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      "16: Verifikation A 1 avvisas: den är en kopia av verifikationen på rad 6 (samma nummer, datum och rader)",
      "21: Verifikationsnumret A 2 används redan på rad 11 av en verifikation med andra rader; båda behålls"
    ]);
  });
});

describe("CSV ledgers", () => {
  it("a CSV export of an embedded ledger gives the same tables and partition as its SIE file", () => {
    const file = "klaralvdalen-2023.se";
    const fromSie = ensureIngested("full", dataFolder([file]));
    const data = dataFolder([]);
    writeFileSync(join(data, "sie/klaralvdalen-2023.csv"), ledgerCsv(sieLedger(file)));
    const fromCsv = ensureIngested("full", data);
    const ws = workspace(fromCsv);
    expect(
      ws.ledgers.map((l: {file: string; year: number; diagnostics: unknown[]}) => [l.file, l.year, l.diagnostics])
    ).toEqual([["klaralvdalen-2023.csv", 2023, []]]);
    expect(balancesOf(fromCsv).balancesFor("klaralvdalen", 2023)).toEqual(
      balancesOf(fromSie).balancesFor("klaralvdalen", 2023)
    );
    expect(table(fromCsv, "movements.arrows").equals(table(fromSie, "movements.arrows"))).toBe(true);
    expect(readFileSync(fromCsv.partitions[0].arrows).equals(readFileSync(fromSie.partitions[0].arrows))).toBe(true);
    expect(fromCsv.partitions.map((p) => [p.forbund, p.year])).toEqual([["klaralvdalen", 2023]]);
  });
});
