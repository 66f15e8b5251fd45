/**
 * Column widths: the plan counts characters (Excel's width unit), Office.js `format.columnWidth`
 * takes points. Excel's width w characters is (w × maximum digit width + 5 px padding); the
 * default font's digit is 7 px at 96 dpi, and a pixel is 0.75 pt.
 */
export function charactersToPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}
