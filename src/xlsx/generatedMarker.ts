/**
 * Marks generated sheets inside the file the way Office.js does (Worksheet.customProperties,
 * ExcelApi 1.12): sheet-level custom properties `PlanTablesGenerated`, whose value is the plan's
 * sheet key, and `PlanTablesSheetName`, the name the sheet was given. In the package that is
 * `<customProperties><customPr name=… r:id=…/>…` in the sheet XML and a part
 * xl/customPropertyN.bin per value, holding it as UTF-16LE text without a BOM (the part's content
 * is left to the application by ECMA-376; Apache POI and Syncfusion XlsIO use these names and that
 * encoding). The markers travel with the sheet when the user renames or moves it; a renamed one no
 * longer bears the recorded name and so is the user's (stillGenerated). A user's own sheets never
 * carry them.
 */
import { strFromU8, unzipSync } from "fflate";
import { GENERATED_NAME_TAG, GENERATED_SHEET_TAG, stillGenerated } from "../workbook/plan";
import { parseRels, relsPathOf, resolvePath, workbookSheets } from "./relationships";
import { attributes, tags } from "./xml";

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

/**
 * Generated sheets of a workbook file: sheet name → plan key (e.g. "ministry:総務省"); a tagged
 * sheet the user renamed is theirs and not listed (stillGenerated).
 */
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
    const valueOf = (tag: string): string | null => {
      for (const t of tags(xml, "customPr")) {
        const a = attributes(t);
        if (a.name !== tag) continue;
        const rel = rels.find((r) => r.id === a["r:id"]);
        const data = rel && files.bytes(resolvePath(sheet.path, rel.target));
        if (data) return decodeUtf16le(data);
      }
      return null;
    };
    const key = valueOf(GENERATED_SHEET_TAG);
    if (key !== null && stillGenerated(sheet.name, valueOf(GENERATED_NAME_TAG)))
      out.set(sheet.name, key);
  }
  return out;
}
