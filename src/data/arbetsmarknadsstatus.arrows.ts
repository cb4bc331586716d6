// Befolkningens arbetsmarknadsstatus: persons per kommun, month, status, sex and age (see loaders/scb-tables.ts).
import {toArrowStream} from "../../loaders/arrow.js";
import {dataDir} from "../../loaders/paths.js";
import {loadScbTable} from "../../loaders/scb-tables.js";

process.stdout.write(toArrowStream(loadScbTable(dataDir("scb"), "arbetsmarknadsstatus").columns));
