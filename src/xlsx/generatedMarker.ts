/**
 * Marks generated sheets inside the file the way Office.js does (Worksheet.customProperties,
 * ExcelApi 1.12): a sheet-level custom property `PlanTablesGenerated` whose value is the plan's
 * sheet key. In the package that is `<customProperties><customPr name=… r:id=…/>` in the sheet
 * XML and a part xl/customPropertyN.bin holding the value as UTF-16LE text without a BOM (the
 * part's content is left to the application by ECMA-376; Apache POI and Syncfusion XlsIO use
 * these names and that encoding). It travels with the sheet when the user renames or moves it,
 * and a user's own sheets never carry it.
 */
import { strFromU8, unzipSync } from "fflate";
import { GENERATED_SHEET_TAG } from "../workbook/plan";
import {
  addOverride,
  addRel,
  CONTENT_TYPE,
  nextRelId,
  parseRels,
  REL,
  relativePath,
  relsPathOf,
  resolvePath,
  workbookSheets,
} from "./relationships";
import { attributes, insertBeforeFirst, tags, worksheetElementsAfter } from "./xml";

const AFTER_CUSTOM_PROPERTIES = worksheetElementsAfter("customProperties");

export function encodeUtf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

export function decodeUtf16le(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b[i] | (b[i + 1] << 8));
  return s.replace(/\u0000+$/, "");
}

export interface MarkerEdit {
  sheet: string;
  rels: string;
  contentTypes: string;
  part: { path: string; bytes: Uint8Array };
}

/** Adds the marker to one sheet; `partPath` is a free part name such as "xl/customProperty1.bin". */
export function addGeneratedMarker(
  sheetPath: string,
  sheetXml: string,
  relsXml: string | undefined,
  contentTypes: string,
  partPath: string,
  key: string
): MarkerEdit {
  const relId = nextRelId(relsXml);
  const rels = addRel(relsXml, {
    id: relId,
    type: REL.customProperty,
    target: relativePath(sheetPath, partPath),
  });
  const el = `<customProperties><customPr name="${GENERATED_SHEET_TAG}" r:id="${relId}"/></customProperties>`;
  return {
    sheet: insertBeforeFirst(sheetXml, el, AFTER_CUSTOM_PROPERTIES, "worksheet"),
    rels,
    contentTypes: addOverride(contentTypes, `/${partPath}`, CONTENT_TYPE.customProperty),
    part: { path: partPath, bytes: encodeUtf16le(key) },
  };
}

/** Generated sheets of a workbook file: sheet name → plan key (e.g. "ministry:総務省"). */
export function readGeneratedSheetKeys(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const get = (p: string) => (files[p] ? strFromU8(files[p]) : undefined);
  return generatedSheetKeys({ get, bytes: (p) => files[p] });
}

export function generatedSheetKeys(files: {
  get(path: string): string | undefined;
  bytes(path: string): Uint8Array | undefined;
}): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of workbookSheets(files)) {
    const xml = files.get(sheet.path);
    if (!xml) continue;
    const rels = parseRels(files.get(relsPathOf(sheet.path)));
    for (const t of tags(xml, "customPr")) {
      const a = attributes(t);
      if (a.name !== GENERATED_SHEET_TAG) continue;
      const rel = rels.find((r) => r.id === a["r:id"]);
      const data = rel && files.bytes(resolvePath(sheet.path, rel.target));
      if (data) out.set(sheet.name, decodeUtf16le(data));
    }
  }
  return out;
}
