// hledger and ledger-cli for the journal comparison: found on PATH, or installed from Debian's packages when missing.
import {spawnSync} from "node:child_process";

export type Tool = "hledger" | "ledger";

/** The tool's version line, or undefined when it is not on PATH. */
export function toolVersion(tool: Tool): string | undefined {
  const run = spawnSync(tool, ["--version"], {encoding: "utf8"});
  return run.status === 0 ? run.stdout.split("\n")[0].trim() : undefined;
}

/** Runs apt-get; true on success. */
function apt(args: string[]): boolean {
  const run = spawnSync("apt-get", args, {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: {...process.env, DEBIAN_FRONTEND: "noninteractive"}
  });
  return run.status === 0;
}

/** Installs whichever of hledger and ledger is missing (apt-get, with apt-get update when the first try fails). */
export function ensureTools(progress: (message: string) => void): Map<Tool, string | undefined> {
  const tools: Tool[] = ["hledger", "ledger"];
  const missing = tools.filter((t) => !toolVersion(t));
  if (missing.length) {
    progress(`journals: ${missing.join(" och ")} saknas, installerar med apt-get install -y ${missing.join(" ")}`);
    const install = ["install", "-y", "--no-install-recommends", ...missing];
    if (!apt(install)) {
      progress("journals: apt-get install misslyckades, kör apt-get update och försöker igen");
      if (apt(["update"])) apt(install);
    }
  }
  return new Map(tools.map((t) => [t, toolVersion(t)]));
}
