/**
 * WorkbookPlan → .xlsx bytes, in Node and in the browser, at the package level. With a base
 * workbook, the sheets still ours (generatedSheetKeys: marked, and not renamed by the user) are
 * taken out with everything only they use, and the plan's sheets are added; every other part of
 * the user's file keeps its bytes. Only xl/workbook.xml, its relationships, [Content_Types].xml
 * and xl/styles.xml (our formats appended) are extended. Without a base, the same writer starts
 * from a minimal package. Our sheets are streamed into the zip as XML, deflated once.
 */
import { quoteSheetName } from "../workbook/geometry";
import type { CellValue, SheetPlan, TablePlan, WorkbookPlan } from "../workbook/plan";
import { GENERATED_NAME_TAG, GENERATED_SHEET_TAG } from "../workbook/plan";
import { makeSheetName } from "../workbook/sheetNames";
import { chartXml } from "./chartXml";
import { drawingRelsXml, drawingXml, type ChartAnchor } from "./drawingXml";
import { encodeUtf16le, generatedSheetKeys } from "./generatedMarker";
import { minimalPackage } from "./minimalPackage";
import { PackageFiles } from "./packageFiles";
import {
  addOverride,
  addRel,
  CONTENT_TYPE,
  nextRelId,
  parseRels,
  REL,
  relativePath,
  relsPathOf,
  relsXml,
  resolvePath,
} from "./relationships";
import { removeSheets, WORKBOOK, WORKBOOK_RELS } from "./removeSheets";
import { StyleSheet, MINIMAL_STYLES } from "./styles";
import { tableXml } from "./tableXml";
import {
  freeTableName,
  sheetNameOf,
  tableColumnNames,
  sheetXmlPieces,
  type SheetRelIds,
} from "./writeSheet";
import { attributes, escapeXml, insertBeforeFirst, tags } from "./xml";
import { ZipStream, type PartCompressor } from "./zipStream";

/** Where the writing is: sheet `done` of `total` written, then the rest of the package compressed. */
export interface RenderProgress {
  phase: "sheet" | "compress";
  done: number;
  total: number;
  /** The sheet being written (phase "sheet"). */
  sheet?: string;
}

export interface RenderOptions {
  /**
   * The user's workbook (.xlsx or .xlsm) to add our sheets to. Its parts stay byte for byte
   * except the four the writer must extend; its sheets still ours are replaced.
   */
  base?: Uint8Array;
  onProgress?: (p: RenderProgress) => void;
  /** Checked between sheets and every piece of XML (128 rows): cancels with an AbortError. */
  signal?: AbortSignal;
  /** A native deflate (the CLI gives Node's zlib); fflate's otherwise. */
  compressor?: PartCompressor;
}

/** One sheet to write: its part, its relationships and the parts that hang off it. */
interface SheetJob {
  plan: SheetPlan;
  name: string;
  path: string;
  rels: SheetRelIds;
  tableColumns: string[][];
}

