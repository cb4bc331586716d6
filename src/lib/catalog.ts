// The table contract: the workspace tables an analyst queries by name on /utforska and in src/analyser/*.md, with
// their columns, types, units and a one-line Swedish description. Each table is a view over the Arrow file a data
// loader writes (src/data/*.arrows.ts); the view gives the columns their contract names, so a loader may rename its
// own columns without breaking an analyst's query. Money is BIGINT öre throughout; kr(), tkr() and kr_ore() show it.

/** One column of a contract table. */
export interface CatalogColumn {
  name: string;
  /** The DuckDB type of the view's column. */
  type: "VARCHAR" | "INTEGER" | "BIGINT" | "DOUBLE";
  /** The unit, in Swedish ("öre", "antal" …); empty for codes and names. */
  unit: string;
  description: string;
  /** The expression over the loader's file that gives the column; the column's own name when omitted. */
  source?: string;
}

/** One contract table. */
export interface CatalogTable {
  name: string;
  description: string;
  /** The file the view reads, as the site serves it (the data loader in src/data/ that writes it). */
  file: string;
  /** Only in the full profile: the site shared with LSG neither lists nor loads it. */
  fullOnly?: boolean;
  /** Too large to load with the page: loaded when a query names it. */
  large?: boolean;
  columns: CatalogColumn[];
}

/** A column of the contract: its name, DuckDB type, unit, description and, where it differs, the loader's column. */
function column(
  name: string,
  type: CatalogColumn["type"],
  unit: string,
  description: string,
  source?: string
): CatalogColumn {
  return source === undefined ? {name, type, unit, description} : {name, type, unit, description, source};
}

const forbund = column("forbund", "VARCHAR", "", "Förbundets id (data/forbund.json)");
const ar = column("ar", "INTEGER", "år", "Räkenskapsår", "year");
const konto = column("konto", "VARCHAR", "", "Kontonummer", "account");
const projekt = column("projekt", "VARCHAR", "", "Projekt (insats, SIE-dimension 6); tomt utan projekt", "project");
const kostnadsstalle = column(
  "kostnadsstalle",
  "VARCHAR",
  "",
  "Kostnadsställe (SIE-dimension 1); tomt utan kostnadsställe",
  "cost_center"
);
const belopp = column("belopp_ore", "BIGINT", "öre", "Belopp i öre, debet positivt och kredit negativt", "amount_ore");
const kommun = column("kommun", "VARCHAR", "", "Kommunkod (SCB), t.ex. 2080");
const manadText = column("manad", "VARCHAR", "månad", "Månad som ÅÅÅÅ-MM", "month");
const arAvManad = column("ar", "INTEGER", "år", "Året i manad", "CAST(left(month, 4) AS INTEGER)");
const kon = column("kon", "VARCHAR", "", "Kön: 1 män, 2 kvinnor", "sex");
const alder = column("alder", "VARCHAR", "år", "Åldersgrupp, t.ex. 20-29", "age");
const kalla = column("kalla", "VARCHAR", "", "scb (hämtad statistik) eller demo (genererad, inte SCB:s)", "source");

