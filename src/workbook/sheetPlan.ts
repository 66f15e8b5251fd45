/** Construction helpers shared by the sheet builders. */
import { range } from "./geometry";
import type { CellFormat, ConditionalFormatPlan, PrintPlan, RangeRef, SheetKind, SheetPlan } from "./plan";

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

/**
 * Colour the rows of `range` whose cell `cell` (relative to the range's top-left, e.g. "$I2")
 * holds one of the values: one conditional-format rule per value, its text quoted for a formula
 * (a `"` doubled), so a label can never end the string early.
 */
export function colourRowsByValue(
  sheet: SheetPlan,
  range: RangeRef,
  cell: string,
  rules: readonly { value: string; format: ConditionalFormatPlan["format"] }[]
): void {
  for (const r of rules)
    sheet.conditionalFormats.push({ range, formula: `=${cell}="${r.value.replace(/"/g, '""')}"`, format: r.format });
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

/** A block of counts from column A: its header row at `top` in the header style, its `bodyRows` below bordered. */
export function styleBlock(sheet: SheetPlan, top: number, bodyRows: number, columns: number): void {
  sheet.formats.push({ range: range(top, 0, 1, columns), format: BLOCK_HEADER_FORMAT });
  sheet.formats.push({ range: range(top + 1, 0, bodyRows, columns), format: { border: "thin" } });
}

/**
 * Columns (in Excel's width characters) a landscape A4 page holds at full size with the default
 * margins: ≈ 261 mm of 297 mm at ≈ 1.85 mm a character (A3 landscape holds ≈ 205).
 */
export const A4_LANDSCAPE_CHARACTERS = 140;
/** Smallest print scale a table is left at on A4; wider tables go on A3. */
const A4_MIN_SCALE = 0.75;

/**
 * Print setup of a table sheet: landscape, one page wide, the table's header row (0-based
 * `headerRow`) repeated on every printed page. A4 while the visible columns print at 75 % or more
 * on it (検証結果), else A3, the paper offices print wide tables on ("A3 横"): 施策一覧 (≈ 310
 * characters) would print at ≈ 45 % on A4 and prints at ≈ 66 % on A3.
 */
export function tablePrint(sheet: Pick<SheetPlan, "columns">, headerRow: number): PrintPlan {
  let width = 0;
  for (const c of sheet.columns) if (!c.hidden) width += c.width;
  return {
    orientation: "landscape",
    paperSize: width * A4_MIN_SCALE > A4_LANDSCAPE_CHARACTERS ? "A3" : "A4",
    fitToWidth: true,
    titleRows: { first: headerRow, last: headerRow },
  };
}
