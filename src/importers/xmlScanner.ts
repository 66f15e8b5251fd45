/**
 * A small streaming XML scanner for the package parts the .xlsx reader needs: start and end tags
 * with their attributes, and text. Text arrives in pieces (`write`) and is scanned as it comes,
 * so a sheet of any size is never held whole. Only the five predefined entities and character
 * references are expanded: a DOCTYPE's entities never are (no billion laughs, no external files).
 * Anything that is not well-formed enough to scan is a ZipDamaged-like XmlDamaged error.
 */

export class XmlDamaged extends Error {}

export interface XmlHandler {
  /** `name` without its namespace prefix; `attrs` likewise. */
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Expands &amp; … and &#…; in text or an attribute value. */
export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/gu, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return ENTITIES[ref] ?? whole;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s))
    attrs[localName(m[1])] = unescapeXml(m[2] ?? m[3] ?? "");
  return attrs;
}

export class XmlScanner {
  private buf = "";
  private depth = 0;
  private sawElement = false;

  /**
   * `maxPending`: characters that may wait for the end of a tag or a text (one cell's text, in
   * practice); passing it calls `onTooLong` (a budget) instead of growing without bound.
   */
  constructor(
    private readonly handler: XmlHandler,
    private readonly maxPending: number,
    private readonly onTooLong: () => never
  ) {}

  write(chunk: string): void {
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.drain();
    if (this.buf.length > this.maxPending) this.onTooLong();
  }

  end(): void {
    this.drain();
    if (this.buf.trim().length > 0) throw new XmlDamaged("XML ends inside a tag");
    if (!this.sawElement) throw new XmlDamaged("no XML element");
    if (this.depth !== 0) throw new XmlDamaged("XML ends before its elements close");
  }

  private drain(): void {
    const b = this.buf;
    let pos = 0;
    for (;;) {
      const lt = b.indexOf("<", pos);
      if (lt < 0) break;
      if (lt > pos) {
        if (this.depth === 0) {
          if (b.slice(pos, lt).trim()) throw new XmlDamaged("text outside the root element");
        } else this.handler.text(unescapeXml(b.slice(pos, lt)));
      }
      const end = this.tagEnd(b, lt);
      if (end < 0) {
        pos = lt;
        this.buf = b.slice(pos);
        return;
      }
      this.tag(b, lt, end);
      pos = end + 1;
    }
    // Text with no "<" after it waits (an entity may be cut); at the top level it must be blank.
    this.buf = pos === 0 ? b : b.slice(pos);
  }

  /** Index of the ">" closing the markup at `lt`, or -1 when it is not all here yet. */
  private tagEnd(b: string, lt: number): number {
    if (b.startsWith("<!--", lt)) {
      const i = b.indexOf("-->", lt + 4);
      return i < 0 ? -1 : i + 2;
    }
    if (b.startsWith("<![CDATA[", lt)) {
      const i = b.indexOf("]]>", lt + 9);
      return i < 0 ? -1 : i + 2;
    }
    if (b.startsWith("<!DOCTYPE", lt) || b.startsWith("<!doctype", lt)) {
      // An internal subset ends with "]>"; its entities are never expanded.
      const bracket = b.indexOf("[", lt);
      const gt = b.indexOf(">", lt);
      if (gt < 0) return -1;
      if (bracket >= 0 && bracket < gt) {
        const i = b.indexOf("]>", bracket);
        return i < 0 ? -1 : i + 1;
      }
      return gt;
    }
    // A ">" inside a quoted attribute value does not end the tag.
    let quote = 0;
    for (let i = lt + 1; i < b.length; i++) {
      const c = b.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) return i;
      else if (c === 0x3c) throw new XmlDamaged("'<' inside a tag");
    }
    return -1;
  }

  private tag(b: string, lt: number, end: number): void {
    const second = b.charCodeAt(lt + 1);
    if (second === 0x21 /* ! */) {
      if (b.startsWith("<![CDATA[", lt)) {
        if (this.depth === 0) throw new XmlDamaged("CDATA outside the root element");
        this.handler.text(b.slice(lt + 9, end - 2));
      }
      return; // comment or DOCTYPE
    }
    if (second === 0x3f /* ? */) return; // processing instruction, XML declaration
    if (second === 0x2f /* / */) {
      const name = b.slice(lt + 2, end).trim();
      if (!name) throw new XmlDamaged("empty end tag");
      if (this.depth === 0) throw new XmlDamaged(`unexpected </${name}>`);
      this.depth--;
      this.handler.close(localName(name));
      return;
    }
    const selfClosing = b.charCodeAt(end - 1) === 0x2f;
    const inner = b.slice(lt + 1, selfClosing ? end - 1 : end);
    const nameEnd = inner.search(/[\s/]/u);
    const qname = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
    if (!qname || !/^[A-Za-z_:][\w:.-]*$/u.test(qname))
      throw new XmlDamaged(`bad tag <${qname.slice(0, 20)}`);
    if (this.depth === 0 && this.sawElement) throw new XmlDamaged("a second root element");
    this.sawElement = true;
    const attrs = nameEnd < 0 ? {} : parseAttrs(inner.slice(nameEnd));
    if (!selfClosing) this.depth++;
    this.handler.open(localName(qname), attrs, selfClosing);
    if (selfClosing) this.handler.close(localName(qname));
  }
}

/** Scans a whole text (a small part). */
export function scanXml(text: string, handler: XmlHandler): void {
  const s = new XmlScanner(handler, Number.MAX_SAFE_INTEGER, () => {
    throw new XmlDamaged("too long");
  });
  s.write(text);
  s.end();
}
