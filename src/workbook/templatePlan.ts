/**
 * The blank input workbook officials fill in: 入力 (the recognised headers, in the report's
 * column order after the heading columns), 記入方法, and a hidden リスト for the dropdowns.
 * The input headers are Japanese in both languages: they are what the importer recognises.
 */
import { COLUMN_NAMES, COLUMNS, type ColumnTable } from "../domain/columns";
import type { Lang } from "../domain/model";
import { STATUS_LABELS } from "../domain/status";
import { range } from "./geometry";
import { buildListsSheet, LISTS_SHEET_KEY } from "./listsSheet";
import type { WorkbookPlan } from "./plan";
import { sheetNamer } from "./sheetNames";
import { BLOCK_HEADER_FORMAT, emptySheet, TITLE_FORMAT, tablePrint } from "./sheetPlan";
import { WORKBOOK_STRINGS } from "./strings";

export const INPUT_SHEET_KEY = "input";
export const INSTRUCTIONS_SHEET_KEY = "instructions";
/** Rows below the header that get dropdowns and wrapped text. */
export const TEMPLATE_ROWS = 1000;

export interface TemplateColumn {
  /** The Japanese name of the column-table row: a header the importer recognises. */
  header: string;
  width: number;
}

/** The input sheet's columns: the column table's rows that have a template place, in its order. */
export function templateColumnsOf(columns: ColumnTable = COLUMNS): TemplateColumn[] {
  return columns
    .flatMap((c) => (c.template ? [{ ...c.template, header: c.names.ja }] : []))
    .sort((a, b) => a.order - b.order)
    .map(({ header, width }) => ({ header, width }));
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = templateColumnsOf(COLUMNS);

export const templateColumn = (
  header: string,
  columns: readonly TemplateColumn[] = TEMPLATE_COLUMNS
): number => columns.findIndex((c) => c.header === header);

export function buildTemplatePlan(lang: Lang, columns: ColumnTable = COLUMNS): WorkbookPlan {
  const templateColumns = templateColumnsOf(columns);
  const t = WORKBOOK_STRINGS[lang];
  const name = sheetNamer();
  const input = emptySheet(INPUT_SHEET_KEY, "input", name(t.sheet.input));
  const instructions = emptySheet(
    INSTRUCTIONS_SHEET_KEY,
    "instructions",
    name(t.sheet.instructions)
  );
  const lists = buildListsSheet(lang, name(t.sheet.lists));
  const width = templateColumns.length;

  input.blocks.push({ row: 0, column: 0, values: [templateColumns.map((c) => c.header)] });
  input.columns = templateColumns.map((c, column) => ({ column, width: c.width }));
  input.formats.push({ range: range(0, 0, 1, width), format: BLOCK_HEADER_FORMAT });
  input.formats.push({
    range: range(1, 0, TEMPLATE_ROWS, width),
    format: { wrap: true, vertical: "top" },
  });
  input.validations.push(
    {
      range: range(1, templateColumn(COLUMN_NAMES.owners.ja, templateColumns), TEMPLATE_ROWS, 1),
      list: { kind: "range", sheetKey: LISTS_SHEET_KEY, range: lists.ministries },
      // Several owners go in one cell, one per line: the list helps, it cannot constrain.
      allowOther: true,
      prompt: t.template.ownersPrompt,
    },
    {
      range: range(1, templateColumn(COLUMN_NAMES.status.ja, templateColumns), TEMPLATE_ROWS, 1),
      list: { kind: "inline", values: Object.values(STATUS_LABELS.ja) },
      allowOther: false,
      prompt: t.template.statusPrompt,
    }
  );
  input.freeze = { rows: 1, columns: 0 };
  input.print = tablePrint(input, 0);

  instructions.blocks.push({
    row: 0,
    column: 0,
    values: t.template.instructions.map((line) => [line]),
  });
  instructions.columns = [{ column: 0, width: 110 }];
  instructions.formats.push({ range: range(0, 0, 1, 1), format: TITLE_FORMAT });
  instructions.formats.push({
    range: range(1, 0, t.template.instructions.length - 1, 1),
    format: { wrap: true, vertical: "top" },
  });
  instructions.print = { orientation: "portrait", paperSize: "A4", fitToWidth: true };

  // The template becomes the user's own workbook once filled in: nothing in it is "generated",
  // so a later regeneration never replaces or deletes these sheets.
  for (const s of [input, instructions, lists.sheet]) s.generated = false;
  return { lang, sheets: [input, instructions, lists.sheet] };
}
