/**
 * Strict decoding: the platform's WHATWG TextDecoder with `fatal`, null where it throws.
 *
 * Why TextDecoder under Node too: Node's buffer module (`isUtf8`, then `transcode` to UTF-16LE,
 * then the UTF-16LE decoder) does less work per byte, but it makes the text twice (pieces, then
 * their join) and touches about twice the fresh memory; where first touches of memory are dear
 * (the virtual machines the bench runs on) that cost more than it saved. Figures in
 * scripts/bench/README.md.
 */

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

/** `bytes` as UTF-8 text, or null when they are not UTF-8. One leading byte order mark is dropped. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  return decodeStrict(bytes, "utf-8");
}
