// Membership over time: a förbund's kommuner month by month, through mergers, from data/forbund.json and made-up registries.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {everMemberKommuner, memberKommuner, sumByMembership, type ForbundEntry} from "../src/lib/membership.js";

const registry = JSON.parse(readFileSync(new URL("../data/forbund.json", import.meta.url), "utf-8"));

describe("memberKommuner on the registry", () => {
  it("follows Falun-Borlänge back through its predecessors before the merger", () => {
    expect(memberKommuner(registry, "falun-borlange", "2023-01")).toEqual(["2080", "2081"]);
    expect(memberKommuner(registry, "falun-borlange", "2022-12")).toEqual(["2080", "2081"]);
    expect(memberKommuner(registry, "falun-borlange", "2014-01")).toEqual(["2080", "2081"]);
  });

  it("ends the predecessors at their last day", () => {
    expect(memberKommuner(registry, "falun", "2022-12")).toEqual(["2080"]);
    expect(memberKommuner(registry, "falun", "2023-01")).toEqual([]);
    expect(memberKommuner(registry, "borlange", "2022-06")).toEqual(["2081"]);
  });

  it("gives förbund without dates all their kommuner", () => {
    expect(memberKommuner(registry, "sodra-dalarna", "2019-05")).toEqual(["2082", "2083", "2084"]);
    expect(everMemberKommuner(registry, "falun-borlange")).toEqual(["2080", "2081"]);
  });

  it("rejects unknown förbund and bad months", () => {
    expect(() => memberKommuner(registry, "okand", "2023-01")).toThrow('Okänt förbund "okand"');
    expect(() => memberKommuner(registry, "falun", "2023-13")).toThrow('"2023-13" är ingen månad (ÅÅÅÅ-MM)');
  });
});

describe("memberKommuner with joins, leaves and chains", () => {
  const made: ForbundEntry[] = [
    {id: "a", name: "A", to: "2019-12-31", kommuner: [{code: "0001", name: "Ett"}]},
    {
      id: "b",
      name: "B",
      from: "2020-01-01",
      to: "2021-06-30",
      predecessors: ["a"],
      kommuner: [
        {code: "0001", name: "Ett"},
        {code: "0002", name: "Två", from: "2020-07-15"}
      ]
    },
    {
      id: "c",
      name: "C",
      from: "2021-07-01",
      predecessors: ["b"],
      kommuner: [
        {code: "0001", name: "Ett"},
        {code: "0002", name: "Två"},
        {code: "0003", name: "Tre", to: "2022-03-31"}
      ]
    },
    {id: "loop", name: "L", from: "2020-01-01", predecessors: ["loop"], kommuner: []}
  ];

  it("counts a member from the first month it covers on the first day", () => {
    expect(memberKommuner(made, "b", "2020-07")).toEqual(["0001"]);
    expect(memberKommuner(made, "b", "2020-08")).toEqual(["0001", "0002"]);
  });

  it("recurses through predecessors of predecessors", () => {
    expect(memberKommuner(made, "c", "2019-03")).toEqual(["0001"]);
    expect(memberKommuner(made, "c", "2021-06")).toEqual(["0001", "0002"]);
    expect(memberKommuner(made, "c", "2022-03")).toEqual(["0001", "0002", "0003"]);
    expect(memberKommuner(made, "c", "2022-04")).toEqual(["0001", "0002"]);
  });

  it("refuses a förbund that is its own predecessor", () => {
    expect(() => memberKommuner(made, "loop", "2019-01")).toThrow("är sin egen föregångare");
  });

  it("sums a series following membership", () => {
    const rows = [
      {kommun: "0001", month: "2020-07", v: 10n},
      {kommun: "0002", month: "2020-07", v: 5n},
      {kommun: "0001", month: "2020-08", v: 10n},
      {kommun: "0002", month: "2020-08", v: 5n}
    ];
    const sums = sumByMembership(
      made,
      "c",
      rows,
      (r) => r.month,
      (r) => r.v
    );
    expect(Object.fromEntries(sums)).toEqual({"2020-07": 10n, "2020-08": 15n});
  });
});
