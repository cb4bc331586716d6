// The annual-report statements computed from account balances: resultaträkning, balansräkning,
// kassaflödesanalys (indirect method) and noter. Money is integer öre (bigint); display signs follow
// the printed reports: intäkter and tillgångar positive, kostnader negative, eget kapital and skulder positive.
import {assetLines, incomeLines, statementLines, type LeafLine, type LineDef, type StatementId} from "./lines.js";
import {mapAccount, type AccountMapping, type Mapping} from "./mapping.js";

/** One account's figures for a fiscal year in SIE signs (debit positive): opening balance and the year's movement. */
export interface AccountBalance {
  account: string;
  name: string;
  /** #IB: zero for result accounts. */
  opening: bigint;
  movement: bigint;
}

export interface StatementLine extends LineDef {
  value: bigint;
  /** The accounts behind a leaf line, for drill-down. */
  accounts: string[];
}

export interface NoteRow {
  group: string;
  value: bigint;
  accounts: string[];
}

/** A note: the breakdown of one statement line by group (account name unless the mapping names a group). */
export interface Note {
  line: LeafLine;
  title: string;
  rows: NoteRow[];
  total: bigint;
}

export interface Check {
  id: string;
  label: string;
  ok: boolean;
  /** Left minus right; zero when ok. */
  difference: bigint;
}

export interface Statements {
  rr: StatementLine[];
  br: StatementLine[];
  kfa: StatementLine[];
  notes: Note[];
  /** Income per member, from the income accounts that the mapping ties to a member. */
  memberIncome: {member: string; value: bigint}[];
  /** Costs per category (administration, insatser …) where the mapping gives one. */
  costCategories: {category: string; value: bigint}[];
  /** Accounts with a balance that no mapping rule places: shown to the user as an error. */
  unmapped: AccountBalance[];
  checks: Check[];
}

const noteTitles: Partial<Record<LeafLine, string>> = {
  "rr.intakter": "Verksamhetens intäkter",
  "rr.kostnader": "Verksamhetens kostnader",
  "br.kortfristiga_fordringar": "Kortfristiga fordringar",
  "br.avsattningar": "Avsättningar",
  "br.kortfristiga_skulder": "Kortfristiga skulder"
};

const isIncomeLine = (line: LeafLine) => (incomeLines as readonly string[]).includes(line);
const isAssetLine = (line: LeafLine) => (assetLines as readonly string[]).includes(line);

/** The display value of an account's figure on its line (statement signs): income statement lines show −movement, claims −balance. */
export function displayValue(line: LeafLine, b: AccountBalance, at: "opening" | "closing"): bigint {
  if (isIncomeLine(line)) return at === "closing" ? -b.movement : 0n;
  const balance = at === "opening" ? b.opening : b.opening + b.movement;
  return isAssetLine(line) ? balance : -balance;
}

interface MappedBalance {
  balance: AccountBalance;
  mapping: AccountMapping;
}

/** Places every account with a non-zero figure on its line; the rest are returned as unmapped. */
export function mapBalances(balances: AccountBalance[], mapping: Mapping) {
  const mapped: MappedBalance[] = [];
  const unmapped: AccountBalance[] = [];
  for (const balance of balances) {
    const m = mapAccount(mapping, balance.account);
    if (m) mapped.push({balance, mapping: m});
    else if (balance.opening !== 0n || balance.movement !== 0n) unmapped.push(balance);
  }
  return {mapped, unmapped};
}

function leafTotals(mapped: MappedBalance[], at: "opening" | "closing") {
  const totals = new Map<string, bigint>();
  const accounts = new Map<string, string[]>();
  for (const {balance, mapping} of mapped) {
    totals.set(mapping.line, (totals.get(mapping.line) ?? 0n) + displayValue(mapping.line, balance, at));
    accounts.set(mapping.line, [...(accounts.get(mapping.line) ?? []), balance.account]);
  }
  return {totals, accounts};
}

/** Evaluates a statement's lines in order, given its leaf values; sum lines add up earlier lines. */
function evaluate(defs: LineDef[], leaves: Map<string, bigint>, accounts: Map<string, string[]>): StatementLine[] {
  const values = new Map(leaves);
  return defs.map((def) => {
    const value = def.sum ? def.sum.reduce((s, id) => s + (values.get(id) ?? 0n), 0n) : (values.get(def.id) ?? 0n);
    values.set(def.id, value);
    return {...def, value, accounts: def.sum ? [] : (accounts.get(def.id) ?? [])};
  });
}

/** The value of a line by id. */
export function lineValue(lines: StatementLine[], id: string): bigint {
  const line = lines.find((l) => l.id === id);
  if (!line) throw new Error(`Okänd rad: ${id}`);
  return line.value;
}

/** Resultaträkning from mapped balances. */
export function buildIncomeStatement(mapped: MappedBalance[]): StatementLine[] {
  const {totals, accounts} = leafTotals(mapped, "closing");
  return evaluate(statementLines.rr, totals, accounts);
}

/** Balansräkning at year end; årets resultat comes from the income statement. */
export function buildBalanceSheet(
  mapped: MappedBalance[],
  result: bigint,
  at: "opening" | "closing" = "closing"
): StatementLine[] {
  const {totals, accounts} = leafTotals(mapped, at);
  totals.set("br.arets_resultat", at === "closing" ? result : 0n);
  return evaluate(statementLines.br, totals, accounts);
}

