/**
 * The blank input workbook officials fill in: 入力 (the recognised headers, in the report's
 * column order after the heading columns), 記入方法, and a hidden リスト for the dropdowns.
 * The input headers are Japanese in both languages: they are what the importer recognises.
 */
import type { Lang } from "../domain/model";
import { STATUS_LABELS } from "../domain/status";
import { range } from "./geometry";
import { buildListsSheet, LISTS_SHEET_KEY } from "./listsSheet";
import type { WorkbookPlan } from "./plan";
import { makeSheetName } from "./sheetNames";
import { BLOCK_HEADER_FORMAT, emptySheet, TITLE_FORMAT, tablePrint } from "./sheetPlan";
import { WORKBOOK_STRINGS } from "./strings";

export const INPUT_SHEET_KEY = "input";
export const INSTRUCTIONS_SHEET_KEY = "instructions";
/** Rows below the header that get dropdowns and wrapped text. */
export const TEMPLATE_ROWS = 1000;

export const TEMPLATE_COLUMNS = [
  { header: "章", width: 18 },
  { header: "節", width: 18 },
  { header: "項", width: 18 },
  { header: "項番", width: 12 },
  { header: "担当府省庁", width: 16 },
  { header: "年次計画", width: 48 },
  { header: "成果・進捗状況", width: 48 },
  { header: "次年度年次計画", width: 48 },
  { header: "進捗区分", width: 10 },
  { header: "備考", width: 24 },
] as const;

export const templateColumn = (header: (typeof TEMPLATE_COLUMNS)[number]["header"]): number =>
  TEMPLATE_COLUMNS.findIndex((c) => c.header === header);

export function buildTemplatePlan(lang: Lang): WorkbookPlan {
  const t = WORKBOOK_STRINGS[lang];
  const taken = new Set<string>();
  const name = (wanted: string) => {
    const n = makeSheetName(wanted, taken);
    taken.add(n);
    return n;
  };
  const input = emptySheet(INPUT_SHEET_KEY, "input", name(t.sheet.input));
  const instructions = emptySheet(
    INSTRUCTIONS_SHEET_KEY,
    "instructions",
    name(t.sheet.instructions)
  );
  const lists = buildListsSheet(lang, name(t.sheet.lists));
  const width = TEMPLATE_COLUMNS.length;

  input.blocks.push({ row: 0, column: 0, values: [TEMPLATE_COLUMNS.map((c) => c.header)] });
  input.columns = TEMPLATE_COLUMNS.map((c, column) => ({ column, width: c.width }));
  input.formats.push({ range: range(0, 0, 1, width), format: BLOCK_HEADER_FORMAT });
  input.formats.push({
    range: range(1, 0, TEMPLATE_ROWS, width),
    format: { wrap: true, vertical: "top" },
  });
  input.validations.push(
    {
      range: range(1, templateColumn("担当府省庁"), TEMPLATE_ROWS, 1),
      list: { kind: "range", sheetKey: LISTS_SHEET_KEY, range: lists.ministries },
      // Several owners go in one cell, one per line: the list helps, it cannot constrain.
      allowOther: true,
      prompt: t.template.ownersPrompt,
    },
    {
      range: range(1, templateColumn("進捗区分"), TEMPLATE_ROWS, 1),
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
