// The workspace's reference data in one file: the registry of förbund, the account mappings (with each förbund's
// projects), the published figures, and what the readers said of each ledger and budget file.
import {loadWorkspace} from "../../loaders/workspace.js";

process.stdout.write(JSON.stringify(loadWorkspace().reference));
