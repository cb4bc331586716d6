import {readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {syntheticSie} from "../bench/ledger.js";
import {balanceOf} from "../bench/journals.js";
import {journalAmount, writeJournal} from "../bench/journal.js";
import {syntheticLedger} from "../bench/ledger.js";
import {readSie, readSieStream} from "../loaders/sie/index.js";
import {encodeCp437} from "../loaders/sie/encoding.js";

const DIR = new URL("./fixtures/sie/", import.meta.url);

/** The bytes in chunks of a fixed size, as a file stream would give them. */
function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("readSieStream", () => {
  const files = readdirSync(DIR).filter((f) => /\.(se|si|sie)$/i.test(f));

  it.each(files)("reads %s in any chunking exactly as readSie reads it whole", async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, DIR)));
    const whole = readSie(bytes, name);
    for (const size of [1, 7, 4096, bytes.length])
      expect(await readSieStream(chunks(bytes, size), name)).toEqual(whole);
  });

  it("reads a generated ledger, lines split across chunks, and hands vouchers to onVoucher", async () => {
    const bytes = syntheticSie(300);
    const whole = readSie(bytes, "s.se");
    expect(await readSieStream(chunks(bytes, 333), "s.se")).toEqual(whole);
    const seen: string[] = [];
    const streamed = await readSieStream(chunks(bytes, 1000), "s.se", (v) => seen.push(`${v.series}${v.number}`));
    expect(seen).toEqual(whole.ledger.vouchers.map((v) => `${v.series}${v.number}`));
    expect(streamed.ledger.vouchers).toEqual([]);
    expect(streamed.counts).toEqual(whole.counts);
  });

  it("reads UTF-8 lines in a CP437 file as readSie does, if reporting them last", async () => {
    const bytes = new Uint8Array([
      ...encodeCp437('#FORMAT PC8\n#SIETYP 4\n#FNAMN "Västerås AB"\n'),
      ...new TextEncoder().encode('#KONTO 1930 "Företagskonto"\n')
    ]);
    const whole = readSie(bytes, "m.se");
    const streamed = await readSieStream(chunks(bytes, 5), "m.se");
    expect(streamed.ledger).toEqual(whole.ledger);
    expect(streamed.ledger.accounts[0].name).toBe("Företagskonto");
    expect(new Set(streamed.diagnostics.map((d) => d.message))).toEqual(
      new Set(whole.diagnostics.map((d) => d.message))
    );
  });
});

describe("journals", () => {
  it("write amounts with two decimals and find an account's total in a balance report", () => {
    expect(journalAmount(-123456n)).toBe("-1234.56");
    expect(journalAmount(5n)).toBe("0.05");
    expect(balanceOf("     47098020.65 SEK  1930 Företagskonto / bank\n", "1930")).toBe("47098020.65");
  });

  it("write every voucher with its postings and tags", () => {
    const ledger = syntheticLedger(20);
    const text = writeJournal(ledger, "hledger");
    expect(text.match(/^\d{4}-\d\d-\d\d /gm)).toHaveLength(21);
    expect(text).toMatch(/^ {4}\d{4} [^\n]+ {2}-?\d+\.\d\d SEK {2}; kst:\d+/m);
    expect(writeJournal(ledger, "ledger")).toMatch(/\n {4}; kst: \d+\n/);
  });
});
