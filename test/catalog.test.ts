// The table contract (src/lib/catalog.ts): every table named in the issue and the README, each view's source
// columns present in the file its data loader writes with a matching type, the lsg profile without voucher tables,
// the SQL helpers the explorer relies on, and the analysts' pages written so that they build offline.
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {CATALOG, catalogTables, splitStatements, tablesNamedIn, viewSql} from "../src/lib/catalog.js";

import {columnOf, formatCell, formatExact, formatNumber, rangeText} from "../src/components/utforska-table.js";
import {aggregate, defaultChart} from "../src/components/utforska-chart.js";

const root = new URL("../", import.meta.url).pathname;
const NAMES = [
  "saldon",
  "rorelser",
  "transaktioner",
  "budget",
  "hae",
  "befolkning",
  "arbetsmarknadsstatus",
  "publicerat"
];

/** The Arrow schema a data loader writes: column name → Arrow type name. */
function loaderSchema(loader: string, env: Record<string, string> = {}): Record<string, string> {
  const bytes = execFileSync(join(root, "node_modules/.bin/tsx"), [loader, ...(env.args ? env.args.split(" ") : [])], {
    cwd: root,
    env: {...process.env, ...env},
    maxBuffer: 1 << 28
  });
  const table = tableFromIPC(bytes);
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
}

const ARROW_OF: Record<string, RegExp> = {
  VARCHAR: /^Utf8$/,
  INTEGER: /^Int32$/,
  BIGINT: /^Int64$/,
  DOUBLE: /^Float64$/
};

describe("the table contract", () => {
  it("holds exactly the issue's tables, and the README's Datakatalog lists each with every column", () => {
    expect(CATALOG.map((t) => t.name)).toEqual(NAMES);
    const readme = readFileSync(join(root, "README.md"), "utf-8");
    const section = readme.slice(readme.indexOf("## Datakatalog"), readme.indexOf("## Skriv en egen analys"));
    expect(section.length).toBeGreaterThan(100);
    for (const t of CATALOG) {
      expect(section, t.name).toContain(`\`${t.name}\``);
      for (const c of t.columns) expect(section, `${t.name}.${c.name}`).toContain(`\`${c.name}\``);
    }
  });

  it("keeps money in BIGINT öre: every öre column is BIGINT and every BIGINT money column is in öre", () => {
    for (const t of CATALOG)
      for (const c of t.columns) {
        if (c.unit === "öre") expect(c.type, `${t.name}.${c.name}`).toBe("BIGINT");
        if (/_ore$/.test(c.name)) expect(c.unit, `${t.name}.${c.name}`).toBe("öre");
      }
  });

  it("leaves the voucher table out of the lsg profile, and only it", () => {
    expect(catalogTables("full").map((t) => t.name)).toEqual(NAMES);
    expect(catalogTables("lsg").map((t) => t.name)).toEqual(NAMES.filter((n) => n !== "transaktioner"));
  });

  const loaders: [string, string][] = [
    ["saldon", "src/data/account-balances.arrows.ts"],
    ["rorelser", "src/data/movements.arrows.ts"],
    ["budget", "src/data/budgets.arrows.ts"],
    ["hae", "src/data/hae.arrows.ts"],
    ["befolkning", "src/data/population.arrows.ts"],
    ["arbetsmarknadsstatus", "src/data/arbetsmarknadsstatus.arrows.ts"],
    ["publicerat", "src/data/published.arrows.ts"]
  ];
  for (const [name, loader] of loaders) {
    it(`reads ${name} from columns that ${loader} writes, with matching types`, () => {
      const schema = loaderSchema(loader);
      const table = CATALOG.find((t) => t.name === name)!;
      for (const c of table.columns) {
        const source = c.source ?? c.name;
        // A plain column must exist with the contract's type; an expression must name existing columns.
        if (/^\w+$/.test(source)) {
          expect(schema[source], `${name}.${c.name} ← ${source}`).toMatch(ARROW_OF[c.type]);
        } else {
          for (const word of source.match(/\b[a-z_]+\b/g)!.filter((w) => !/^(cast|as|integer|left|bigint)$/i.test(w)))
            expect(Object.keys(schema), `${name}.${c.name} ← ${source}`).toContain(word);
        }
      }
    }, 60_000);
  }

  it("reads transaktioner from the voucher partitions' columns", () => {
    const schema = loaderSchema("src/data/vouchers/[forbund]/[year].arrows.ts", {
      args: "--forbund=falun-borlange --year=2023"
    });
    const table = CATALOG.find((t) => t.name === "transaktioner")!;
    for (const c of table.columns.filter((c) => !["forbund", "ar"].includes(c.name)))
      expect(schema[c.source ?? c.name], c.name).toMatch(ARROW_OF[c.type]);
  }, 60_000);

  it("lists the build's row counts, and no partition and no voucher table under lsg", () => {
    const run = (profile: string) =>
      JSON.parse(
        execFileSync(join(root, "node_modules/.bin/tsx"), ["src/data/catalog.json.ts"], {
          cwd: root,
          env: {...process.env, FINSAM_PROFILE: profile},
          encoding: "utf-8"
        })
      );
    const full = run("full");
    const lsg = run("lsg");
    expect(Object.keys(full.rows)).toEqual(NAMES);
    expect(full.partitions.length).toBe(8);
    expect(full.rows.transaktioner).toBeGreaterThan(0);
    expect(Object.keys(lsg.rows)).toEqual(NAMES.filter((n) => n !== "transaktioner"));
    expect(lsg.partitions).toEqual([]);
    expect({...full.rows, transaktioner: undefined}).toEqual({...lsg.rows, transaktioner: undefined});
  }, 120_000);

  it("builds each view with its contract names and exact integer casts", () => {
    const saldon = CATALOG[0];
    expect(viewSql(saldon)).toBe(
      'CREATE OR REPLACE VIEW "saldon" AS SELECT "forbund" AS "forbund", CAST(year AS INTEGER) AS "ar", account AS "konto", ' +
        'name AS "kontonamn", CAST(opening AS BIGINT) AS "ingaende_ore", CAST(movement AS BIGINT) AS "rorelse_ore", ' +
        'CAST(opening + movement AS BIGINT) AS "utgaende_ore" FROM "_fil_saldon"'
    );
  });
});

