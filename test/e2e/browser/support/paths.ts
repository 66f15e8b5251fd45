import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
/** The preview as built for the tests (git-ignored). */
export const PREVIEW_DIR = path.join(ROOT, "artifacts", "e2e-preview");
/** The fake Office/Excel globals over the strict simulator, as one browser script. */
export const FAKE_OFFICE_FILE = path.join(ROOT, "artifacts", "e2e-fake-office", "fake-office.js");
export const SCREENSHOTS = path.join(ROOT, "artifacts", "screenshots");
export const FIXTURES = path.join(ROOT, "test", "fixtures");
