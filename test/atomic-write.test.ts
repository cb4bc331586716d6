// Nothing is lost: a writer killed in the middle of a large output leaves the previous file intact under its name,
// and the reconstruction never writes over the user's inputs (ledger specifications, published figures, an SIE
// file of the förbund's own).
import {spawn, spawnSync} from "node:child_process";
import {createHash, randomBytes} from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {filesUnder} from "../loaders/files.js";

const root = new URL("../", import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "finsam-atomic-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("writeFileAtomic", () => {
  it("a writer killed mid-write leaves the previous output byte for byte, and nothing partial at its name", async () => {
    const dir = tempDir();
    const target = join(dir, "transactions.arrows");
    const previous = randomBytes(256 * 1024);
    writeFileSync(target, previous);
    // A loader writing 64 MiB in 1 MiB chunks, slowly, saying when it has started, so the kill lands mid-write.
    const script = join(dir, "writer.ts");
    writeFileSync(
      script,
      `import {writeFileAtomic} from ${JSON.stringify(join(root, "loaders/files.ts"))};
function* chunks() {
  for (let i = 0; i < 64; i++) {
    if (i === 2) process.stdout.write("writing\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    yield new Uint8Array(1024 * 1024).fill(i);
  }
}
writeFileAtomic(${JSON.stringify(target)}, chunks());
process.stdout.write("done\\n");
`
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"]
    });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        output += d;
        if (output.includes("writing")) resolve();
      });
      child.on("exit", () => reject(new Error(`Skrivaren avslutades innan den dödades: ${output}`)));
    });
    const temp = `${target}.${child.pid}.tmp`;
    expect(statSync(temp).size).toBeGreaterThan(0);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(output).not.toContain("done");

    expect(readFileSync(target).equals(previous)).toBe(true);
    // The half-written data may remain, but only under the temporary name.
    expect(statSync(temp).size).toBeLessThan(64 * 1024 * 1024);
    expect(readdirSync(dir).sort()).toEqual([
      "transactions.arrows",
      `transactions.arrows.${child.pid}.tmp`,
      "writer.ts"
    ]);
  }, 60_000);

  it("a completed write replaces the file and leaves no temporary file", async () => {
    const dir = tempDir();
    const target = join(dir, "out.json");
    writeFileSync(target, "gammal");
    const {writeFileAtomic} = await import("../loaders/files.js");
    writeFileAtomic(target, ["{", '"ny": ', "true}"]);
    expect(readFileSync(target, "utf-8")).toBe('{"ny": true}');
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });
});

describe("npm run reconstruct -- --write", () => {
  it("writes only data/sie/, never the ledger specifications, the published figures or a förbund's own SIE file", () => {
    const data = join(tempDir(), "data");
    for (const part of ["forbund.json", "ledgers", "mapping", "published", "budgets", "sie"])
      cpSync(join(root, "data", part), join(data, part), {recursive: true});
    // The förbund's own ledger for one year, in place of the reconstruction: the user's input, not an output.
    const own = join(data, "sie/falun-borlange-2022.se");
    writeFileSync(own, '#FLAGGA 0\r\n#PROGRAM "Eget bokföringsprogram" 1.0\r\n#SIETYP 4\r\n');
    const inputs = ["ledgers", "published"].flatMap((d) =>
      readdirSync(join(data, d))
        .filter((f) => f.endsWith(".json"))
        .map((f) => join(data, d, f))
    );
    const before = new Map([...inputs, own].map((p) => [p, {hash: sha(p), mtime: statSync(p).mtimeMs}]));
    const reconstructed = join(data, "sie/falun-borlange-2023.se");
    writeFileSync(reconstructed, readFileSync(reconstructed, "latin1").replace(/#KSUMMA \d+/, "#KSUMMA 1"), "latin1");

    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/reconstruct.ts", "falun-borlange", "--write"],
      {
        cwd: root,
        env: {...process.env, FINSAM_DATA: data},
        encoding: "utf-8"
      }
    );
    expect(run.stderr).toContain("falun-borlange-2022.se är inte skriven av rekonstruktionen och skrivs inte över");
    // The skipped file is reported as a failure, so a script run notices it.
    expect(run.status).toBe(1);
    for (const [path, {hash, mtime}] of before) {
      expect(sha(path), path).toBe(hash);
      expect(statSync(path).mtimeMs, path).toBe(mtime);
    }
    // The reconstruction's own file is rewritten, and the real data/ is not touched.
    expect(readFileSync(reconstructed, "latin1")).toBe(
      readFileSync(join(root, "data/sie/falun-borlange-2023.se"), "latin1")
    );
    expect(readdirSync(join(data, "sie")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(join(data, "ledgers/falun-borlange.json"))).toBe(true);
  }, 120_000);
});

describe("filesUnder", () => {
  it("lists every file at any depth, and leaves out the folders it is told to skip", () => {
    const dir = mkdtempSync(join(tmpdir(), "finsam-files-"));
    try {
      for (const path of ["a.txt", "data/b.arrows", "data/vouchers/x/2024.json", "_node/pkg/c.js"]) {
        mkdirSync(join(dir, path, ".."), {recursive: true});
        writeFileSync(join(dir, path), path);
      }
      const relativeTo = (files: string[]) => files.map((f) => f.slice(dir.length + 1)).sort();
      expect(relativeTo(filesUnder(dir))).toEqual([
        "_node/pkg/c.js",
        "a.txt",
        "data/b.arrows",
        "data/vouchers/x/2024.json"
      ]);
      expect(relativeTo(filesUnder(dir, ["_node"]))).toEqual(["a.txt", "data/b.arrows", "data/vouchers/x/2024.json"]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
