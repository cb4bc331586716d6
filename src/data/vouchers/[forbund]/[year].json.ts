// The index of one voucher partition: byte range, rows and account range of each record batch of [year].arrows,
// so a page fetches only the batches it needs (src/components/vouchers.ts).
import {runPartitionLoader} from "../../../../loaders/voucher-partitions.js";

runPartitionLoader("json");
