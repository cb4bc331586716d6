// Form inputs that Framework's view() accepts: each element has a value and dispatches "input" on change. The value
// can also be set (without an event), so that components/address.ts can follow the address.
import {h} from "./dom.js";

export interface Option<T> {
  value: T;
  label: string;
}

type ValueElement<T> = HTMLElement & {value: T};

function labelled(label: string, control: HTMLElement, id: string): HTMLElement {
  return h("div", {class: "fa-input"}, h("label", {for: id}, label), control);
}

let counter = 0;

/** A drop-down menu of options; its value is the chosen option's value. */
export function select<T>(options: Option<T>[], {label, value}: {label: string; value?: T}): ValueElement<T> {
  const id = `fa-select-${++counter}`;
  const control = h(
    "select",
    {id},
    ...options.map((o, i) => h("option", {value: String(i), selected: o.value === value}, o.label))
  );
  const root = labelled(label, control, id) as ValueElement<T>;
  Object.defineProperty(root, "value", {
    get: () => options[control.selectedIndex]?.value,
    set: (v: T) => {
      const i = options.findIndex((o) => o.value === v);
      if (i >= 0) control.selectedIndex = i;
    }
  });
  control.addEventListener("change", () => root.dispatchEvent(new Event("input", {bubbles: true})));
  return root;
}

/** A group of radio buttons; its value is the chosen option's value. */
export function radio<T>(options: Option<T>[], {label, value}: {label: string; value?: T}): ValueElement<T> {
  const name = `fa-radio-${++counter}`;
  let current = value ?? options[0]?.value;
  const buttons = options.map((o) =>
    h("input", {
      type: "radio",
      name,
      checked: o.value === current,
      onchange: () => ((current = o.value), root.dispatchEvent(new Event("input", {bubbles: true}))),
      // The button's own "input" would reach view() as a second event for one choice; "change" says it once.
      oninput: (e: Event) => e.stopPropagation()
    })
  );
  const root = h(
    "fieldset",
    {class: "fa-input fa-radio"},
    h("legend", {}, label),
    ...options.map((o, i) => h("label", {}, buttons[i], " ", o.label))
  ) as unknown as ValueElement<T>;
  Object.defineProperty(root, "value", {
    get: () => current,
    set: (v: T) => {
      const i = options.findIndex((o) => o.value === v);
      if (i < 0) return;
      current = v;
      buttons.forEach((b, j) => (b.checked = j === i));
    }
  });
  return root;
}

/** A slider for a whole number; its value is the number. */
export function range(
  [min, max]: [number, number],
  {label, value, step = 1}: {label: string; value: number; step?: number}
): ValueElement<number> {
  const id = `fa-range-${++counter}`;
  const control = h("input", {id, type: "range", min, max, step, value});
  const output = h("output", {for: id}, String(value));
  const root = labelled(label, h("span", {class: "fa-range"}, control, " ", output), id) as ValueElement<number>;
  Object.defineProperty(root, "value", {
    get: () => Number(control.value),
    set: (v: number) => {
      control.value = String(v);
      output.textContent = control.value;
    }
  });
  control.addEventListener("input", (e) => {
    output.textContent = control.value;
    e.stopPropagation();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}

/** A group of checkboxes; its value is the checked options' values, in option order. */
export function checkboxes<T>(
  options: Option<T>[],
  {label, value = []}: {label: string; value?: T[]}
): ValueElement<T[]> {
  const boxes = options.map((o) => h("input", {type: "checkbox", checked: value.includes(o.value)}));
  const root = h(
    "fieldset",
    {class: "fa-input fa-radio fa-checkboxes"},
    h("legend", {}, label),
    ...options.map((o, i) => h("label", {}, boxes[i], " ", o.label))
  ) as unknown as ValueElement<T[]>;
  Object.defineProperty(root, "value", {
    get: () => options.filter((_, i) => boxes[i].checked).map((o) => o.value),
    set: (v: T[]) => options.forEach((o, i) => (boxes[i].checked = v.includes(o.value)))
  });
  for (const box of boxes) {
    box.addEventListener("change", () => root.dispatchEvent(new Event("input", {bubbles: true})));
    // The "change" event is the one that reaches view(); the checkbox's own "input" would bubble a value-less event.
    box.addEventListener("input", (e) => e.stopPropagation());
  }
  return root;
}

/** A number field (decimal comma or point); its value is the number, or the last valid one while typing. */
export function number({
  label,
  value,
  min,
  max,
  step = 1,
  suffix
}: {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
}): ValueElement<number> {
  const id = `fa-number-${++counter}`;
  // A text field with inputmode, because a type="number" field rejects the decimal comma in some browsers.
  const control = h("input", {id, type: "text", inputmode: "decimal", value: String(value).replace(".", ","), size: 6});
  const root = labelled(
    label,
    h("span", {class: "fa-number"}, control, suffix ? ` ${suffix}` : ""),
    id
  ) as ValueElement<number>;
  let current = value;
  Object.defineProperty(root, "value", {
    get: () => current,
    set: (v: number) => {
      current = v;
      control.value = String(v).replace(".", ",");
      control.setAttribute("aria-invalid", "false");
    }
  });
  control.addEventListener("input", (e) => {
    e.stopPropagation();
    const parsed = Number(control.value.trim().replace(/\s/g, "").replace(",", "."));
    const valid =
      control.value.trim() !== "" &&
      Number.isFinite(parsed) &&
      (min === undefined || parsed >= min) &&
      (max === undefined || parsed <= max);
    control.setAttribute("aria-invalid", String(!valid));
    if (!valid) return;
    current = step >= 1 ? Math.round(parsed) : parsed;
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}
