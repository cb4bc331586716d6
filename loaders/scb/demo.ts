// DEMO statistics in the shape of SCB's tables (helårsekvivalenter, arbetsmarknadsstatus, population) for the förbund's kommuner.
// There is no network, so the workspace ships these instead of real SCB figures. Everything is drawn from a
// seeded generator (mulberry32), except the figures the seeds print: Falun's and Borlänge's jan–jun 2022 and
// 2023 HÅE averages are forced to chosen exact targets (HAE_ANCHORS) that round to the printed table.
// Pure functions only: the script scripts/generate-scb-demo.ts writes the files. The model is in demo-model.ts,
// demo-hae.ts and demo-arbetsmarknadsstatus.ts; this module writes the files and their README.
import {HAE_LABELS, HAE_TYPES, type HaeType} from "../../src/lib/hae.js";
import {generateArbetsmarknadsstatus} from "./demo-arbetsmarknadsstatus.js";
import {generateHae} from "./demo-hae.js";
import {
  AGES_20_64,
  ARBETSMARKNAD_AGES,
  ARBETSMARKNAD_STATUSES,
  DEMO_KOMMUNER,
  DEMO_SEED,
  HAE_AGES,
  HAE_ANCHOR_SOURCE,
  HAE_ANCHORS,
  DEMO_PERIODS,
  type HaeAnchor,
  demoKommun,
  generatePopulation,
  type ArbetsmarknadsstatusRow,
  type HaeRow,
  type PopulationRow
} from "./demo-model.js";

export * from "./demo-model.js";
export * from "./demo-hae.js";
export * from "./demo-arbetsmarknadsstatus.js";

function tenthsText(value: number): string {
  const t = Math.round(value * 10);
  return `${Math.trunc(t / 10)}.${Math.abs(t % 10)}`;
}

/** hae.csv: header and one row per observation, value with one decimal. */
export function haeCsv(rows: HaeRow[]): string {
  const lines = ["kommun,month,type,sex,age,value"];
  for (const r of rows) lines.push(`${r.kommun},${r.month},${r.type},${r.sex},${r.age},${tenthsText(r.value)}`);
  return lines.join("\n") + "\n";
}

/** arbetsmarknadsstatus.csv: header and one row per observation. */
export function arbetsmarknadsstatusCsv(rows: ArbetsmarknadsstatusRow[]): string {
  const lines = ["kommun,month,status,sex,age,persons"];
  for (const r of rows) lines.push(`${r.kommun},${r.month},${r.status},${r.sex},${r.age},${r.persons}`);
  return lines.join("\n") + "\n";
}

/** population.csv: header and one row per observation. */
export function populationCsv(rows: PopulationRow[]): string {
  const lines = ["kommun,year,sex,age,persons"];
  for (const r of rows) lines.push(`${r.kommun},${r.year},${r.sex},${r.age},${r.persons}`);
  return lines.join("\n") + "\n";
}

/** Tenths as Swedish text with one decimal and a space between thousands: 11274 → "1 127,4". */
function tenthsSwedish(t: number): string {
  const whole = String(Math.trunc(Math.abs(t) / 10)).replace(/\B(?=(\d{3})+$)/g, " ");
  return `${t < 0 ? "−" : ""}${whole},${Math.abs(t) % 10}`;
}

/** Tenths rounded half away from zero to a whole number, as Swedish text. */
function roundedSwedish(t: number): string {
  const whole = Math.floor((Math.abs(t) + 5) / 10);
  return `${t < 0 && whole ? "−" : ""}${String(whole).replace(/\B(?=(\d{3})+$)/g, " ")}`;
}

