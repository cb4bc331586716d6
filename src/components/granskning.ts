// The granskning page's tables: findings per förbund and kind, and the findings folded by förbund and report.
import {
  amountText,
  groupFindings,
  kindSummary,
  printedText,
  severities,
  severityLabel,
  type Finding
} from "../lib/granskning.js";
import {setAddressParams} from "./address.js";
import {simpleTable} from "./chart-table.js";
import {h} from "./dom.js";

/** Findings per förbund and kind, with a total row. */
export function countsTable(findings: Finding[], forbundIds: string[], name: (id: string) => string): HTMLElement {
  return h(
    "table",
    {class: "fa-table", "data-table": "counts"},
    h("caption", {}, "Fynd per förbund och slag"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {scope: "col"}, "Förbund"),
        severities.map((s) => h("th", {scope: "col", class: "num"}, severityLabel[s])),
        h("th", {scope: "col", class: "num"}, "Totalt")
      )
    ),
    h(
      "tbody",
      {},
      [...forbundIds, null].map((id) => {
        const own = findings.filter((f) => id === null || f.forbund === id);
        return h(
          "tr",
          {"data-forbund": id ?? "alla", class: id === null ? "strong" : null},
          h("th", {scope: "row"}, id === null ? "Alla förbund" : name(id)),
          severities.map((s) =>
            h("td", {class: "num", "data-severity": s}, String(own.filter((f) => f.severity === s).length))
          ),
          h("td", {class: "num"}, String(own.length))
        );
      })
    )
  );
}

function linesTable(f: Finding): HTMLElement {
  return simpleTable(
    ["Rad", "Tabell", "År", "Rad i dokumentet", "Tryckt"],
    f.lines.map((l) => [
      l.label,
      l.document === f.document ? l.section : `${l.section} (${l.document})`,
      String(l.year),
      String(l.seedLine),
      printedText(l)
    ]),
    {classes: [null, null, "num", "num", "num"]}
  );
}

function findingSection(f: Finding, ruleName: string): HTMLElement {
  return h(
    "section",
    {class: `fa-finding fa-${f.severity}`, "data-severity": f.severity, "data-rule": f.rule},
    h(
      "h4",
      {},
      h("span", {class: f.severity === "discrepancy" ? "fa-diff" : null}, severityLabel[f.severity]),
      `: ${ruleName} ${f.year}`
    ),
    h("p", {}, f.message),
    h(
      "p",
      {},
      `Tryckt ${amountText(f.printedValue, f.unit)}, vad de andra beloppen ger ${amountText(f.impliedValue, f.unit)}, skillnad ${amountText(f.difference, f.unit)}.`
    ),
    linesTable(f)
  );
}

/**
 * The findings folded by förbund and report; the reports the user opens are kept in the address (?oppna=…), so a
 * link opens the same folds.
 */
export function findingGroups(
  findings: Finding[],
  opts: {name: (id: string) => string; ruleName: (id: string) => string; open: string[]}
): HTMLElement {
  const open = new Set(opts.open);
  const remember = () =>
    setAddressParams(
      {
        oppna:
          [...root.querySelectorAll("details[data-document][open]")]
            .map((d) => d.getAttribute("data-document"))
            .join(",") || null
      },
      {push: false}
    );
  const root = h(
    "div",
    {class: "fa-findings"},
    groupFindings(findings).map((g) =>
      h(
        "section",
        {class: "fa-finding-group", "data-forbund": g.forbund},
        h("h3", {}, `${opts.name(g.forbund)}: ${g.documents.reduce((n, d) => n + d.findings.length, 0)} fynd`),
        g.documents.map((d) => {
          const details = h(
            "details",
            {"data-document": d.key, open: open.has(d.key)},
            h("summary", {}, `${d.document}: ${d.findings.length} fynd (${kindSummary(d.findings)})`),
            d.findings.map((f) => findingSection(f, opts.ruleName(f.rule)))
          );
          details.addEventListener("toggle", remember);
          return details;
        })
      )
    )
  );
  return root;
}
