// Reads a board's plan file (data/plans/<förbund>.json: figures as printed, with their seed lines) into the plan the
// projections use: printed text to öre, and the figures the tables leave out derived from those they print.
import {parseSwedishAmount} from "../src/lib/number.js";
import {
  planIncome,
  type Derivation,
  type BoardPoint,
  type ForbundPlan,
  type ForbundPlanJson,
  type History,
  type MemberAmount,
  type MemberFigure,
  type PlanFile,
  type PlanYear,
  type PrintedFigure
} from "../src/lib/projection.js";

/** Reads a printed figure to öre: "6 308**" in tkr → 630 800 000n; asterisks, "(…)" and a unit are dropped. */
export function figureOre(f: PrintedFigure, fileUnit: "kr" | "tkr"): bigint {
  // Plan figures are whole numbers, so every space can go: OCR splits groups irregularly ("2684 136").
  const text = f.printed
    .replace(/\*+/g, "")
    .replace(/\(.*\)/g, "")
    .replace(/t?kr$/, "")
    .replace(/\s/g, "");
  const ore = parseSwedishAmount(text);
  if (ore === null) throw new Error(`Kan inte läsa beloppet "${f.printed}" (rad ${f.line})`);
  return (f.unit ?? fileUnit) === "tkr" ? ore * 1000n : ore;
}

/** Turns a plan file into history, plan years and the board's points, deriving what the tables leave out. */
export function readPlanFile(file: PlanFile): ForbundPlan {
  const ore = (f: PrintedFigure | undefined) => (f ? figureOre(f, file.unit) : undefined);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const members = (ms: MemberFigure[] | undefined) =>
    ms?.map((m) => ({member: m.member, kind: m.kind, amount: figureOre(m, file.unit)}));
  const derivations: Derivation[] = [];

  const history: History[] = file.history.map((y) => {
    const tilldelning = ore(y.tilldelning) ?? sumMembers(members(y.members));
    const income = ore(y.income);
    const result = ore(y.result);
    if (result === undefined) throw new Error(`${file.forbund} ${y.year}: årets resultat saknas`);
    const otherIncome =
      ore(y.otherIncome) ?? (income !== undefined && tilldelning !== undefined ? income - tilldelning : undefined);
    // On a net basis the budget already subtracts other income, so utfall is what the members' money paid for.
    const actualCosts =
      file.budgetBasis === "netto"
        ? tilldelning !== undefined
          ? tilldelning - result
          : undefined
        : y.costs
          ? abs(ore(y.costs)!)
          : undefined;
    const budgetCosts = y.budgetCosts ? abs(ore(y.budgetCosts)!) : undefined;
    return {
      year: y.year,
      tilldelning,
      members: members(y.members),
      otherIncome,
      actualCosts,
      budgetCosts,
      result,
      equity: ore(y.equity)
    };
  });
  chainEquity(history, derivations);

  const plan: PlanYear[] = file.plan.map((y) => {
    const tilldelning = ore(y.tilldelning) ?? sumMembers(members(y.members));
    if (tilldelning === undefined) throw new Error(`${file.forbund} ${y.year}: tilldelning saknas i planen`);
    const otherIncome = ore(y.otherIncome) ?? 0n;
    const financialNet = ore(y.financialNet);
    let budgetCosts = y.budgetCosts ? abs(ore(y.budgetCosts)!) : undefined;
    if (budgetCosts === undefined) {
      const result = ore(y.result);
      if (result === undefined) throw new Error(`${file.forbund} ${y.year}: varken kostnader eller resultat i planen`);
      // A blank cost cell next to a printed result: the costs are what leaves that result.
      budgetCosts = tilldelning + otherIncome + (financialNet ?? 0n) - result;
      derivations.push({
        year: y.year,
        field: "budgetCosts",
        text: "kostnaderna är inte tryckta; härledda ur tilldelning + övriga intäkter − tryckt resultat"
      });
    }
    return {year: y.year, tilldelning, members: members(y.members), otherIncome, budgetCosts, financialNet};
  });
  const requested = new Map(
    file.plan.filter((y) => y.requestedTilldelning).map((y) => [y.year, ore(y.requestedTilldelning)!])
  );

  const last = history.filter((h) => h.equity !== undefined).at(-1);
  if (!last) throw new Error(`${file.forbund}: inget eget kapital i historiken`);
  const board: BoardPoint[] = [];
  for (const y of file.history) {
    const planned = ore(y.budgetEquity);
    if (planned !== undefined)
      board.push({
        year: y.year,
        equity: planned,
        printed: true,
        tilldelning: history.find((h) => h.year === y.year)?.tilldelning,
        income: historyIncome(history.find((h) => h.year === y.year))
      });
  }
  let previous: bigint | undefined = last.equity;
  for (const [i, y] of file.plan.entries()) {
    const printed = ore(y.equity);
    const result = ore(y.result);
    const equity = printed ?? (previous !== undefined && result !== undefined ? previous + result : undefined);
    if (equity === undefined) continue;
    board.push({
      year: y.year,
      equity,
      printed: printed !== undefined,
      result,
      tilldelning: plan[i].tilldelning,
      income: planIncome(plan[i])
    });
    previous = equity;
  }
  return {
    forbund: file.forbund,
    name: file.name,
    file,
    history,
    plan,
    requested,
    board,
    startYear: last.year,
    startEquity: last.equity!,
    derivations
  };
}

function historyIncome(h: History | undefined): bigint | undefined {
  return h?.tilldelning === undefined ? undefined : h.tilldelning + (h.otherIncome ?? 0n);
}

function sumMembers(ms: MemberAmount[] | undefined): bigint | undefined {
  return ms?.length ? ms.reduce((s, m) => s + m.amount, 0n) : undefined;
}

// Equity is printed for some years only; the printed results carry it to the neighbouring years.
function chainEquity(history: History[], derivations: Derivation[]): void {
  for (let i = 1; i < history.length; i++) {
    if (history[i].equity === undefined && history[i - 1].equity !== undefined) {
      history[i].equity = history[i - 1].equity! + history[i].result;
      derivations.push({
        year: history[i].year,
        field: "equity",
        text: `eget kapital ${history[i - 1].year} + årets resultat`
      });
    }
  }
  for (let i = history.length - 2; i >= 0; i--) {
    if (history[i].equity === undefined && history[i + 1].equity !== undefined) {
      history[i].equity = history[i + 1].equity! - history[i + 1].result;
      derivations.push({
        year: history[i].year,
        field: "equity",
        text: `eget kapital ${history[i + 1].year} − årets resultat ${history[i + 1].year}`
      });
    }
  }
}

/** A plan as JSON for the site (src/lib/projection.ts planFromJson reads it back): the äskanden as pairs. */
export function planToJson(plan: ForbundPlan): ForbundPlanJson {
  return {...plan, requested: [...plan.requested]};
}
