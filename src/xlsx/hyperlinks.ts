/**
 * exceljs 4.4 writes an internal link ("#'Sheet'!A1") as an external relationship plus a
 * `location` that keeps the "#" (exceljs issue #3027): Excel, LibreOffice and SheetJS then see
 * "#'S'!A1##'S'!A1" or a dead link. The fix: drop the relationship and keep only
 * `location="'S'!A1"`, which is how Excel itself stores a link inside the workbook.
 */
import { parseRels, REL, removeRels } from "./relationships";
import { attributes, escapeXml } from "./xml";

export function repairInternalHyperlinks(sheetXml: string, relsXml: string | undefined): { sheet: string; rels: string | undefined } {
  if (!relsXml || !sheetXml.includes("<hyperlink")) return { sheet: sheetXml, rels: relsXml };
  const internal = new Map(
    parseRels(relsXml)
      .filter((r) => r.type === REL.hyperlink && r.target.startsWith("#"))
      .map((r) => [r.id, r.target.slice(1)]),
  );
  if (internal.size === 0) return { sheet: sheetXml, rels: relsXml };
  const sheet = sheetXml.replace(/<hyperlink(?=[\s/>])[^>]*\/>/g, (tag) => {
    const a = attributes(tag);
    const location = internal.get(a["r:id"]);
    if (location === undefined) return tag;
    const extra = ["display", "tooltip"]
      .filter((k) => a[k] !== undefined)
      .map((k) => ` ${k}="${escapeXml(a[k])}"`)
      .join("");
    return `<hyperlink ref="${escapeXml(a.ref)}" location="${escapeXml(location)}"${extra}/>`;
  });
  return { sheet, rels: removeRels(relsXml, new Set(internal.keys())) };
}
