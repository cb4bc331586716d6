// Statistical cubes as the SCB readers return them (PX, JSON-stat2, CSV), before they are made tidy.
import type {Diagnostic} from "../../src/lib/ledger";

/** One dimension of a cube: its code, label and values in the published order. */
export interface StatVariable {
  code: string;
  label: string;
  values: {code: string; label: string}[];
  /** The time dimension (TIMEVAL in PX, role "time" in JSON-stat). */
  time?: boolean;
  /** The value code that stands for "all values" (PX ELIMINATION), when there is one. */
  elimination?: string;
  /** The variable may be left out of a query (PX ELIMINATION YES or a value); its cells then sum or total. */
  eliminable?: boolean;
  /** PX TLIST time scale such as "A1" (years) or "M1" (months). */
  timeScale?: string;
}

/** A cell without a number: SCB's ".." (not available), "-" (nil) or a DATASYMBOL; never turned into 0. */
export interface MissingValue {
  symbol: string;
  meaning: "saknas" | "noll" | "konfidentiell" | "osäker" | "övrigt";
  /** The source's own explanation of the symbol (PX DATASYMBOLn, JSON-stat extension), when given. */
  text?: string;
}

/** A cube: variables in stub/heading order (the first varies slowest) and one cell per combination. */
export interface StatCube {
  file: string;
  title?: string;
  /** The table id (MATRIX in PX, extension.px.tableid or the source URL in JSON-stat). */
  table?: string;
  variables: StatVariable[];
  /** A number, or a typed missing value. */
  cells: (number | MissingValue)[];
  /** Units or decimals per content, when the source gives them. */
  units?: Record<string, string>;
  updated?: string;
  /** What the cells count (PX CONTENTS). */
  contents?: string;
  /** Decimals to show (PX DECIMALS). */
  decimals?: number;
}

/** One observation of a cube in long form: a value code per variable. */
export interface Observation {
  keys: Record<string, string>;
  value: number | MissingValue;
}

/** What every SCB reader returns: the cube (null on a fatal error), its diagnostics and cell counts. */
export interface ScbReadResult {
  cube: StatCube | null;
  diagnostics: Diagnostic[];
  counts: {read: number; kept: number; rejected: number};
}
