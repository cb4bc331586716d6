// One voucher partition as Parquet (loaders/voucher-partitions.ts): the förbund's transactions of one year in row
// groups sorted by account, with account statistics in the footer, so the drill-down (src/components/vouchers.ts)
// fetches the footer and the row groups of one account with HTTP range requests. Full profile only.
import {runPartitionLoader} from "../../../../loaders/partition-site.js";

runPartitionLoader("parquet");
