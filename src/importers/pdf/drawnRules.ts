/**
 * The straight lines a page draws (cell borders): from pdf.js's operator list, every stroked
 * horizontal or vertical segment, and every thin filled rectangle (some producers draw borders
 * as filled bars), in page coordinates (PDF points, y upwards). Curves and clipping paths are not
 * borders and are left out.
 */
import type { Pdfjs } from "./pdfjs";

export interface Segment {
  /** Horizontal: y fixed, x from a to b. Vertical: x fixed, y from a to b (a < b). */
  at: number;
  a: number;
  b: number;
}

export interface DrawnRules {
  horizontal: Segment[];
  vertical: Segment[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Thicker than this, a filled rectangle is a shading, not a border. */
const MAX_BAR = 2.5;
/** A segment this close to level (points) counts as horizontal or vertical. */
const LEVEL = 0.6;

/** pdf.js path data (DrawOPS): 0 moveTo x y, 1 lineTo x y, 2 curveTo 6, 3 quadraticCurveTo 4, 4 closePath. */
function segmentsOf(path: ArrayLike<number>): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < path.length;) {
    const op = path[i++];
    if (op === 0) {
      x = sx = path[i++];
      y = sy = path[i++];
    } else if (op === 1) {
      const nx = path[i++];
      const ny = path[i++];
      out.push([x, y, nx, ny]);
      x = nx;
      y = ny;
    } else if (op === 2) {
      i += 4;
      x = path[i++];
      y = path[i++];
    } else if (op === 3) {
      i += 2;
      x = path[i++];
      y = path[i++];
    } else if (op === 4) {
      if (x !== sx || y !== sy) out.push([x, y, sx, sy]);
      x = sx;
      y = sy;
    } else break;
  }
  return out;
}

export function readDrawnRules(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: Pdfjs["OPS"]
): DrawnRules {
  const rules: DrawnRules = { horizontal: [], vertical: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stroked = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const filled = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, ops.argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, data] = ops.argsArray[i] as [number, unknown[] | undefined];
      const path = data?.[0] as ArrayLike<number> | undefined;
      if (!path || typeof path.length !== "number") continue;
      const isStroke = stroked.has(paint);
      if (!isStroke && !filled.has(paint)) continue;
      const pts = segmentsOf(path).map(([x0, y0, x1, y1]) => {
        const p = (x: number, y: number) => [
          ctm[0] * x + ctm[2] * y + ctm[4],
          ctm[1] * x + ctm[3] * y + ctm[5],
        ];
        return [...p(x0, y0), ...p(x1, y1)];
      });
      if (isStroke) {
        for (const [x0, y0, x1, y1] of pts) add(rules, x0, y0, x1, y1);
      } else {
        // A thin filled rectangle is a bar: its centre line is the border.
        const xs = pts.flatMap((s) => [s[0], s[2]]);
        const ys = pts.flatMap((s) => [s[1], s[3]]);
        if (xs.length === 0) continue;
        const [x0, x1, y0, y1] = [
          Math.min(...xs),
          Math.max(...xs),
          Math.min(...ys),
          Math.max(...ys),
        ];
        if (y1 - y0 <= MAX_BAR && x1 - x0 > MAX_BAR)
          add(rules, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (x1 - x0 <= MAX_BAR && y1 - y0 > MAX_BAR)
          add(rules, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      }
    }
  }
  return rules;
}

function add(rules: DrawnRules, x0: number, y0: number, x1: number, y1: number): void {
  if (Math.abs(y0 - y1) <= LEVEL && Math.abs(x1 - x0) > LEVEL)
    rules.horizontal.push({ at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
  else if (Math.abs(x0 - x1) <= LEVEL && Math.abs(y1 - y0) > LEVEL)
    rules.vertical.push({ at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
}
