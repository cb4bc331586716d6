// npm run check on JSON of the wrong shape: a Swedish message naming the field and exit 2, never a stack trace;
// a UTF-8 byte-order mark is accepted.
import {describe, expect, it} from "vitest";
import {main} from "../scripts/check.js";
import {registryProblems, reportProblems} from "../src/lib/checks/input.js";

const fixture = (name: string) => new URL(`./fixtures/bad/${name}`, import.meta.url).pathname;

function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = main(
    args,
    (s) => (out += s),
    (s) => (err += s)
  );
  return {code, out, err};
}

describe("npm run check on inputs of the wrong shape", () => {
  it.each([
    ["published-null-figure.json", ["  figures[0] är null, ska vara ett objekt"]],
    [
      "published-empty-object.json",
      [
        "  forbund saknas, ska vara en text",
        "  document saknas, ska vara en text",
        "  figures saknas, ska vara en lista av siffror"
      ]
    ],
    [
      "published-wrong-types.json",
      [
        '  figures[0].year är "2023", ska vara ett heltal',
        "  figures[0].value är null, ska vara ett tal",
        "  figures[0].sign är 2, ska vara 1 eller -1"
      ]
    ]
  ])("%s: exit 2 with the fields named", (name, lines) => {
    const r = run(fixture(name));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`${fixture(name)} är inget tryckt dokument:\n${lines.join("\n")}\n`);
  });

  it("reads a report saved with a UTF-8 byte-order mark", () => {
    const r = run(fixture("published-utf8-bom.json"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe("Granskning av 1 dokument: 0 fynd (0 avvikelser, 0 avrundningar, 0 definitioner).\n");
  });

  it("refuses a registry of the wrong shape with exit 2", () => {
    const r = run(fixture("published-utf8-bom.json"), "--registry", fixture("published-null-figure.json"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${fixture("published-null-figure.json")} är inget register över förbund:\n  forbund är "testforbund", ska vara en lista\n`
    );
  });
});

describe("reportProblems", () => {
  it("accepts the shipped reports' shape and names every wrong field", () => {
    expect(reportProblems({forbund: "a", document: "b", unit: "kr", figures: []})).toEqual([]);
    expect(reportProblems(null)).toEqual(["filen är null, inte ett objekt med forbund, document och figures"]);
    expect(reportProblems([])).toEqual(["filen är en lista, inte ett objekt med forbund, document och figures"]);
    expect(reportProblems({forbund: "a", document: "b", unit: "mkr", figures: {}})).toEqual([
      'unit är "mkr", ska vara kr eller tkr',
      "figures är ett objekt, ska vara en lista av siffror"
    ]);
  });

  it("caps the messages of a file wrong in every figure", () => {
    const problems = reportProblems({forbund: "a", document: "b", figures: Array(30).fill(null)});
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe("10 fler fel av samma slag");
  });

  it("checks the registry's förbund and members", () => {
    expect(registryProblems({forbund: [{id: "a", members: [{id: "x", kind: "stat"}]}]})).toEqual([]);
    expect(registryProblems({forbund: [null, {id: "b", members: [{}]}, {id: "c", members: 3}]})).toEqual([
      "forbund[0] saknar id (en text)",
      "forbund[1].members[0] ska ha id och kind (texter)",
      "forbund[2].members är 3, ska vara en lista"
    ]);
  });
});
