// Cube helpers shared by the SCB readers: long-form observations, cell lookup and the meaning of missing symbols.
import type {Diagnostic} from "../../src/lib/ledger.js";
import type {ScbReadResult} from "./px.js";
import type {MissingValue, Observation, StatCube} from "./types.js";

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
