/**
 * qualifiedId keeps the prefix of the previous row while the heading numbers stay the same: over
 * any sequence of rows it must give what the plain definition gives for each row on its own.
 */
import fc from "fast-check";
import { normalizeHeadingNumber, normalizeLabel, qualifiedId } from "../../src/domain/labels";
import type { HeadingRef } from "../../src/domain/model";

/** The definition: section (or chapter without a section) + sub-section + label; a label starting with a number is already qualified. */
function plainQualifiedId(d: {
  label: string;
  chapter: HeadingRef | null;
  section: HeadingRef | null;
  subsection: HeadingRef | null;
}): string {
  const label = normalizeLabel(d.label);
  if (/^\d{1,2}(?:\.\d{1,2})*/u.test(label)) return label;
  const head = (h: HeadingRef | null) => (h ? normalizeHeadingNumber(h.number) : "");
  return `${d.section ? head(d.section) : head(d.chapter)}${head(d.subsection)}${label}`;
}

const heading = (numbers: string[]) =>
  fc.option(
    fc.constantFrom(...numbers).map((number) => ({ number, title: "" })),
    { nil: null }
  );
const row = fc.record({
  label: fc.constantFrom(
    "(ア)",
    "（イ）",
    "ウ",
    "(ア)(再掲)",
    "2.1(1)(エ)",
    "１(オ)",
    "",
    "(1)",
    " (カ) "
  ),
  chapter: heading(["1", "2", "２", "2."]),
  section: heading(["2.1", "2.2", "２.１", "2.1.", ""]),
  subsection: heading(["(1)", "(2)", "（１）", "(1) "]),
});

test("over any sequence of rows, qualifiedId equals the plain definition row by row", () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
      for (const d of rows) expect(qualifiedId(d)).toBe(plainQualifiedId(d));
    }),
    { numRuns: 500 }
  );
});

test("rows of one sub-section, then of the next: 2.1(1)(ア), 2.1(1)(イ), 2.1(2)(ア), 2(ウ)", () => {
  const s21 = { number: "2.1", title: "" };
  const ids = [
    { label: "(ア)", chapter: null, section: s21, subsection: { number: "(1)", title: "" } },
    { label: "(イ)", chapter: null, section: s21, subsection: { number: "(1)", title: "" } },
    { label: "(ア)", chapter: null, section: s21, subsection: { number: "（２）", title: "" } },
    { label: "(ウ)", chapter: { number: "2", title: "" }, section: null, subsection: null },
  ].map(qualifiedId);
  expect(ids).toEqual(["2.1(1)(ア)", "2.1(1)(イ)", "2.1(2)(ア)", "2(ウ)"]);
});
