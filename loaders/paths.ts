// Where the embedded default data lives; FINSAM_DATA points the loaders at another data folder.
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A path inside the data folder (data/ by default, or $FINSAM_DATA). */
export function dataDir(...parts: string[]): string {
  return join(process.env.FINSAM_DATA ?? join(root, "data"), ...parts);
}
