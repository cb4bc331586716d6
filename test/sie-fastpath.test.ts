// The fast path of the SIE reader (Reader.lineBytes, loaders/sie/scan.ts) must read every file exactly as the
// general path does: the same ledger, diagnostics and counts. Each file here is read both ways and compared, among
// them lines made to sit on the border between the two (escaped quotes, braces in texts, tabs, odd lists, amounts
// and dates of every spelling) and random lines built from such pieces. readSieSums, which sums vouchers straight
// from their bytes, must give what readSieStream with MovementSums gives for the same files.
import {readdirSync, readFileSync} from "node:fs";
import fc from "fast-check";
import {afterEach, describe, expect, it, vi} from "vitest";
import {syntheticSie} from "../bench/ledger.js";
import {encodeCp437, HighBytes} from "../loaders/sie/encoding.js";
import {Reader, readSie, type SieResult} from "../loaders/sie/read.js";
import {readSieStream} from "../loaders/sie/stream.js";
import {readSieSums, type MovementsByYear} from "../loaders/sie/sums.js";
import {accountBalances, MovementSums} from "../src/lib/balances.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);

function fixtureFiles(dir: string): {name: string; bytes: Uint8Array}[] {
  return readdirSync(new URL(`${dir}/`, FIXTURES))
    .filter((name) => /\.(se|si|sie)$/i.test(name))
    .sort()
    .map((name) => ({name, bytes: new Uint8Array(readFileSync(new URL(`${dir}/${name}`, FIXTURES)))}));
}

