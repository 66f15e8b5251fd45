/**
 * 項番: the item label as written ("（ア）", "ア", "(ア)(再掲)") and the fully qualified id built
 * from the headings ("2.1(1)(ア)").
 */
import type { HeadingRef, MeasureDraft } from "./model";
import { squash } from "./text";

const REPOSTED_MARK = /\(再掲\)/gu;
const labelCache = new Map<string, string>();

/** "（ア）" → "(ア)", "ア" → "(ア)", "(ア)(再掲)" → "(ア)"; spaces removed; other forms kept (NFKC). */
export function normalizeLabel(s: string): string {
  // Labels repeat ((ア), (イ) … in every sub-section): remember the short ones.
  let k = labelCache.get(s);
  if (k !== undefined) return k;
  k = normalizeLabelUncached(s);
  if (s.length <= 40) {
    if (labelCache.size >= 10_000) labelCache.clear();
    labelCache.set(s, k);
  }
  return k;
}

function normalizeLabelUncached(s: string): string {
  let k = squash(s).replace(REPOSTED_MARK, "");
  // A bare katakana item letter, as some sheets and the PDF text give it.
  if (/^[ァ-ヶ]{1,2}$/u.test(k)) k = `(${k})`;
  return k;
}

/** "(ア)" | "(1)" | "(a)" | "2.1(1)(ア)" | "2.1(ア)": what a 項番 may look like. */
const ITEM = String.raw`\((?:[ァ-ヶ]{1,2}|\d{1,3}|[a-z]{1,2})\)`;
export const LABEL_PATTERN = new RegExp(
  String.raw`^(?:\d{1,2}(?:\.\d{1,2})*(?:\(\d{1,3}\))?)?${ITEM}$`,
  "u"
);

/** True when a normalised label has the shape of a 項番. */
export function isWellFormedLabel(label: string): boolean {
  return LABEL_PATTERN.test(label);
}

/** Heading numbers as used in ids: NFKC, no spaces, "（１）" → "(1)", "2." → "2". */
export function normalizeHeadingNumber(n: string): string {
  const k = squash(n);
  return k.endsWith(".") ? k.slice(0, -1) : k;
}

/**
 * The qualified 項番: section number (or chapter when there is no section), then sub-section,
 * then label: "2.1" + "(1)" + "(ア)" → "2.1(1)(ア)". A label that is already qualified stays.
 */
function head(h: HeadingRef | null): string {
  return h ? normalizeHeadingNumber(h.number) : "";
}

/** The prefix of the last qualified id: rows of one sub-section share it (heading numbers compared, not objects). */
let lastChapter: string | undefined;
let lastSection: string | undefined;
let lastSubsection: string | undefined;
let lastPrefix = "";

/** True for an id or label that starts with a section number ("2.1(1)(ア)"): already qualified. */
export function isQualifiedId(id: string): boolean {
  const c0 = id.charCodeAt(0);
  return c0 >= 0x30 && c0 <= 0x39;
}

export function qualifiedId(
  draft: Pick<MeasureDraft, "label" | "chapter" | "section" | "subsection">
): string {
  const label = normalizeLabel(draft.label);
  if (isQualifiedId(label)) return label;
  const chapter = draft.chapter?.number;
  const section = draft.section?.number;
  const subsection = draft.subsection?.number;
  // Recomputed only when a heading number changes (the rows of a section share its numbers);
  // "" for a missing heading, as head() gives.
  if (chapter !== lastChapter || section !== lastSection || subsection !== lastSubsection) {
    lastChapter = chapter;
    lastSection = section;
    lastSubsection = subsection;
    lastPrefix =
      (draft.section ? head(draft.section) : head(draft.chapter)) + head(draft.subsection);
  }
  return lastPrefix + label;
}
