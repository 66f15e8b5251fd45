/** Table part (xl/tables/tableN.xml): an Excel table over a range whose first row is the header. */
import { rangeAddress } from "../workbook/geometry";
import type { TablePlan } from "../workbook/plan";
import { escapeXml, XML_HEADER } from "./xml";

export function tableXml(table: TablePlan, id: number, name: string, columns: string[]): string {
  const ref = rangeAddress(table.range);
  const cols = columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`)
    .join("");
  return (
    XML_HEADER +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
