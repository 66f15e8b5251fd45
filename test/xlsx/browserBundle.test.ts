/**
 * @jest-environment jsdom
 */
/**
 * The renderer in a DOM environment (jsdom: no TextDecoder, no Buffer of its own), as the task
 * pane's preview runs it: no Node-only API on the way.
 */
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { readGeneratedSheetKeys } from "../../src/xlsx/generatedMarker";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { sampleTable } from "../workbook/fixtures";
import { readBack } from "./readBack";

it("renders in a DOM environment and reads back with charts, links and markers", async () => {
  expect(typeof window).toBe("object");
  const plan = buildWorkbookPlan(sampleTable(), { lang: "ja" });
  const bytes = await renderXlsx(plan);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const rb = readBack(bytes);
  expect(rb.book.SheetNames).toEqual(plan.sheets.map((s) => s.name));
  expect(rb.value("施策一覧", 1, 0)).toBe("2.1(1)(ア)");
  expect(Object.keys(rb.parts).filter((p) => p.startsWith("xl/charts/"))).toHaveLength(9);
  expect(readGeneratedSheetKeys(bytes).size).toBe(plan.sheets.length);
});
