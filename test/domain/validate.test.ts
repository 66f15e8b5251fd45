import { finalizeMeasures } from "../../src/domain/finalize";
import { problemMessage } from "../../src/domain/messages";
import type { MeasureDraft, Problem } from "../../src/domain/model";
import { validatePlanTable } from "../../src/domain/validate";

const sub = { number: "(1)", title: "安全・安心なサイバー空間の利用環境の構築" };
let row = 1;
function draft(over: Partial<MeasureDraft>): MeasureDraft {
  row++;
  return {
    label: "(ア)",
    chapter: { number: "2", title: "" },
    section: { number: "2.1", title: "" },
    subsection: sub,
    ownersText: "総務省",
    plan: "総務省において、…周知を行う。",
    results: "・計画に基づき、…周知を行った。",
    nextPlan: "・引き続き、…周知を行う。",
    reposted: false,
    source: { file: "総務省.csv", row },
    ...over,
  };
}
const validate = (drafts: MeasureDraft[]) => validatePlanTable(finalizeMeasures(drafts));
const codes = (ps: Problem[]) => ps.map((p) => p.code);

beforeEach(() => {
  row = 1;
});

describe("validatePlanTable", () => {
  it("a complete measure has no problem", () => {
    expect(validate([draft({})])).toEqual([]);
  });

  it("missing-cell: an empty 担当府省庁 is an error, located", () => {
    expect(validate([draft({ ownersText: "" })])).toEqual([
      {
        code: "missing-cell",
        severity: "error",
        file: "総務省.csv",
        row: 2,
        column: "担当府省庁",
        measureId: "2.1(1)(ア)",
        params: { field: "ownersText" },
      },
    ]);
  });

  it("missing-cell: an empty 項番 is an error; empty results or next-year plan a warning", () => {
    const ps = validate([draft({ label: "" }), draft({ label: "(イ)", results: "" }), draft({ label: "(ウ)", nextPlan: "" })]);
    expect(ps.map((p) => [p.code, p.severity, p.params?.field])).toEqual([
      ["missing-cell", "error", "label"],
      ["missing-cell", "warning", "results"],
      ["missing-cell", "warning", "nextPlan"],
    ]);
  });

  it("an ended measure may leave its next-year part empty (set ended by 進捗区分)", () => {
    expect(validate([draft({ nextPlan: "", statusOverride: "終了" })])).toEqual([]);
  });

  it("a new measure may have a ― plan and no results", () => {
    expect(validate([draft({ plan: "―", results: "", nextPlan: "・新たに、相談窓口を設置する。" })])).toEqual([]);
  });

  it("names the cell's column as the file does, when the columns are known", () => {
    const [m] = finalizeMeasures([draft({ nextPlan: "" })]);
    const ps = validatePlanTable([m], {
      columnsFor: () => ({ combined: { header: "2023 年度 取組の成果、進捗状況及び 2024 年度 年次計画", index: 4 } }),
    });
    expect(ps[0]).toEqual(expect.objectContaining({ column: "2023 年度 取組の成果、進捗状況及び 2024 年度 年次計画", columnIndex: 4 }));
  });

  it("unknown-ministry: flagged with the nearest known name", () => {
    expect(validate([draft({ ownersText: "総務省\nデジタル省" })])).toEqual([
      expect.objectContaining({ code: "unknown-ministry", severity: "warning", column: "担当府省庁", params: { value: "デジタル省", suggestion: "デジタル庁" } }),
    ]);
  });

  it("a short form (経産省) is not an unknown ministry", () => {
    expect(validate([draft({ ownersText: "経産省" })])).toEqual([]);
  });

  it("group-ministry: 関係府省庁 is kept and flagged", () => {
    expect(codes(validate([draft({ ownersText: "内閣官房、関係府省庁" })]))).toEqual(["group-ministry"]);
  });

  it("duplicate-id: the same qualified 項番 twice is an error on the second", () => {
    const ps = validate([draft({}), draft({ ownersText: "経済産業省" })]);
    expect(ps).toEqual([
      expect.objectContaining({ code: "duplicate-id", severity: "error", row: 3, params: { id: "2.1(1)(ア)", firstFile: "総務省.csv", firstRow: 2 } }),
    ]);
  });

  it("duplicate-id without any heading: the hint is to add headings, not (再掲)", () => {
    const bare = { chapter: null, section: null, subsection: null };
    const ps = validate([draft(bare), draft({ ...bare, ownersText: "経済産業省", source: { file: "経済産業省.csv", row: 2 } })]);
    expect(ps).toEqual([
      expect.objectContaining({ code: "duplicate-id", file: "経済産業省.csv", params: { id: "(ア)", firstFile: "総務省.csv", firstRow: 2, unqualified: 1 } }),
    ]);
    expect(problemMessage(ps[0], "ja")).toContain("章・節・項の見出しがないため");
    expect(problemMessage(ps[0], "ja")).not.toContain("再掲");
    expect(problemMessage(ps[0], "en")).toContain("Without chapter, section and sub-section headings");
    // A label qualified in the cell itself needs no headings: the usual (再掲) hint.
    const qualified = validate([draft({ ...bare, label: "2.1(1)(ア)" }), draft({ ...bare, label: "2.1(1)(ア)" })]);
    expect(qualified[0].params).toEqual({ id: "2.1(1)(ア)", firstFile: "総務省.csv", firstRow: 4 });
    expect(problemMessage(qualified[0], "ja")).toContain("「(再掲)」と記載してください");
  });

  it("duplicate-id: a (再掲) row does not count as a duplicate", () => {
    expect(validate([draft({}), draft({ label: "(ア)(再掲)" })])).toEqual([]);
  });

  it("duplicate-id: the same label in another sub-section is another id", () => {
    expect(validate([draft({}), draft({ subsection: { number: "(2)", title: "" } })])).toEqual([]);
  });

  it("malformed-id: a 項番 that is not (ア)/(1)/2.1(1)(ア)", () => {
    expect(validate([draft({ label: "-1" })])).toEqual([expect.objectContaining({ code: "malformed-id", severity: "warning", params: { value: "-1" } })]);
  });

  it("invalid-status: a 進捗区分 that names no status is reported, and the rules decide", () => {
    const ms = finalizeMeasures([draft({ statusOverride: "保留" })]);
    expect(ms[0].status).toBe("continuing");
    expect(validatePlanTable(ms)).toEqual([expect.objectContaining({ code: "invalid-status", column: "進捗区分", params: { value: "保留" } })]);
  });

  it("cell-too-long for report-text measures (no table columns)", () => {
    expect(codes(validate([draft({ results: "・" + "あ".repeat(32767) })]))).toEqual(["cell-too-long"]);
  });

  it("reports every problem at once, not only the first", () => {
    const ps = validate([draft({ ownersText: "" }), draft({ label: "ア)", ownersText: "IPA" }), draft({ label: "(イ)", nextPlan: "" })]);
    expect(codes(ps)).toEqual(["missing-cell", "unknown-ministry", "malformed-id", "missing-cell"]);
  });
});
