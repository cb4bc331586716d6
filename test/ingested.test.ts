// What the one ingestion pass wrote of the ledgers, read back for tools (loaders/ingested.ts): the voucher texts of
// the LSG build's leak guard and the ledger comparisons of npm run check, both without reading a ledger again.
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ensureIngested, ingestDir} from "../loaders/ingest.js";
import {ledgerComparisons, voucherTexts} from "../loaders/ingested.js";
import {VOUCHER_TEXTS_FILE} from "../loaders/ledger-tables.js";
import {dataDir} from "../loaders/paths.js";
import {compareLedgerYear} from "../loaders/reconstruct/verify.js";
import {readSie} from "../loaders/sie/read.js";
import {readPlanFile} from "../loaders/plan.js";
import {combineMappings} from "../src/lib/mapping.js";
import {planFromJson} from "../src/lib/projection.js";
import type {PublishedReport} from "../src/lib/published.js";

const data = mkdtempSync(join(tmpdir(), "finsam-ingested-"));
const files = ["klaralvdalen-2022.se", "klaralvdalen-2023.se"];
mkdirSync(join(data, "sie"));
for (const f of files) cpSync(dataDir("sie", f), join(data, "sie", f));
for (const f of ["mapping", "published", "forbund.json"]) cpSync(dataDir(f), join(data, f), {recursive: true});
mkdirSync(join(data, "budgets"));
// One plan as transcribed, and one whose first history year lacks årets resultat.
mkdirSync(join(data, "plans"));
cpSync(dataDir("plans", "sodra-dalarna.json"), join(data, "plans", "sodra-dalarna.json"));
const broken = JSON.parse(readFileSync(dataDir("plans", "klaralvdalen.json"), "utf-8"));
delete broken.history[0].result;
writeFileSync(join(data, "plans", "klaralvdalen.json"), JSON.stringify(broken));
afterAll(() => {
  rmSync(data, {recursive: true, force: true});
  rmSync(join(ingestDir("full", data), ".."), {recursive: true, force: true});
});

const ledger = (file: string) => readSie(new Uint8Array(readFileSync(join(data, "sie", file))), file).ledger;

describe("voucherTexts", () => {
  it("lists every voucher and row text of 8 characters or more, each once, as the SIE reader reads them", () => {
    const expected = new Set<string>();
    for (const file of files)
      for (const v of ledger(file).vouchers)
        if (v.transactions.some((t) => t.kind === "trans"))
          for (const t of [v.text, ...v.transactions.filter((t) => t.kind === "trans").map((t) => t.text)])
            if (t && t.length >= 8) expected.add(t);
    const texts = voucherTexts(data, "full");
    expect(texts.length).toBe(expected.size);
    expect(new Set(texts)).toEqual(expected);
    expect(voucherTexts(data, "full", 20).every((t) => t.length >= 20)).toBe(true);
  });

  it("comes from the ingestion's own file, not from a second read of the ledgers", () => {
    const manifest = ensureIngested("full", data);
    const written = statSync(join(manifest.dir, VOUCHER_TEXTS_FILE)).mtimeMs;
    voucherTexts(data, "full");
    expect(statSync(join(manifest.dir, VOUCHER_TEXTS_FILE)).mtimeMs).toBe(written);
    expect(JSON.parse(readFileSync(join(manifest.dir, VOUCHER_TEXTS_FILE), "utf-8"))).toEqual(voucherTexts(data));
  });
});

describe("ledgerComparisons", () => {
  it("are the comparisons of each ledger year with the printed reports, as compareLedgerYear makes them", () => {
    const mapping = combineMappings(
      JSON.parse(readFileSync(join(data, "mapping", "klaralvdalen.json"), "utf-8")),
      JSON.parse(readFileSync(join(data, "mapping", "bas.json"), "utf-8"))
    );
    const own = JSON.parse(readFileSync(join(data, "mapping", "klaralvdalen.json"), "utf-8"));
    const report = JSON.parse(readFileSync(join(data, "published", "klaralvdalen.json"), "utf-8")) as PublishedReport;
    const [y2022, y2023] = files.map(ledger);
    const expected = [
      ...compareLedgerYear(y2022, undefined, mapping, own, [report], null).comparisons,
      ...compareLedgerYear(y2023, y2022, mapping, own, [report], null).comparisons
    ];
    const comparisons = ledgerComparisons(data, [report], "full");
    expect(comparisons.length).toBeGreaterThan(20);
    expect(comparisons).toEqual(expected);
    // The figures are the caller's own objects, as ledgerFindings matches them.
    expect(comparisons.every((c) => report.figures.includes(c.figure))).toBe(true);
    expect(comparisons.filter((c) => c.difference !== 0).length).toBe(
      expected.filter((c) => c.difference !== 0).length
    );
  });
});

describe("the plans the ingestion reads", () => {
  it("hands the pages each readable plan as read, and names a plan that cannot be read instead of failing", () => {
    const manifest = ensureIngested("full", data);
    const {plans, diagnostics} = JSON.parse(readFileSync(join(manifest.dir, "tables", "plans.json"), "utf-8"));
    expect(plans.map(planFromJson)).toEqual([
      readPlanFile(JSON.parse(readFileSync(dataDir("plans", "sodra-dalarna.json"), "utf-8")))
    ]);
    expect(diagnostics).toEqual([
      {
        file: "plans/klaralvdalen.json",
        line: 0,
        severity: "error",
        message: `klaralvdalen ${broken.history[0].year}: årets resultat saknas; filen hoppas över`
      }
    ]);
    expect(manifest.problems).toContainEqual(diagnostics[0]);
  });
});
