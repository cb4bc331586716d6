// Chart downloads as the e2e tests check them: the file's name, and that an SVG stands alone and a PNG is a PNG.
import {readFileSync} from "node:fs";
import type {Locator, Page} from "playwright-core";
import {expect} from "vitest";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks `button` and expects a download named `filename`; its bytes. */
export async function downloaded(page: Page, button: Locator, filename: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(file.suggestedFilename()).toBe(filename);
  return readFileSync(await file.path());
}

/** The text of the SVG that `button` downloads as `filename`, after checking that it is a standalone SVG. */
export async function downloadedSvg(page: Page, button: Locator, filename: string): Promise<string> {
  const text = (await downloaded(page, button, filename)).toString("utf-8");
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  return text;
}

/** Expects `button` to download a PNG named `filename`. */
export async function expectPngDownload(page: Page, button: Locator, filename: string): Promise<void> {
  expect([...(await downloaded(page, button, filename)).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
}
