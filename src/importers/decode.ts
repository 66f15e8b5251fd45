/**
 * Bytes → text for table files: UTF-8 (with or without BOM) or Shift_JIS/CP932, detected with
 * encoding-japanese. Anything else gets a problem that says what the file is and what to do,
 * never garbage rows: binary data, a zip/xlsx or PDF under a .csv name, UTF-16, EUC-JP, JIS.
 */
import Encoding from "encoding-japanese";
import type { Problem } from "../domain/model";

export type DecodeResult = { ok: true; text: string; encoding: "UTF-8" | "Shift_JIS" } | { ok: false; problem: Problem };

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

function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // No BOM: ASCII text in UTF-16 has a zero in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  return (evenZeros > half * 0.3 && oddZeros < half * 0.05) || (oddZeros > half * 0.3 && evenZeros < half * 0.05);
}

export function decodeTableBytes(bytes: Uint8Array, file: string): DecodeResult {
  const fail = (code: "unreadable-file" | "unsupported-encoding", params: Record<string, string>): DecodeResult => ({
    ok: false,
    problem: { code, severity: "error", file, params },
  });
  const sig = sniffSignature(bytes);
  if (sig) return fail("unreadable-file", { reason: `signature-${sig}` });
  if (looksUtf16(bytes)) return fail("unsupported-encoding", { encoding: "UTF-16" });
  // ISO-2022-JP is 7-bit text with ESC sequences: named before the control-byte test would call it binary.
  if (bytes.includes(0x1b) && Encoding.detect(bytes, ["JIS"]) === "JIS") return fail("unsupported-encoding", { encoding: "ISO-2022-JP" });
  if (controlRatio(bytes, 65536) > 0.005) return fail("unreadable-file", { reason: "binary" });

  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: find out which Japanese encoding it is.
  }
  if (Encoding.detect(body, ["JIS"]) === "JIS") return fail("unsupported-encoding", { encoding: "ISO-2022-JP" });
  const sjis = Encoding.detect(body, ["SJIS"]) === "SJIS";
  const euc = Encoding.detect(body, ["EUCJP"]) === "EUCJP";
  // EUC-JP bytes are often valid Shift_JIS too (as half-width kana): decode both, keep the one that reads as Japanese.
  const asSjis = sjis ? Encoding.convert(body, { to: "UNICODE", from: "SJIS", type: "string" }) : "";
  if (sjis && (!euc || japaneseScore(asSjis) >= japaneseScore(Encoding.convert(body, { to: "UNICODE", from: "EUCJP", type: "string" })))) {
    return { ok: true, text: asSjis, encoding: "Shift_JIS" };
  }
  if (euc) return fail("unsupported-encoding", { encoding: "EUC-JP" });
  return fail("unreadable-file", { reason: "unknown-encoding" });
}

/** Hiragana, katakana and kanji count for a reading; half-width kana (rare in real tables) and U+FFFD against it. */
function japaneseScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(ch)) score++;
    else if (/[\uff61-\uff9f\ufffd]/u.test(ch)) score -= 2;
  }
  return score;
}
