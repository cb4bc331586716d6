// Framework's @observablehq/inputs and htl against the hand-written src/components/inputs.ts and dom.ts h(), for the
// README's dependency table: the bytes each adds to a page (esbuild, minified, browser target; gzip), and in
// Chromium, as a screen reader and a keyboard user meet them: whether a group of options has an accessible name,
// whether arrow keys change a radio choice and tell the page, and what a Swedish decimal comma in a number gives.
// Run: npx tsx bench/inputs.ts (prints a Markdown table).
import {gzipSync} from "node:zlib";
import {readFileSync} from "node:fs";
import {build} from "esbuild";
import {chromium} from "playwright-core";

const root = new URL("..", import.meta.url).pathname;

/** The bundle of a module's exports, minified as a page would ship it: bytes and gzip bytes. */
async function bundle(contents: string, format: "esm" | "iife" = "esm", globalName?: string) {
  const out = await build({
    stdin: {contents, resolveDir: root, loader: "ts"},
    bundle: true,
    minify: true,
    format,
    globalName,
    platform: "browser",
    target: "es2022",
    write: false
  });
  const code = out.outputFiles[0].contents;
  return {code: new TextDecoder().decode(code), bytes: code.length, gzip: gzipSync(code).length};
}

const OWN = `export {select, radio, range, checkboxes, number} from "./src/components/inputs.ts";`;
const FRAMEWORK = `export {select, radio, range, checkbox as checkboxes, number} from "@observablehq/inputs";`;
const css = readFileSync(new URL("../node_modules/@observablehq/inputs/dist/index.css", import.meta.url));

/** The page-side script that makes one of each control, labelled as the pages label theirs. */
const controls = (lib: string) => `
  const I = ${lib};
  const own = ${lib === "OWN"};
  const units = [{value: "kr", label: "kr"}, {value: "tkr", label: "tkr"}];
  const radio = own ? I.radio(units, {label: "Enhet", value: "kr"})
    : I.radio(["kr", "tkr"], {label: "Enhet", value: "kr"});
  const boxes = own ? I.checkboxes(units, {label: "Visa", value: ["kr"]})
    : I.checkboxes(["kr", "tkr"], {label: "Visa", value: ["kr"]});
  const number = own ? I.number({label: "Förbrukningsgrad", value: 20, min: 0, max: 100, step: 0.1})
    : I.number([0, 100], {label: "Förbrukningsgrad", value: 20, step: 0.1});
  const events = [];
  radio.addEventListener("input", () => events.push(radio.value));
  for (const [id, el] of [["radio", radio], ["boxes", boxes], ["number", number]]) {
    const box = document.createElement("div");
    box.id = id;
    box.append(el);
    document.body.append(box);
  }
  window.read = () => ({radio: radio.value, number: number.value, events});
`;

async function accessibility(lib: "OWN" | "FRAMEWORK") {
  const code = (await bundle(lib === "OWN" ? OWN : FRAMEWORK, "iife", lib)).code;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
  });
  try {
    const page = await browser.newPage({locale: "sv-SE"});
    await page.setContent(`<!doctype html><html lang="sv"><head><style>${css}</style></head><body></body></html>`);
    await page.addScriptTag({content: code + controls(lib)});
    const radioTree = await page.locator("#radio").ariaSnapshot();
    const boxesTree = await page.locator("#boxes").ariaSnapshot();
    const named = async (role: "radiogroup" | "group", name: string) =>
      (await page.getByRole(role, {name}).count()) + (await page.getByRole("group", {name}).count()) > 0;
    // Keyboard: focus the checked radio button and press the right arrow, as a keyboard user changes the unit.
    await page.locator('#radio input[type="radio"]').first().focus();
    await page.keyboard.press("ArrowRight");
    // A Swedish decimal comma, typed.
    const field = page.locator("#number input").first();
    await field.click({clickCount: 3});
    await page.keyboard.type("17,5");
    const state = (await page.evaluate("window.read()")) as {radio: string; number: number; events: string[]};
    return {
      radioGroupNamed: await named("radiogroup", "Enhet"),
      checkboxGroupNamed: await named("group", "Visa"),
      radioTree,
      boxesTree,
      arrowKey: `${state.radio} (${state.events.length} input-händelser)`,
      decimalComma: state.number
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const own = await bundle(OWN);
  const framework = await bundle(FRAMEWORK);
  const h = await bundle(`export {h} from "./src/components/dom.ts";`);
  const htl = await bundle(`export {html} from "htl";`);
  const a11yOwn = await accessibility("OWN");
  const a11yFramework = await accessibility("FRAMEWORK");
  const cssGzip = gzipSync(css).length;
  console.log("| Mätning | egen kod | Framework |");
  console.log("|---|---|---|");
  console.log(
    `| Formulärkontroller (select, radio, range, checkboxes, number), min / gzip | ${own.bytes} / ${own.gzip} byte | ${framework.bytes} / ${framework.gzip} byte + CSS ${css.length} / ${cssGzip} byte |`
  );
  console.log(
    `| DOM-hjälpen: \`h()\` mot htl \`html\`, min / gzip | ${h.bytes} / ${h.gzip} byte | ${htl.bytes} / ${htl.gzip} byte |`
  );
  console.log(
    `| Radiogruppen har ett tillgängligt namn ("Enhet") | ${a11yOwn.radioGroupNamed ? "ja" : "nej"} | ${a11yFramework.radioGroupNamed ? "ja" : "nej"} |`
  );
  console.log(
    `| Kryssrutegruppen har ett tillgängligt namn ("Visa") | ${a11yOwn.checkboxGroupNamed ? "ja" : "nej"} | ${a11yFramework.checkboxGroupNamed ? "ja" : "nej"} |`
  );
  console.log(`| Pil höger i radiogruppen ger | ${a11yOwn.arrowKey} | ${a11yFramework.arrowKey} |`);
  console.log(`| "17,5" skrivet i talfältet ger värdet | ${a11yOwn.decimalComma} | ${a11yFramework.decimalComma} |`);
  console.log("\nTillgänglighetsträd, radiogruppen:\n");
  console.log(`egen kod:\n${a11yOwn.radioTree}\n\nFramework:\n${a11yFramework.radioTree}`);
}

await main();
