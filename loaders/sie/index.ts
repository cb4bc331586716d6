// The SIE reader and writer (types 1–4, E and I).
export {readSie, type SieKind, type SieReadOptions, type SieResult} from "./read.js";
export {type SieEncoding} from "./decode.js";
export {readSieStream, SieStreamReader} from "./stream.js";
export {readSieSums, type SieSumsResult} from "./sums.js";
export {writeSie, type WriteSieOptions} from "./write.js";
