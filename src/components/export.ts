// Downloads: every table as CSV (Swedish Excel: UTF-8 with BOM, ";" and decimal comma), every chart as SVG and PNG.
import {toCsv, type Cell} from "../lib/csv-export.js";
import {h} from "./dom.js";

function download(blob: Blob, filename: string): void {
  const a = h("a", {href: URL.createObjectURL(blob), download: filename});
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Downloads a table as CSV. */
export function downloadCsv(filename: string, columns: string[], rows: Cell[][]): void {
  download(new Blob(["\ufeff", toCsv(columns, rows)], {type: "text/csv;charset=utf-8"}), filename);
}

/** The chart's SVG element: the chart itself, or the largest SVG inside a figure (Plot puts legend swatches first). */
function svgOf(chart: Element): SVGSVGElement {
  if (chart instanceof SVGSVGElement) return chart;
  const area = (s: SVGSVGElement) => (s.width.baseVal.value || 0) * (s.height.baseVal.value || 0);
  const svg = [...chart.querySelectorAll("svg")].sort((a, b) => area(b) - area(a))[0];
  if (!svg) throw new Error("Diagrammet har ingen SVG att spara");
  return svg;
}

/** The chart as a standalone SVG document, with its figure title and the computed text styles inlined. */
export function serializeSvg(chart: Element): string {
  const svg = svgOf(chart).cloneNode(true) as SVGSVGElement;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // Hidden on the page beside its caption; a file on its own must not be.
  svg.removeAttribute("aria-hidden");
  svg.setAttribute("font-family", "system-ui, sans-serif");
  return new XMLSerializer().serializeToString(svg);
}

/** Downloads a chart as SVG. */
export function downloadSvg(filename: string, chart: Element): void {
  download(new Blob([serializeSvg(chart)], {type: "image/svg+xml"}), filename);
}

/** Downloads a chart as PNG, drawn at twice its size for print. */
export async function downloadPng(filename: string, chart: Element): Promise<void> {
  const svg = svgOf(chart);
  const {width, height} = svg.getBoundingClientRect();
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([serializeSvg(chart)], {type: "image/svg+xml"}));
  await img.decode();
  const canvas = h("canvas", {width: Math.ceil(width * 2), height: Math.ceil(height * 2)});
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(img.src);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG kunde inte skapas"))), "image/png")
  );
  download(blob, filename);
}

/** Downloads a table as an Excel workbook; the XLSX writer (and its ZIP library) is imported on the first download. */
export async function downloadXlsx(filename: string, sheet: string, columns: string[], rows: Cell[][]): Promise<void> {
  const {toXlsx} = await import("../lib/xlsx.js");
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  download(new Blob([toXlsx([{name: sheet, columns, rows}]) as Uint8Array<ArrayBuffer>], {type}), filename);
}

/** Buttons that download a table as CSV and as XLSX (the file name given ends in .csv). */
export function csvButton(filename: string, columns: string[], rows: () => Cell[][]): HTMLElement {
  const base = filename.replace(/\.csv$/i, "");
  return h(
    "div",
    {class: "fa-export"},
    h(
      "button",
      {
        type: "button",
        "aria-label": `Ladda ned CSV: ${base}`,
        onclick: () => downloadCsv(`${base}.csv`, columns, rows())
      },
      "Ladda ned CSV"
    ),
    h(
      "button",
      {
        type: "button",
        "aria-label": `Ladda ned Excel: ${base}`,
        onclick: () => downloadXlsx(`${base}.xlsx`, base, columns, rows())
      },
      "Ladda ned Excel"
    )
  );
}

let figures = 0;

/** A chart with buttons that download it as SVG and PNG; the caption is the figure's accessible name. */
export function chartWithExport(filename: string, chart: Element, description: string): HTMLElement {
  const id = `fa-figure-${++figures}`;
  // The drawing is hidden from screen readers (Plot's tick labels and mark groups read as noise); the caption
  // and the table under "Visa som tabell" carry what it shows.
  chart.setAttribute("aria-hidden", "true");
  return h(
    "figure",
    {class: "fa-chart", role: "figure", "aria-labelledby": id},
    chart,
    h("figcaption", {class: "fa-sr", id}, description),
    h(
      "div",
      {class: "fa-export"},
      h(
        "button",
        {
          type: "button",
          "aria-label": `Ladda ned SVG: ${filename}`,
          onclick: () => downloadSvg(`${filename}.svg`, chart)
        },
        "Ladda ned SVG"
      ),
      h(
        "button",
        {
          type: "button",
          "aria-label": `Ladda ned PNG: ${filename}`,
          onclick: () => downloadPng(`${filename}.png`, chart)
        },
        "Ladda ned PNG"
      )
    )
  );
}
