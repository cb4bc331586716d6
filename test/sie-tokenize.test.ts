import {describe, expect, it} from "vitest";
import {tokenize, type Token} from "../loaders/sie/tokenize.js";

const f = (value: string, quoted = false): Token => ({kind: "field", value, quoted});
const l = (...items: string[]): Token => ({kind: "list", items, closed: true});

describe("tokenize", () => {
  it("splits on spaces and tabs, repeated or leading", () => {
    expect(tokenize("#KONTO 1930 Bank")).toEqual([f("#KONTO"), f("1930"), f("Bank")]);
    expect(tokenize("\t#TRANS\t2941 {}      17240    20090701 Återföring")).toEqual([
      f("#TRANS"),
      f("2941"),
      l(),
      f("17240"),
      f("20090701"),
      f("Återföring")
    ]);
    expect(tokenize("#IB\t0\t1220\t    219292\r")).toEqual([f("#IB"), f("0"), f("1220"), f("219292")]);
  });

  it("reads quoted fields with spaces, empty quotes and escaped quotes", () => {
    expect(tokenize('#VER A 1 20240101 "Text med \\"citat\\" i" ""')).toEqual([
      f("#VER"),
      f("A"),
      f("1"),
      f("20240101"),
      f('Text med "citat" i', true),
      f("", true)
    ]);
    expect(tokenize('#ADRESS "" "Storgatan 1" "410 10  Göteborg" ""')).toEqual([
      f("#ADRESS"),
      f("", true),
      f("Storgatan 1", true),
      f("410 10  Göteborg", true),
      f("", true)
    ]);
  });

  it("keeps a backslash that does not escape a quote", () => {
    expect(tokenize('#TRANS 1229  {} -133 20090731 "1820\\A012 Cykel" ')[5]).toEqual(f("1820\\A012 Cykel", true));
  });

  it("runs an unterminated quote to the end of the line", () => {
    expect(tokenize('#FNAMN "Bolaget AB')).toEqual([f("#FNAMN"), f("Bolaget AB", true)]);
  });

  it("reads every object-list spelling of the fixtures and the spec", () => {
    const list = (line: string) => tokenize(`#TRANS 1930 ${line} 100`)[2];
    expect(list("{}")).toEqual(l());
    expect(list("{ }")).toEqual(l());
    expect(list('{1 "100" 6 "202"}')).toEqual(l("1", "100", "6", "202"));
    expect(list('{"1" "100"}')).toEqual(l("1", "100"));
    expect(list("{1 100}")).toEqual(l("1", "100"));
    expect(list('{ "1" "1"}')).toEqual(l("1", "1"));
    expect(list('{ "1" "1100" "6" "1118"}')).toEqual(l("1", "1100", "6", "1118"));
    expect(list('{1 "1"}')).toEqual(l("1", "1"));
    expect(list('{"7" "1"}')).toEqual(l("7", "1"));
    expect(list('{1 "Kontor Nord"}')).toEqual(l("1", "Kontor Nord"));
    expect(list("{1\t100}")).toEqual(l("1", "100"));
    expect(tokenize("#TRANS 1930 {1 100}-5")).toEqual([f("#TRANS"), f("1930"), l("1", "100"), f("-5")]);
  });

  it("marks an object list the line ends inside as not closed", () => {
    expect(tokenize('#VER A 1 20240101 "x" {')[5]).toEqual({kind: "list", items: [], closed: false});
  });

  it("returns nothing for a blank line", () => {
    expect(tokenize(" \t ")).toEqual([]);
  });
});
