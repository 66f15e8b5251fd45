/**
 * Report headings as they appear in a table's heading rows, in 章/節/項 columns, or in the title
 * rows above a header: chapter `2 国民が…`, section `2.1 …`, sub-section `(1) …`.
 */
import type { HeadingRef } from "./model";
import { nfkc } from "./text";

export type HeadingLevel = "chapter" | "section" | "subsection";

/** Patterns on the NFKC text, trimmed. Chapters are 1-2 digits so a year ("2023 年度") never matches. */
export const HEADING_PATTERNS: readonly { level: HeadingLevel; pattern: RegExp }[] = [
  { level: "section", pattern: /^(\d{1,2}\s*\.\s*\d{1,2})(?:\s+(.*)|$)/su },
  { level: "subsection", pattern: /^\(\s*(\d{1,2})\s*\)\s*(.*)$/su },
  { level: "chapter", pattern: /^(\d{1,2})(?:\s+(\S.*)|$)/su },
];

/** A heading line → its level, number ("2.1", "(1)", "2") and title; null for anything else. */
export function parseHeading(text: string): { level: HeadingLevel; heading: HeadingRef } | null {
  const t = nfkc(text).trim();
  for (const { level, pattern } of HEADING_PATTERNS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const raw = m[1].replace(/\s+/gu, "");
    const number = level === "subsection" ? `(${raw})` : raw;
    return { level, heading: { number, title: (m[2] ?? "").replace(/\s+/gu, " ").trim() } };
  }
  return null;
}

/**
 * The value of a 章, 節 or 項 column: a heading ("2.1 国民・社会を…"), a bare number ("2.1", "（１）", "1")
 * or a title alone (number "").
 */
export function parseHeadingCell(level: HeadingLevel, text: string): HeadingRef | null {
  const t = nfkc(text).trim();
  if (t === "") return null;
  const parsed = parseHeading(t);
  if (parsed) {
    // "1" in a 項 column means "(1)".
    if (level === "subsection" && parsed.level === "chapter") return { number: `(${parsed.heading.number})`, title: parsed.heading.title };
    return parsed.heading;
  }
  return { number: "", title: t };
}
