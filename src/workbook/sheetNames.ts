/**
 * Valid, unique worksheet names. Excel's rules: 1-31 characters, none of : \ / ? * [ ],
 * no leading or trailing apostrophe, not "History" (reserved), unique ignoring case.
 */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;
const RESERVED = new Set(["history"]);

function clip(s: string, max: number): string {
  // Count code points, not UTF-16 units, so a clipped name never ends in half a surrogate pair.
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join("");
}

function cleaned(wanted: string): string {
  let s = wanted
    .replace(FORBIDDEN, "_")
    .replace(/[\u0000-\u001f]/g, "")
    .trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  s = clip(s, MAX_SHEET_NAME_LENGTH).replace(/'+$/g, "").trim();
  return s === "" ? "Sheet" : s;
}

/** True when Excel accepts `name` as a worksheet name (uniqueness aside). */
export function isValidSheetName(name: string): boolean {
  return (
    name.trim() !== "" &&
    Array.from(name).length <= MAX_SHEET_NAME_LENGTH &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !RESERVED.has(name.toLowerCase())
  );
}

/**
 * A valid sheet name close to `wanted` that is not in `taken` (compared ignoring case, as
 * Excel does). Clashes get " (2)", " (3)", … within the 31 characters.
 */
export function makeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const lowerTaken = new Set(Array.from(taken, (t) => t.toLowerCase()));
  const base = cleaned(wanted);
  const free = (s: string) => !lowerTaken.has(s.toLowerCase()) && !RESERVED.has(s.toLowerCase());
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = clip(base, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (free(candidate)) return candidate;
  }
}

/**
 * Names for the sheets of one plan, each made free with makeSheetName and then taken, so two
 * sheets never clash. `taken`: names already in the workbook (kept, not modified).
 */
export function sheetNamer(taken: Iterable<string> = []): (wanted: string) => string {
  const names = new Set(taken);
  return (wanted) => {
    const n = makeSheetName(wanted, names);
    names.add(n);
    return n;
  };
}
