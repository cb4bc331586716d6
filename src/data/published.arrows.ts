// The figures transcribed from the published annual reports (data/published/*.json) as one table, the contract's
// `publicerat` (src/lib/catalog.ts): money as Int64 öre exactly as printed, % and antal as numbers.
import {Float64, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray} from "apache-arrow";
import Decimal from "decimal.js";
import {readPublishedReports} from "../../loaders/workspace.js";

const ORE_PER_UNIT: Record<string, number> = {kr: 100, tkr: 100_000};

const rows = readPublishedReports().flatMap((report) =>
  report.figures.map((f) => {
    const unit = f.unit ?? report.unit;
    const scale = ORE_PER_UNIT[unit];
    const ore = scale === undefined ? null : new Decimal(f.value).times(scale);
    return {
      forbund: report.forbund,
      dokument: report.document,
      ar: f.year,
      rapport: f.statement,
      rad: f.line ?? null,
      rubrik: f.label,
      tryckt: f.printed,
      enhet: unit,
      // A printed amount is whole kronor or tkr; anything finer would not be an amount of öre, so it stays empty.
      belopp_ore: ore && ore.isInteger() ? BigInt(ore.toFixed(0)) : null,
      tal: scale === undefined ? f.value : null,
      avsnitt: f.section,
      kallrad: f.seedLine
    };
  })
);

const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);

const table = new Table({
  forbund: vectorFromArray(column("forbund"), new Utf8()),
  dokument: vectorFromArray(column("dokument"), new Utf8()),
  ar: vectorFromArray(column("ar"), new Int32()),
  rapport: vectorFromArray(column("rapport"), new Utf8()),
  rad: vectorFromArray(column("rad"), new Utf8()),
  rubrik: vectorFromArray(column("rubrik"), new Utf8()),
  tryckt: vectorFromArray(column("tryckt"), new Utf8()),
  enhet: vectorFromArray(column("enhet"), new Utf8()),
  belopp_ore: vectorFromArray(column("belopp_ore"), new Int64()),
  tal: vectorFromArray(column("tal"), new Float64()),
  avsnitt: vectorFromArray(column("avsnitt"), new Utf8()),
  kallrad: vectorFromArray(column("kallrad"), new Int32())
});

process.stdout.write(tableToIPC(table, "stream"));
