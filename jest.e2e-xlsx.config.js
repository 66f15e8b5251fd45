/**
 * End-to-end suite for the .xlsx renderer: `npm run test:e2e:xlsx`. Opens produced workbooks in
 * LibreOffice headless (libreoffice-calc-nogui, poppler-utils, fonts-ipaexfont-gothic) and keeps
 * the rendered pages under artifacts/xlsx/ for people to look at.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e/xlsx"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 180000,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
