// Synthetic SCB files for the read benchmark: an HÅE-shaped cube (TAB1386's variables) written as PX and as
// JSON-stat2, both from the same cells, so that the two readers are timed on equivalent input.
import {generateNationalHae, type HaeCube} from "../loaders/scb/demo.js";

/** One dimension of a generated cube. */
export interface CubeDimension {
  code: string;
  label: string;
  values: {code: string; label: string}[];
  time?: boolean;
}

/** A cube to write: dimensions in order (the first varies slowest), cells in tenths, and PX's stub/heading split. */
export interface CubeSpec {
  table: string;
  title: string;
  dimensions: CubeDimension[];
  /** How many of the first dimensions PX puts in STUB; the rest go to HEADING. */
  stub: number;
  tenths: Int32Array;
  /** The sum of all cells in tenths, for checking what a reader returns. */
  totalTenths: number;
}

const HAE_CONTENTS = [
  "Sjukpenning och rehabiliteringspenning",
  "Sjuk- och aktivitetsersättning",
  "Arbetslöshetsersättning",
  "Arbetsmarknadsåtgärder",
  "Etableringsersättning",
  "Ekonomiskt bistånd",
  "Summa helårsekvivalenter"
];
const AGE_LABELS = ["20-29 år", "30-39 år", "40-49 år", "50-59 år", "60-64 år"];

/** TAB1386-shaped cube (region, kön, åldersgrupp, tabellinnehåll, månad) from a national demo cube; 7 contents. */
export function haeShapedCube(hae: HaeCube, byAge: boolean): CubeSpec {
  const [K, M, T, S, A] = [hae.kommuner.length, hae.months.length, hae.types.length, hae.sexes.length, hae.ages.length];
  const C = T + 1;
  const ages = byAge ? A : 1;
  const tenths = new Int32Array(K * S * ages * C * M);
  let total = 0;
  for (let k = 0; k < K; k++) {
    for (let m = 0; m < M; m++) {
      for (let t = 0; t < T; t++) {
        for (let s = 0; s < S; s++) {
          for (let a = 0; a < A; a++) {
            const v = Math.round(hae.values[(((k * M + m) * T + t) * S + s) * A + a] * 10);
            const row = ((k * S + s) * ages + (byAge ? a : 0)) * C;
            tenths[(row + t) * M + m] += v;
            tenths[(row + T) * M + m] += v;
            total += 2 * v;
          }
        }
      }
    }
  }
  const dimensions: CubeDimension[] = [
    {code: "Region", label: "region", values: hae.kommuner.map((c) => ({code: c, label: `${c} Demokommun ${c}`}))},
    {code: "Kon", label: "kön", values: hae.sexes.map((c) => ({code: c, label: c === "1" ? "män" : "kvinnor"}))},
    {
      code: "Aldersgrupp",
      label: "åldersgrupp",
      values: byAge ? hae.ages.map((c, i) => ({code: c, label: AGE_LABELS[i]})) : [{code: "20-64", label: "20-64 år"}]
    },
    {
      code: "ContentsCode",
      label: "tabellinnehåll",
      values: HAE_CONTENTS.map((label, i) => ({code: `000007B${i + 1}`, label}))
    },
    {
      code: "Tid",
      label: "månad",
      time: true,
      values: hae.months.map((m) => ({code: m.replace("-", "M"), label: m.replace("-", "M")}))
    }
  ];
  const title = "Helårsekvivalenter efter region, kön, åldersgrupp, tabellinnehåll och månad";
  return {table: "TAB1386", title, dimensions, stub: 3, tenths, totalTenths: total};
}

/** The national demo cube for `kommuner` kommuner (seeded), and its HÅE-shaped cube with and without age groups. */
export function haeShapedCubes(kommuner: number, seed = 1): {byTotal: CubeSpec; byAge: CubeSpec} {
  const hae = generateNationalHae(seed, kommuner);
  return {byTotal: haeShapedCube(hae, false), byAge: haeShapedCube(hae, true)};
}

/** Tenths as a number with one decimal: 1234 → "123.4". */
function decimal(t: number): string {
  return `${(t - (t % 10)) / 10}.${t % 10}`;
}

