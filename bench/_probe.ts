import {serveDist} from "../scripts/static-server.js";
import {distDir, launchBrowser, openPage} from "../test/e2e/browser.js";
const path = process.argv[2] ?? "/presentation";
const figure = process.argv[3] ?? "main table tbody td, main figure svg";
const server = await serveDist(distDir);
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
  const {page} = await openPage(browser, server.url);
  await page.addInitScript(`(() => { const f = () => [...document.querySelectorAll(${JSON.stringify(figure)})].find((e) => e.tagName.toLowerCase() === "svg" || e.textContent.trim() !== "");
  new MutationObserver((_, o) => { const e = f(); if (window.__ff === undefined && e) { window.__ff = performance.now(); window.__fe = e.outerHTML.slice(0, 120); o.disconnect(); } }).observe(document, {subtree: true, childList: true, characterData: true}); })()`);
  await page.goto(server.url + path);
  await page.waitForFunction(() => (window as any).__ff !== undefined, null, {timeout: 60000});
  const r = await page.evaluate(() => ({ff: (window as any).__ff, fe: (window as any).__fe, res: performance.getEntriesByType("resource").map((e: any) => [e.name.replace(location.origin, ""), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize])}));
  if (i === 1) {
    console.log("first figure", Math.round(r.ff), r.fe);
    for (const x of r.res) if (x[2] <= r.ff + 50) console.log(x.join("  "));
  } else console.log("warm-up run", Math.round(r.ff));
  await page.close();
}
await browser.close();
await server.close?.();
process.exit(0);