/** A Markdown table padded the way Prettier pads it, so that formatting the repository leaves the README alone. */
function markdownTable(header: string[], rows: string[][], right: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const cell = (text: string, i: number) => (right[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? "-".repeat(w - 1) + ":" : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The Swedish README of data/scb/demo/. */
export function demoReadme(seed: number): string {
  const files = markdownTable(
    ["Fil", "Innehåll", "Kolumner"],
    [
      [
        "`hae.csv`",
        `Helårsekvivalenter 20–64 år per månad ${DEMO_PERIODS.hae.from}–${DEMO_PERIODS.hae.to}`,
        "kommun, month, type, sex, age, value"
      ],
      [
        "`arbetsmarknadsstatus.csv`",
        `Befolkningens arbetsmarknadsstatus 15–74 år per månad ${DEMO_PERIODS.arbetsmarknadsstatus.from}–${DEMO_PERIODS.arbetsmarknadsstatus.to}`,
        "kommun, month, status, sex, age, persons"
      ],
      [
        "`population.csv`",
        `Befolkning 15–74 år per år ${DEMO_PERIODS.population.from}–${DEMO_PERIODS.population.to}`,
        "kommun, year, sex, age, persons"
      ]
    ]
  );
  const anchorTables = [...new Set(HAE_ANCHORS.map((h) => h.kommun))].map((code) => {
    const [before, after] = HAE_ANCHORS.filter((h) => h.kommun === code).sort((a, b) => a.year - b.year);
    // Six-month sums are 6 × the average; the table works in tenths of the average to stay exact.
    const tenths = (h: HaeAnchor, t: HaeType) => Math.round(h.averages[t] * 10);
    const row = (label: string, a: number, b: number) => [
      label,
      tenthsSwedish(a),
      tenthsSwedish(b),
      roundedSwedish(a),
      roundedSwedish(b),
      roundedSwedish(b - a)
    ];
    const rows = HAE_TYPES.map((t) => row(HAE_LABELS[t], tenths(before, t), tenths(after, t)));
    const sum = (h: HaeAnchor) => HAE_TYPES.reduce((s, t) => s + tenths(h, t), 0);
    rows.push(row("Summa helårsekvivalenter", sum(before), sum(after)));
    const y0 = before.year;
    const y1 = after.year;
    const header = [
      `${demoKommun(code).name} (${code})`,
      `Mål jan–jun ${y0}`,
      `Mål jan–jun ${y1}`,
      `Avrundat ${y0}`,
      `Avrundat ${y1}`,
      "Avrundad diff."
    ];
    return markdownTable(header, rows, [false, true, true, true, true, true]);
  });
  return `# DEMODATA – inte SCB:s statistik

Filerna i den här mappen är **demodata**. De är framtagna av ett skript med ett fast slumpfrö och har SCB:s
tabellers form, men siffrorna är **inte SCB:s**, med undantag för de förankrade siffrorna nedan. Arbetsytan
saknar nätverk och kan därför inte hämta den riktiga statistiken; använd inte demodata som underlag för beslut.

- Skapad av: \`scripts/generate-scb-demo.ts\` (generatorn finns i \`loaders/scb/demo.ts\`)
- Slumpfrö: ${seed}
- Kommuner: ${DEMO_KOMMUNER.map((k) => `${k.name} (${k.code})`).join(", ")}
- Befolkningsstorlekarna är ungefär de verkliga; allt annat (fördelning på kön och ålder, nivåer för kommuner
  utan förankrade siffror, säsong, trender) är påhittat men rimligt till storlek och form.

## Filer

${files}

- \`kommun\`: SCB:s fyrsiffriga kommunkod. \`sex\`: 1 = män, 2 = kvinnor.
- \`type\` (HÅE): ${HAE_TYPES.join(", ")}. Summan av helårsekvivalenter lagras inte utan räknas fram.
- \`value\` (HÅE) har en decimal. \`age\` (HÅE): ${HAE_AGES.join(", ")}.
- \`status\` (BAS), i SCB:s prioritetsordning: ${ARBETSMARKNAD_STATUSES.join(", ")}. Statusarna summerar till befolkningen.
- \`age\` (BAS och befolkning): ${ARBETSMARKNAD_AGES.join(", ")}; 20–64 år är summan av ${AGES_20_64.join(", ")}.
- UTF-8, kommaseparerat, en rubrikrad, en rad per observation.

## Förankrade siffror

Källa: ${HAE_ANCHOR_SOURCE}.

För Falun och Borlänge är helårsekvivalenterna för januari–juni 2022 och 2023 styrda så att snittet per månad,
summerat över kön och ålder, blir exakt målen nedan. Avrundade till heltal (halva bort från noll) ger de
rapportens tryckta värden per ersättning och rapportens Summa, och den avrundade skillnaden mellan de oavrundade
snitten ger rapportens kolumn ”diff.”. Rapportens diff. och Summa är inte alltid skillnaden respektive summan av
de tryckta heltalen (Falun: sjuk- och aktivitetsersättning 1 127 → 1 096 med diff. −32, Summa 2023 3 360;
Borlänge: Summa 2023 4 373 och diff. 97), därför har målen decimaler. Det som avrundningen av cellerna till en
decimal lämnar kvar mot målet läggs på juni månads celler; mellan halvåren glider nivån jämnt.
Kolumnerna ”Avrundat” och ”Avrundad diff.” är exakt de siffror rapporten trycker (kontrolleras mot rapporttexten
av \`test/scb-demo.test.ts\`, som läser de incheckade CSV-filerna).

${anchorTables.join("\n\n")}

Inga andra siffror för helårsekvivalenter, BAS eller försörjningsmått finns tryckta i underlagen i \`data/seeds/\`
(Södra Dalarnas årsredovisning nämner försörjningsmåttet och helårsekvivalenter men redovisar inga siffror;
Falun-Borlänges verksamhetsplan 2025 beskriver BAS utan siffror). Allt annat i filerna är påhittat.
`;
}

/** Every file of data/scb/demo/ by name, as the generator writes them. */
export function demoFiles(seed: number = DEMO_SEED): Record<string, string> {
  const kommuner = DEMO_KOMMUNER.map((k) => k.code);
  return {
    "hae.csv": haeCsv(generateHae({kommuner, ...DEMO_PERIODS.hae, seed})),
    "arbetsmarknadsstatus.csv": arbetsmarknadsstatusCsv(
      generateArbetsmarknadsstatus({kommuner, ...DEMO_PERIODS.arbetsmarknadsstatus, seed})
    ),
    "population.csv": populationCsv(generatePopulation({kommuner, ...DEMO_PERIODS.population, seed})),
    "README.md": demoReadme(seed)
  };
}
