/**
 * What a file is, from its content rather than its name, for files we do not read as tables:
 * other office formats inside a zip (.ods, .docx, .pptx, .odt, a zip of CSVs), old Office files,
 * web pages, JSON, XML, RTF. Each answer is an `unreadable-file` reason whose message says what
 * the file is and what to do. Cheap: a zip is judged from its directory (and the tiny stored
 * `mimetype` part of OpenDocument files), text from its first bytes.
 */
import { readZipDirectory, type ZipEntry } from "./zipReader";

/** How many names of a zip's CSV files the message lists. */
const LISTED_NAMES = 3;

export interface Sniffed {
  reason: string;
  params?: Record<string, string | number>;
}

function storedText(bytes: Uint8Array, e: ZipEntry): string {
  if (e.method !== 0 || e.size > 200) return "";
  const at = e.localOffset;
  if (at + 30 > bytes.length) return "";
  const start =
    at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
  return new TextDecoder().decode(bytes.subarray(start, Math.min(bytes.length, start + e.size)));
}

/**
 * A zip that is not a workbook: what it is. Null for a workbook (or what may be one) and for a
 * zip too damaged to list, which the workbook reader then reports as damaged.
 */
export function sniffZip(bytes: Uint8Array): Sniffed | null {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch {
    return null;
  }
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype) {
    const type = storedText(bytes, mimetype);
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
      return { reason: "zip-ods" };
    if (type.startsWith("application/vnd.oasis.opendocument."))
      return { reason: "zip-odf-document" };
  }
  if (names.has("word/document.xml")) return { reason: "zip-docx" };
  if (names.has("ppt/presentation.xml")) return { reason: "zip-pptx" };
  if (names.has("_rels/.rels") || [...names].some((n) => n.startsWith("xl/"))) return null;
  const files = entries.filter((e) => !e.name.endsWith("/"));
  const tables = files.filter((e) => /\.(csv|tsv|txt)$/iu.test(e.name));
  if (tables.length > 0 && tables.length === files.length) {
    const shown = tables
      .slice(0, LISTED_NAMES)
      .map((e) => e.name.slice(e.name.lastIndexOf("/") + 1));
    return {
      reason: "zip-csvs",
      params: {
        names: shown.join(", ") + (tables.length > LISTED_NAMES ? " …" : ""),
        count: tables.length,
      },
    };
  }
  return { reason: "zip-other" };
}

function utf16le(s: string): number[] {
  return Array.from(s, (c) => [c.charCodeAt(0), 0]).flat();
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(needle[0]); i >= 0 && i <= last; i = bytes.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** An OLE compound file (old Office): a Word or PowerPoint file rather than an .xls workbook. */
export function sniffOle(bytes: Uint8Array): Sniffed | null {
  // Directory entries are UTF-16LE names ([MS-CFB] 2.6); the streams name the application.
  const head = bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024));
  if (contains(head, utf16le("WordDocument"))) return { reason: "ole-doc" };
  if (contains(head, utf16le("PowerPoint Document"))) return { reason: "ole-ppt" };
  return null;
}

/** Signatures of other binary files (the table-file signatures are in decode.ts). */
const OTHER_SIGNATURES: readonly { bytes: (number | null)[]; reason: string }[] = [
  { bytes: [0x47, 0x49, 0x46, 0x38], reason: "signature-gif" }, // GIF8
  {
    bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
    reason: "signature-webp",
  },
  { bytes: [0x49, 0x49, 0x2a, 0x00], reason: "signature-tiff" },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], reason: "signature-tiff" },
  { bytes: [0x42, 0x4d], reason: "signature-bmp" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: "signature-archive" }, // 7z
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], reason: "signature-archive" }, // Rar!
];

export function sniffBinary(bytes: Uint8Array): Sniffed | null {
  for (const s of OTHER_SIGNATURES)
    if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => b === null || bytes[i] === b)) {
      // "BM" alone is weak: a BMP also has its file size at bytes 2-5.
      if (s.reason === "signature-bmp") {
        const size = bytes[2] | (bytes[3] << 8) | (bytes[4] << 16) | (bytes[5] << 24);
        if (size !== bytes.length) continue;
      }
      return { reason: s.reason };
    }
  return null;
}

/** The first characters of a text file, lower-cased, after a byte order mark and blank space. */
function textHead(bytes: Uint8Array, length: number): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (
    start < bytes.length &&
    (bytes[start] === 0x20 ||
      bytes[start] === 0x09 ||
      bytes[start] === 0x0a ||
      bytes[start] === 0x0d)
  )
    start++;
  return new TextDecoder("utf-8").decode(bytes.subarray(start, start + length)).toLowerCase();
}

/** JSON is parsed whole only up to this size; past it the opening characters decide. */
const JSON_PARSE_LIMIT = 8 * 1024 * 1024;

/** A text file that is a web page, JSON, XML or RTF rather than a table. */
export function sniffText(bytes: Uint8Array): Sniffed | null {
  const head = textHead(bytes, 4096);
  if (head.startsWith("{\\rtf")) return { reason: "rtf" };
  if (head.startsWith("<")) {
    if (
      /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<\?mso-application progid="excel\.sheet"/u.test(head) ||
      head.includes("urn:schemas-microsoft-com:office:spreadsheet")
    )
      return { reason: "xml-spreadsheet2003" };
    if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<meta[\s>]/u.test(head))
      return { reason: "html" };
    if (head.startsWith("<?xml") || /^<[a-z_][\w:.-]*[\s>/]/u.test(head)) return { reason: "xml" };
  }
  if (head.startsWith("{") || head.startsWith("[")) {
    if (bytes.length <= JSON_PARSE_LIMIT) {
      try {
        const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        JSON.parse(text);
        return { reason: "json" };
      } catch {
        return null;
      }
    }
    if (/^(\{\s*"|\[\s*[{["\d])/u.test(head)) return { reason: "json" };
  }
  return null;
}
