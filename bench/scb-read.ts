// SCB read benchmark: readPx and readJsonStat on HÅE-shaped cubes of 290 kommuner (or --sizes kommuner) × 144
// months × 7 contents × 2 sexes, with one age group (≈ 585 000 cells) and with five (≈ 2,9 M cells).
import type {ScbReadResult} from "../loaders/scb/types";
import {readPx} from "../loaders/scb/px";
import {readJsonStat} from "../loaders/scb/jsonstat";
import {check, timeMedian, type Benchmark, type Row} from "./runner";
import {haeShapedCubes, jsonStat2Bytes, pxBytes, type CubeSpec} from "./scb-files";

const DEFAULT_KOMMUNER = [290];
const LARGE = 1_000_000;
const FORMATS = [
  {label: "readPx", file: "hae.px", write: pxBytes, read: readPx},
  {label: "readJsonStat", file: "hae.json", write: jsonStat2Bytes, read: readJsonStat}
];

/** Fails unless the reader kept every cell without errors and the cells add up to the generated total. */
export function verifyRead(result: ScbReadResult, spec: CubeSpec): void {
  const cells = spec.tenths.length;
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  check(errors.length === 0, `${errors.length} fel, första: ${errors[0]?.message}`);
  check(result.cube !== null, "kuben saknas");
  check(
    result.counts.kept === cells && result.counts.rejected === 0,
    `behöll ${result.counts.kept} av ${cells} celler`
  );
  check(result.cube.cells.length === cells, `${result.cube.cells.length} celler i kuben, väntade ${cells}`);
  const sizes = result.cube.variables.map((v) => v.values.length).join("×");
  const expected = spec.dimensions.map((d) => d.values.length).join("×");
  check(sizes === expected, `variablerna har ${sizes} värden, väntade ${expected}`);
  let total = 0;
  for (const cell of result.cube.cells) {
    check(typeof cell === "number", `cellen ${JSON.stringify(cell)} är inget tal`);
    total += Math.round(cell * 10);
  }
  check(total === spec.totalTenths, `cellerna summerar till ${total} tiondelar, väntade ${spec.totalTenths}`);
}

export const scbReadBenchmark: Benchmark = {
  name: "scb",
  description:
    "readPx och readJsonStat på HÅE-formade kuber (290 kommuner × 144 mån × 7 innehåll × 2 kön [× 5 åldrar])",
  async run(options, progress) {
    const rows: Row[] = [];
    const number = new Intl.NumberFormat("sv-SE");
    for (const kommuner of options.sizes ?? DEFAULT_KOMMUNER) {
      progress(`scb: genererar HÅE för ${kommuner} kommuner`);
      const cubes = haeShapedCubes(kommuner);
      for (const [variant, spec] of [
        ["1 åldersgr.", cubes.byTotal],
        ["5 åldersgr.", cubes.byAge]
      ] as const) {
        const cells = spec.tenths.length;
        const runs = options.runs ?? (cells >= LARGE ? 3 : 5);
        for (const format of FORMATS) {
          const bytes = format.write(spec);
          progress(`scb: ${format.label}, ${number.format(cells)} celler (${variant}), ${runs} körningar`);
          const medianMs = timeMedian(
            runs,
            () => format.read(bytes, format.file),
            (result) => verifyRead(result, spec)
          );
          rows.push({
            benchmark: `${format.label} (HÅE, ${variant})`,
            size: `${number.format(cells)} celler`,
            runs,
            medianMs,
            rate: {value: cells / (medianMs / 1000), unit: "celler/s"},
            fileBytes: bytes.length
          });
        }
      }
    }
    return rows;
  }
};
