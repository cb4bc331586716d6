// Cube helpers shared by the SCB readers: long-form observations, cell lookup and the meaning of missing symbols.
import type {Diagnostic} from "../../src/lib/ledger";
import type {MissingValue, Observation, ScbReadResult, StatCube} from "./types";

/** Lists every cell as an observation with one value code per variable, in cube order (last variable fastest). */
export function toObservations(cube: StatCube): Observation[] {
  const vars = cube.variables;
  const out: Observation[] = new Array(cube.cells.length);
  const pos = new Array<number>(vars.length).fill(0);
  for (let c = 0; c < cube.cells.length; c++) {
    const keys: Record<string, string> = {};
    for (let v = 0; v < vars.length; v++) keys[vars[v].code] = vars[v].values[pos[v]].code;
    out[c] = {keys, value: cube.cells[c]};
    // Odometer step: the last variable varies fastest, as in PX DATA and JSON-stat value.
    for (let v = vars.length - 1; v >= 0; v--) {
      if (++pos[v] < vars[v].values.length) break;
      pos[v] = 0;
    }
  }
  return out;
}

// Built once per cube so that repeated lookups in a large cube stay cheap.
const lookups = new WeakMap<StatCube, {strides: number[]; codes: Map<string, number>[]}>();

/** The index in cube.cells of the cell with these value codes (variable code → value code), or -1. */
export function cellIndex(cube: StatCube, keys: Record<string, string>): number {
  let lookup = lookups.get(cube);
  if (!lookup) {
    const strides = new Array<number>(cube.variables.length);
    let stride = 1;
    for (let v = cube.variables.length - 1; v >= 0; v--) {
      strides[v] = stride;
      stride *= cube.variables[v].values.length;
    }
    const codes = cube.variables.map((variable) => new Map(variable.values.map((value, i) => [value.code, i])));
    lookup = {strides, codes};
    lookups.set(cube, lookup);
  }
  let index = 0;
  for (let v = 0; v < cube.variables.length; v++) {
    const code = keys[cube.variables[v].code];
    const i = code === undefined ? undefined : lookup.codes[v].get(code);
    if (i === undefined) return -1;
    index += i * lookup.strides[v];
  }
  return index;
}

// SCB's teckenförklaring: ".." not available or too uncertain, "." cannot occur, "-" nothing to report,
// "x" suppressed for confidentiality. Other dot runs are the PX DATASYMBOL3..6 slots with no fixed meaning.
const DEFAULT_MEANING: Record<string, MissingValue["meaning"]> = {
  "..": "saknas",
  "...": "saknas",
  ".": "övrigt",
  "-": "noll",
  x: "konfidentiell",
  X: "konfidentiell"
};

/** The typed missing value for a data symbol, its meaning taken from the source's explanation when it has one. */
export function missingValue(symbol: string, text?: string): MissingValue {
  const meaning = (text && meaningOfText(text)) || DEFAULT_MEANING[symbol] || "övrigt";
  return text ? {symbol, meaning, text} : {symbol, meaning};
}

function meaningOfText(text: string): MissingValue["meaning"] | undefined {
  const t = text.toLowerCase();
  if (/sekretess|konfidentiell|röj|secret|confidential|classified|hidden|suppressed/.test(t)) return "konfidentiell";
  if (/osäker|uncertain|unreliable/.test(t)) return "osäker";
  if (/saknas|tillgänglig|n\.a\.|not available|unknown|missing|okänd/.test(t)) return "saknas";
  if (/noll|nothing|\bnil\b|zero|inget/.test(t)) return "noll";
  return undefined;
}

/** True for the symbols SCB and PX use for cells without a number: runs of dots, "-", "x". */
export function isMissingSymbol(token: string): boolean {
  return token === "-" || token === "x" || token === "X" || /^\.{1,6}$/.test(token);
}

/** A reader's way out on an error that leaves nothing usable: the error is recorded, the cube is null and every
 * cell seen counts as rejected, so nothing is half-loaded. */
export function failWith(file: string, diagnostics: Diagnostic[]) {
  return (line: number, message: string, read = 0): ScbReadResult => {
    diagnostics.push({file, line, severity: "error", message});
    return {cube: null, diagnostics, counts: {read, kept: 0, rejected: read}};
  };
}

/** The default limit on a cube's cells: far above any SCB table (the API caps a request at a few hundred thousand
 * cells), low enough that a small file claiming tens of millions of cells is refused before anything is allocated. */
export const DEFAULT_MAX_CELLS = 10_000_000;
/** The environment variable that sets the limit for every reader, unless a reader's maxCells option is given. */
export const MAX_CELLS_ENV = "FINSAM_SCB_MAX_CELLS";

/** Options every SCB reader takes. */
export interface ScbReadOptions {
  /** The most cells a cube may have; default FINSAM_SCB_MAX_CELLS or DEFAULT_MAX_CELLS. */
  maxCells?: number;
}

/** The cell limit in force: the option, else the environment variable, else the default; an error when not valid. */
export function cellLimit(options: ScbReadOptions = {}): {limit: number} | {error: string} {
  if (options.maxCells !== undefined) {
    if (Number.isSafeInteger(options.maxCells) && options.maxCells > 0) return {limit: options.maxCells};
    return {error: `Gränsen maxCells = ${options.maxCells} är inget positivt heltal`};
  }
  const env = globalThis.process?.env?.[MAX_CELLS_ENV];
  if (env === undefined || env === "") return {limit: DEFAULT_MAX_CELLS};
  const limit = Number(env);
  if (/^\d+$/.test(env.trim()) && Number.isSafeInteger(limit) && limit > 0) return {limit};
  return {error: `${MAX_CELLS_ENV}=${env} är inget positivt heltal`};
}

/** The message for a cube larger than the limit, naming how to raise it. */
export function tooManyCells(what: string, cells: number, limit: number): string {
  return `${what} ger ${cells} celler, fler än gränsen ${limit} (höj den med ${MAX_CELLS_ENV})`;
}

/** The first code that occurs twice in a list, if any. */
export function duplicateCode(codes: string[]): string | undefined {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) return code;
    seen.add(code);
  }
  return undefined;
}
