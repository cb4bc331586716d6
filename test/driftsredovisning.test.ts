// The Driftsredovisning page's view: clean revision labels, the rows a choice stands for, and a forecast that
// treats kostnader and intäkter apart, on synthetic rows and on Falun-Borlänge's ledger 2023.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readSie} from "../loaders/sie/read.js";
import {utfallRows} from "../src/lib/balances.js";
import {buildDrift, burn, forecast, type DriftGroup, type UtfallRow} from "../src/lib/drift.js";
import {driftForecast, revisionLabel, rowChoices, rowKeys} from "../src/lib/driftsredovisning.js";
import {combineMappings} from "../src/lib/mapping.js";
import {roundToUnit} from "../src/lib/rounding.js";

const data = new URL("../data/", import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, data), "utf-8"));
const tkr = (x: bigint) => Number(roundToUnit(x, "tkr"));

describe("revisionLabel", () => {
  it("drops the '(beslutsdatum antaget)' aside and says the date is assumed", () => {
    expect(
      revisionLabel({
        label: "Budget 2023, tredje revideringen, september 2023 (beslutsdatum antaget)",
        date: "2023-09-22"
      })
    ).toBe("Budget 2023, tredje revideringen, september 2023, beslutsdatum antaget till 2023-09-22");
  });
  it("adds the decision date once, and not when the label already names it", () => {
    expect(revisionLabel({label: "Reviderad budget 2021", date: "2021-04-20"})).toBe(
      "Reviderad budget 2021, beslutad 2021-04-20"
    );
    expect(revisionLabel({label: "Budget 2024 beslutad av styrelsen 2023-11-29", date: "2023-11-29"})).toBe(
      "Budget 2024 beslutad av styrelsen 2023-11-29"
    );
  });
  it("drops the SIE tag from the ledger's own period budget", () => {
    expect(revisionLabel({label: "Periodbudget i SIE-filen (#PBUDGET)", date: ""})).toBe("Periodbudget i SIE-filen");
  });
});

// Monthly costs of 100 kr on project A, and 1 200 kr of income on project T paid quarterly (Jan, Apr, Jul, Oct).
const costs: UtfallRow[] = Array.from({length: 12}, (_, i) => ({project: "A", month: i + 1, amount: 10_000n}));
const income: UtfallRow[] = [1, 4, 7, 10].map((month) => ({project: "T", income: true, month, amount: -30_000n}));
const projects = [
  {code: "A", name: "Insats A", group: "individinriktade" as DriftGroup},
  {code: "T", name: "Tilldelning", group: "intakter" as DriftGroup}
];

describe("driftForecast", () => {
  it("forecasts costs on a straight line and the quarterly income from the budget's remaining months", () => {
    const budget = [
      {project: "T", amount: 120_000n},
      {project: "A", amount: -120_000n}
    ];
    // After May: 500 kr of costs, and two quarters (600 kr) of income received.
    const f = driftForecast([...costs, ...income], budget, null, 5, []);
    expect(f.incomeBasis).toBe("budget");
    expect(f.income).toBe(60_000n + 70_000n); // received + 7/12 of the annual 1 200 kr
    expect(f.linear).toBe(-120_000n + 130_000n);
    // The net straight line the page used to draw: (600 − 500) × 12 / 5 = 240 kr.
    expect(forecast(burn([...costs, ...income], null, null), 5, null).linear).toBe(24_000n);
  });

  it("without a budget takes the income still to come from the previous year, and equals the outcome after December", () => {
    const f = driftForecast([...costs, ...income], null, null, 5, [...costs, ...income]);
    expect(f.incomeBasis).toBe("föregående år");
    expect(f.income).toBe(120_000n);
    expect(f.linear).toBe(0n);
    expect(f.seasonal).toBe(0n);
    const end = driftForecast([...costs, ...income], null, null, 12, []);
    expect(end.linear).toBe(0n);
    expect(end.incomeBasis).toBe("rak linje");
  });

  it("for one cost row is the straight line of that row alone", () => {
    const f = driftForecast([...costs, ...income], null, new Set(["A"]), 3, []);
    expect(f).toEqual({linear: -120_000n, seasonal: null, budgetRest: null, income: 0n, incomeBasis: "inga intäkter"});
  });

  it("Falun-Borlänge 2023, hela förbundet after June: near the outcome 312 tkr, where the net straight line gave 1 306", () => {
    const {ledger} = readSie(new Uint8Array(readFileSync(new URL("sie/falun-borlange-2023.se", data))), "x.se");
    const own = readJson("mapping/falun-borlange.json");
    const mapping = combineMappings(own, readJson("mapping/bas.json"));
    const rows = utfallRows(ledger, mapping);
    const budget = readJson("budgets/falun-borlange-2023.json").revisions[0].lines.map(
      (l: {project: string; amount: string}) => ({project: l.project, amount: BigInt(l.amount) * 100_000n})
    );
    expect(tkr(burn(rows, null, null)[11].utfall)).toBe(312);
    expect(tkr(forecast(burn(rows, null, null), 6, null).linear)).toBe(1306);
    const f = driftForecast(rows, budget, null, 6, []);
    expect(f.incomeBasis).toBe("budget");
    expect(Math.abs(tkr(f.linear) - 312)).toBeLessThan(Math.abs(1306 - 312));
    // The split removes the income's zigzag (1 306 → 1 236); the rest of the gap is the costs' own climb through the
    // merger year (500 tkr in January, 1 060 in December), which only the remaining budget sees.
    expect(tkr(f.linear)).toBe(1236);
    expect(tkr(f.budgetRest!)).toBe(487);
  });
});

describe("rowChoices and rowKeys", () => {
  const drift = buildDrift([...costs, ...income], null, projects, []);
  it("lists the whole förbund, the groups and the rows; a group stands for its rows", () => {
    expect(rowChoices(drift).map((c) => c.value)).toEqual([null, "grupp:intakter", "grupp:individinriktade", "T", "A"]);
    expect(rowKeys(drift, null)).toBeNull();
    expect([...rowKeys(drift, "grupp:individinriktade")!]).toEqual(["A"]);
    expect([...rowKeys(drift, "T")!]).toEqual(["T"]);
  });
});
