// The SIE 4 reader and writer.
export {readSie, type SieResult} from "./read";
export {readSieStream, SieStreamReader} from "./stream";
export {writeSie, type WriteSieOptions} from "./write";
