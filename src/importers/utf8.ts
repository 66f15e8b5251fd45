/**
 * Strict UTF-8 bytes → text: the same answer as `new TextDecoder("utf-8", { fatal: true })`
 * (null where that throws), faster under Node.
 *
 * Why: Node's UTF-8 TextDecoder (and Buffer#toString("utf8")) decode Japanese text with V8's
 * scalar decoder, slower than everything the pipeline does after it. Node's `buffer` module does
 * the same work in three fast steps: `isUtf8` validates (simdutf), `transcode` converts to
 * UTF-16LE (ICU), and the UTF-16LE TextDecoder copies that into a string. Not
 * Buffer#toString("utf16le"): it makes a big text an external string, on which papaparse's scans
 * are slower. The figures are in scripts/bench/README.md.
 * The UTF-16LE decoder drops a leading U+FEFF as the UTF-8 one drops a UTF-8 BOM.
 * Browsers have no `buffer` module and keep TextDecoder; `process.getBuiltinModule`
 * (Node ≥ 20.16) reaches the module without an import, so webpack leaves the pane bundle alone.
 */

/** The part of Node's `buffer` module used here. */
export interface NodeBufferModule {
  isUtf8(input: Uint8Array): boolean;
  transcode(source: Uint8Array, fromEnc: "utf8", toEnc: "utf16le"): Uint8Array;
}

function nodeBufferModule(): NodeBufferModule | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== "function") return null;
  const mod = proc.getBuiltinModule("node:buffer") as Partial<NodeBufferModule> | undefined;
  return typeof mod?.isUtf8 === "function" && typeof mod.transcode === "function"
    ? (mod as NodeBufferModule)
    : null;
}

const nodeBuffer = nodeBufferModule();

/**
 * Bytes transcoded at a time. One transcode of a whole file makes a buffer outside the JS heap
 * nearly as large as the file, which V8 answers with a full garbage collection on every import;
 * 1 MiB chunks are freed young.
 */
const CHUNK_BYTES = 1 << 20;

/** The platform's strict decoder for `encoding`: null for bytes that are not in it. */
export function decodeStrict(
  bytes: Uint8Array,
  encoding: "utf-8" | "utf-16le" | "utf-16be"
): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * `bytes` as UTF-8 text, or null when they are not UTF-8. Like TextDecoder (ignoreBOM false), one
 * leading byte order mark is dropped. `fast`: Node's buffer module where there is one (tests pass
 * null to check the browser's way).
 */
export function decodeUtf8Strict(
  bytes: Uint8Array,
  fast: NodeBufferModule | null = nodeBuffer
): string | null {
  if (!fast) return decodeStrict(bytes, "utf-8");
  if (!fast.isUtf8(bytes)) return null;
  // One streaming decoder for all chunks: it drops the BOM at the start of the text only.
  const utf16 = new TextDecoder("utf-16le");
  const parts: string[] = [];
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(bytes.length, start + CHUNK_BYTES);
    // Cut before a character's continuation bytes (10xxxxxx), never inside a character.
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    const units = fast.transcode(bytes.subarray(start, end), "utf8", "utf16le");
    parts.push(utf16.decode(units, { stream: true }));
    start = end;
  }
  parts.push(utf16.decode());
  return parts.length === 1 ? parts[0] : parts.join("");
}

/** Whether this platform decodes through Node's buffer module (tests check that Node does). */
export const fastUtf8Available = nodeBuffer !== null;
