// A deterministic synthetic general ledger of a samordningsförbund, for benchmarks and tests: BAS accounts, member
// contributions, supplier invoices, payments and salaries over one fiscal year, every voucher balancing in öre.

import type {Account, Balance, DimensionObject, Ledger, ObjectRef, Transaction, Voucher} from "../src/lib/ledger.js";
import {writeSie} from "../loaders/sie/write.js";
import {MONTHS} from "../src/lib/format.js";
import {uniform} from "../src/lib/random.js";

const YEAR = 2024;

const ACCOUNTS: Account[] = [
  {number: "1510", name: "Kundfordringar", type: "T"},
  {number: "1790", name: "Övriga förutbetalda kostnader och upplupna intäkter", type: "T"},
  {number: "1930", name: "Företagskonto / bank", type: "T"},
  {number: "2091", name: "Balanserat resultat", type: "S"},
  {number: "2440", name: "Leverantörsskulder", type: "S"},
  {number: "2710", name: "Personalskatt", type: "S"},
  {number: "2730", name: "Lagstadgade sociala avgifter och särskild löneskatt", type: "S"},
  {number: "2990", name: "Övriga upplupna kostnader och förutbetalda intäkter", type: "S"},
  {number: "3011", name: "Medlemsbidrag Försäkringskassan", type: "I"},
  {number: "3012", name: "Medlemsbidrag Region Dalarna", type: "I"},
  {number: "3013", name: "Medlemsbidrag kommunerna", type: "I"},
  {number: "3014", name: "Medlemsbidrag Arbetsförmedlingen", type: "I"},
  {number: "4010", name: "Köpta insatser från medlemmarna", type: "K"},
  {number: "4020", name: "Köpta insatser från övriga", type: "K"},
  {number: "5010", name: "Lokalhyra", type: "K"},
  {number: "5410", name: "Förbrukningsinventarier", type: "K"},
  {number: "5800", name: "Resekostnader", type: "K"},
  {number: "6110", name: "Kontorsmateriel", type: "K"},
  {number: "6212", name: "Mobiltelefon", type: "K"},
  {number: "6420", name: "Revisionsarvoden", type: "K"},
  {number: "6530", name: "Redovisningstjänster", type: "K"},
  {number: "6550", name: "Konsultarvoden", type: "K"},
  {number: "6570", name: "Bankkostnader", type: "K"},
  {number: "6990", name: "Övriga externa kostnader", type: "K"},
  {number: "7210", name: "Löner till tjänstemän", type: "K"},
  {number: "7240", name: "Styrelsearvoden", type: "K"},
  {number: "7510", name: "Arbetsgivaravgifter", type: "K"},
  {number: "7610", name: "Utbildning", type: "K"},
  {number: "7690", name: "Övriga personalkostnader", type: "K"}
];

/** Cost accounts a supplier invoice may be booked on, with the typical supplier of each. */
const PURCHASES: [account: string, supplier: string][] = [
  ["4010", "Borlänge kommun"],
  ["4010", "Falu kommun"],
  ["4020", "Studieförbundet Vuxenskolan"],
  ["4020", "Arbetsmarknadsutbildning i Dalarna AB"],
  ["5010", "Kopparstaden AB"],
  ["5410", "Kontorsmöbler Väst AB"],
  ["5800", "SJ AB"],
  ["6110", "Lyreco Sverige AB"],
  ["6212", "Telia Sverige AB"],
  ["6420", "KPMG AB"],
  ["6530", "Ekonomitjänst i Dalarna AB"],
  ["6550", "Rehabkonsult Norr AB"],
  ["6990", "Övrigt Dalarna AB"],
  ["7610", "Utbildningsföretaget Kompetens AB"],
  ["7690", "Friskvård Falun AB"]
];

const MEMBERS: [account: string, member: string][] = [
  ["3011", "Försäkringskassan"],
  ["3012", "Region Dalarna"],
  ["3013", "Borlänge kommun"],
  ["3013", "Falu kommun"],
  ["3013", "Gagnefs kommun"],
  ["3014", "Arbetsförmedlingen"]
];

const COST_CENTRES: DimensionObject[] = [
  {dim: "1", code: "100", name: "Kansli"},
  {dim: "1", code: "200", name: "Individinriktade insatser"},
  {dim: "1", code: "300", name: "Strukturövergripande insatser"},
  {dim: "1", code: "400", name: "Styrelse"}
];

