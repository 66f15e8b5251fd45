/**
 * An .xlsx (or .xlsm) read for its tables only, straight from the package XML: sheet names and
 * states, cell values as Excel shows their text, shared strings, merged ranges. Drawings, charts,
 * pictures, shapes, pivots, comments and macros are never opened, so they cannot break the import
 * (exceljs's loader crashes on some charts: exceljs issue #2591). Every part is read under the
 * import's budgets (zipReader.ts) and scanned as it is inflated (xmlScanner.ts).
 * ECMA-376 Part 1: workbook 18.2, sheet data 18.3.1, shared strings 18.4, number formats 18.8.30.
 */
import { BudgetExceeded, Deadline, type ImportBudgets } from "./budgets";
import { cellToText } from "./grid";
import { XmlDamaged, XmlScanner, scanXml } from "./xmlScanner";
import { ZipDamaged, ZipPackage } from "./zipReader";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WorkbookSheetInfo {
  name: string;
  state: SheetState;
  part: string | null;
}

export interface SheetGrid {
  name: string;
  state: SheetState;
  /** Rows of cell texts, top to bottom; a row ends at its last non-blank cell (merged areas filled). */
  values: string[][];
}

/** Not a workbook we can read: the reason says what was wrong, for the problem's detail. */
export class WorkbookDamaged extends Error {}

const OFFICE_DOCUMENT = /\/officeDocument$/u;

/** Resolves a relationship target against the folder of the part that holds it. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function readRels(pkg: ZipPackage, part: string): Relationship[] {
  const relsPart = relsPartOf(part);
  if (!pkg.has(relsPart)) return [];
  const rels: Relationship[] = [];
  scanXml(pkg.readText(relsPart), {
    open(name, a) {
      if (name === "Relationship" && a.Target && a.TargetMode !== "External")
        rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolvePart(part, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30; 27–36 and 50–58 are the East Asian date formats). */
function builtinIsDate(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

/** A custom format shows a date when a date letter remains once quoted text and [colour] parts are gone (as exceljs decides). */
function codeIsDate(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*\]/gu, "")
    .replace(/"[^"]*"/gu, "")
    .replace(/\\./gu, "")
    .replace(/General/giu, "")
    .replace(/E[+-]/gu, "");
  return /[ymdhsbge]/iu.test(bare);
}

/** Which cell formats (index of cellXfs, the cell's `s`) show a date. */
function readDateStyles(pkg: ZipPackage, part: string | null): boolean[] {
  if (!part || !pkg.has(part)) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scanXml(pkg.readText(part), {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? codeIsDate(code) : builtinIsDate(id);
  });
}

/** Excel's serial date (1900 or 1904 system) as the text a person reads: yyyy-mm-dd, as cellToText shows a Date. */
function serialToText(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  return cellToText(new Date(ms));
}

