/**
 * exceljs 4.4 writes an internal link ("#'Sheet'!A1") as an external relationship plus a
 * `location` that keeps the "#" (exceljs issue #3027): Excel, LibreOffice and SheetJS then see
 * "#'S'!A1##'S'!A1" or a dead link. The fix: drop the relationship and keep only
 * `location="'S'!A1"`, which is how Excel itself stores a link inside the workbook.
 */
import { parseRels, REL, removeRels } from "./relationships";
import { attributes, escapeXml, insertBeforeFirst, worksheetElementsAfter } from "./xml";

export function repairInternalHyperlinks(
  sheetXml: string,
  relsXml: string | undefined
): { sheet: string; rels: string | undefined } {
  if (!relsXml || !sheetXml.includes("<hyperlink")) return { sheet: sheetXml, rels: relsXml };
  const internal = new Map(
    parseRels(relsXml)
      .filter((r) => r.type === REL.hyperlink && r.target.startsWith("#"))
      .map((r) => [r.id, r.target.slice(1)])
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

const AFTER_HYPERLINKS = worksheetElementsAfter("hyperlinks");

/** Links inside the workbook (`location` only, no relationship), as written in a sheet. */
export function locationLinks(sheetXml: string): string[] {
  const block = /<hyperlinks>([\s\S]*?)<\/hyperlinks>/.exec(sheetXml);
  if (!block) return [];
  return (block[1].match(/<hyperlink(?=[\s/>])[^>]*\/>/g) ?? []).filter((t) => {
    const a = attributes(t);
    return a.location !== undefined && a["r:id"] === undefined;
  });
}

/**
 * exceljs drops a link that has only a `location` when it reads a file, so a user's internal
 * links would vanish on regeneration: put back those of `links` whose cell has no link now.
 */
export function restoreLocationLinks(sheetXml: string, links: readonly string[]): string {
  if (links.length === 0) return sheetXml;
  const present = new Set(
    Array.from(sheetXml.matchAll(/<hyperlink(?=[\s/>])[^>]*\/>/g), (m) => attributes(m[0]).ref)
  );
  const missing = links.filter((t) => !present.has(attributes(t).ref));
  if (missing.length === 0) return sheetXml;
  if (sheetXml.includes("</hyperlinks>"))
    return sheetXml.replace("</hyperlinks>", `${missing.join("")}</hyperlinks>`);
  return insertBeforeFirst(
    sheetXml,
    `<hyperlinks>${missing.join("")}</hyperlinks>`,
    AFTER_HYPERLINKS,
    "worksheet"
  );
}
