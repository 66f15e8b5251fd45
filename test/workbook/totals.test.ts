/**
 * Totals add up: a measure without an owner has its own row (「(担当未記入)」) in the ministry
 * table, the chart and a sheet of its own; every count table's total equals 施策数, or (a measure
 * with several owners counted once per owner) the dashboard's note says why.
 */
import { summarize } from "../../src/domain/aggregate";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importDelimitedText } from "../../src/importers/csv";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { countTable } from "../../src/workbook/counts";

const HEAD = "項番,担当府省庁,2023年度年次計画,成果・進捗状況,2024年度年次計画";
const row = (label: string, owner: string, next = "・引き続き、取組を推進する。") =>
  `${label},${owner},${owner || "担当"}において、取組を推進する。,・計画に基づき、取組を推進した。,${next}`;

function table(rows: string[]) {
  return buildPlanTable([importDelimitedText("取りまとめ.csv", [HEAD, ...rows].join("\n"))]);
}

const SIX = [
  row("(ア)", "総務省"),
  row("(イ)", "総務省", "・2023年度で終了。"),
  row("(ウ)", "経済産業省"),
  row("(エ)", ""),
  row("(オ)", "警察庁", "・対象を拡充し、取組を推進する。"),
  row("(カ)", "架空庁"),
];

it("one blank 担当府省庁 among six: the ministry table adds up to 施策数 6 with a (担当未記入) row", () => {
  const counts = countTable(table(SIX), "ja");
  expect(counts.measures).toBe(6);
  // 建制順 (警察庁 under 国家公安委員会 before 総務省), an unknown name after the ministries in its own row
  // as written (with its unknown-ministry warning), and the no-owner row last.
  expect(counts.ministries.map((m) => [m.name, m.total])).toEqual([
    ["警察庁", 1],
    ["総務省", 2],
    ["経済産業省", 1],
    ["架空庁", 1],
    ["(担当未記入)", 1],
  ]);
  expect(counts.ministries.reduce((n, m) => n + m.total, 0)).toBe(counts.measures);
  const statusTotal = Object.values(counts.status).reduce((n, k) => n + k, 0);
  expect(statusTotal).toBe(counts.measures);
  expect(counts.chapters.reduce((n, c) => n + c.measures, 0)).toBe(counts.measures);
  expect(summarize(table(SIX), "en").ministries.at(-1)).toEqual(
    expect.objectContaining({ name: "(no ministry given)", measures: 1 })
  );
});

it("the dashboard's ministry table and chart carry the row, and the owner-less measure has a sheet", () => {
  const plan = buildWorkbookPlan(table(SIX), { lang: "ja" });
  const dash = plan.sheets.find((s) => s.kind === "dashboard")!;
  const cells = dash.blocks.flatMap((b) => b.values.flat());
  expect(cells).toContain("(担当未記入)");
  expect(dash.charts.some((c) => JSON.stringify(c).includes("(担当未記入)"))).toBe(true);
  expect(plan.sheets.some((s) => s.kind === "ministry" && s.name === "(担当未記入)")).toBe(true);
});

it("a measure with two owners: the ministry table's total exceeds 施策数, and the dashboard's note says why", () => {
  const t = table([
    '(ア),"総務省\n経済産業省",総務省及び経済産業省において、取組を推進する。,・計画に基づき、推進した。,・引き続き、取組を推進する。',
    row("(イ)", "警察庁"),
  ]);
  const counts = countTable(t, "ja");
  expect(counts.measures).toBe(2);
  expect(counts.ministries.reduce((n, m) => n + m.total, 0)).toBe(3);
  const dash = buildWorkbookPlan(t, { lang: "ja" }).sheets.find((s) => s.kind === "dashboard")!;
  expect(dash.blocks.flatMap((b) => b.values.flat())).toContain(
    "再掲の施策は数えていません。複数の府省庁が担当する施策は各府省庁に数えます。"
  );
});