/** Kassaflödesanalys by the indirect method, from the change in each balance-sheet line over the year. */
export function buildCashFlow(mapped: MappedBalance[], rr: StatementLine[]): StatementLine[] {
  const open = leafTotals(mapped, "opening").totals;
  const close = leafTotals(mapped, "closing").totals;
  const change = (line: string) => (close.get(line) ?? 0n) - (open.get(line) ?? 0n);
  const depreciation = -lineValue(rr, "rr.avskrivningar");
  const leaves = new Map<string, bigint>([
    ["kfa.arets_resultat", lineValue(rr, "rr.arets_resultat")],
    ["kfa.ej_likviditetspaverkande", change("br.avsattningar") + depreciation],
    ["kfa.forandring_fordringar", -change("br.kortfristiga_fordringar")],
    ["kfa.forandring_skulder", change("br.kortfristiga_skulder")],
    ["kfa.investeringar", -(change("br.anlaggningstillgangar") + depreciation)],
    ["kfa.placeringar", -change("br.kortfristiga_placeringar")],
    ["kfa.langfristiga_skulder", change("br.langfristiga_skulder")],
    // Equity that moved without passing the income statement, such as equity brought in by a merger.
    ["kfa.eget_kapital_tillskott", change("br.eget_kapital_ovrigt")],
    ["kfa.likvida_medel_ib", open.get("br.kassa_bank") ?? 0n],
    ["kfa.likvida_medel_ub", close.get("br.kassa_bank") ?? 0n]
  ]);
  return evaluate(statementLines.kfa, leaves, new Map());
}

/** The notes: each noted line broken down by group, groups in account order. */
export function buildNotes(mapped: MappedBalance[]): Note[] {
  const notes: Note[] = [];
  for (const [line, title] of Object.entries(noteTitles) as [LeafLine, string][]) {
    const rows = new Map<string, NoteRow>();
    for (const {balance, mapping} of [...mapped].sort((a, b) => a.balance.account.localeCompare(b.balance.account))) {
      if (mapping.line !== line) continue;
      const group = mapping.group ?? balance.name;
      const row = rows.get(group) ?? {group, value: 0n, accounts: []};
      row.value += displayValue(line, balance, "closing");
      row.accounts.push(balance.account);
      rows.set(group, row);
    }
    const list = [...rows.values()].filter((r) => r.value !== 0n);
    if (list.length) notes.push({line, title, rows: list, total: list.reduce((s, r) => s + r.value, 0n)});
  }
  return notes;
}

function sumBy(mapped: MappedBalance[], key: "member" | "category") {
  const sums = new Map<string, bigint>();
  for (const {balance, mapping} of mapped) {
    const k = mapping[key];
    if (k) sums.set(k, (sums.get(k) ?? 0n) + displayValue(mapping.line, balance, "closing"));
  }
  return sums;
}

/** All statements, notes and checks for one fiscal year. */
export function buildStatements(balances: AccountBalance[], mapping: Mapping): Statements {
  const {mapped, unmapped} = mapBalances(balances, mapping);
  const rr = buildIncomeStatement(mapped);
  const result = lineValue(rr, "rr.arets_resultat");
  const br = buildBalanceSheet(mapped, result);
  const kfa = buildCashFlow(mapped, rr);
  const check = (id: string, label: string, left: bigint, right: bigint): Check => ({
    id,
    label,
    ok: left === right,
    difference: left - right
  });
  // Net assets are counted from the asset and liability lines only, so the check holds only when the ledger balances.
  const netAssets = (sheet: StatementLine[]) =>
    lineValue(sheet, "br.summa_tillgangar") - lineValue(sheet, "br.avsattningar") - lineValue(sheet, "br.skulder");
  const netAssetChange = netAssets(br) - netAssets(buildBalanceSheet(mapped, 0n, "opening"));
  const checks = [
    check(
      "balans",
      "Balansräkningen balanserar (tillgångar = eget kapital, avsättningar och skulder)",
      lineValue(br, "br.summa_tillgangar"),
      lineValue(br, "br.summa_ek_skulder")
    ),
    check(
      "resultat",
      "Årets resultat i resultaträkningen = förändringen av eget kapital (utöver tillskott)",
      result,
      netAssetChange - lineValue(kfa, "kfa.eget_kapital_tillskott")
    ),
    check(
      "kassaflode",
      "Likvida medel vid årets slut = kassa och bank i balansräkningen",
      lineValue(kfa, "kfa.likvida_medel_ib") + lineValue(kfa, "kfa.arets_kassaflode"),
      lineValue(br, "br.kassa_bank")
    ),
    check("mappning", "Alla konton med saldo är mappade till en rad", BigInt(unmapped.length), 0n)
  ];
  return {
    rr,
    br,
    kfa,
    notes: buildNotes(mapped),
    memberIncome: [...sumBy(mapped, "member")].map(([member, value]) => ({member, value})),
    costCategories: [...sumBy(mapped, "category")].map(([category, value]) => ({category, value})),
    unmapped,
    checks
  };
}