/** "AB12" → [row 11, column 27] (0-based row, 0-based column). */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i).replace(/^\$/u, ""));
  if (col === 0 || i === 0 || !Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

export class XlsxPackage {
  readonly sheets: WorkbookSheetInfo[] = [];
  /** Index in `sheets` of the tab that was active when saved. */
  readonly activeTab: number;
  private readonly pkg: ZipPackage;
  private readonly budgets: ImportBudgets;
  private readonly sharedStringsPart: string | null;
  private sharedStrings: string[] | null = null;
  private readonly dateStyles: boolean[];
  private readonly date1904: boolean;

  constructor(
    bytes: Uint8Array,
    budgets: ImportBudgets,
    private readonly deadline: Deadline
  ) {
    this.budgets = budgets;
    this.pkg = new ZipPackage(bytes, budgets, deadline);
    const root = readRels(this.pkg, "").find((r) => OFFICE_DOCUMENT.test(r.type));
    const workbookPart = root?.target ?? "xl/workbook.xml";
    if (!this.pkg.has(workbookPart))
      throw new WorkbookDamaged(`no workbook part (${workbookPart})`);
    const rels = readRels(this.pkg, workbookPart);
    const byId = new Map(rels.map((r) => [r.id, r.target]));
    const ofType = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.target ?? null;
    this.sharedStringsPart = ofType("/sharedStrings");
    const stylesPart = ofType("/styles");

    // Everything this reader may inflate, checked against the budgets from the directory alone.
    const sheetParts = rels.filter((r) => r.type.endsWith("/worksheet")).map((r) => r.target);
    this.pkg.checkDeclared([
      workbookPart,
      ...(this.sharedStringsPart ? [this.sharedStringsPart] : []),
      ...(stylesPart ? [stylesPart] : []),
      ...sheetParts,
    ]);

    let activeTab = 0;
    let date1904 = false;
    const sheets = this.sheets;
    scanXml(this.pkg.readText(workbookPart), {
      open(name, a) {
        if (name === "sheet") {
          const state: SheetState =
            a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
          const part = byId.get(a.id ?? "") ?? null;
          sheets.push({ name: a.name ?? "", state, part });
        } else if (name === "workbookView" && a.activeTab !== undefined)
          activeTab = Number(a.activeTab) || 0;
        else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      },
      close() {},
      text() {},
    });
    this.activeTab = activeTab;
    this.date1904 = date1904;
    this.dateStyles = readDateStyles(this.pkg, stylesPart);
  }

  private tooLong(): never {
    throw new BudgetExceeded("maxCellChars", this.budgets.maxCellChars);
  }

  /** Shared strings, read once: phonetic guides (rPh, furigana) are not part of the text. */
  private strings(): string[] {
    if (this.sharedStrings) return this.sharedStrings;
    const out: string[] = [];
    this.sharedStrings = out;
    const part = this.sharedStringsPart;
    if (!part || !this.pkg.has(part)) return out;
    const max = this.budgets.maxCellChars;
    let inT = false;
    let inPhonetic = 0;
    let current: string[] = [];
    let length = 0;
    const scanner = new XmlScanner(
      {
        open: (name) => {
          if (name === "si") {
            current = [];
            length = 0;
          } else if (name === "rPh") inPhonetic++;
          else if (name === "t") inT = true;
        },
        close: (name) => {
          if (name === "rPh") inPhonetic--;
          else if (name === "t") inT = false;
          else if (name === "si") {
            // More strings than a sheet may have cells cannot all be shown: the same budget bounds them.
            if (out.length >= this.budgets.maxCells)
              throw new BudgetExceeded("maxCells", this.budgets.maxCells);
            out.push(current.join(""));
          }
        },
        text: (t) => {
          if (!inT || inPhonetic > 0) return;
          length += t.length;
          if (length > max) this.tooLong();
          current.push(t);
        },
      },
      max * 8 + 4096,
      () => this.tooLong()
    );
    this.pkg.readTextChunks(part, (t) => scanner.write(t));
    scanner.end();
    return out;
  }

  /** One sheet's cells as text rows. */
  readSheet(index: number): SheetGrid {
    const info = this.sheets[index];
    if (!info.part || !this.pkg.has(info.part))
      throw new WorkbookDamaged(`sheet ${info.name}: part missing`);
    const strings = this.strings();
    const { maxCells, maxCellChars } = this.budgets;
    const deadline = this.deadline;
    const dateStyles = this.dateStyles;
    const date1904 = this.date1904;
    const rows: string[][] = [];
    const merges: string[] = [];
    let cells = 0;
    let nextRow = 0;
    let rowIndex = 0;
    let nextCol = 0;
    // The cell being read.
    let col = 0;
    let type = "";
    let style = 0;
    let value: string[] = [];
    let inline: string[] = [];
    let valueLength = 0;
    let where: "v" | "t" | null = null;
    let inPhonetic = 0;
    const tooLong = () => this.tooLong();
    const cellText = (): string => {
      const v = value.join("");
      switch (type) {
        case "s": {
          const i = Number(v);
          return Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : "";
        }
        case "inlineStr":
          return inline.join("");
        case "str":
        case "e":
          return v;
        case "b":
          return v === "1" || v === "true" ? "TRUE" : v === "" ? "" : "FALSE";
        case "d":
          return v === "" ? "" : cellToText(new Date(v));
        default: {
          if (v.trim() === "") return "";
          const n = Number(v);
          if (!Number.isFinite(n)) return v;
          return dateStyles[style] ? serialToText(n, date1904) : cellToText(n);
        }
      }
    };
    const put = (r: number, c: number, text: string) => {
      const row = (rows[r] ??= []);
      if (c >= row.length) {
        // Cells are counted as the grid holds them: a row is as wide as its last cell.
        cells += c + 1 - row.length;
        if (cells > maxCells) throw new BudgetExceeded("maxCells", maxCells);
        while (row.length < c) row.push("");
        row.push(text);
      } else row[c] = text;
    };
    const scanner = new XmlScanner(
      {
        open: (name, a, selfClosing) => {
          switch (name) {
            case "row": {
              const r = a.r !== undefined ? Number(a.r) - 1 : nextRow;
              if (!Number.isInteger(r) || r < 0 || r > 1_048_575)
                throw new XmlDamaged(`bad row number ${a.r}`);
              rowIndex = r;
              nextRow = r + 1;
              nextCol = 0;
              deadline.check();
              break;
            }
            case "c": {
              const ref = a.r !== undefined ? parseRef(a.r) : null;
              if (ref) {
                rowIndex = ref[0];
                col = ref[1];
              } else col = nextCol;
              if (col > 16_383) throw new XmlDamaged(`bad cell reference ${a.r}`);
              nextCol = col + 1;
              type = a.t ?? "n";
              style = Number(a.s ?? 0);
              value = [];
              inline = [];
              valueLength = 0;
              if (selfClosing) type = "";
              break;
            }
            case "v":
              where = "v";
              break;
            case "t":
              if (type === "inlineStr") where = "t";
              break;
            case "rPh":
              inPhonetic++;
              break;
            case "mergeCell":
              if (a.ref) merges.push(a.ref);
              break;
          }
        },
        close: (name) => {
          if (name === "v" || name === "t") where = null;
          else if (name === "rPh") inPhonetic--;
          else if (name === "c" && type !== "") {
            const text = cellText();
            if (text !== "") put(rowIndex, col, text);
          }
        },
        text: (t) => {
          if (where === null || (where === "t" && inPhonetic > 0)) return;
          valueLength += t.length;
          if (valueLength > maxCellChars) tooLong();
          (where === "v" ? value : inline).push(t);
        },
      },
      maxCellChars * 8 + 4096,
      tooLong
    );
    this.pkg.readTextChunks(info.part, (t) => scanner.write(t));
    scanner.end();
    fillMerges(rows, merges, put);
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return { name: info.name, state: info.state, values: rows };
  }
}

/**
 * Every cell of a merged range shows its top-left value, as exceljs gave it: a header merged over
 * two columns names both. Only the part of a range inside the sheet's data is filled, so a range
 * over a whole column cannot make the grid huge; what is filled counts against the cell budget.
 */
function fillMerges(
  rows: string[][],
  merges: readonly string[],
  put: (r: number, c: number, t: string) => void
): void {
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  const height = rows.length;
  for (const ref of merges) {
    const [a, b] = ref.split(":");
    const from = parseRef(a ?? "");
    const to = parseRef(b ?? a ?? "");
    if (!from || !to) continue;
    const text = rows[from[0]]?.[from[1]] ?? "";
    if (text === "") continue;
    const lastRow = Math.min(to[0], height - 1);
    const lastCol = Math.min(to[1], width - 1);
    for (let r = from[0]; r <= lastRow; r++)
      for (let c = from[1]; c <= lastCol; c++) if (r !== from[0] || c !== from[1]) put(r, c, text);
  }
}

/** Errors of this reader that mean "damaged", as opposed to a budget. */
export function isDamage(e: unknown): e is Error {
  return e instanceof ZipDamaged || e instanceof XmlDamaged || e instanceof WorkbookDamaged;
}
