// One voucher partition (loaders/voucher-partitions.ts): the förbund's transactions of one year as an Arrow IPC
// stream of record batches sorted by account, for Utforska's transaktioner (DuckDB reads no Parquet offline). Listed in
// observablehq.config.ts dynamicPaths, full profile only.
import {runPartitionLoader} from "../../../../loaders/partition-site.js";

runPartitionLoader("arrows");