const PROJECTS: DimensionObject[] = [
  {dim: "6", code: "601", name: "Steg för steg"},
  {dim: "6", code: "602", name: "Arbetslivsinriktad rehabilitering"},
  {dim: "6", code: "603", name: "Unga vuxna i arbete"},
  {dim: "6", code: "604", name: "Hälsofrämjande insatser"},
  {dim: "6", code: "605", name: "Samverkansteam"},
  {dim: "6", code: "606", name: "Språkstöd för nyanlända"},
  {dim: "6", code: "607", name: "Kartläggning och vägledning"},
  {dim: "6", code: "608", name: "Kompetensutveckling i samverkan"}
];

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
/** An amount in öre, log-uniform between two amounts in kronor. */
const ore = (rng: Rng, minKr: number, maxKr: number): bigint =>
  BigInt(Math.round(Math.exp(Math.log(minKr) + rng() * (Math.log(maxKr) - Math.log(minKr))) * 100));
const pad = (n: number): string => String(n).padStart(2, "0");

/** The objects of a cost row: always a cost centre, a project when the cost is an insats. */
function costObjects(rng: Rng, account: string): ObjectRef[] {
  if (account === "7240") return [{dim: "1", code: "400"}];
  const centre = account.startsWith("40") ? pick(rng, COST_CENTRES.slice(1, 3)) : pick(rng, COST_CENTRES.slice(0, 3));
  const objects: ObjectRef[] = [{dim: "1", code: centre.code}];
  if (centre.code !== "100") objects.push({dim: "6", code: pick(rng, PROJECTS).code});
  return objects;
}

function row(account: string, amount: bigint, objects: ObjectRef[] = [], text?: string): Transaction {
  return {account, amount, objects, kind: "trans", line: 0, ...(text === undefined ? {} : {text})};
}

/** A supplier invoice: 1–5 cost rows against leverantörsskulder. */
function supplierInvoice(rng: Rng, invoiceNo: number): [string, Transaction[]] {
  const [account, supplier] = pick(rng, PURCHASES);
  const rows: Transaction[] = [];
  const count = 1 + Math.floor(rng() * 5);
  let total = 0n;
  for (let i = 0; i < count; i++) {
    const amount = ore(rng, 150, 120_000);
    total += amount;
    const rowAccount = i === 0 ? account : pick(rng, PURCHASES)[0];
    rows.push(row(rowAccount, amount, costObjects(rng, rowAccount)));
  }
  rows.push(row("2440", -total));
  return [`Faktura ${invoiceNo} ${supplier}`, rows];
}

/** A payment of a supplier invoice, sometimes with a bank fee. */
function supplierPayment(rng: Rng, invoiceNo: number): [string, Transaction[]] {
  const amount = ore(rng, 150, 250_000);
  const rows = [row("2440", amount), row("1930", -amount)];
  if (rng() < 0.2) {
    const fee = ore(rng, 2, 25);
    rows.push(row("6570", fee, [{dim: "1", code: "100"}]));
    rows[1].amount -= fee;
  }
  return [`Betalning leverantörsfaktura ${invoiceNo}`, rows];
}

/** A member contribution, invoiced or paid. */
function memberContribution(rng: Rng, month: number): [string, Transaction[]] {
  const [account, member] = pick(rng, MEMBERS);
  const amount = ore(rng, 20_000, 900_000);
  const quarter = Math.floor(month / 3) + 1;
  if (rng() < 0.5) return [`Faktura medlemsbidrag Q${quarter} ${member}`, [row("1510", amount), row(account, -amount)]];
  return [`Inbetalning medlemsbidrag Q${quarter} ${member}`, [row("1930", amount), row("1510", -amount)]];
}

/** A salary: gross pay on one or two cost centres, employer's contributions, tax withheld and net pay. */
function salary(rng: Rng, month: number): [string, Transaction[]] {
  const board = rng() < 0.15;
  const gross = ore(rng, board ? 1_500 : 25_000, board ? 12_000 : 55_000);
  const fees = (gross * 3142n) / 10000n;
  const tax = (gross * 30n) / 100n;
  const account = board ? "7240" : "7210";
  const rows: Transaction[] = [];
  if (!board && rng() < 0.5) {
    const first = (gross * BigInt(20 + Math.floor(rng() * 60))) / 100n;
    rows.push(row(account, first, costObjects(rng, account)), row(account, gross - first, costObjects(rng, account)));
  } else {
    rows.push(row(account, gross, costObjects(rng, account)));
  }
  rows.push(row("7510", fees, [{dim: "1", code: board ? "400" : "100"}]), row("2710", -tax), row("2730", -fees));
  rows.push(row("1930", -(gross - tax)));
  return [board ? `Arvode styrelsemöte ${MONTHS[month]}` : `Lön ${MONTHS[month]} ${YEAR}`, rows];
}

