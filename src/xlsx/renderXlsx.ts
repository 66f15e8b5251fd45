/**
 * WorkbookPlan → .xlsx bytes, in Node and in the browser. exceljs (loaded lazily, so the task
 * pane's first bundle stays small) writes cells, styles, tables, dropdowns, conditional formats
 * and print setup; postProcess adds charts and markers on the zip. Same plan, same bytes.
 */
import type * as ExcelJS from "exceljs";
import type { WorkbookPlan } from "../workbook/plan";
import { makeSheetName } from "../workbook/sheetNames";
import { readGeneratedSheetKeys } from "./generatedMarker";
import { locationLinks, restoreLocationLinks } from "./hyperlinks";
import { PackageFiles } from "./packageFiles";
import { postProcess } from "./postProcess";
import { workbookSheets } from "./relationships";
import { writeSheet } from "./writeSheet";

export interface RenderOptions {
  /**
   * A user's workbook to regenerate into: its sheets marked as generated are replaced, its own
   * sheets are kept with their values, styles, tables, validations, conditional formats
   * and links (internal links are put back after exceljs drops them). exceljs cannot carry over:
   * charts, pivot tables, slicers, sparklines, form controls, threaded comments, macros and
   * Worksheet custom properties of user sheets. The task pane should say so before it writes.
   */
  base?: Uint8Array;
}

/** Document dates written into docProps/core.xml: fixed, for deterministic output. */
export const FIXED_DOC_TIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = (await import("exceljs")) as typeof ExcelJS & { default?: typeof ExcelJS };
  // Bundlers may expose the CommonJS module as `default`.
  return mod.Workbook ? mod : (mod.default as typeof ExcelJS);
}

export async function renderXlsx(
  plan: WorkbookPlan,
  options: RenderOptions = {}
): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = "Plan Tables";
  wb.lastModifiedBy = "Plan Tables";
  wb.created = FIXED_DOC_TIME;
  wb.modified = FIXED_DOC_TIME;

  const taken = new Set<string>();
  let userLinks = new Map<string, string[]>();
  if (options.base) {
    const generated = readGeneratedSheetKeys(options.base);
    userLinks = userSheetLinks(options.base, generated);
    await wb.xlsx.load(toArrayBuffer(options.base));
    for (const ws of [...wb.worksheets]) {
      if (generated.has(ws.name)) wb.removeWorksheet(ws.id);
      else taken.add(ws.name);
    }
  }
  const names = new Map<string, string>();
  for (const s of plan.sheets) {
    const n = makeSheetName(s.name, taken);
    taken.add(n);
    names.set(s.key, n);
  }
  const tableNames = new Set(
    wb.worksheets
      .flatMap((ws) =>
        Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {})
      )
      .map((n) => n.toLowerCase())
  );
  const written = plan.sheets.map((s) => writeSheet(wb, s, names, tableNames));
  const first = wb.worksheets.indexOf(written[0]);
  if (first >= 0)
    wb.views = [
      { activeTab: first, firstSheet: 0, visibility: "visible" } as unknown as ExcelJS.WorkbookView,
    ];

  // Stored, not deflated: the zip is unpacked again right away and compressed once at the end.
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  const files = new PackageFiles(new Uint8Array(buffer as ArrayBuffer));
  postProcess(files, plan, names);
  for (const e of workbookSheets(files)) {
    const links = userLinks.get(e.name);
    if (links) files.set(e.path, restoreLocationLinks(files.get(e.path) ?? "", links));
  }
  return files.toZip();
}

/** Internal links of the base's user sheets, by sheet name (exceljs loses them on reading). */
function userSheetLinks(
  base: Uint8Array,
  generated: ReadonlyMap<string, string>
): Map<string, string[]> {
  const files = new PackageFiles(base);
  const out = new Map<string, string[]>();
  for (const e of workbookSheets(files)) {
    if (generated.has(e.name)) continue;
    const links = locationLinks(files.get(e.path) ?? "");
    if (links.length > 0) out.set(e.name, links);
  }
  return out;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
