/**
 * The cell formats of our sheets, appended to the workbook's xl/styles.xml. The user's fonts,
 * fills, borders, number formats, cell formats and dxfs keep their indices (their sheets refer to
 * them); ours go after them, and an entry already present with the same XML is reused, so
 * regenerating does not grow the part. Our fonts take the workbook's default font (font 0) for
 * name, family and charset, so our sheets look like the user's.
 */
import type { CellFormat, ConditionalFormatPlan } from "../workbook/plan";
import { attributes, escapeXml } from "./xml";

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that need no <numFmt>. */
const BUILT_IN_NUMBER_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** One kind of style record (fonts, fills, …): the user's entries, then ours. */
class StyleList {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];

  constructor(
    readonly existing: readonly string[],
    private readonly first = existing.length
  ) {
    existing.forEach((xml, i) => {
      if (!this.index.has(xml)) this.index.set(xml, i);
    });
  }

  indexOf(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.first + this.added.length;
      this.added.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

/** The children `<name …>…</name>` or `<name …/>` of the element `<list>` in styles.xml. */
function listItems(styles: string, list: string, item: string): string[] {
  const m = new RegExp(`<${list}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(styles);
  if (!m || !m[1]) return [];
  const re = new RegExp(`<${item}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g");
  return m[1].match(re) ?? [];
}

/** Parts of the user's default font that our fonts share (name, family, charset, scheme). */
function defaultFontTraits(styles: string): { size: string; rest: string } {
  const font = listItems(styles, "fonts", "font")[0] ?? "";
  const size = /<sz\s+val="([^"]+)"/.exec(font)?.[1] ?? "11";
  const rest = ["name", "family", "charset", "scheme"]
    .map((t) => new RegExp(`<${t}\\s[^>]*/>`).exec(font)?.[0] ?? "")
    .join("");
  return { size, rest: rest || '<name val="Calibri"/><family val="2"/>' };
}

export class StyleSheet {
  private readonly fonts: StyleList;
  private readonly fills: StyleList;
  private readonly borders: StyleList;
  private readonly xfs: StyleList;
  private readonly dxfs: StyleList;
  private readonly numFmts = new Map<string, number>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private nextNumFmtId: number;
  private readonly font0: { size: string; rest: string };
  private readonly byFormat = new Map<string, number>();

  constructor(private readonly base: string) {
    this.font0 = defaultFontTraits(base);
    this.fonts = new StyleList(listItems(base, "fonts", "font"));
    this.fills = new StyleList(listItems(base, "fills", "fill"));
    this.borders = new StyleList(listItems(base, "borders", "border"));
    this.xfs = new StyleList(
      listItems(base.replace(/<cellStyleXfs[\s\S]*?<\/cellStyleXfs>/, ""), "cellXfs", "xf")
    );
    this.dxfs = new StyleList(listItems(base, "dxfs", "dxf"));
    let max = 163;
    for (const t of listItems(base, "numFmts", "numFmt")) {
      const a = attributes(t);
      const id = Number(a.numFmtId);
      if (!this.numFmts.has(a.formatCode)) this.numFmts.set(a.formatCode, id);
      max = Math.max(max, id);
    }
    this.nextNumFmtId = max + 1;
  }

  /** The cellXfs index for a plan format; `text` adds the "@" number format that keeps text text. */
  cellStyle(f: CellFormat | undefined, text: boolean): number {
    const key = `${text ? "t" : "n"}${f ? JSON.stringify(f) : ""}`;
    let s = this.byFormat.get(key);
    if (s === undefined) {
      s = this.xfs.indexOf(this.xfXml(f ?? {}, text));
      this.byFormat.set(key, s);
    }
    return s;
  }

  /** The dxfs index of a conditional format's look. */
  differentialStyle(format: ConditionalFormatPlan["format"]): number {
    const font =
      format.bold || format.fontColor
        ? `<font>${format.bold ? "<b/>" : ""}${format.fontColor ? `<color rgb="${rgb(format.fontColor)}"/>` : ""}</font>`
        : "";
    // A dxf's solid fill takes its colour from bgColor.
    const fill = format.fill
      ? `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(format.fill)}"/><bgColor rgb="${rgb(format.fill)}"/></patternFill></fill>`
      : "";
    return this.dxfs.indexOf(`<dxf>${font}${fill}</dxf>`);
  }

