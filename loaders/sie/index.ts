// The SIE 4 reader and writer.
export {readSie, type SieResult} from "./read.js";
export {readSieStream, SieStreamReader} from "./stream.js";
export {writeSie, type WriteSieOptions} from "./write.js";
