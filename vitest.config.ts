// Two projects: "unit" needs no built site and no browser; "e2e" builds the site once (the global setup) and runs
// the tests that load it in Chromium or read a built site. `npm run test:unit`, `npm run test:e2e`, `npm test` both.
import {defineConfig} from "vitest/config";

/** The tests outside test/e2e/ that build a site or read one. */
const siteTests = ["test/lsg-profile.test.ts", "test/slides.test.ts", "test/build-site.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**", ...siteTests]}
      },
      {
        extends: true,
        test: {name: "e2e", include: ["test/e2e/**/*.test.ts", ...siteTests], globalSetup: ["test/e2e/setup.ts"]}
      }
    ]
  }
});
