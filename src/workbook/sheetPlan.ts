/** Construction helpers shared by the sheet builders. */
import type { CellFormat, PrintPlan, RangeRef, SheetKind, SheetPlan } from "./plan";

export function emptySheet(key: string, kind: SheetKind, name: string): SheetPlan {
  return {
    key,
    kind,
    name,
    generated: true,
    blocks: [],
    formats: [],
    columns: [],
    rowHeights: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    links: [],
    charts: [],
  };
}

export function addFormat(sheet: SheetPlan, range: RangeRef, format: CellFormat): void {
  sheet.formats.push({ range, format });
}

/** Colours used across sheets (fills are light so black text stays readable when printed). */
export const COLORS = {
  header: "#1F4E78",
  headerText: "#FFFFFF",
  title: "#1F4E78",
  error: "#F8CBAD",
  errorText: "#9C0006",
  warning: "#FFEB9C",
  warningText: "#7F6000",
  ended: "#D9D9D9",
  unreported: "#FCE4D6",
  link: "#0563C1",
  total: "#DDEBF7",
  tab: { measures: "#1F4E78", report: "#C00000", dashboard: "#548235", ministry: "#8EA9DB" },
} as const;

export const TITLE_FORMAT: CellFormat = { bold: true, fontSize: 14, fontColor: COLORS.title };
export const HEADING_FORMAT: CellFormat = { bold: true, fontColor: COLORS.title };
export const LINK_FORMAT: CellFormat = { fontColor: COLORS.link };
export const BLOCK_HEADER_FORMAT: CellFormat = {
  bold: true,
  fill: COLORS.header,
  fontColor: COLORS.headerText,
  border: "thin",
  horizontal: "center",
};

/**
 * Print setup of a table sheet: A4 landscape, one page wide, the table's header row (0-based
 * `headerRow`) repeated on every printed page.
 */
export function tablePrint(headerRow: number): PrintPlan {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    titleRows: { first: headerRow, last: headerRow },
  };
}
