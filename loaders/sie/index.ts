// The SIE reader and writer (types 1–4, E and I).
export {readSie, type SieKind, type SieReadOptions, type SieResult} from "./read";
export {type SieEncoding} from "./decode";
export {readSieStream, SieStreamReader} from "./stream";
export {writeSie, type WriteSieOptions} from "./write";