/** Every table of the contract, in the order the catalog lists them. */
export const CATALOG: CatalogTable[] = [
  {
    name: "saldon",
    description: "Kontonas ingående balans och årets rörelse per förbund, år och konto, ur huvudböckerna",
    file: "data/account-balances.arrows",
    columns: [
      forbund,
      ar,
      konto,
      column("kontonamn", "VARCHAR", "", "Kontots namn i huvudboken", "name"),
      column("ingaende_ore", "BIGINT", "öre", "Ingående balans (0 för resultatkonton), debet positivt", "opening"),
      column("rorelse_ore", "BIGINT", "öre", "Årets rörelse, debet positivt", "movement"),
      column("utgaende_ore", "BIGINT", "öre", "Utgående balans: ingående balans + rörelse", "opening + movement")
    ]
  },
  {
    name: "rorelser",
    description: "Månadens rörelse per förbund, konto, projekt och kostnadsställe, ur huvudböckerna",
    file: "data/movements.arrows",
    columns: [
      forbund,
      ar,
      column("manad", "INTEGER", "månad", "Månad 1–12", "month"),
      konto,
      projekt,
      kostnadsstalle,
      belopp
    ]
  },
  {
    name: "transaktioner",
    description: "Verifikationernas transaktionsrader; bara i den fullständiga versionen, aldrig i den för LSG",
    file: "data/vouchers/<förbund>/<år>.arrows",
    fullOnly: true,
    large: true,
    columns: [
      forbund,
      ar,
      column("serie", "VARCHAR", "", "Verifikationsserie", "series"),
      column("nummer", "VARCHAR", "", "Verifikationsnummer", "number"),
      column("datum", "VARCHAR", "datum", "Transaktionsdatum ÅÅÅÅ-MM-DD", "date"),
      column("verifikationstext", "VARCHAR", "", "Verifikationens text", "voucher_text"),
      konto,
      belopp,
      projekt,
      kostnadsstalle,
      column("text", "VARCHAR", "", "Transaktionsradens egen text")
    ]
  },
  {
    name: "budget",
    description: "Varje budgetrad i varje budgetrevision, kostnader negativa (som i driftsredovisningen)",
    file: "data/budgets.arrows",
    columns: [
      forbund,
      ar,
      column("revision", "VARCHAR", "", "Budgetrevisionens id"),
      column("beslutsdatum", "VARCHAR", "datum", "Revisionens beslutsdatum", "date"),
      column("rubrik", "VARCHAR", "", "Revisionens namn", "label"),
      projekt,
      column("manad", "INTEGER", "månad", "Månad 1–12; 0 för helårsbelopp", "month"),
      column(
        "belopp_ore",
        "BIGINT",
        "öre",
        "Budgeterat belopp i öre, intäkter positiva och kostnader negativa",
        "amount_ore"
      )
    ]
  },
  {
    name: "hae",
    description: "Helårsekvivalenter per kommun, månad, ersättning, kön och åldersgrupp (SCB eller demodata)",
    file: "data/hae.arrows",
    columns: [
      kommun,
      manadText,
      arAvManad,
      column("ersattning", "VARCHAR", "", "Ersättning: sjukpenning, arbetsloshet, ekonomiskt_bistand …", "type"),
      kon,
      alder,
      column(
        "tiondelar",
        "BIGINT",
        "tiondels HÅE",
        "Helårsekvivalenter i tiondelar (1234 = 123,4 HÅE); året är snittet av månaderna",
        "tenths"
      ),
      kalla
    ]
  },
  {
    name: "befolkning",
    description: "Befolkning per kommun, år, kön och åldersgrupp (nämnaren i andelarna)",
    file: "data/population.arrows",
    columns: [
      kommun,
      column("ar", "INTEGER", "år", "År (31 december)", "year"),
      kon,
      alder,
      column("personer", "INTEGER", "antal", "Antal personer", "persons")
    ]
  },
  {
    name: "arbetsmarknadsstatus",
    description: "Befolkningens arbetsmarknadsstatus per kommun, månad, status, kön och åldersgrupp (SCB:s BAS)",
    file: "data/arbetsmarknadsstatus.arrows",
    columns: [
      kommun,
      manadText,
      arAvManad,
      column("status", "VARCHAR", "", "sysselsatt, arbetslos, studerande, pensionar, sjuk …"),
      kon,
      alder,
      column("personer", "INTEGER", "antal", "Antal personer", "persons"),
      kalla
    ]
  },
  {
    name: "publicerat",
    description: "Varje belopp och tal ur de tryckta årsredovisningarna, exakt som tryckt (data/published)",
    file: "data/published.arrows",
    columns: [
      forbund,
      column("dokument", "VARCHAR", "", "Dokumentet, t.ex. Årsredovisning 2023"),
      column("ar", "INTEGER", "år", "Året som talet avser"),
      column("rapport", "VARCHAR", "", "rr, br, kfa, not, drift, oversikt, deltagare, nyckeltal …"),
      column("rad", "VARCHAR", "", "Radens id, t.ex. rr.kostnader (samma över år)"),
      column("rubrik", "VARCHAR", "", "Rubriken som tryckt"),
      column("tryckt", "VARCHAR", "", "Talet tecken för tecken som tryckt"),
      column("enhet", "VARCHAR", "", "kr, tkr, % eller antal"),
      column("belopp_ore", "BIGINT", "öre", "Beloppet i öre (tkr × 100 000), tecken som tryckt; tomt för % och antal"),
      column("tal", "DOUBLE", "% eller antal", "Talet för % och antal; tomt för belopp"),
      column("avsnitt", "VARCHAR", "", "Avsnittet eller tabellen i rapporten"),
      column("kallrad", "INTEGER", "rad", "Raden i källfilen (data/seeds/)")
    ]
  }
];