/** Quoted PX items, wrapped at about 200 characters as PxWeb wraps long lists. */
function pxList(items: string[]): string {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const quoted = `"${item}"`;
    if (line && line.length + quoted.length > 200) {
      lines.push(line + ",");
      line = "";
    }
    line += (line ? "," : "") + quoted;
  }
  return [...lines, line].join("\n");
}

/** A PX file (ISO-8859-1, as Statistikdatabasen writes them) with one DATA line per stub combination. */
export function pxBytes(spec: CubeSpec): Uint8Array {
  const dims = spec.dimensions;
  const contents = dims.find((d) => d.code === "ContentsCode");
  const lines = [
    'CHARSET="ANSI";',
    'AXIS-VERSION="2010";',
    'CODEPAGE="iso-8859-1";',
    'LANGUAGE="sv";',
    'CREATION-DATE="20260115 09:30";',
    "DECIMALS=1;",
    "SHOWDECIMALS=1;",
    `MATRIX="${spec.table}";`,
    'SUBJECT-CODE="HE";',
    'SUBJECT-AREA="Hushållens ekonomi";',
    `TITLE="${spec.title}";`,
    'CONTENTS="Helårsekvivalenter";',
    'UNITS="antal";',
    `STUB=${pxList(dims.slice(0, spec.stub).map((d) => d.label))};`,
    `HEADING=${pxList(dims.slice(spec.stub).map((d) => d.label))};`
  ];
  if (contents) lines.push(`CONTVARIABLE="${contents.label}";`);
  for (const d of dims) lines.push(`VALUES("${d.label}")=${pxList(d.values.map((v) => v.label))};`);
  for (const d of dims.filter((d) => d.time)) {
    lines.push(`TIMEVAL("${d.label}")=TLIST(M1),${pxList(d.values.map((v) => v.code.replace("M", "")))};`);
  }
  for (const d of dims) lines.push(`CODES("${d.label}")=${pxList(d.values.map((v) => v.code))};`);
  lines.push('ELIMINATION("kön")=YES;');
  for (const v of contents?.values ?? []) {
    lines.push(`UNITS("${v.label}")="antal";`, `LAST-UPDATED("${v.label}")="20260115 09:30";`);
  }
  lines.push("DATA=");
  const width = dims.slice(spec.stub).reduce((n, d) => n * d.values.length, 1);
  const row: string[] = new Array(width);
  for (let start = 0; start < spec.tenths.length; start += width) {
    for (let j = 0; j < width; j++) row[j] = decimal(spec.tenths[start + j]);
    lines.push(row.join(" "));
  }
  lines.push(";");
  return new Uint8Array(Buffer.from(lines.join("\r\n") + "\r\n", "latin1"));
}

/** A JSON-stat 2.0 dataset (UTF-8) as PxWeb API v2 returns it for the same cube. */
export function jsonStat2Bytes(spec: CubeSpec): Uint8Array {
  const dimension = Object.fromEntries(
    spec.dimensions.map((d) => [
      d.code,
      {
        label: d.label,
        category: {
          index: Object.fromEntries(d.values.map((v, i) => [v.code, i])),
          label: Object.fromEntries(d.values.map((v) => [v.code, v.label])),
          ...(d.code === "ContentsCode"
            ? {unit: Object.fromEntries(d.values.map((v) => [v.code, {base: "antal", decimals: 1}]))}
            : {})
        },
        extension: {elimination: d.code === "Kon", show: "value"}
      }
    ])
  );
  const head = {
    version: "2.0",
    class: "dataset",
    label: spec.title,
    source: "SCB",
    updated: "2026-01-15T08:30:00Z",
    role: {time: spec.dimensions.filter((d) => d.time).map((d) => d.code), metric: ["ContentsCode"]},
    id: spec.dimensions.map((d) => d.code),
    size: spec.dimensions.map((d) => d.values.length),
    dimension,
    extension: {px: {tableid: spec.table, decimals: 1, language: "sv"}}
  };
  const values: string[] = new Array(spec.tenths.length);
  for (let i = 0; i < values.length; i++) values[i] = decimal(spec.tenths[i]);
  const text = JSON.stringify(head).slice(0, -1) + `,"value":[${values.join(",")}]}`;
  return new TextEncoder().encode(text);
}
