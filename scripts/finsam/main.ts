// The `finsam` command: what an ekonom runs on an export before sending it. Everything it prints is Swedish, and
// nothing ends in a stack trace: a usage or input problem is a message and exit 2.
import {kontrollera, type Output} from "./kontrollera.js";
import {InputError, saldobalans, UsageError} from "./saldobalans.js";

export const USAGE = `Användning:
  finsam kontrollera <fil|mapp>…
      Läser SIE (typ 1–4, E och I), CSV-huvudböcker, budgetar (JSON, CSV), PX och JSON-stat som bygget gör,
      och skriver för varje fil typ, teckenkodning, räkenskapsår, antal lästa, behållna och avvisade poster
      och varje anmärkning med sin rad. En mapp läses med undermappar.
  finsam saldobalans <fil> [--ar 0] [--csv]
      Saldobalans för en SIE-fil eller CSV-huvudbok: varje konto med nummer, benämning, ingående balans,
      periodens förändring och utgående balans i kronor, sedan summor. --ar -1 väljer föregående år,
      --csv skriver CSV för svenskt Excel (semikolon, decimalkomma, UTF-8 med BOM).
  finsam --help
      Visar den här texten.

Slutkod: 0 utan anmärkningar, 1 när problem hittades, 2 när en fil inte kan läsas eller kommandot är fel skrivet.
`;

/** Splits the arguments into paths and --flags (as "--ar -1" or "--ar=-1"); throws UsageError on unknown flags. */
function parseOptions(args: string[], valued: string[], flags: string[]) {
  const paths: string[] = [];
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--") || arg === "--") {
      paths.push(arg);
      continue;
    }
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg];
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === "" || (value.startsWith("--") && inline === undefined)) {
        throw new UsageError(`${name} saknar värde`);
      }
      values.set(name, value);
    } else if (flags.includes(name) && inline === undefined) set.add(name);
    else throw new UsageError(`Okänt alternativ ${arg}`);
  }
  return {paths, values, flags: set};
}

/** Runs the command on its arguments; returns the exit code. Never throws. */
export async function main(args: string[], output: Output): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === "--help" || command === "-h" || command === "hjälp") {
      (command === undefined ? output.err : output.out)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      output.out(USAGE);
      return 0;
    }
    if (command === "kontrollera") {
      const {paths} = parseOptions(rest, [], []);
      if (!paths.length) throw new UsageError("kontrollera behöver minst en fil eller mapp");
      return await kontrollera(paths, output);
    }
    if (command === "saldobalans") {
      const {paths, values, flags} = parseOptions(rest, ["--ar"], ["--csv"]);
      if (paths.length !== 1) throw new UsageError("saldobalans behöver precis en fil");
      const yearText = values.get("--ar") ?? "0";
      if (!/^(0|-[1-9]\d*)$/.test(yearText)) {
        throw new UsageError(`--ar ska vara 0 (innevarande år) eller negativt som -1 (föregående), inte "${yearText}"`);
      }
      return await saldobalans(paths[0], {year: Number(yearText), csv: flags.has("--csv")}, output);
    }
    throw new UsageError(`Okänt kommando "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`finsam: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      output.err(`finsam: ${error.message}\n`);
      return 2;
    }
    output.err(`finsam: oväntat fel: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
