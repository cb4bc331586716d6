// The SIE 4 reader and writer.
export {readSie, type SieResult} from "./read";
export {writeSie, type WriteSieOptions} from "./write";