/** The tables a profile's site holds: every table in "full", none of the voucher tables in "lsg". */
export function catalogTables(profile: string): CatalogTable[] {
  return CATALOG.filter((t) => profile === "full" || !t.fullOnly);
}

/** The table of a name, in a profile; undefined for a table the profile does not hold. */
export function catalogTable(name: string, profile: string): CatalogTable | undefined {
  return catalogTables(profile).find((t) => t.name === name);
}

/** The name under which a table's file is loaded, beneath the view. */
export function rawTableName(table: CatalogTable): string {
  return `_fil_${table.name}`;
}

/** The view that gives a loaded file the contract's columns. */
export function viewSql(table: CatalogTable, from = `"${rawTableName(table)}"`): string {
  const columns = table.columns.map((c) => {
    const source = c.source ?? `"${c.name}"`;
    const expression = c.type === "BIGINT" || c.type === "INTEGER" ? `CAST(${source} AS ${c.type})` : source;
    return `${expression} AS "${c.name}"`;
  });
  return `CREATE OR REPLACE VIEW "${table.name}" AS SELECT ${columns.join(", ")} FROM ${from}`;
}

/**
 * Macros that show öre as Swedish text: kr() whole kronor ("8 629 009"), tkr() thousands ("8 629"), both rounded
 * half away from zero, and kr_ore() kronor and öre ("8 629 008,50"); groups with no-break spaces, a minus sign "−";
 * procent() a share as per cent with one decimal ("33,7 %").
 */
export const MONEY_MACROS = [
  `CREATE OR REPLACE MACRO _svensk_heltal(n) AS
     (CASE WHEN n < 0 THEN '−' ELSE '' END) || replace(format('{:,}', CAST(abs(n) AS BIGINT)), ',', chr(160))`,
  `CREATE OR REPLACE MACRO _avrunda(ore, enhet) AS
     CASE WHEN ore < 0 THEN -((-ore + enhet // 2) // enhet) ELSE (ore + enhet // 2) // enhet END`,
  `CREATE OR REPLACE MACRO kr(ore) AS _svensk_heltal(_avrunda(ore, 100))`,
  `CREATE OR REPLACE MACRO tkr(ore) AS _svensk_heltal(_avrunda(ore, 100000))`,
  `CREATE OR REPLACE MACRO kr_ore(ore) AS
     (CASE WHEN ore < 0 THEN '−' ELSE '' END) || replace(format('{:,}', CAST(abs(ore) // 100 AS BIGINT)), ',', chr(160))
     || ',' || lpad(CAST(CAST(abs(ore) % 100 AS INTEGER) AS VARCHAR), 2, '0')`,
  `CREATE OR REPLACE MACRO procent(andel) AS
     replace(replace(printf('%.1f', 100 * CAST(andel AS DOUBLE)), '.', ','), '-', '−') || chr(160) || '%'`
];

/** The contract tables a query names, in catalog order (a word match: a column or alias of the same name counts). */
export function tablesNamedIn(sql: string, tables: CatalogTable[] = CATALOG): CatalogTable[] {
  const text = sql.replace(/--[^\n]*/g, " ").replace(/'(?:[^']|'')*'/g, "''");
  return tables.filter((t) => new RegExp(`(^|[^\\wåäöÅÄÖ])"?${t.name}"?($|[^\\wåäöÅÄÖ])`, "i").test(text));
}

/**
 * A script split into its statements at the semicolons outside strings, quoted names and comments; empty statements
 * (a trailing semicolon, a comment alone) are left out.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      const stop = end < 0 ? script.length : end;
      current += script.slice(i, stop + 1);
      i = stop;
    } else if (c === "-" && script[i + 1] === "-") {
      const end = script.indexOf("\n", i);
      const stop = end < 0 ? script.length : end;
      current += script.slice(i, stop);
      i = stop - 1;
    } else if (c === "/" && script[i + 1] === "*") {
      const end = script.indexOf("*/", i + 2);
      const stop = end < 0 ? script.length : end + 2;
      current += script.slice(i, stop);
      i = stop - 1;
    } else if (c === ";") {
      statements.push(current);
      current = "";
    } else current += c;
  }
  statements.push(current);
  return statements.filter((s) => s.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim());
}