/** Reads bytes both ways, strict and not, and expects the same result; returns the fast path's non-strict result. */
function expectSameBothWays(bytes: Uint8Array, name: string): SieResult {
  let result: SieResult | undefined;
  for (const strict of [false, true]) {
    const fast = readSie(bytes, name, {strict});
    expect(fast).toStrictEqual(readSie(bytes, name, {strict, general: true}));
    result ??= fast;
  }
  return result!;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The text as each encoding a reader meets: CP437, UTF-8 with and without a BOM, ISO-8859-15, and with CRLF. */
function encodings(text: string): [string, Uint8Array][] {
  return [
    ["cp437", encodeCp437(text)],
    ["cp437 crlf", encodeCp437(text.replace(/\n/g, "\r\n"))],
    ["utf-8", utf8(text)],
    ["utf-8 bom", utf8(`\ufeff${text}`)],
    ["iso-8859-15", latin1(text)]
  ];
}

const HEADER = [
  "#FLAGGA 0",
  "#FORMAT PC8",
  "#SIETYP 4",
  '#FNAMN "Förbundet"',
  "#RAR 0 20240101 20241231",
  '#KONTO 1930 "Bank"',
  '#KONTO 3010 "Intäkter"',
  '#DIM 1 "Kostnadsställe"',
  '#OBJEKT 1 "A" "Avdelning A"'
].join("\n");

/** A file of the header and one voucher around the rows, with a balancing row so that good rows are kept. */
function voucherFile(rows: string[], ver = '#VER "A" "1" 20240105 "Försäljning"'): string {
  return `${HEADER}\n${ver}\n{\n${rows.join("\n")}\n#TRANS 3010 {} -100.00\n}\n`;
}

/** Rows on the border between the two paths; each is read in a voucher of its own. */
const ROWS = [
  "#TRANS 1930 {} 100.00",
  "#TRANS 1930 {} 100",
  "#TRANS 1930 {} 100.0",
  "#TRANS 1930 {} 99.5\n#TRANS 1930 {} 0.50",
  "#TRANS 1930 {} -100.00\n#TRANS 1930 {} 200",
  "#TRANS 1930 {} +100",
  "#TRANS 1930 {} .5",
  "#TRANS 1930 {} 100.",
  "#TRANS 1930 {} 100.001",
  "#TRANS 1930 {} 1,5",
  "#TRANS 1930 {} -",
  "#TRANS 1930 {} 00000000000100",
  "#TRANS 1930 {} 99999999999999.99",
  "#TRANS 1930 {} 9999999999999.99",
  '#TRANS 1930 {} "100.00"',
  '#TRANS "1930" {} 100',
  "#TRANS 1930 100",
  "#TRANS {} 100",
  '#TRANS "" {} 100',
  "#TRANS 1930 {}",
  "#TRANS 1930",
  '#TRANS 1930 {1 "A" 6 "P"} 100.00 20240105 "Text" 2',
  '#TRANS 1930 {1 "A"  6 "P" } 100 "" "Text"',
  "#TRANS 1930 {1 A 6 P} 100",
  "#TRANS 1930 { 1 A } 100",
  '#TRANS 1930 {1 "A" 6} 100',
  '#TRANS 1930 {1 "A\\"B"} 100',
  '#TRANS 1930 {1 "Å"} 100',
  '#TRANS 1930 {1 "A"}100',
  '#TRANS 1930 {1 "A"B} 100',
  "#TRANS 1930 {1 A{B} 100",
  "#TRANS 1930 {1 A 100",
  "#TRANS 1930 {} 100 20240105",
  "#TRANS 1930 {} 100 20240106",
  '#TRANS 1930 {} 100 "20240106"',
  "#TRANS 1930 {} 100 20240230",
  "#TRANS 1930 {} 100 2024010",
  "#TRANS 1930 {} 100 2024-01-06",
  '#TRANS 1930 {} 100 "" ""',
  '#TRANS 1930 {} 100 20240105 "Text med \\"citat\\", {klammer} och\ttab"',
  '#TRANS 1930 {} 100 20240105 "C:\\\\mapp\\fil"',
  '#TRANS 1930 {} 100 20240105 "Återföring" 1.5 "sign" extra',
  '#TRANS 1930 {} 100 20240105 "Lön" "ö"',
  "#TRANS 1930 {} 100 20240105 Återföring",
  '#TRANS 1930 {} 100 20240105 "oavslutad',
  '#TRANS 1930 {} 100 20240105 "a"b',
  '#TRANS 1930 {} 100 {} "Text"',
  '#TRANS 1930 {} 100 20240105 {} "Text"',
  "#TRANS 1930 {}100",
  "#TRANS 1930 {} 100 }",
  "#TRANS 1930 {} 100 {",
  "\t#TRANS\t1930\t{}\t100\t",
  "  #TRANS  1930  {}  100  ",
  "#TRANS 1930 {} 100\u000b",
  "#TRANS\u00a01930 {} 100",
  "#trans 1930 {} 100",
  "#TRANS 1930 {} 100 20240105 \u00a0",
  "#RTRANS 1930 {} 100\n#TRANS 1930 {} 100\n#TRANS 1930 {} -100",
  "#RTRANS 1930 {} 100\n#TRANS 1930 {} 50\n#TRANS 1930 {} 50",
  "#BTRANS 1930 {} 100",
  "{ #TRANS 1930 {} 100",
  "{}",
  "  }  \n{",
  "",
  "\r",
  "#TRANS 1930 {} 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"
];

const VERS = [
  '#VER "A" "1" 20240105 "Text" 20240106 "sign"',
  "#VER A 1 20240105",
  '#VER A 1 20240105 ""',
  '#VER "" "" 20240105 ""',
  '#VER "A" "1" 2024-01-05 "Text"',
  '#VER "A" "1" 20240105 "Text" 20241301',
  '#VER "A" "1" 20240105 "Text" ""',
  '#VER "A" "1" 20240105 "Text" {',
  '#VER "A" "1" 20240105 "Text" {}',
  '#VER "A" "1" {} "Text"',
  '#VER "A" "1" 20240105 "Ä\\\\B \\"citat\\""',
  '#VER "A" "007" 20240105 "Text"',
  '#VER "Å" "ä1" 20240105 "Ö"',
  '#VER "A" "12345678" 20240105 "Text"',
  '#VER "A" "1"',
  "#VER"
];

/** Pieces of lines on the border between the paths, for random lines. */
const PIECES = [
  "#TRANS",
  "#VER",
  "#RTRANS",
  "#BTRANS",
  "#KONTO",
  "1930",
  "3010",
  '"1930"',
  "A",
  '"A"',
  "{}",
  '{1 "A"}',
  "{1 A 6 P}",
  "{1",
  "{",
  "}",
  '"',
  '\\"',
  "\\",
  '""',
  "100.00",
  "-100",
  "1.5",
  "0.001",
  "+1",
  "20240105",
  "20240231",
  '"20240106"',
  '"Text å"',
  "ö",
  "Ä",
  "\u00a0",
  "\u000b",
  "é"
];
const BLANKS = [" ", "  ", "\t", " \r", ""];

describe("the fast path of readSie", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(fixtureFiles("sie"))("reads $name as the general path does", ({name, bytes}) => {
    expectSameBothWays(bytes, name);
  });

  it.each([...fixtureFiles("bad"), ...fixtureFiles("bad-data/sie")])(
    "reads the bad input $name as the general path does",
    ({name, bytes}) => {
      expectSameBothWays(bytes, name);
    }
  );

  it("reads a generated ledger as the general path does, and its rows without decoding them", () => {
    const bytes = syntheticSie(500);
    const general = vi.spyOn(Reader.prototype, "line");
    const result = expectSameBothWays(bytes, "s.se");
    expect(result.counts.vouchers.kept).toBe(500);
    // Both ways read twice (strict and not): the general path had every line, the fast path only the header.
    const lines = result.ledger.vouchers.at(-1)!.transactions.at(-1)!.line + 1;
    expect(general.mock.calls.length).toBeGreaterThan(2 * lines);
    expect(general.mock.calls.length).toBeLessThan(2 * lines + 2 * 200);
  });

  it.each(ROWS.flatMap((row) => encodings(voucherFile([row])).map(([encoding, bytes]) => ({row, encoding, bytes}))))(
    "reads the row $row ($encoding) as the general path does",
    ({bytes}) => {
      expectSameBothWays(bytes, "row.se");
    }
  );

  it.each(VERS.flatMap((ver) => encodings(voucherFile(["#TRANS 1930 {} 100"], ver)).map(([e, b]) => [ver, e, b])))(
    "reads the voucher %s (%s) as the general path does",
    (_ver, _encoding, bytes) => {
      expectSameBothWays(bytes as Uint8Array, "ver.se");
    }
  );

  it("reads rows outside a voucher, vouchers without braces and #KSUMMA files as the general path does", () => {
    const files = [
      `${HEADER}\n#TRANS 1930 {} 100\n#VER A 1 20240105 "X"\n#TRANS 1930 {} 100\n#TRANS 3010 {} -100\n`,
      `${HEADER}\n#VER A 1 20240105 "X"\n#VER A 2 20240105 "Y"\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n}\n`,
      `#KSUMMA\n${voucherFile(["#TRANS 1930 {} 100"])}#KSUMMA 1234\n`,
      `${HEADER}\n#VER A 1 20240105 "X"\n{\n#TRANS 1930 {} 100\n`,
      // An account outside the chart, used by rows of both paths: one warning with every use counted.
      voucherFile(["#trans 9999 {} 1", "#TRANS 9999 {} 2", '#TRANS "9999" {} 3 "" "x"', "#TRANS 9999 {} 4 2024-01-05"]),
      voucherFile(["#TRANS 9999 {} 1", "#trans 9999 {} 2", "#TRANS 9999 {} 3", "#IB 0 9999 5"])
    ];
    for (const text of files) for (const [, bytes] of encodings(text)) expectSameBothWays(bytes, "f.se");
  });

  it("reads a CP437 file with UTF-8 lines as the general path does", () => {
    const bytes = new Uint8Array([
      ...encodeCp437(voucherFile(['#TRANS 1930 {} 100 20240105 "Återföring"'])),
      ...utf8('#VER "A" "2" 20240105 "Lön"\n{\n#TRANS 1930 {} 1 20240105 "Lön"\n#TRANS 3010 {} -1\n}\n')
    ]);
    expect(expectSameBothWays(bytes, "m.se").ledger.vouchers[1].text).toBe("Lön");
  });

  it("streams as it reads whole, either way, with LF, CR LF and lone CR line ends cut anywhere", async () => {
    const text = voucherFile(ROWS.slice(0, 30));
    // A lone CR ends a line too (LineFeeder.feed); rows read to their own line end must stop there as well.
    const loneCr = voucherFile(["#TRANS 1930 {} 100\r#TRANS 3010 {} -100", "#TRANS 1930 {} 1 \r", "}\r{"]);
    for (const source of [text, text.replace(/\n/g, "\r\n"), loneCr, loneCr.replace(/\n/g, "\r\n")]) {
      const bytes = encodeCp437(source);
      const whole = expectSameBothWays(bytes, "s.se");
      const chunks = (size: number) =>
        Array.from({length: Math.ceil(bytes.length / size)}, (_, k) => bytes.subarray(k * size, (k + 1) * size));
      for (const size of [1, 2, 13, 64, bytes.length]) {
        expect(await readSieStream(chunks(size), "s.se")).toStrictEqual(whole);
        expect(await readSieStream(chunks(size), "s.se", undefined, {general: true})).toStrictEqual(whole);
      }
    }
  });

  it("reads random lines of such pieces as the general path does", () => {
    const line = fc
      .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...BLANKS)), {minLength: 1, maxLength: 9})
      .map((parts) => parts.map(([piece, blank]) => piece + blank).join(""));
    const runs = Math.max(200, Number(process.env.FINSAM_FUZZ_RUNS) || 0);
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 12}), (lines) => {
        for (const [, bytes] of encodings(voucherFile(lines))) expectSameBothWays(bytes, "r.se");
      }),
      {numRuns: runs}
    );
  });

  it("finds the non-ASCII bytes word by word as a byte loop does, at any offset into the buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({minLength: 0, maxLength: 400}), fc.nat(7), fc.nat(), fc.nat(), (raw, offset, a, b) => {
        const ascii = raw.map((x) => (x % 13 === 0 ? x | 0x80 : x & 0x7f));
        const bytes = new Uint8Array(ascii.length + offset).subarray(offset);
        bytes.set(ascii.subarray(0, bytes.length));
        const [start, end] = [a % (bytes.length + 1), b % (bytes.length + 1)].sort((x, y) => x - y);
        let expected = start;
        while (expected < end && bytes[expected] < 0x80) expected++;
        expect(new HighBytes(bytes).next(start, end)).toBe(expected);
      }),
      {numRuns: 500}
    );
  });
});

