// The view lives in the address: every selection on a page is a query parameter (?forbund=…&ar=…), so a link sent
// to LSG opens exactly that view, and back/forward or an edited link step the page through selections.

/** An element whose value can be read and set, and that dispatches "input" on change, as Framework's view() needs. */
export type Bindable<T> = HTMLElement & {value: T};

/** How a value is written into the address and read back; parse gives undefined for text that is no valid value. */
export interface ParamCodec<T> {
  parse(text: string): T | undefined;
  format(value: T): string;
}

/** A codec for one of a fixed list of values, each written as format(value) (String by default). */
export function choiceParam<T>(values: readonly T[], format: (value: T) => string = String): ParamCodec<T> {
  return {parse: (text) => values.find((v) => format(v) === text), format};
}

/** A codec for a finite number within [min, max]. */
export function numberParam(min = -Infinity, max = Infinity): ParamCodec<number> {
  return {
    parse: (text) => {
      const n = Number(text.replace(",", "."));
      return text.trim() !== "" && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
    },
    format: String
  };
}

/** A codec for a list of choices, written comma-separated; an empty list is written as "-". */
export function listParam<T>(values: readonly T[], format: (value: T) => string = String): ParamCodec<T[]> {
  const one = choiceParam(values, format);
  return {
    parse: (text) => {
      if (text === "-") return [];
      const parsed = text.split(",").map((t) => one.parse(t));
      return parsed.every((v) => v !== undefined) ? (parsed as T[]) : undefined;
    },
    format: (list) => (list.length ? list.map(format).join(",") : "-")
  };
}

/** The address's text for a parameter, or undefined when it has none. */
export function addressParam(key: string): string | undefined {
  return new URLSearchParams(location.search).get(key) ?? undefined;
}

/**
 * Writes parameters into the address (null or undefined removes one). A user's selection pushes a history entry so
 * that back returns to the previous view; a correction the page makes itself replaces the current entry.
 */
export function setAddressParams(values: Record<string, string | null | undefined>, {push = true} = {}): void {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value == null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.href === location.href) return;
  if (push) history.pushState(history.state, "", url);
  else history.replaceState(history.state, "", url);
}

/**
 * Binds an input to a parameter: the input starts from the address's value when that is valid (else keeps its own,
 * and the address is corrected to it), every change is written back, and back/forward or an edited address set the
 * input and dispatch "input", so the cells that view() it re-run. Pass the cell's `invalidation` so an input that
 * Framework re-creates (its options depend on another selection) stops following the address.
 */
export function bindToAddress<T, E extends Bindable<T>>(
  input: E,
  key: string,
  codec: ParamCodec<T>,
  invalidation?: Promise<unknown>
): E {
  const fallback = input.value;
  const fromAddress = (): T => {
    const text = addressParam(key);
    const parsed = text === undefined ? undefined : codec.parse(text);
    return parsed === undefined ? fallback : parsed;
  };
  input.value = fromAddress();
  setAddressParams({[key]: codec.format(input.value)}, {push: false});
  const write = () => setAddressParams({[key]: codec.format(input.value)});
  const follow = () => {
    // A value this input does not offer belongs to an input that replaces it (its options depend on another
    // selection that changes in the same step); writing the fallback back would overwrite the address.
    const text = addressParam(key);
    if (text !== undefined && codec.parse(text) === undefined) return;
    const value = fromAddress();
    if (codec.format(value) === codec.format(input.value)) return;
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  };
  input.addEventListener("input", write);
  addEventListener("popstate", follow);
  addEventListener("hashchange", follow);
  invalidation?.then(() => {
    removeEventListener("popstate", follow);
    removeEventListener("hashchange", follow);
  });
  return input;
}
