// Every budget line of every revision, money as Int64 öre in display signs (kostnader negative).
import {toArrowStream} from "../../loaders/arrow.js";
import {loadWorkspace} from "../../loaders/workspace.js";

process.stdout.write(toArrowStream(loadWorkspace().budgets.budgets));
