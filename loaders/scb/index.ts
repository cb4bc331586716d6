// The SCB readers: PX, JSON-stat 2.0, PxWeb v1 json and CSV, each from bytes to a cube with diagnostics.
export {readPx} from "./px";
export {readJsonStat, readPxWebV1Json} from "./jsonstat";
export {readScbCsv, type ScbCsvOptions} from "./csv";
export {toObservations, cellIndex, missingValue, isMissingSymbol} from "./tidy";
export type {StatCube, StatVariable, MissingValue, Observation, ScbReadResult} from "./types";