/** What readSieStream with MovementSums gives, as readSieSums must give it: the result, and each year's sums. */
async function streamedSums(bytes: Uint8Array, name: string, strict: boolean) {
  const sums = new MovementSums();
  const result = await readSieStream([bytes], name, (voucher) => sums.add(voucher), {strict});
  return {result, years: yearSums(result, sums)};
}

function yearSums(result: SieResult, sums: MovementsByYear) {
  return result.ledger.fiscalYears.map((fy) => {
    const {vouchers, movements} = sums.forYear(fy);
    return {fy, vouchers, movements: [...movements].sort(([a], [b]) => a.localeCompare(b))};
  });
}

/**
 * Reads bytes with readSieSums, whole and in chunks of 1 and 7 bytes, strict and not, and expects exactly what the
 * full streamed read gives; returns whether the strict read summed the file from its bytes (no full read).
 */
async function expectSameSums(bytes: Uint8Array, name: string): Promise<boolean> {
  let summed = false;
  for (const strict of [false, true]) {
    const expected = await streamedSums(bytes, name, strict);
    for (const size of [bytes.length || 1, 7, 1]) {
      const chunks = () =>
        Array.from({length: Math.ceil(bytes.length / size)}, (_, k) => bytes.subarray(k * size, (k + 1) * size));
      const {sums, fullRead, ...result} = await readSieSums(chunks, name, {strict});
      expect(result).toStrictEqual(expected.result);
      expect(yearSums(result, sums)).toStrictEqual(expected.years);
      if (strict && size === 1) summed = fullRead === undefined;
    }
  }
  return summed;
}