export async function renderXlsx(
  plan: WorkbookPlan,
  options: RenderOptions = {}
): Promise<Uint8Array> {
  const files = options.base ? new PackageFiles(options.base) : minimalPackage();
  const generated = generatedSheetKeys(files);
  const { kept, active } = removeSheets(files, new Set(generated.keys()));

  const taken = new Set(kept.map((s) => s.name));
  const names = new Map<string, string>();
  for (const s of plan.sheets) {
    const n = makeSheetName(s.name, taken);
    taken.add(n);
    names.set(s.key, n);
  }

  const stylesPath = ensureStyles(files);
  const styles = new StyleSheet(files.get(stylesPath) ?? MINIMAL_STYLES);
  const tables = existingTables(files);
  let types = files.get("[Content_Types].xml") ?? "";
  let workbookRels = files.get(WORKBOOK_RELS);
  let workbook = files.get(WORKBOOK) ?? "";
  let sheetId = Math.max(
    0,
    ...tags(workbook, "sheet").map((t) => Number(attributes(t).sheetId) || 0)
  );
  const sheetElements: string[] = [];
  const definedNames: string[] = [];
  const selected = active === null ? 0 : -1;

  const jobs: SheetJob[] = plan.sheets.map((sheet, i) => {
    const name = sheetNameOf(names, sheet.key);
    const path = files.freeName("xl/worksheets/sheet", ".xml");
    types = addOverride(types, `/${path}`, CONTENT_TYPE.worksheet);
    const relId = nextRelId(workbookRels);
    workbookRels = addRel(workbookRels, {
      id: relId,
      type: REL.worksheet,
      target: relativePath(WORKBOOK, path),
    });
    const state = sheet.hidden ? ' state="hidden"' : "";
    sheetElements.push(
      `<sheet name="${escapeXml(name)}" sheetId="${++sheetId}"${state} r:id="${relId}"/>`
    );
    if (sheet.print?.titleRows) {
      const { first, last } = sheet.print.titleRows;
      definedNames.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${kept.length + i}">${escapeXml(`${quoteSheetName(name)}!$${first + 1}:$${last + 1}`)}</definedName>`
      );
    }

    const sheetRels: { id: string; type: string; target: string }[] = [];
    const rel = (type: string, part: string) => {
      const id = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id, type, target: relativePath(path, part) });
      return id;
    };
    const rels: SheetRelIds = { customProperties: [], tables: [] };
    if (sheet.generated)
      for (const [tag, value] of [
        [GENERATED_SHEET_TAG, sheet.key],
        [GENERATED_NAME_TAG, name],
      ]) {
        const part = files.freeName("xl/customProperty", ".bin");
        files.set(part, encodeUtf16le(value));
        types = addOverride(types, `/${part}`, CONTENT_TYPE.customProperty);
        rels.customProperties.push({ name: tag, relId: rel(REL.customProperty, part) });
      }
    if (sheet.charts.length > 0) {
      const drawing = files.freeName("xl/drawings/drawing", ".xml");
      const anchors: ChartAnchor[] = [];
      const chartRels: { relId: string; target: string }[] = [];
      sheet.charts.forEach((chart, c) => {
        const part = files.freeName("xl/charts/chart", ".xml");
        files.set(part, chartXml(chart, sheetNameOf(names, chart.dataSheetKey)));
        types = addOverride(types, `/${part}`, CONTENT_TYPE.chart);
        const id = `rId${c + 1}`;
        chartRels.push({ relId: id, target: relativePath(drawing, part) });
        anchors.push({
          from: chart.from,
          to: chart.to,
          relId: id,
          name: chart.title || `Chart ${c + 1}`,
        });
      });
      files.set(drawing, drawingXml(anchors));
      files.set(relsPathOf(drawing), drawingRelsXml(chartRels));
      types = addOverride(types, `/${drawing}`, CONTENT_TYPE.drawing);
      rels.drawing = rel(REL.drawing, drawing);
    }
    const tableColumns = sheet.tables.map((t) => {
      const part = files.freeName("xl/tables/table", ".xml");
      const columns = tableColumnNames(headerOf(sheet, t));
      const tableName = freeTableName(t.name, tables.names);
      files.set(part, tableXml(t, ++tables.maxId, tableName, columns));
      types = addOverride(types, `/${part}`, CONTENT_TYPE.table);
      rels.tables.push(rel(REL.table, part));
      return columns;
    });
    if (sheetRels.length > 0) files.set(relsPathOf(path), relsXml(sheetRels));
    return { plan: sheet, name, path, rels, tableColumns };
  });

  workbook = addToWorkbook(
    workbook,
    sheetElements,
    definedNames,
    active === null ? kept.length : null
  );
  files.set(WORKBOOK, workbook);
  files.set(WORKBOOK_RELS, workbookRels ?? "");
  files.set("[Content_Types].xml", types);

  // [Content_Types].xml first, as Office writes it; then our sheets, streamed; then the rest.
  const zip = new ZipStream(options.compressor);
  zip.add("[Content_Types].xml", types);
  const turns = new EventLoopTurns();
  for (const [i, job] of jobs.entries()) {
    throwIfAborted(options.signal);
    options.onProgress?.({ phase: "sheet", done: i, total: jobs.length, sheet: job.name });
    await turns.next();
    const part = zip.part(job.path);
    const pieces = sheetXmlPieces(job.plan, {
      names,
      styles,
      selected: i === selected,
      tableColumns: job.tableColumns,
      rels: job.rels,
    });
    for (const piece of pieces) {
      part.write(piece);
      if (zip.busy) await zip.drain();
      throwIfAborted(options.signal);
      // Compression elsewhere comes back on the event loop: give it a turn after every piece.
      if (zip.compressing || turns.due()) await turns.next();
    }
    part.end();
  }
  throwIfAborted(options.signal);
  options.onProgress?.({ phase: "compress", done: jobs.length, total: jobs.length });
  await turns.next();
  for (const path of files.paths()) {
    if (path === "[Content_Types].xml" || path === stylesPath) continue;
    zip.add(path, files.bytes(path)!);
  }
  zip.add(stylesPath, styles.toXml());
  const bytes = await zip.finish();
  throwIfAborted(options.signal);
  return bytes;
}

/**
 * Turns of the event loop given back while writing, at most every TURN_EVERY_MS: a cancel (a
 * click, or the worker's cancel message) and progress get through. A macrotask, not a microtask,
 * or they would wait until the end.
 */
