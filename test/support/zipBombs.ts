/**
 * Hostile .xlsx packages made at test time, small on disk: a sheet whose XML inflates to hundreds
 * of MB, one huge cell, a directory that lies about sizes. The deflate stream of a repeated piece
 * is made once with a full flush (byte-aligned, no history), so the piece's compressed bytes can be
 * repeated N times and closed by an empty final block: 500 MB of rows cost about 0.5 MB and no
 * time to make. The zip writer is minimal (no CRC: the importer's reader does not need it).
 */
import { constants, deflateRawSync } from "node:zlib";

const enc = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;

/** A raw deflate segment of `text`, not final, byte-aligned, independent of what precedes it. */
function segment(text: string | Uint8Array): Uint8Array {
  return new Uint8Array(
    deflateRawSync(typeof text === "string" ? enc(text) : text, {
      finishFlush: constants.Z_FULL_FLUSH,
    })
  );
}
/** The empty final block that ends a deflate stream. */
const FINAL = new Uint8Array([0x03, 0x00]);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A part's deflate data and its true inflated size: head + piece × times + tail. */
export interface DeflatedPart {
  name: string;
  data: Uint8Array;
  size: number;
  /** The size the central directory will claim (defaults to the truth). */
  declaredSize?: number;
  method?: 0 | 8;
}

export function repeatedPart(
  name: string,
  head: string,
  piece: string,
  times: number,
  tail: string
): DeflatedPart {
  // Pieces are deflated a block of about 1 MB at a time: one small piece alone would not compress.
  const perBlock = Math.max(1, Math.min(times, Math.floor(MB / enc(piece).length)));
  const block = segment(piece.repeat(perBlock));
  const pieces: Uint8Array[] = [segment(head)];
  for (let i = 0; i < Math.floor(times / perBlock); i++) pieces.push(block);
  if (times % perBlock) pieces.push(segment(piece.repeat(times % perBlock)));
  pieces.push(segment(tail), FINAL);
  const size = enc(head).length + enc(piece).length * times + enc(tail).length;
  return { name, data: concat(pieces), size };
}

export function plainPart(name: string, text: string): DeflatedPart {
  return { name, data: concat([segment(text), FINAL]), size: enc(text).length };
}

/** A zip of the parts, directory sizes as declared (lies included). */
export function zipParts(parts: readonly DeflatedPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc(p.name);
    const method = p.method ?? 8;
    const declared = p.declaredSize ?? p.size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, method, true);
    local.setUint32(18, p.data.length, true);
    local.setUint32(22, declared, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, p.data);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, method, true);
    dir.setUint32(20, p.data.length, true);
    dir.setUint32(24, declared, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + p.data.length;
  }
  const dirBytes = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, dirBytes.length, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, dirBytes, new Uint8Array(end.buffer)]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a one-sheet workbook around the given sheet part (and optional shared strings). */
export function workbookParts(sheet: DeflatedPart, sharedStrings?: DeflatedPart): DeflatedPart[] {
  return [
    plainPart(
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
    ),
    plainPart(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    plainPart(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="別添2" sheetId="1" r:id="rId1"/></sheets></workbook>`
    ),
    plainPart(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${
        sharedStrings
          ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
          : ""
      }</Relationships>`
    ),
    sheet,
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;
/** A sheet of `mb` MB of identical rows (the issue's 978 KB file that expands to 500 MB). */
export function rowsBomb(mb: number): Uint8Array {
  const row = `<row><c t="inlineStr"><is><t>総務省</t></is></c><c t="inlineStr"><is><t>引き続き推進する。</t></is></c></row>`;
  const times = Math.ceil((mb * MB) / enc(row).length);
  return zipParts(
    workbookParts(repeatedPart("xl/worksheets/sheet1.xml", SHEET_HEAD, row, times, SHEET_TAIL))
  );
}

/** One cell of `mb` MB of text. */
export function cellBomb(mb: number): Uint8Array {
  const piece = "あ".repeat(21_845); // 64 KiB of UTF-8
  const times = Math.ceil((mb * MB) / enc(piece).length);
  return zipParts(
    workbookParts(
      repeatedPart(
        "xl/worksheets/sheet1.xml",
        `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
        piece,
        times,
        `</t></is></c></row>${SHEET_TAIL}`
      )
    )
  );
}

/** Shared strings of `mb` MB, many small strings (the 1–2 MB files that expanded past 1 GB). */
export function sharedStringsBomb(mb: number): Uint8Array {
  const si = `<si><t>施策</t></si>`;
  const times = Math.ceil((mb * MB) / enc(si).length);
  const sst = repeatedPart("xl/sharedStrings.xml", `<sst xmlns="${MAIN}">`, si, times, `</sst>`);
  const sheet = plainPart(
    "xl/worksheets/sheet1.xml",
    `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`
  );
  return zipParts(workbookParts(sheet, sst));
}

/** The rows bomb with a directory that claims the sheet is `claimedBytes` long. */
export function lyingRowsBomb(mb: number, claimedBytes: number): Uint8Array {
  const row = `<row><c t="inlineStr"><is><t>総務省</t></is></c></row>`;
  const times = Math.ceil((mb * MB) / enc(row).length);
  const part = repeatedPart("xl/worksheets/sheet1.xml", SHEET_HEAD, row, times, SHEET_TAIL);
  return zipParts(workbookParts({ ...part, declaredSize: claimedBytes }));
}
