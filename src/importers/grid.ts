/**
 * A 2-D array of cell values, as a worksheet's used range gives them (Office.js `values`,
 * exceljs rows): strings, numbers, booleans, dates, null.
 */
import { readPlanTable, type TableSource } from "./table/readTable";
import type { ImportResult } from "../domain/importResult";

/** One cell value as the text a person sees; never evaluates anything. */
export function cellToText(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

export function gridToText(grid: readonly (readonly unknown[])[]): string[][] {
  return grid.map((row) => (Array.isArray(row) ? row.map(cellToText) : []));
}

/** A worksheet's used range (or any grid of values) → drafts and problems. */
export function importGrid(grid: readonly (readonly unknown[])[], source: TableSource): ImportResult {
  return readPlanTable(gridToText(grid), source);
}