describe("the explorer's SQL helpers", () => {
  it("finds the tables a query names, not words inside strings, comments or longer names", () => {
    const names = (sql: string) => tablesNamedIn(sql).map((t) => t.name);
    expect(names("SELECT * FROM saldon JOIN rorelser USING (forbund)")).toEqual(["saldon", "rorelser"]);
    expect(names("SELECT 'hae' AS x -- befolkning\nFROM \"publicerat\"")).toEqual(["publicerat"]);
    expect(names("SELECT * FROM saldon_kopia, budgetar")).toEqual([]);
    expect(names("select * from HAE")).toEqual(["hae"]);
  });

  it("splits a script at semicolons outside strings and comments", () => {
    expect(splitStatements("CREATE MACRO m(x) AS x; SELECT ';' AS s; -- slut;\n")).toEqual([
      "CREATE MACRO m(x) AS x",
      " SELECT ';' AS s"
    ]);
    expect(splitStatements("SELECT 1 /* a; b */ AS ett;")).toEqual(["SELECT 1 /* a; b */ AS ett"]);
    expect(splitStatements("  ;  -- bara en kommentar")).toEqual([]);
  });

  it("reads DECIMAL and HUGEINT as text and shows them exactly, the Swedish way", () => {
    expect(columnOf("s", "HUGEINT")).toEqual({
      column: {name: "s", type: "HUGEINT", kind: "decimal"},
      expression: 'CAST("s" AS VARCHAR) AS "s"'
    });
    expect(columnOf("d", "DECIMAL(10,2)").column.kind).toBe("decimal");
    expect(columnOf("b", "BIGINT")).toEqual({column: {name: "b", type: "BIGINT", kind: "integer"}, expression: '"b"'});
    expect(columnOf("t", "DATE").expression).toBe('CAST("t" AS VARCHAR) AS "t"');
    expect(formatCell("decimal", "1.50")).toBe("1,50");
    expect(formatCell("decimal", "-123456789012345678901234567.5")).toBe(
      "−123\u00a0456\u00a0789\u00a0012\u00a0345\u00a0678\u00a0901\u00a0234\u00a0567,5"
    );
    expect(formatExact("2023")).toBe("2023");
    expect(formatNumber(12345)).toBe("12\u00a0345");
    expect(formatNumber(-862900850n)).toBe("−862\u00a0900\u00a0850");
    expect(formatNumber(0.337)).toBe("0,337");
    expect(formatNumber(1 / 3)).toBe("0,333333");
    expect(formatCell("boolean", true)).toBe("sant");
    expect(formatCell("text", null)).toBe("");
    expect(rangeText(999_950, 50, 1_000_000)).toBe("Rad 999\u00a0951–1\u00a0000\u00a0000 av 1\u00a0000\u00a0000 rader");
    expect(rangeText(0, 0, 0)).toBe("Inga rader");
  });

  it("chooses a line over a month and bars over a category, and sums per x and series", () => {
    const month = [
      {name: "manad", type: "VARCHAR", kind: "text" as const},
      {name: "projekt", type: "VARCHAR", kind: "text" as const},
      {name: "kostnad_ore", type: "HUGEINT", kind: "decimal" as const}
    ];
    expect(defaultChart(month, [["2023-01-01", "P1", "100"]])).toEqual({
      type: "line",
      x: "manad",
      y: "kostnad_ore",
      series: "projekt"
    });
    const category = [
      {name: "forbund", type: "VARCHAR", kind: "text" as const},
      {name: "n", type: "BIGINT", kind: "integer" as const}
    ];
    expect(defaultChart(category, [["a", 1n]])).toEqual({type: "bar", x: "forbund", y: "n", series: ""});
    expect(defaultChart([{name: "t", type: "VARCHAR", kind: "text"}], [["a"]])).toBeUndefined();
    const summed = aggregate(
      [
        ["a", 1n, "x"],
        ["a", "2.5", "x"],
        ["b", 4, "y"]
      ],
      {type: "bar", x: "k", y: "v", series: "s"},
      false
    );
    expect(summed).toEqual([
      {x: "a", series: "x", y: 3.5},
      {x: "b", series: "y", y: 4}
    ]);
  });
});

describe("the analysts' pages", () => {
  const dir = join(root, "src/analyser");
  const pages = readdirSync(dir).filter((f) => f.endsWith(".md"));
  it("exist, and each page with sql blocks takes sql and Inputs from the workspace's own module, not a CDN", () => {
    expect(pages).toContain("kostnad-per-deltagare.md");
    for (const page of pages) {
      const text = readFileSync(join(dir, page), "utf-8");
      // Front-matter sql: makes Framework import its own DuckDB client from npm:, which an offline build cannot fetch.
      expect(/^---[\s\S]*?\nsql:/m.test(text.split(/\n---\n/)[0] + "\n"), page).toBe(false);
      if (/```sql/.test(text))
        expect(text, page).toMatch(
          /import \{[^}]*\bsql\b[^}]*\bInputs\b[^}]*\} from "\.\.\/components\/utforska-sql\.js"/
        );
    }
  });
});
