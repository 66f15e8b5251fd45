/**
 * Bytes → text for table files: UTF-8 (with or without BOM; strict, see utf8.ts), Shift_JIS/CP932
 * or UTF-16 (Excel's "Unicode テキスト"), decoded by the platform's WHATWG TextDecoder ("shift_jis" is
 * windows-31j: ① and 髙 included). Anything else gets a problem that says what the file is and
 * what to do, never garbage rows: binary data, a zip/xlsx or PDF under a .csv name, EUC-JP, JIS.
 * Bytes of a Shift_JIS file that do not decode are not silent: the result carries an
 * `undecodable-bytes` warning (located by line here, by row and column in the CSV importer).
 */
import type { Problem } from "../domain/model";
import { decodeStrict, decodeUtf8Strict } from "./utf8";

export type DecodeResult =
  | { ok: true; text: string; encoding: "UTF-8" | "Shift_JIS" | "UTF-16"; warning?: Problem }
  | { ok: false; problem: Problem };

/** What an undecodable byte sequence becomes in the text (WHATWG decoders, not fatal). */
export const REPLACEMENT = "\ufffd";

/** Bytes read to tell Shift_JIS from EUC-JP: enough Japanese text for a verdict, bounded for big files. */
const SAMPLE_BYTES = 65536;

/** File signatures a table file must not have; `kind` names the format in the message. */
export const SIGNATURES: readonly { bytes: number[]; kind: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "zip" }, // .xlsx, .docx, .zip
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "pdf" }, // %PDF
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: "xls" }, // old Excel 97-2003 (OLE)
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: "png" },
  { bytes: [0xff, 0xd8, 0xff], kind: "jpeg" },
  { bytes: [0x1f, 0x8b], kind: "gzip" },
];

export function sniffSignature(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) if (s.bytes.every((b, i) => bytes[i] === b)) return s.kind;
  return null;
}

/** "EncryptedPackage" as an OLE directory entry names it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage", (c) => [c.charCodeAt(0), 0]).flat();

/**
 * A workbook saved with a password ("Encrypt with password"): not a zip but an OLE compound file
 * holding an EncryptedPackage stream ([MS-OFFCRYPTO] 2.3.4.4). Officials often receive workbooks so.
 */
export function looksEncryptedOoxml(bytes: Uint8Array): boolean {
  if (sniffSignature(bytes) !== "xls") return false;
  const first = ENCRYPTED_PACKAGE[0];
  const last = bytes.length - ENCRYPTED_PACKAGE.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < ENCRYPTED_PACKAGE.length && bytes[i + k] === ENCRYPTED_PACKAGE[k]) k++;
    if (k === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}

/** Control bytes other than tab, LF, CR, FF: a text file has (almost) none. */
function controlRatio(bytes: Uint8Array, limit: number): number {
  const n = Math.min(bytes.length, limit);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) bad++;
  }
  return bad / n;
}

/**
 * UTF-16 and its byte order: by the byte order mark (Excel's "Unicode テキスト" writes FF FE), else
 * by ASCII text's zero in every other byte. Japanese UTF-16 without a mark has too few zeros to
 * tell: it stays unrecognised (and is refused as binary).
 */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return "utf-16le";
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return "utf-16be";
  return null;
}

/**
 * ISO-2022-JP: 7-bit text with an ESC sequence that switches to a JIS set (RFC 1468) before any
 * 8-bit byte. One pass that stops at the first 8-bit byte, so a Japanese UTF-8 or Shift_JIS file is
 * decided within its first bytes instead of a scan of the whole file for ESC.
 */
function looksIso2022Jp(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c >= 0x80) return false;
    if (c !== 0x1b) continue;
    if (i + 2 >= n) return false;
    const a = bytes[i + 1];
    const b = bytes[i + 2];
    if (
      (a === 0x24 && (b === 0x28 || b === 0x40 || b === 0x42)) ||
      (a === 0x26 && b === 0x40) ||
      (a === 0x28 && (b === 0x42 || b === 0x49 || b === 0x4a))
    )
      return true;
  }
  return false;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The sample cut after its last LF so a character is never split at the cut. */
function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  const lf = bytes.lastIndexOf(0x0a, SAMPLE_BYTES);
  return bytes.subarray(0, lf > 0 ? lf + 1 : SAMPLE_BYTES);
}

