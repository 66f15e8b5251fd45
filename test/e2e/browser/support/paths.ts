import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
/** The preview as built for the tests (git-ignored). */
export const PREVIEW_DIR = path.join(ROOT, "artifacts", "e2e-preview");
/** The fake Office/Excel globals over the strict simulator, as one browser script. */
export const FAKE_OFFICE_FILE = path.join(ROOT, "artifacts", "e2e-fake-office", "fake-office.js");
export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");
export const FIXTURES = path.join(ROOT, "test", "fixtures");
/** Excel's side of the real Excel client library in the page (realOfficeHost.ts), as one browser script. */
export const REAL_OFFICE_HOST_FILE = path.join(ROOT, "artifacts", "e2e-real-office", "real-office-host.js");
/** The real Excel client library, served to the page from node_modules at test time (never copied). */
export const EXCEL_WEB_LIBRARY = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.js");
