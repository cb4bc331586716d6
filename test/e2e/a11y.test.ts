// End-to-end accessibility: every built page, once rendered, has no serious or critical WCAG 2.1 A/AA violation
// by axe-core (injected from node_modules, so no request leaves the site), and declares its language as Swedish.
import {readFileSync, readdirSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {distDir, useBuiltSite} from "./browser.js";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const files = readdirSync(distDir).filter((f) => f.endsWith(".html") && f !== "404.html");
const pages = files.map((f) => `/${f.replace(/(index)?\.html$/, "")}`);
const site = useBuiltSite();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: {target: string[]; html: string; failureSummary?: string}[];
}

/** Waits until Framework has run every cell: no cell is still pending and the charts have drawn. */
async function rendered(page: Page): Promise<void> {
  await page.waitForSelector("main h1");
  await page.waitForFunction(() => !document.querySelector("main .observablehq--loading"), null, {timeout: 20_000});
  await page.waitForTimeout(300);
}

/** One violation as readable lines: rule, impact, help and each offending element with axe's summary. */
function describeViolation(v: Violation): string {
  const nodes = v.nodes
    .slice(0, 8)
    .map(
      (n) =>
        `    ${n.target.join(" ")}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`
    );
  return [
    `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...nodes,
    v.nodes.length > 8 ? `    … och ${v.nodes.length - 8} till` : ""
  ]
    .filter(Boolean)
    .join("\n");
}

describe("accessibility", () => {
  it("the build has the pages", () =>
    expect(pages).toEqual(expect.arrayContaining(["/", "/rakenskaper", "/driftsredovisning"])));

  it.each(files)("%s declares Swedish as its language", (file) => {
    expect(readFileSync(`${distDir}/${file}`, "utf-8").match(/<html[^>]*>/)?.[0]).toBe('<html lang="sv">');
  });

  it.each(pages)(
    "%s has no serious or critical WCAG 2.1 AA violation",
    async (path) => {
      const {page} = await site.open(path);
      await rendered(page);
      expect.soft(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
      await page.addScriptTag({path: axePath});
      const violations = (await page.evaluate(async () => {
        const result = await (
          window as unknown as {axe: {run: (c: Document, o: object) => Promise<{violations: unknown[]}>}}
        ).axe.run(document, {
          runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
        });
        return result.violations;
      })) as Violation[];
      const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(severe.length, `${path}:\n${severe.map(describeViolation).join("\n")}`).toBe(0);
      await page.context().close();
    },
    60_000
  );
});
