/**
 * The colour of each status on every chart, so 継続/拡充/新規/終了/未報告 look the same on the
 * dashboard and on each ministry's sheet, in Excel and in the .xlsx file. Hues keep their usual
 * meanings (終了 grey, 未報告 red); each colour has at least 3:1 contrast against white (WCAG 2.1
 * 1.4.11, graphical objects), and the five stay apart under protanopia, deuteranopia and
 * tritanopia: test/workbook/statusColors.test.ts computes both.
 */
import type { Status } from "../domain/model";

export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  continuing: "#1D4ED8",
  expanded: "#16A07A",
  new: "#D45500",
  ended: "#616161",
  unreported: "#8B0A0A",
};

/** One-colour charts (measures by chapter): the header blue of the sheets. */
export const SINGLE_SERIES_COLOR = "#1F4E78";

/** White label boxes with black text: values stay readable on any slice colour. */
export const LABELS_ON_FILLS = { fill: "#FFFFFF", fontColor: "#000000" } as const;
