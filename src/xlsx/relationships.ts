/** Package relationships and content types: read, add, resolve paths. */
import { attributes, escapeXml, tags, XML_HEADER } from "./xml";

export const REL = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
  customProperty:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
} as const;

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  customProperty: "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const EMPTY_RELS = `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return tags(xml, "Relationship").map((t) => {
    const a = attributes(t);
    return { id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === "External" };
  });
}

/** A fresh relationship id ("rId7") not used in `xml`. */
export function nextRelId(xml: string | undefined): string {
  let max = 0;
  for (const r of parseRels(xml)) {
    const n = /^rId(\d+)$/.exec(r.id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `rId${max + 1}`;
}

export function addRel(
  xml: string | undefined,
  rel: { id: string; type: string; target: string }
): string {
  const base = xml ?? EMPTY_RELS;
  const el = `<Relationship Id="${escapeXml(rel.id)}" Type="${rel.type}" Target="${escapeXml(rel.target)}"/>`;
  return base.replace("</Relationships>", `${el}</Relationships>`);
}

export function removeRels(xml: string, ids: ReadonlySet<string>): string {
  return xml.replace(/<Relationship(?=[\s/>])[^>]*\/>/g, (t) =>
    ids.has(attributes(t).Id) ? "" : t
  );
}

export function addOverride(contentTypes: string, partName: string, contentType: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace(
    "</Types>",
    `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/></Types>`
  );
}

export function removeOverride(contentTypes: string, partName: string): string {
  const esc = escapeXml(partName).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return contentTypes.replace(new RegExp(`<Override(?=\\s)[^>]*PartName="${esc}"[^>]*/>`), "");
}

/** All relationships of a rels part as XML, in the order given. */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return addRels(EMPTY_RELS, rels);
}

function addRels(
  xml: string,
  rels: readonly { id: string; type: string; target: string }[]
): string {
  return rels.reduce((x, r) => addRel(x, r), xml);
}

export function addDefault(contentTypes: string, extension: string, contentType: string): string {
  if (new RegExp(`<Default[^>]*Extension="${extension}"`, "i").test(contentTypes))
    return contentTypes;
  return contentTypes.replace(
    "</Types>",
    `<Default Extension="${extension}" ContentType="${contentType}"/></Types>`
  );
}

/** "xl/worksheets/sheet1.xml" + "../drawings/drawing1.xml" → "xl/drawings/drawing1.xml". */
export function resolvePath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The rels part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A path relative to the folder of `fromPart` ("xl/worksheets/sheet1.xml" → "../drawings/x.xml"). */
export function relativePath(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export interface SheetEntry {
  name: string;
  /** Relationship id in xl/_rels/workbook.xml.rels. */
  relId: string;
  /** e.g. "xl/worksheets/sheet3.xml" */
  path: string;
  state: string;
}

/** Sheets in workbook order with their part paths. */
export function workbookSheets(files: { get(path: string): string | undefined }): SheetEntry[] {
  const workbook = files.get("xl/workbook.xml");
  if (!workbook) throw new Error("not an .xlsx workbook: xl/workbook.xml is missing");
  const rels = parseRels(files.get("xl/_rels/workbook.xml.rels"));
  return tags(workbook, "sheet").map((t) => {
    const a = attributes(t);
    const rel = rels.find((r) => r.id === sheetRelId(t));
    if (!rel) throw new Error(`sheet "${a.name}" has no relationship`);
    return {
      name: a.name,
      relId: sheetRelId(t),
      path: resolvePath("xl/workbook.xml", rel.target),
      state: a.state ?? "visible",
    };
  });
}

/** The r:id of a `<sheet>` tag, whatever prefix the relationships namespace has. */
export function sheetRelId(tag: string): string {
  return /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1] ?? "";
}
