// npm start [-- --force | --skip]: builds dist/ (scripts/build.ts, which reuses a build whose sources and data are
// unchanged), then serves it (scripts/serve.ts). --force always builds; --skip serves any earlier build as it is.
import {spawnSync} from "node:child_process";

const args = process.argv.slice(2);
const wrong = args.find((a) => a !== "--force" && a !== "--skip");
if (wrong !== undefined || args.length > 1) {
  console.error(`${wrong ? `Okänt argument "${wrong}". ` : ""}Användning: npm start [-- --force | --skip]`);
  process.exit(2);
}
const root = new URL("..", import.meta.url).pathname;
const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], {
  cwd: root,
  stdio: "inherit"
});
if (build.status !== 0) process.exit(build.status ?? 1);
await import("./serve.js");
