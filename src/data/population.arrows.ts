// Population per kommun, year, sex and age, the denominator of the HÅE and arbetsmarknadsstatus shares (see loaders/scb-tables.ts).
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadScbTable} from "../../loaders/scb-tables.js";

process.stdout.write(toArrowStream(loadScbTable(dataDir("scb"), "population").columns));