  private xfXml(f: CellFormat, text: boolean): string {
    const font = this.fonts.indexOf(
      `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}<sz val="${f.fontSize ?? this.font0.size}"/>` +
        `${f.fontColor ? `<color rgb="${rgb(f.fontColor)}"/>` : ""}${this.font0.rest}</font>`
    );
    const fill = f.fill
      ? this.fills.indexOf(
          `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(f.fill)}"/><bgColor indexed="64"/></patternFill></fill>`
        )
      : 0;
    const side = (s: string) => `<${s} style="thin"><color rgb="FFA6A6A6"/></${s}>`;
    const border =
      f.border === "thin"
        ? this.borders.indexOf(
            `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`
          )
        : 0;
    const numFmt = this.numberFormat(f.numberFormat ?? (text ? "@" : "General"));
    const align: string[] = [];
    if (f.horizontal) align.push(`horizontal="${f.horizontal}"`);
    if (f.vertical) align.push(`vertical="${f.vertical}"`);
    if (f.wrap) align.push('wrapText="1"');
    const applied = [
      numFmt ? ' applyNumberFormat="1"' : "",
      ' applyFont="1"',
      fill ? ' applyFill="1"' : "",
      border ? ' applyBorder="1"' : "",
      align.length ? ' applyAlignment="1"' : "",
    ].join("");
    const head = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}`;
    return align.length ? `${head}><alignment ${align.join(" ")}/></xf>` : `${head}/>`;
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_NUMBER_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmts.set(code, id);
      this.addedNumFmts.push({ id, code });
    }
    return id;
  }

  /** The workbook's styles.xml with our records appended (unchanged when nothing is new). */
  toXml(): string {
    let xml = this.base;
    xml = appendItems(
      xml,
      "numFmts",
      this.addedNumFmts.map(
        (n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeXml(n.code)}"/>`
      ),
      []
    );
    xml = appendItems(xml, "fonts", this.fonts.added, ["numFmts"]);
    xml = appendItems(xml, "fills", this.fills.added, ["numFmts", "fonts"]);
    xml = appendItems(xml, "borders", this.borders.added, ["numFmts", "fonts", "fills"]);
    xml = appendItems(xml, "cellXfs", this.xfs.added, [
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
    ]);
    xml = appendItems(xml, "dxfs", this.dxfs.added, [
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
    ]);
    return xml;
  }
}

/**
 * Appends `items` to the list element `list` and updates its count; creates the list after the
 * last of `before` (the elements the schema puts ahead of it) when the workbook has none.
 */
function appendItems(xml: string, list: string, items: string[], before: string[]): string {
  if (items.length === 0) return xml;
  const open = new RegExp(`<${list}(?=[\\s/>])([^>]*?)(/?)>`).exec(xml);
  if (open) {
    const attrs = open[1];
    const count = Number(/count="(\d+)"/.exec(attrs)?.[1] ?? "NaN");
    const existing = Number.isNaN(count) ? listItems(xml, list, list.slice(0, -1)).length : count;
    const newAttrs = /count="\d+"/.test(attrs)
      ? attrs.replace(/count="\d+"/, `count="${existing + items.length}"`)
      : `${attrs} count="${existing + items.length}"`;
    if (open[2] === "/")
      return (
        xml.slice(0, open.index) +
        `<${list}${newAttrs}>${items.join("")}</${list}>` +
        xml.slice(open.index + open[0].length)
      );
    const close = xml.indexOf(`</${list}>`, open.index);
    return (
      xml.slice(0, open.index) +
      `<${list}${newAttrs}>` +
      xml.slice(open.index + open[0].length, close) +
      items.join("") +
      xml.slice(close)
    );
  }
  const element = `<${list} count="${items.length}">${items.join("")}</${list}>`;
  let at = -1;
  for (const b of before) {
    const end = new RegExp(`</${b}>|<${b}(?=[\\s/>])[^>]*/>`).exec(xml);
    if (end) at = Math.max(at, end.index + end[0].length);
  }
  if (at < 0) at = xml.indexOf(">", xml.indexOf("<styleSheet")) + 1;
  return xml.slice(0, at) + element + xml.slice(at);
}

/** styles.xml for a new workbook: the records Excel expects at index 0 (and fill 1, gray125). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";
