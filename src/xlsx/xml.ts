/** String-level XML helpers for the few parts the post-processor edits or writes. */

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Inserts `fragment` before the first of `followers` (element names that must come after it in
 * the schema's sequence), or before `</root>` when none is present.
 */
export function insertBeforeFirst(
  xml: string,
  fragment: string,
  followers: readonly string[],
  root: string
): string {
  let at = -1;
  for (const name of followers) {
    const re = new RegExp(`<${name}[\\s/>]`);
    const m = re.exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${root}>`);
  if (at < 0) throw new Error(`insertBeforeFirst: no </${root}>`);
  return xml.slice(0, at) + fragment + xml.slice(at);
}

/** The attributes of one start tag, unescaped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Every start (or empty) tag `<name …>` in `xml`. */
export function tags(xml: string, name: string): string[] {
  return Array.from(xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g")), (m) => m[0]);
}