describe("readSieSums: sums only, from the bytes", () => {
  it.each(fixtureFiles("sie"))("gives $name's ledger, diagnostics and sums as readSieStream does", async (file) => {
    await expectSameSums(file.bytes, file.name);
  });

  it.each([...fixtureFiles("bad"), ...fixtureFiles("bad-data/sie")])(
    "gives the bad input $name's diagnostics as readSieStream does",
    async ({name, bytes}) => {
      await expectSameSums(bytes, name);
    }
  );

  it("sums a generated ledger from its bytes, to the öre of the full read", async () => {
    const bytes = syntheticSie(500);
    expect(await expectSameSums(bytes, "s.se")).toBe(true);
    const {counts, sums, ledger} = await readSieSums(() => [bytes], "s.se", {strict: true});
    expect(counts.vouchers).toEqual({read: 500, kept: 500, rejected: 0});
    expect(accountBalances(ledger, 0, sums)).toStrictEqual(accountBalances(readSie(bytes, "s.se").ledger, 0));
  });

  it.each(ROWS.flatMap((row) => encodings(voucherFile([row])).map(([encoding, bytes]) => ({row, encoding, bytes}))))(
    "reads the row $row ($encoding) as readSieStream does",
    async ({bytes}) => {
      await expectSameSums(bytes, "row.se");
    }
  );

  it.each(VERS.flatMap((ver) => encodings(voucherFile(["#TRANS 1930 {} 100"], ver)).map(([e, b]) => [ver, e, b])))(
    "reads the voucher %s (%s) as readSieStream does",
    async (_ver, _encoding, bytes) => {
      await expectSameSums(bytes as Uint8Array, "ver.se");
    }
  );

  it("sums from the bytes only what readSie keeps without a word, and reads the rest in full", async () => {
    const two = (a: string, b: string) =>
      `${HEADER}\n#VER A 1 20240105 "X"\n{\n${a}\n}\n#VER A 1 20240105 "Y"\n{\n${b}\n}\n`;
    const cases: [string, string, boolean][] = [
      [
        "numbered apart",
        two("#TRANS 1930 {} 1\n#TRANS 3010 {} -1", "").replace('A 1 20240105 "Y"', "A 2 20240106"),
        true
      ],
      ["clean", voucherFile(['#TRANS 1930 {1 "A"} 100 20240107 "Rad" 3']), true],
      ["#RTRANS repeated", voucherFile(['#RTRANS 1930 {1 "A"} 100', '#TRANS 1930 {1 "A"} 100']), true],
      ["#BTRANS", voucherFile(["#BTRANS 1930 {} 5", "#TRANS 1930 {} 100"]), true],
      ["#RTRANS alone", voucherFile(["#RTRANS 1930 {} 100", "#TRANS 1930 {} 100.00"]), true],
      [
        "#RTRANS, other #TRANS",
        voucherFile(["#RTRANS 1930 {} 100", "#TRANS 3010 {} 100", "#TRANS 1930 {} -100"]),
        false
      ],
      ["unbalanced", voucherFile(["#TRANS 1930 {} 99"]), false],
      ["number twice", two("#TRANS 1930 {} 1\n#TRANS 3010 {} -1", "#TRANS 1930 {} 2\n#TRANS 3010 {} -2"), false],
      ["copy", two("#TRANS 1930 {} 1\n#TRANS 3010 {} -1", "#TRANS 1930 {} 1\n#TRANS 3010 {} -1"), false],
      ["outside the year", voucherFile(["#TRANS 1930 {} 100"], '#VER "A" "1" 20250105 "X"'), false],
      ["outside the chart", voucherFile(["#TRANS 1931 {} 100"]), false],
      ["odd list", voucherFile(["#TRANS 1930 {1} 100"]), false],
      ["#KSUMMA", `#KSUMMA\n${voucherFile(["#TRANS 1930 {} 100"])}#KSUMMA 1234\n`, false],
      [
        "no braces",
        `${HEADER}\n#VER A 1 20240105 "X"\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n#VER A 2 20240105\n`,
        false
      ],
      ["cut short", `${HEADER}\n#VER A 1 20240105 "X"\n{\n#TRANS 1930 {} 100\n`, false]
    ];
    for (const [what, text, fromBytes] of cases) {
      expect([what, await expectSameSums(encodeCp437(text), "c.se")]).toEqual([what, fromBytes]);
    }
  });

  it("names the file, line and problem of a voucher it cannot sum, as readSie does", async () => {
    const bytes = encodeCp437(voucherFile(["#TRANS 1930 {} 99"]));
    const {diagnostics, counts, fullRead} = await readSieSums(() => [bytes], "fel.se", {strict: true});
    expect(fullRead).toBe("verifikationen balanserar inte");
    expect(diagnostics).toEqual([
      {
        file: "fel.se",
        line: 10,
        severity: "error",
        message: "Verifikation A 1 balanserar inte: differens -1,00 kr"
      }
    ]);
    expect(counts.vouchers).toEqual({read: 1, kept: 0, rejected: 1});
  });

  it("reads a CP437 file with UTF-8 lines as readSieStream does", async () => {
    const header = utf8(`${HEADER.replace("Förbundet", "F\u00f6rbundet")}\n`);
    const bytes = new Uint8Array([...header, ...encodeCp437(voucherFile(["#TRANS 1930 {} 100"]).slice(HEADER.length))]);
    await expectSameSums(bytes, "m.se");
    const mixed = new Uint8Array([
      ...encodeCp437(voucherFile(['#TRANS 1930 {} 100 20240105 "Återföring"'])),
      ...utf8('#VER "A" "2" 20240105 "Lön"\n{\n#TRANS 1930 {} 1 20240105 "Lön"\n#TRANS 3010 {} -1\n}\n')
    ]);
    expect(await expectSameSums(mixed, "m.se")).toBe(false);
  });

  it("reads random lines of such pieces as readSieStream does", async () => {
    const line = fc
      .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...BLANKS)), {minLength: 1, maxLength: 9})
      .map((parts) => parts.map(([piece, blank]) => piece + blank).join(""));
    const runs = Math.max(100, Number(process.env.FINSAM_FUZZ_RUNS) || 0);
    await fc.assert(
      fc.asyncProperty(fc.array(line, {minLength: 1, maxLength: 12}), async (lines) => {
        await expectSameSums(encodeCp437(voucherFile(lines)), "r.se");
      }),
      {numRuns: runs}
    );
  });
});
