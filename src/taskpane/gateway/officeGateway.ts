/**
 * The pane's workbook inside Excel. Every Office.js call is in src/excel/ (reading, writing,
 * navigation, error wording); this file adapts it to the pane's WorkbookGateway.
 */
import { applyWorkbookPlan, type ApplyProgress, type ApplyResult } from "../../excel/applyPlan";
import { exclusiveGeneration } from "../../excel/generationLock";
import { describeExcelError } from "../../excel/errors";
import { readSheetValues } from "../../excel/readSheet";
import { selectCell, showSheet } from "../../excel/navigate";
import type { Lang } from "../../domain/model";
import type { WorkbookPlan } from "../../workbook/plan";
import { PANE_STRINGS } from "../strings";
import { UserFacingError, type GenerateOutcome, type WorkbookGateway } from "./WorkbookGateway";

/**
 * The used range may start below or right of A1; padding it back to A1 makes the importer's
 * 1-based rows and columns the sheet's own, so a problem's cell can be selected.
 */
export function fromA1(values: unknown[][], origin: { row: number; column: number }): unknown[][] {
  const pad = origin.column > 0 ? (r: unknown[]) => [...Array<unknown>(origin.column).fill(""), ...r] : (r: unknown[]) => r;
  return [...Array.from({ length: origin.row }, () => [] as unknown[]), ...values.map(pad)];
}

/** The step names src/excel reports, in the pane's words. */
function stepWords(lang: Lang): Record<ApplyProgress["step"], string> {
  const w = PANE_STRINGS[lang].workbook;
  return { reading: w.stepReading, writing: w.stepWriting, cleaning: w.stepCleaning };
}

export function createOfficeGateway(uiLang: () => Lang): WorkbookGateway {
  /** Generated sheets' names by plan key, from the last run (a renderer may rename). */
  let sheetNames = new Map<string, string>();

  const plain = (e: unknown): Error => (e instanceof UserFacingError ? e : new UserFacingError(describeExcelError(e, uiLang()).message));

  return {
    kind: "office",

    async readCurrentSheet() {
      try {
        const { sheetName, values, origin } = await readSheetValues({ kind: "active" });
        return { sheetName, values: fromA1(values, origin) };
      } catch (e) {
        throw plain(e);
      }
    },

    async readSheet(name) {
      try {
        const { values, origin } = await readSheetValues({ kind: "sheet", name });
        return fromA1(values, origin);
      } catch {
        // ItemNotFound: no such sheet (the decisions sheet of a workbook never compared); nothing to keep.
        return null;
      }
    },

    async selectCell({ sheet, row, column }) {
      try {
        return await selectCell(sheet, row, column ?? 1);
      } catch (e) {
        throw plain(e);
      }
    },

    async applyPlan(plan: WorkbookPlan, onProgress): Promise<GenerateOutcome> {
      try {
        // One generation at a time: a second press while one runs is refused in plain words.
        const result = await exclusiveGeneration(() =>
          applyWorkbookPlan(plan, {
            onProgress: (p) => onProgress?.({ step: stepWords(uiLang())[p.step] ?? p.step, done: p.done, total: p.total }),
          }),
        );
        // src/excel deletes every sheet tagged as generated; the ones this session made are named.
        const earlier = [...sheetNames.values()];
        sheetNames = new Map(Object.entries(result.sheets));
        const replaced = (result as ApplyResult & { replaced?: string[] }).replaced ?? earlier;
        return {
          sheets: plan.sheets.filter((s) => s.generated && sheetNames.has(s.key)).map((s) => ({ key: s.key, name: sheetNames.get(s.key)!, kind: s.kind })),
          replaced,
        };
      } catch (e) {
        throw plain(e);
      }
    },

    async showSheet(key) {
      const name = sheetNames.get(key);
      if (!name) return;
      try {
        await showSheet(name);
      } catch (e) {
        throw plain(e);
      }
    },
  };
}
