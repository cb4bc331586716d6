// Links made before the view moved into query parameters put it in the hash (#falun-borlange/2023); such a link
// still opens its view: the hash's parts become the query parameters they name.
import {setAddressParams} from "./address.js";

/** Moves an old "#a/b" address into the given query parameters (in order), unless the query already sets them. */
export function adoptHash(keys: string[]): void {
  const parts = decodeURIComponent(location.hash.slice(1)).split("/").filter(Boolean);
  if (!parts.length) return;
  const query = new URLSearchParams(location.search);
  if (keys.some((k) => query.has(k))) return;
  setAddressParams(Object.fromEntries(keys.map((k, i) => [k, parts[i]])), {push: false});
  history.replaceState(history.state, "", location.pathname + location.search);
}
