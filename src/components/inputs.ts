// Form inputs that Framework's view() accepts: each element has a value and dispatches "input" on change.
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
  const control = h("select", {id}, ...options.map((o, i) => h("option", {value: String(i), selected: o.value === value}, o.label)));
  const root = labelled(label, control, id) as ValueElement<T>;
  Object.defineProperty(root, "value", {get: () => options[control.selectedIndex]?.value});
  control.addEventListener("change", () => root.dispatchEvent(new Event("input", {bubbles: true})));
  return root;
}

/** A group of radio buttons; its value is the chosen option's value. */
export function radio<T>(options: Option<T>[], {label, value}: {label: string; value?: T}): ValueElement<T> {
  const name = `fa-radio-${++counter}`;
  let current = value ?? options[0]?.value;
  const root = h(
    "fieldset",
    {class: "fa-input fa-radio"},
    h("legend", {}, label),
    ...options.map((o) =>
      h(
        "label",
        {},
        h("input", {type: "radio", name, checked: o.value === current, onchange: () => ((current = o.value), root.dispatchEvent(new Event("input", {bubbles: true})))}),
        " ",
        o.label
      )
    )
  ) as unknown as ValueElement<T>;
  Object.defineProperty(root, "value", {get: () => current});
  return root;
}

/** A slider for a whole number; its value is the number. */
export function range([min, max]: [number, number], {label, value, step = 1}: {label: string; value: number; step?: number}): ValueElement<number> {
  const id = `fa-range-${++counter}`;
  const control = h("input", {id, type: "range", min, max, step, value});
  const output = h("output", {for: id}, String(value));
  const root = labelled(label, h("span", {class: "fa-range"}, control, " ", output), id) as ValueElement<number>;
  Object.defineProperty(root, "value", {get: () => Number(control.value)});
  control.addEventListener("input", (e) => {
    output.textContent = control.value;
    e.stopPropagation();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}