export function decodeTableBytes(bytes: Uint8Array, file: string): DecodeResult {
  const fail = (
    code: "unreadable-file" | "unsupported-encoding",
    params: Record<string, string>
  ): DecodeResult => ({
    ok: false,
    problem: { code, severity: "error", file, params },
  });
  const sig = sniffSignature(bytes);
  if (sig) return fail("unreadable-file", { reason: `signature-${sig}` });
  const order = utf16Order(bytes);
  if (order) {
    // A mark at the start is dropped; unpaired surrogates make it no text (null).
    const text = decodeStrict(bytes, order);
    return text === null
      ? fail("unreadable-file", { reason: "binary" })
      : { ok: true, text, encoding: "UTF-16" };
  }
  // ISO-2022-JP is 7-bit text with ESC sequences: named before the control-byte test would call it binary.
  if (looksIso2022Jp(bytes)) return fail("unsupported-encoding", { encoding: "ISO-2022-JP" });
  if (controlRatio(bytes, 65536) > 0.005) return fail("unreadable-file", { reason: "binary" });

  let body = bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) body = bytes.subarray(3);
  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "UTF-8" };
  const sample = sampleOf(body);
  // UTF-8 with a few bytes that are not (a cell pasted from a Windows-1252 source): the BOM says
  // UTF-8, or its characters far outnumber the bad bytes. Read it, the bad bytes as U+FFFD, located.
  if (bom || mostlyUtf8(sample)) {
    const text = new TextDecoder("utf-8").decode(body);
    return { ok: true, text, encoding: "UTF-8", warning: undecodableWarning(text, "UTF-8", file) };
  }
  // Not UTF-8: find out which Japanese encoding it is.
  // EUC-JP bytes are often valid Shift_JIS too (as half-width kana): decide on a sample read both
  // ways, keeping the reading that is Japanese; Shift_JIS wins a tie, as it is what Excel writes.
  const sjisSample = new TextDecoder("shift_jis").decode(sample);
  const eucSample = new TextDecoder("euc-jp").decode(sample);
  const sjisBad = countOf(sjisSample, REPLACEMENT);
  const eucBad = countOf(eucSample, REPLACEMENT);
  if (eucBad === 0 && (sjisBad > 0 || japaneseScore(eucSample) > japaneseScore(sjisSample)))
    return fail("unsupported-encoding", { encoding: "EUC-JP" });
  // A few bad byte pairs are a damaged Shift_JIS file; many are some other encoding (Latin-1, GB, Big5 …).
  if (sjisBad > 0 && sjisBad * 50 > nonAscii(sjisSample)) {
    // Western European text (Windows-1252 / Latin-1): its accented letters are lone high bytes
    // followed by a space or punctuation, which no Japanese encoding allows. Refused, not read:
    // such a file cannot hold Japanese, so a plan table saved in it has already lost its
    // Japanese text (Excel writes "?" for it).
    if (looksSingleByteLatin(sample)) return fail("unsupported-encoding", { encoding: "Windows-1252" });
    return fail("unreadable-file", { reason: "unknown-encoding" });
  }

  const text = body === sample ? sjisSample : new TextDecoder("shift_jis").decode(body);
  const warning = undecodableWarning(text, "Shift_JIS", file);
  return warning ? { ok: true, text, encoding: "Shift_JIS", warning } : { ok: true, text, encoding: "Shift_JIS" };
}

/** The file-level warning for U+FFFD in a decoded text: the line of the first, and how many. */
function undecodableWarning(text: string, encoding: string, file: string): Problem | undefined {
  const first = text.indexOf(REPLACEMENT);
  if (first < 0) return undefined;
  return {
    code: "undecodable-bytes",
    severity: "warning",
    file,
    line: countOf(text.slice(0, first), "\n") + 1,
    params: { encoding, count: countOf(text, REPLACEMENT) },
  };
}

/** Valid UTF-8 multi-byte characters at least ten times the invalid bytes (and a few of them). */
function mostlyUtf8(sample: Uint8Array): boolean {
  const text = new TextDecoder("utf-8").decode(sample);
  const bad = countOf(text, REPLACEMENT);
  const good = nonAscii(text) - bad;
  return good >= 4 && good >= bad * 10;
}

/**
 * Bytes ≥ 0x80 stand alone between ASCII bytes, as Windows-1252's é, ü, ’ do, in most of their
 * runs ("l’État" makes a run of two). Japanese encodings write two bytes per character, so their
 * runs are never single but for half-width kana.
 */
function looksSingleByteLatin(sample: Uint8Array): boolean {
  let runs = 0;
  let single = 0;
  for (let i = 0; i < sample.length; ) {
    if (sample[i] < 0x80) {
      i++;
      continue;
    }
    let j = i;
    while (j < sample.length && sample[j] >= 0x80) j++;
    runs++;
    if (j - i === 1) single++;
    i = j;
  }
  return runs > 0 && single >= runs * 0.6;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

/** Hiragana, katakana and kanji count for a reading; half-width kana (rare in real tables) and U+FFFD against it. */
function japaneseScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) score++;
    else if ((c >= 0xff61 && c <= 0xff9f) || c === 0xfffd) score -= 2;
  }
  return score;
}
