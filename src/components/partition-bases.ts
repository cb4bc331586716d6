// Where the voucher partitions lie in the built site, shared by the drill-down (vouchers.ts, Parquet) and Utforska's
// transaktioner (utforska-db.ts, Arrow), so Utforska does not load hyparquet to find its files.

/**
 * Where a partition may lie, relative to this module (/_import/components/ in the built site): data/vouchers/ as
 * dynamicPaths puts it in dist/, then _file/data/vouchers/, the only place `observable preview` serves loader output.
 * Without the extension: <år>.parquet and <år>.arrows lie side by side.
 */
export function partitionBases(forbund: string, year: number): URL[] {
  const path = `data/vouchers/${encodeURIComponent(forbund)}/${year}`;
  return [new URL(`../../${path}`, import.meta.url), new URL(`../../_file/${path}`, import.meta.url)];
}
