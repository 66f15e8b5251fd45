/**
 * The status colours: readable against the white chart area (WCAG 2.1 1.4.11: graphical objects
 * need 3:1) and told apart with each common colour-vision deficiency. Method: simulate each
 * colour with Machado et al.'s (2009) matrices at full severity, convert to CIELAB and require a
 * CIEDE2000 difference of at least 15 between every two statuses (about 2 is a just-noticeable
 * difference; 15 is plainly different side by side, as slices and stacked bars are).
 */
import { STATUSES } from "../../src/domain/model";
import {
  SINGLE_SERIES_COLOR,
  STATUS_COLORS,
  LABELS_ON_FILLS,
} from "../../src/workbook/statusColors";
import { ciede2000, contrastRatio, seenDifference, type Vision } from "../support/colorVision";

const WHITE = "#FFFFFF";
const VISIONS: Vision[] = ["normal", "protanopia", "deuteranopia", "tritanopia"];
const MIN_DIFFERENCE = 15;

describe("the colour maths", () => {
  test("WCAG contrast: black on white is 21:1, #767676 is the well-known 4.54:1", () => {
    expect(contrastRatio("#000000", WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", WHITE)).toBeCloseTo(4.54, 2);
  });
  test("CIEDE2000 gives Sharma et al.'s published values", () => {
    // Pairs 1, 7 and 17 of the paper's Table 1.
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(ciede2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });
  test("the simulation merges what a deficiency merges: red and green for deuteranopes, not for others", () => {
    expect(seenDifference("#D62728", "#2CA02C", "normal")).toBeGreaterThan(40);
    expect(seenDifference("#D62728", "#2CA02C", "deuteranopia")).toBeLessThan(10);
    // Blue and green stay apart for a deuteranope.
    expect(seenDifference("#1F77B4", "#2CA02C", "deuteranopia")).toBeGreaterThan(MIN_DIFFERENCE);
  });
  test("the .xlsx charts' former palette fails both checks", () => {
    expect(contrastRatio("#FFC000", WHITE)).toBeLessThan(3); // amber
    expect(seenDifference("#70AD47", "#FFC000", "protanopia")).toBeLessThan(MIN_DIFFERENCE);
  });
});

describe("the status colours", () => {
  test.each([
    ...STATUSES.map((s) => [s, STATUS_COLORS[s]]),
    ["one-series charts", SINGLE_SERIES_COLOR],
  ])("%s (%s) has at least 3:1 contrast against white", (_, color) => {
    expect(contrastRatio(color, WHITE)).toBeGreaterThanOrEqual(3);
  });

  test.each(VISIONS)("every two statuses stay apart with %s vision", (vision) => {
    const tooClose: string[] = [];
    for (const a of STATUSES)
      for (const b of STATUSES) {
        const d = seenDifference(STATUS_COLORS[a], STATUS_COLORS[b], vision);
        if (a < b && d < MIN_DIFFERENCE) tooClose.push(`${a}/${b}: ${d.toFixed(1)}`);
      }
    expect(tooClose).toEqual([]);
  });

  test("value labels on slices are black on white boxes (21:1)", () => {
    expect(contrastRatio(LABELS_ON_FILLS.fontColor, LABELS_ON_FILLS.fill)).toBeCloseTo(21, 5);
  });
});
