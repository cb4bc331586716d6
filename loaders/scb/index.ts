// The SCB readers: PX, JSON-stat 2.0, PxWeb v1 json and CSV, each from bytes to a cube with diagnostics.
export {readPx} from "./px.js";
export {readJsonStat, readPxWebV1Json} from "./jsonstat.js";
export {readScbCsv, type ScbCsvOptions} from "./csv.js";
export {toObservations, cellIndex, missingValue, isMissingSymbol} from "./tidy.js";
export {cellLimit, DEFAULT_MAX_CELLS, MAX_CELLS_ENV, type ScbReadOptions} from "./tidy.js";
export type {StatCube, StatVariable, MissingValue, Observation, ScbReadResult} from "./types.js";
