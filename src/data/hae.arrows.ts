// Helårsekvivalenter per kommun, month, type, sex and age in tenths of a full-year person (see loaders/scb-tables.ts).
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadScbTable} from "../../loaders/scb-tables.js";

process.stdout.write(toArrowStream(loadScbTable(dataDir("scb"), "hae").columns));
