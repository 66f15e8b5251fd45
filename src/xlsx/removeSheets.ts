/**
 * Takes the sheets that are still ours out of a workbook package before they are written anew:
 * their `<sheet>` elements and workbook relationships, their parts and every part only they
 * lead to (drawings, charts, tables, marker parts; not a part a kept part also uses), those
 * parts' content types, and the defined names local to them. The indices that count sheets
 * (definedName localSheetId, workbookView activeTab/firstSheet) are renumbered. Every other part
 * is left as it is.
 */
import type { PackageFiles } from "./packageFiles";
import {
  parseRels,
  relsPathOf,
  removeOverride,
  removeRels,
  resolvePath,
  sheetRelId,
  workbookSheets,
  type SheetEntry,
} from "./relationships";
import { attributes } from "./xml";

export const WORKBOOK = "xl/workbook.xml";
export const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

export interface RemainingSheets {
  kept: SheetEntry[];
  /** Index among `kept` of the workbook's active tab; null when it was one of the removed. */
  active: number | null;
}

export function removeSheets(files: PackageFiles, names: ReadonlySet<string>): RemainingSheets {
  const all = workbookSheets(files);
  const workbook = files.get(WORKBOOK) ?? "";
  const view = /<workbookView(?=[\s/>])[^>]*>/.exec(workbook);
  const activeBefore = Number((view && attributes(view[0]).activeTab) ?? 0);
  const kept = all.filter((s) => !names.has(s.name));
  const activeSheet = all[activeBefore];
  const active = activeSheet && !names.has(activeSheet.name) ? kept.indexOf(activeSheet) : null;
  if (kept.length === all.length) return { kept, active };

  const removed = all.filter((s) => names.has(s.name));
  const newIndex = new Map<number, number>();
  all.forEach((s, i) => {
    if (!names.has(s.name)) newIndex.set(i, kept.indexOf(s));
  });
  const removedIds = new Set(removed.map((s) => s.relId));

  let xml = workbook.replace(/<sheet(?=[\s/>])[^>]*>/g, (t) =>
    removedIds.has(sheetRelId(t)) ? "" : t
  );
  xml = xml.replace(
    /<definedName(?=[\s/>])([^>]*?)(?:\/>|>[\s\S]*?<\/definedName>)/g,
    (element, attrs: string) => {
      const local = /localSheetId="(\d+)"/.exec(attrs);
      if (!local) return element;
      const to = newIndex.get(Number(local[1]));
      if (to === undefined) return "";
      return element.replace(/localSheetId="\d+"/, `localSheetId="${to}"`);
    }
  );
  xml = xml.replace(/<definedNames>\s*<\/definedNames>/, "");
  xml = xml.replace(/<workbookView(?=[\s/>])[^>]*>/g, (t) =>
    t
      .replace(/activeTab="\d+"/, `activeTab="${active ?? 0}"`)
      .replace(
        /firstSheet="(\d+)"/,
        (_, n: string) => `firstSheet="${newIndex.get(Number(n)) ?? 0}"`
      )
  );
  files.set(WORKBOOK, xml);
  files.set(WORKBOOK_RELS, removeRels(files.get(WORKBOOK_RELS) ?? "", removedIds));

  // The parts only the removed sheets lead to, followed through relationships.
  const users = new Map<string, Set<string>>();
  for (const rels of files.paths().filter((p) => p.endsWith(".rels"))) {
    const owner = ownerOf(rels);
    for (const r of parseRels(files.get(rels))) {
      if (r.external) continue;
      const target = resolvePath(owner || "x", r.target);
      if (!users.has(target)) users.set(target, new Set());
      users.get(target)!.add(owner);
    }
  }
  const gone = new Set(removed.map((s) => s.path));
  const queue = [...gone];
  while (queue.length > 0) {
    const part = queue.pop()!;
    for (const r of parseRels(files.get(relsPathOf(part)))) {
      if (r.external) continue;
      const target = resolvePath(part, r.target);
      if (gone.has(target)) continue;
      const owners = users.get(target) ?? new Set();
      if ([...owners].every((o) => gone.has(o))) {
        gone.add(target);
        queue.push(target);
      }
    }
  }
  let types = files.get("[Content_Types].xml") ?? "";
  for (const part of gone) {
    files.delete(part);
    files.delete(relsPathOf(part));
    types = removeOverride(types, `/${part}`);
  }
  files.set("[Content_Types].xml", types);
  return { kept, active };
}

/** "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml"; "_rels/.rels" → "". */
function ownerOf(rels: string): string {
  return rels === "_rels/.rels" ? "" : rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
}
