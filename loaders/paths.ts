// Where the embedded default data lives; FINSAM_DATA points the loaders at another data folder.
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
