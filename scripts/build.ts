// npm run build: builds the site into dist/. Framework caches data-loader output and re-runs a loader only
// when its own source changes, not when the data files it reads do; the cache is cleared so dist/ always
// reflects data/.
import {execFileSync} from "node:child_process";
import {rmSync} from "node:fs";

const root = new URL("..", import.meta.url).pathname;
rmSync(`${root}src/.observablehq/cache/data`, {recursive: true, force: true});
execFileSync("npx", ["observable", "build"], {cwd: root, stdio: "inherit"});
