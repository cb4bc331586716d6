// The bytes of the site's Arrow files, checked before anything reads them: a host that answers a missing file with
// an HTML page must give a message naming the table and the file, not an empty or garbled table.

/** Something with the bytes of an Arrow IPC stream: a Framework FileAttachment, or a Uint8Array. */
export type ArrowSource = {name?: string; arrayBuffer(): Promise<ArrayBuffer>} | Uint8Array;

/** Whether bytes begin as an Arrow IPC stream: a message length, after the 0xFFFFFFFF marker of newer writers. */
export function isArrowStream(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = view.getUint32(0, true);
  const length = first === 0xffffffff ? view.getInt32(4, true) : first;
  return length > 0 && length < bytes.length;
}

/** The bytes of one table's source; a missing or foreign file fails naming the table and the file. */
export async function arrowBytes(name: string, source: ArrowSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) {
    if (!isArrowStream(source)) throw new Error(`Tabellen ${name}: datan är ingen Arrow-ström`);
    return source;
  }
  const file = source.name ?? "(okänd fil)";
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await source.arrayBuffer());
  } catch (e) {
    // Framework says only "Unable to load file"; the reader needs to know which table the page went without.
    throw new Error(`Tabellen ${name}: filen ${file} kunde inte hämtas (${(e as Error).message})`, {cause: e});
  }
  if (!isArrowStream(bytes))
    throw new Error(`Tabellen ${name}: filen ${file} är ingen Arrow-ström (${bytes.length} byte)`);
  return bytes;
}