/** A tax payment, or an accrual booked by hand. */
function manual(rng: Rng, month: number): [string, Transaction[]] {
  if (rng() < 0.5) {
    const tax = ore(rng, 5_000, 80_000);
    const fees = ore(rng, 5_000, 80_000);
    return [`Skattekonto ${MONTHS[month]}`, [row("2710", tax), row("2730", fees), row("1930", -(tax + fees))]];
  }
  const [account] = pick(rng, PURCHASES);
  const amount = ore(rng, 500, 60_000);
  const text = `Periodisering ${MONTHS[month]}`;
  return [text, [row("1790", amount, [], text), row(account, -amount, costObjects(rng, account), text)]];
}

/** Opening balances of the balance accounts; equity is whatever makes them sum to zero. */
function openingBalances(rng: Rng): Balance[] {
  const amounts: [string, bigint][] = [
    ["1510", ore(rng, 10_000, 200_000)],
    ["1790", ore(rng, 5_000, 80_000)],
    ["1930", ore(rng, 1_000_000, 6_000_000)],
    ["2440", -ore(rng, 20_000, 300_000)],
    ["2710", -ore(rng, 20_000, 60_000)],
    ["2730", -ore(rng, 20_000, 60_000)],
    ["2990", -ore(rng, 10_000, 150_000)]
  ];
  amounts.push(["2091", -amounts.reduce((sum, [, amount]) => sum + amount, 0n)]);
  return amounts.map(([account, amount]) => ({kind: "ib", yearIndex: 0, account, amount, line: 0}));
}

/** A deterministic general ledger of `vouchers` vouchers over fiscal year 2024, the same for the same seed. */
export function syntheticLedger(vouchers: number, seed = 1): Ledger {
  const rng = uniform(seed);
  const balances = openingBalances(rng);
  const numbers: Record<string, number> = {A: 0, B: 0, C: 0, L: 0};
  const list: Voucher[] = [];
  const start = Date.UTC(YEAR, 0, 1);
  for (let i = 0; i < vouchers; i++) {
    const day = new Date(start + Math.floor((i * 366) / vouchers) * 86_400_000);
    const month = day.getUTCMonth();
    const kind = rng();
    const invoiceNo = 10_000 + Math.floor(rng() * 90_000);
    const [series, [text, transactions]] =
      kind < 0.35
        ? ["B", supplierInvoice(rng, invoiceNo)]
        : kind < 0.6
          ? ["C", supplierPayment(rng, invoiceNo)]
          : kind < 0.75
            ? ["C", memberContribution(rng, month)]
            : kind < 0.9
              ? ["L", salary(rng, month)]
              : ["A", manual(rng, month)];
    const date = `${YEAR}-${pad(month + 1)}-${pad(day.getUTCDate())}`;
    list.push({series, number: String(++numbers[series]), date, text, transactions, line: 0});
  }
  return {
    file: `synthetic-${vouchers}-${seed}.se`,
    program: "Finsam Analys bench",
    format: "PC8",
    sieType: "4",
    companyName: "Samordningsförbundet Syntetiska Dalarna",
    orgNumber: "222000-0001",
    generated: `${YEAR + 1}-02-15`,
    currency: "SEK",
    fiscalYears: [{yearIndex: 0, start: `${YEAR}-01-01`, end: `${YEAR}-12-31`}],
    accounts: ACCOUNTS.map((a) => ({...a})),
    dimensions: [
      {dim: "1", name: "Kostnadsställe"},
      {dim: "6", name: "Projekt"}
    ],
    objects: [...COST_CENTRES, ...PROJECTS].map((o) => ({...o})),
    balances,
    vouchers: list
  };
}

/** The SIE 4 bytes of `syntheticLedger(vouchers, seed)`. */
export function syntheticSie(vouchers: number, seed = 1): Uint8Array {
  return writeSie(syntheticLedger(vouchers, seed));
}
