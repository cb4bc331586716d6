#!/usr/bin/env node
// Entry point of the `finsam` command (package.json "bin"), compiled to bin/finsam.js by `npm run prepare`.
import {main} from "./main.js";

const fail = (error: unknown) => {
  process.stderr.write(`finsam: oväntat fel: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
};
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
// Output piped into `head` closes early; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? process.exit(0) : fail(error)));

const output = {
  out: (text: string) => void process.stdout.write(text),
  err: (text: string) => void process.stderr.write(text)
};
main(process.argv.slice(2), output).then((code) => {
  process.exitCode = code;
}, fail);
