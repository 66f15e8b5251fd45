/** Unit and component tests: `npm test`. The end-to-end suites have their own configs. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Office.js tests run through the real Excel client library (test/support/realOfficeJs).
  setupFiles: ["<rootDir>/test/support/realOfficeJs/jestSetup.ts"],
};
