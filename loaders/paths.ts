// Where the embedded default data lives; FINSAM_DATA points the loaders at another data folder.
import {existsSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** The project folder. */
export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** The data folder: data/ by default, or $FINSAM_DATA (relative to the working folder). */
export function dataRoot(): string {
  return process.env.FINSAM_DATA ? resolve(process.env.FINSAM_DATA) : join(projectRoot, "data");
}

/** A path inside the data folder (data/ by default, or $FINSAM_DATA). */
export function dataDir(...parts: string[]): string {
  return join(dataRoot(), ...parts);
}

/** Why a data folder cannot be used (it is missing or no folder), or undefined; one message for build and loaders. */
export function dataFolderProblem(data: string = dataRoot()): string | undefined {
  if (!existsSync(data) || !statSync(data).isDirectory())
    return `Datamappen ${data} finns inte (FINSAM_DATA); välj en mapp som finns.`;
}
