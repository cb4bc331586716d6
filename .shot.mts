import {chromium} from "playwright-core";
import {serveDist} from "./scripts/static-server.js";
const [dir, ...paths] = process.argv.slice(2);
const site = await serveDist(dir);
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"]});
for (const p of paths) {
  for (const [w, hh] of [[1440, 900], [390, 844]]) {
    const ctx = await browser.newContext({viewport: {width: w, height: hh}, locale: "sv-SE"});
    const page = await ctx.newPage();
    await page.goto(site.url + p, {waitUntil: "networkidle"});
    await page.waitForTimeout(1500);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    const name = `/tmp/pa/${p.replace(/[^a-z0-9]+/gi, "_")}_${w}.png`;
    await page.screenshot({path: name, fullPage: w === 390 ? false : false});
    console.log(name, "scrollWidth", sw);
    await ctx.close();
  }
}
await browser.close(); await site.close();
