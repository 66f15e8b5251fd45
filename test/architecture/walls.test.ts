/**
 * The walls of ARCHITECTURE.md's "may use" table hold: ESLint (eslint.config.mjs, no-restricted-imports
 * per folder) refuses a wrong-layer import, and the tree as it is has none. Runs the project's own
 * ESLint on stdin, as `npm run lint` would on a file at that path.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");

function lint(file: string, code: string): { ok: boolean; output: string } {
  const r = spawnSync(
    process.execPath,
    [ESLINT, "--stdin", "--stdin-filename", file, "--rule", "@typescript-eslint/no-unused-vars: off"],
    { cwd: ROOT, input: code, encoding: "utf8" }
  );
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const REFUSED: [string, string, string][] = [
  ["src/domain/x.ts", 'import { importFiles } from "../importers";', "src/importers/"],
  ["src/domain/x.ts", 'import Papa from "papaparse";', "no packages"],
  ["src/importers/csv2.ts", 'import { renderXlsx } from "../xlsx/renderXlsx";', "src/xlsx/"],
  ["src/importers/pdf/x.ts", 'import { buildWorkbookPlan } from "../../workbook/buildWorkbookPlan";', "src/workbook/"],
  ["src/workbook/x.ts", 'import { importFiles } from "../importers";', "src/importers/"],
  ["src/xlsx/x.ts", 'import { STATUSES } from "../domain/model";', "src/domain/"],
  ["src/excel/ops/x.ts", 'import type { Lang } from "../../domain/model";', "src/domain/"],
  ["src/cli/commands/x.ts", 'import { App } from "../../taskpane/components/App";', "src/taskpane/"],
];

const ALLOWED: [string, string][] = [
  // Same names inside a folder are not the other layer: src/importers/xlsx.ts, not src/xlsx/.
  ["src/importers/pdf/x.ts", 'import { importXlsx } from "../xlsx";'],
  ["src/importers/x.ts", 'import { readPlanTable } from "./table/readTable";'],
  ["src/xlsx/x.ts", 'import { fitCell } from "../domain/cellLimit";'],
  ["src/xlsx/x.ts", 'import { isJsSpace } from "../domain/whiteSpace";'],
  ["src/excel/x.ts", 'import type { WorkbookPlan } from "../workbook/plan";'],
  ["src/cli/x.ts", 'import { importFiles } from "../importers";'],
];

describe("a wrong-layer import fails lint", () => {
  it.each(REFUSED)("%s: %s", (file, code, names) => {
    const r = lint(file, `${code}\nexport {};\n`);
    expect(r.ok).toBe(false);
    expect(r.output).toContain("no-restricted-imports");
    expect(r.output).toContain(names);
  }, 60_000);
});

describe("imports the table allows pass", () => {
  it.each(ALLOWED)("%s: %s", (file, code) => {
    const r = lint(file, `${code}\nexport {};\n`);
    expect(r.output).not.toContain("no-restricted-imports");
  }, 60_000);
});