class EventLoopTurns {
  private last = Date.now();
  due(): boolean {
    return Date.now() - this.last >= TURN_EVERY_MS;
  }
  async next(): Promise<void> {
    await new Promise<void>((resolve) =>
      typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)
    );
    this.last = Date.now();
  }
}
const TURN_EVERY_MS = 50;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException("The writing was cancelled", "AbortError");
}

/** The styles part of the workbook; a workbook without one gets the minimal styles. */
function ensureStyles(files: PackageFiles): string {
  const rels = files.get(WORKBOOK_RELS);
  const rel = parseRels(rels).find((r) => r.type === REL.styles);
  if (rel) return resolvePath(WORKBOOK, rel.target);
  const path = files.freeName("xl/styles", ".xml");
  files.set(path, MINIMAL_STYLES);
  files.set(
    WORKBOOK_RELS,
    addRel(rels, { id: nextRelId(rels), type: REL.styles, target: relativePath(WORKBOOK, path) })
  );
  files.set(
    "[Content_Types].xml",
    addOverride(files.get("[Content_Types].xml") ?? "", `/${path}`, CONTENT_TYPE.styles)
  );
  return path;
}

/**
 * Table names and ids already in the workbook (a table's name must be unique among tables and
 * defined names, ignoring case; its id among tables).
 */
function existingTables(files: PackageFiles): { names: Set<string>; maxId: number } {
  const names = new Set<string>();
  let maxId = 0;
  const types = files.get("[Content_Types].xml") ?? "";
  for (const t of tags(types, "Override")) {
    const a = attributes(t);
    if (a.ContentType !== CONTENT_TYPE.table) continue;
    const xml = files.get(a.PartName.replace(/^\//, ""));
    const table = xml && tags(xml, "table")[0];
    if (!table) continue;
    const ta = attributes(table);
    for (const n of [ta.name, ta.displayName]) if (n) names.add(n.toLowerCase());
    maxId = Math.max(maxId, Number(ta.id) || 0);
  }
  for (const t of tags(files.get(WORKBOOK) ?? "", "definedName"))
    names.add((attributes(t).name ?? "").toLowerCase());
  return { names, maxId };
}

/** The values of a table's header row, from the sheet's blocks (later blocks win). */
function headerOf(sheet: SheetPlan, t: TablePlan): CellValue[] {
  const header: CellValue[] = new Array<CellValue>(t.range.columnCount).fill(null);
  for (const b of sheet.blocks) {
    const line = b.values[t.range.row - b.row];
    if (!line) continue;
    for (let c = 0; c < t.range.columnCount; c++) {
      const v = line[t.range.column + c - b.column];
      if (t.range.column + c >= b.column && v !== undefined) header[c] = v;
    }
  }
  return header;
}

const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * workbook.xml with our `<sheet>` elements appended, our defined names added, and (when the
 * user's active sheet was one of ours) the first of ours made the active tab.
 */
function addToWorkbook(
  xml: string,
  sheets: string[],
  names: string[],
  activeTab: number | null
): string {
  // Our elements use the r: prefix; declare it on them where the workbook binds it otherwise.
  const root = /<workbook(?=[\s>])[^>]*>/.exec(xml)?.[0] ?? "";
  const declared = root.includes(`xmlns:r="${R_NS}"`);
  const own = declared
    ? sheets
    : sheets.map((s) => s.replace("<sheet ", `<sheet xmlns:r="${R_NS}" `));
  let out = xml.includes("</sheets>")
    ? xml.replace("</sheets>", `${own.join("")}</sheets>`)
    : xml.replace(/<sheets\s*\/>/, `<sheets>${own.join("")}</sheets>`);
  if (names.length > 0)
    out = out.includes("</definedNames>")
      ? out.replace("</definedNames>", `${names.join("")}</definedNames>`)
      : insertBeforeFirst(
          out,
          `<definedNames>${names.join("")}</definedNames>`,
          AFTER_DEFINED_NAMES,
          "workbook"
        );
  if (activeTab !== null) {
    if (/<workbookView(?=[\s/>])/.test(out))
      out = out.replace(/<workbookView(?=[\s/>])[^>]*>/, (t) =>
        /activeTab="/.test(t)
          ? t.replace(/activeTab="\d+"/, `activeTab="${activeTab}"`)
          : t.replace("<workbookView", `<workbookView activeTab="${activeTab}"`)
      );
    else if (activeTab > 0)
      out = out.replace(
        /<sheets[\s>]/,
        (m) => `<bookViews><workbookView activeTab="${activeTab}"/></bookViews>${m}`
      );
  }
  return out;
}
