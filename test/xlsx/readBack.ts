/** Reading a produced .xlsx back with an independent reader (SheetJS via @e965/xlsx) and fflate. */
import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";

export interface ReadBack {
  book: XLSX.WorkBook;
  parts: Record<string, Uint8Array>;
  text(path: string): string;
  /** Sheet name → part path ("xl/worksheets/sheet2.xml"). */
  sheetPath(name: string): string;
  /** Cell value at a 0-based (row, column) of a sheet, or undefined when the cell is empty. */
  value(sheet: string, row: number, column: number): unknown;
  cell(sheet: string, row: number, column: number): XLSX.CellObject | undefined;
}

export function readBack(bytes: Uint8Array): ReadBack {
  const book = XLSX.read(bytes, { type: "array", cellFormula: true });
  const parts = unzipSync(bytes);
  const text = (path: string) => {
    const p = parts[path];
    if (!p) throw new Error(`no part ${path}`);
    return strFromU8(p);
  };
  const rels = text("xl/_rels/workbook.xml.rels");
  const workbook = text("xl/workbook.xml");
  const sheetPath = (name: string) => {
    const esc = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
    const m = new RegExp(
      `<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`
    ).exec(workbook);
    if (!m) throw new Error(`no sheet ${name}`);
    const t =
      new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
    if (!t) throw new Error(`no rel for ${name}`);
    return t[1].startsWith("/") ? t[1].slice(1) : `xl/${t[1]}`;
  };
  const cell = (sheet: string, row: number, column: number) => {
    const ws = book.Sheets[sheet];
    if (!ws) throw new Error(`no sheet ${sheet}`);
    return ws[XLSX.utils.encode_cell({ r: row, c: column })] as XLSX.CellObject | undefined;
  };
  return { book, parts, text, sheetPath, cell, value: (s, r, c) => cell(s, r, c)?.v };
}

/** "'ダッシュボード'!$B$5:$B$9" → { sheet, from, to } with 0-based coordinates. */
export function parseRef(ref: string): {
  sheet: string;
  from: { r: number; c: number };
  to: { r: number; c: number };
} {
  const m = /^'((?:[^']|'')+)'!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a reference: ${ref}`);
  const from = XLSX.utils.decode_cell(m[2].replace(/\$/g, ""));
  const to = XLSX.utils.decode_cell((m[3] ?? m[2]).replace(/\$/g, ""));
  return { sheet: m[1].replace(/''/g, "'"), from, to };
}
