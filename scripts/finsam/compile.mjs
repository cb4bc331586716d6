// Compiles the `finsam` command to plain JavaScript in bin/finsam.js (npm's "prepare", so `npm ci` makes it):
// one bundled file, so the command starts without tsx and without resolving the workspace's TypeScript.
import {chmodSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const outfile = `${root}bin/finsam.js`;

/** Builds bin/finsam.js from scripts/finsam/cli.ts. */
export async function compileFinsam() {
  await build({
    entryPoints: [`${root}scripts/finsam/cli.ts`],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Smaller to parse at every start; names are kept so that an unexpected error still says where it came from.
    minify: true,
    keepNames: true,
    logLevel: "warning"
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await compileFinsam();
