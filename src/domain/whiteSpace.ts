/**
 * What JavaScript counts as white space (`\s`, trim()): the one definition for the importers'
 * blank tests and the .xlsx writer's edge-space test, which must agree on what a blank is.
 */

/** JS `\s` (WhiteSpace and LineTerminator), as trim() and regexps see it; ASCII first, the usual case. */
export function isJsSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 &&
        (c === 0xa0 ||
          c === 0x1680 ||
          (c >= 0x2000 && c <= 0x200a) ||
          c === 0x2028 ||
          c === 0x2029 ||
          c === 0x202f ||
          c === 0x205f ||
          c === 0x3000 ||
          c === 0xfeff);
}
