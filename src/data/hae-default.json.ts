// The HÅE page's precomputed first view: its data functions' answers for the default selection, computed from the
// ingested tables (src/lib/hae-default.ts), so the first figures appear before DuckDB-WASM has started.
import {handOverDerived} from "../../loaders/ingest-derived.js";
import {haeDefaultAnswers} from "../lib/hae-default.js";

handOverDerived(({table}) => ({answers: haeDefaultAnswers(table("hae.arrows"), table("population.arrows"))}));
