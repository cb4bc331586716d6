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

const forbund: CatalogColumn = {
  name: "forbund",
  type: "VARCHAR",
  unit: "",
  description: "Förbundets id (data/forbund.json)"
};
const ar: CatalogColumn = {name: "ar", type: "INTEGER", unit: "år", description: "Räkenskapsår", source: "year"};
const konto: CatalogColumn = {name: "konto", type: "VARCHAR", unit: "", description: "Kontonummer", source: "account"};
const projekt: CatalogColumn = {
  name: "projekt",
  type: "VARCHAR",
  unit: "",
  description: "Projekt (insats, SIE-dimension 6); tomt utan projekt",
  source: "project"
};
const kostnadsstalle: CatalogColumn = {
  name: "kostnadsstalle",
  type: "VARCHAR",
  unit: "",
  description: "Kostnadsställe (SIE-dimension 1); tomt utan kostnadsställe",
  source: "cost_center"
};
const belopp: CatalogColumn = {
  name: "belopp_ore",
  type: "BIGINT",
  unit: "öre",
  description: "Belopp i öre, debet positivt och kredit negativt",
  source: "amount_ore"
};
const kommun: CatalogColumn = {name: "kommun", type: "VARCHAR", unit: "", description: "Kommunkod (SCB), t.ex. 2080"};
const manadText: CatalogColumn = {
  name: "manad",
  type: "VARCHAR",
  unit: "månad",
  description: "Månad som ÅÅÅÅ-MM",
  source: "month"
};
const arAvManad: CatalogColumn = {
  name: "ar",
  type: "INTEGER",
  unit: "år",
  description: "Året i manad",
  source: "CAST(left(month, 4) AS INTEGER)"
};
const kon: CatalogColumn = {
  name: "kon",
  type: "VARCHAR",
  unit: "",
  description: "Kön: 1 män, 2 kvinnor",
  source: "sex"
};
const alder: CatalogColumn = {
  name: "alder",
  type: "VARCHAR",
  unit: "år",
  description: "Åldersgrupp, t.ex. 20-29",
  source: "age"
};
const kalla: CatalogColumn = {
  name: "kalla",
  type: "VARCHAR",
  unit: "",
  description: "scb (hämtad statistik) eller demo (genererad, inte SCB:s)",
  source: "source"
};

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
      {name: "kontonamn", type: "VARCHAR", unit: "", description: "Kontots namn i huvudboken", source: "name"},
      {
        name: "ingaende_ore",
        type: "BIGINT",
        unit: "öre",
        description: "Ingående balans (0 för resultatkonton), debet positivt",
        source: "opening"
      },
      {
        name: "rorelse_ore",
        type: "BIGINT",
        unit: "öre",
        description: "Årets rörelse, debet positivt",
        source: "movement"
      },
      {
        name: "utgaende_ore",
        type: "BIGINT",
        unit: "öre",
        description: "Utgående balans: ingående balans + rörelse",
        source: "opening + movement"
      }
    ]
  },
  {
    name: "rorelser",
    description: "Månadens rörelse per förbund, konto, projekt och kostnadsställe, ur huvudböckerna",
    file: "data/movements.arrows",
    columns: [
      forbund,
      ar,
      {name: "manad", type: "INTEGER", unit: "månad", description: "Månad 1–12", source: "month"},
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
      {name: "serie", type: "VARCHAR", unit: "", description: "Verifikationsserie", source: "series"},
      {name: "nummer", type: "VARCHAR", unit: "", description: "Verifikationsnummer", source: "number"},
      {name: "datum", type: "VARCHAR", unit: "datum", description: "Transaktionsdatum ÅÅÅÅ-MM-DD", source: "date"},
      {
        name: "verifikationstext",
        type: "VARCHAR",
        unit: "",
        description: "Verifikationens text",
        source: "voucher_text"
      },
      konto,
      belopp,
      projekt,
      kostnadsstalle,
      {name: "text", type: "VARCHAR", unit: "", description: "Transaktionsradens egen text"}
    ]
  },
  {
    name: "budget",
    description: "Varje budgetrad i varje budgetrevision, kostnader negativa (som i driftsredovisningen)",
    file: "data/budgets.arrows",
    columns: [
      forbund,
      ar,
      {name: "revision", type: "VARCHAR", unit: "", description: "Budgetrevisionens id"},
      {name: "beslutsdatum", type: "VARCHAR", unit: "datum", description: "Revisionens beslutsdatum", source: "date"},
      {name: "rubrik", type: "VARCHAR", unit: "", description: "Revisionens namn", source: "label"},
      projekt,
      {name: "manad", type: "INTEGER", unit: "månad", description: "Månad 1–12; 0 för helårsbelopp", source: "month"},
      {
        name: "belopp_ore",
        type: "BIGINT",
        unit: "öre",
        description: "Budgeterat belopp i öre, intäkter positiva och kostnader negativa",
        source: "amount_ore"
      }
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
      {
        name: "ersattning",
        type: "VARCHAR",
        unit: "",
        description: "Ersättning: sjukpenning, arbetsloshet, ekonomiskt_bistand …",
        source: "type"
      },
      kon,
      alder,
      {
        name: "tiondelar",
        type: "BIGINT",
        unit: "tiondels HÅE",
        description: "Helårsekvivalenter i tiondelar (1234 = 123,4 HÅE); året är snittet av månaderna",
        source: "tenths"
      },
      kalla
    ]
  },
  {
    name: "befolkning",
    description: "Befolkning per kommun, år, kön och åldersgrupp (nämnaren i andelarna)",
    file: "data/population.arrows",
    columns: [
      kommun,
      {name: "ar", type: "INTEGER", unit: "år", description: "År (31 december)", source: "year"},
      kon,
      alder,
      {name: "personer", type: "INTEGER", unit: "antal", description: "Antal personer", source: "persons"}
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
      {name: "status", type: "VARCHAR", unit: "", description: "sysselsatt, arbetslos, studerande, pensionar, sjuk …"},
      kon,
      alder,
      {name: "personer", type: "INTEGER", unit: "antal", description: "Antal personer", source: "persons"},
      kalla
    ]
  },
  {
    name: "publicerat",
    description: "Varje belopp och tal ur de tryckta årsredovisningarna, exakt som tryckt (data/published)",
    file: "data/published.arrows",
    columns: [
      forbund,
      {name: "dokument", type: "VARCHAR", unit: "", description: "Dokumentet, t.ex. Årsredovisning 2023"},
      {name: "ar", type: "INTEGER", unit: "år", description: "Året som talet avser"},
      {
        name: "rapport",
        type: "VARCHAR",
        unit: "",
        description: "rr, br, kfa, not, drift, oversikt, deltagare, nyckeltal …"
      },
      {name: "rad", type: "VARCHAR", unit: "", description: "Radens id, t.ex. rr.kostnader (samma över år)"},
      {name: "rubrik", type: "VARCHAR", unit: "", description: "Rubriken som tryckt"},
      {name: "tryckt", type: "VARCHAR", unit: "", description: "Talet tecken för tecken som tryckt"},
      {name: "enhet", type: "VARCHAR", unit: "", description: "kr, tkr, % eller antal"},
      {
        name: "belopp_ore",
        type: "BIGINT",
        unit: "öre",
        description: "Beloppet i öre (tkr × 100 000), tecken som tryckt; tomt för % och antal"
      },
      {name: "tal", type: "DOUBLE", unit: "% eller antal", description: "Talet för % och antal; tomt för belopp"},
      {name: "avsnitt", type: "VARCHAR", unit: "", description: "Avsnittet eller tabellen i rapporten"},
      {name: "kallrad", type: "INTEGER", unit: "rad", description: "Raden i källfilen (data/seeds/)"}
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
