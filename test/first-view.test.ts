// The precomputed first view's building blocks: answers keyed by function and arguments, bigint kept exact through
// JSON, and the GROUP BY sums the build computes in place of DuckDB.
import {describe, expect, it} from "vitest";
import {answerKey, groupSum, parseAnswers, stringifyAnswers} from "../src/lib/first-view.js";
import {driftDefaultAnswers, defaultDriftYear} from "../src/lib/drift-default.js";
import {defaultHaeYear} from "../src/lib/hae-default.js";
import {presentationDefaultAnswers} from "../src/lib/presentation-default.js";

describe("first view answers", () => {
  it("keeps bigint exact beyond 2^53 and plain strings as they are", () => {
    const value = {a: 9_007_199_254_740_993n, b: [-1n, "big:1", 2.5], c: null};
    expect(parseAnswers(stringifyAnswers(value))).toEqual(value);
  });

  it("keys an answer by function name and arguments, so other arguments never match", () => {
    expect(answerKey("haeMonthly", [["2080"], "alla", "alla"])).toBe('haeMonthly([["2080"],"alla","alla"])');
    expect(answerKey("haeMonthly", [["2081"], "alla", "alla"])).not.toBe(
      answerKey("haeMonthly", [["2080"], "alla", "alla"])
    );
  });

  it("sums per group in first-seen order, over the kept rows only", () => {
    const columns = {k: ["a", "b", "a", "c", "b"], m: [1, 1, 1, 2, 1], v: [10n, 20n, 9_007_199_254_740_993n, 5n, -20n]};
    expect(groupSum(columns, ["k", "m"], "v", (i) => columns.k[i] !== "c")).toEqual([
      {k: "a", m: 1, v: 9_007_199_254_741_003n},
      {k: "b", m: 1, v: 0n}
    ]);
  });
});

describe("default selections", () => {
  it("HÅE: the latest year with all twelve months, else the last year", () => {
    const months = (year: number, n: number) =>
      Array.from({length: n}, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
    expect(defaultHaeYear([...months(2022, 12), ...months(2023, 12), ...months(2024, 6)])).toBe(2023);
    expect(defaultHaeYear(months(2024, 6))).toBe(2024);
  });

  it("Driftsredovisning: the first förbund's latest year, its movements this year and last, the latest budget", () => {
    const years = [
      {forbund: "a", year: 2022},
      {forbund: "a", year: 2023},
      {forbund: "b", year: 2024}
    ];
    expect(defaultDriftYear(years)).toEqual({forbund: "a", year: 2023});
    const movements = {
      forbund: ["a", "a", "a", "b"],
      year: [2023, 2023, 2022, 2024],
      month: [1, 1, 1, 1],
      account: ["4010", "4010", "4010", "4010"],
      project: ["1", "1", null, "1"],
      amount_ore: [100n, 250n, 7n, 1n]
    };
    const budgets = {
      forbund: ["a", "a", "a"],
      year: [2023, 2023, 2023],
      revision: ["r2", "r1", "r2"],
      date: ["2023-06-01", "2023-01-01", "2023-06-01"],
      label: ["Reviderad", "Beslutad", "Reviderad"],
      project: ["1", "1", "2"],
      month: [0, 0, 3],
      amount_ore: [-500n, -400n, -50n]
    };
    expect(driftDefaultAnswers(years, movements, budgets)).toEqual({
      [answerKey("movementSums", ["a", 2023])]: [{project: "1", account: "4010", month: 1, amount: 350n}],
      [answerKey("movementSums", ["a", 2022])]: [{project: null, account: "4010", month: 1, amount: 7n}],
      [answerKey("revisionsFor", ["a", 2023])]: [
        {revision: "r1", date: "2023-01-01", label: "Beslutad"},
        {revision: "r2", date: "2023-06-01", label: "Reviderad"}
      ],
      [answerKey("budgetRows", ["a", 2023, "r2"])]: [
        {project: "1", month: 0, amount_ore: -500n},
        {project: "2", month: 3, amount_ore: -50n}
      ]
    });
  });

  it("Presentation: the drift answers, and HÅE per kommun, month and type over every kommun the förbund ever had", () => {
    const years = [{forbund: "a", year: 2023}];
    const empty = {forbund: [], year: [], month: [], account: [], project: [], amount_ore: []};
    const budgets = {...empty, revision: [], date: [], label: []};
    const hae = {
      kommun: ["2081", "2080", "2080", "2080", "2062"],
      month: ["2023-01", "2023-02", "2023-01", "2023-01", "2023-01"],
      type: ["sjukpenning", "sjukpenning", "sjukpenning", "arbetsloshet", "sjukpenning"],
      sex: ["1", "1", "2", "1", "1"],
      age: ["20-24", "20-24", "25-34", "20-24", "20-24"],
      tenths: [5n, 7n, 11n, 13n, 17n]
    };
    // "a" is today's 2081; its predecessor "f" had 2080. 2062 was never a member.
    const registry = {
      forbund: [
        {id: "a", name: "A", kommuner: [{code: "2081", name: "Borlänge"}], predecessors: ["f"]},
        {id: "f", name: "F", kommuner: [{code: "2080", name: "Falun"}]}
      ]
    };
    const answers = presentationDefaultAnswers(years, {movements: empty, budgets, hae}, registry);
    expect(answers[answerKey("haeMonthly", [["2080", "2081"], "alla", "alla"])]).toEqual([
      {kommun: "2080", month: "2023-01", type: "arbetsloshet", tenths: 13n},
      {kommun: "2080", month: "2023-01", type: "sjukpenning", tenths: 11n},
      {kommun: "2081", month: "2023-01", type: "sjukpenning", tenths: 5n},
      {kommun: "2080", month: "2023-02", type: "sjukpenning", tenths: 7n}
    ]);
    expect(Object.keys(answers)).toEqual([
      answerKey("movementSums", ["a", 2023]),
      answerKey("revisionsFor", ["a", 2023]),
      answerKey("haeMonthly", [["2080", "2081"], "alla", "alla"])
    ]);
    // A förbund the registry does not know names no kommuner, so the page asks for no HÅE.
    expect(Object.keys(presentationDefaultAnswers(years, {movements: empty, budgets, hae}, {forbund: []}))).toEqual([
      answerKey("movementSums", ["a", 2023]),
      answerKey("revisionsFor", ["a", 2023])
    ]);
  });
});
