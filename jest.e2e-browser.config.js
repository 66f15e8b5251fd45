/**
 * End-to-end suites of the task pane in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core; no browser is ever downloaded). `npm run test:e2e:browser`.
 * The global setup builds the preview once (production, local office.js) and the fake-Excel
 * bundle backed by the strict simulator.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e/browser"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  globalSetup: "<rootDir>/test/e2e/browser/support/globalSetup.ts",
  testTimeout: 300000,
  // One browser at a time: the machines have two cores.
  maxWorkers: 1,
};
