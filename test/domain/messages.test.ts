import { SEVERITY_LABELS, problemLocation, problemMessage } from "../../src/domain/messages";
import { PROBLEM_CODES, type Problem, type ProblemCode } from "../../src/domain/model";

const ALL_CODES: readonly ProblemCode[] = PROBLEM_CODES;

const PARAMS: Record<string, Record<string, string | number>> = {
  "missing-label": { column: "担当府省庁", columnEn: "Ministries" },
  "unknown-ministry": { value: "デジタル省", suggestion: "デジタル庁" },
  "group-ministry": { value: "関係府省庁" },
  "duplicate-id": { id: "2.1(1)(ア)", firstFile: "総務省.csv", firstRow: 5 },
  "malformed-id": { value: "-1" },
  "cell-too-long": { length: 40000, max: 32767 },
  "formula-like": { value: "=SUM(A1)" },
  "invalid-status": { value: "保留" },
  "unreadable-file": { reason: "binary" },
  "unsupported-encoding": { encoding: "EUC-JP" },
};

describe("problemMessage", () => {
  it.each(ALL_CODES)("%s has a Japanese and an English message with its values filled in", (code) => {
    const p: Problem = { code, severity: "error", file: "総務省.csv", row: 3, column: "担当府省庁", params: PARAMS[code] };
    const ja = problemMessage(p, "ja");
    const en = problemMessage(p, "en");
    expect(ja).toMatch(/[ぁ-んァ-ヶ一-龥]/u);
    expect(en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/u);
    expect(en).not.toMatch(/[ぁ-ん]/u); // no Japanese sentence in the English message
    expect(ja).not.toBe(en);
    for (const m of [ja, en]) expect(m).not.toMatch(/undefined|\$\{|NaN/);
    for (const v of Object.values(PARAMS[code] ?? {})) {
      if (typeof v === "string" && !["binary", "Ministries"].includes(v)) expect(ja).toContain(String(v));
    }
  });

  it("the missing-label message names the missing column in both languages", () => {
    const p: Problem = { code: "missing-label", severity: "error", file: "a.csv", params: PARAMS["missing-label"] };
    expect(problemMessage(p, "ja")).toContain("「担当府省庁」が見つかりません");
    expect(problemMessage(p, "en")).toContain('Required column "Ministries" (担当府省庁) is missing');
  });

  it("a binary file gets a message that says it is not a text table", () => {
    const p: Problem = { code: "unreadable-file", severity: "error", file: "junk.csv", params: { reason: "binary" } };
    expect(problemMessage(p, "ja")).toContain("バイナリ");
    expect(problemMessage(p, "en")).toContain("binary");
  });

  it("an empty next-year part of the combined column is named as such", () => {
    const p: Problem = {
      code: "missing-cell",
      severity: "warning",
      file: "a.csv",
      column: "2023 年度 取組の成果、進捗状況及び 2024 年度 年次計画",
      params: { field: "nextPlan" },
    };
    expect(problemMessage(p, "ja")).toContain("の<次年度年次計画>が空欄です");
    expect(problemMessage(p, "ja")).toContain("未報告");
  });

  it("locations read naturally in both languages", () => {
    const p: Problem = { code: "blank-row", severity: "info", file: "総務省.csv", sheet: "別添2", row: 12, column: "担当府省庁" };
    expect(problemLocation(p, "ja")).toBe("総務省.csv [別添2] 12 行目 「担当府省庁」");
    expect(problemLocation(p, "en")).toBe('総務省.csv [別添2], row 12, column "担当府省庁"');
  });

  it("severity labels", () => {
    expect(SEVERITY_LABELS.ja).toEqual({ error: "エラー", warning: "警告", info: "情報" });
    expect(SEVERITY_LABELS.en).toEqual({ error: "Error", warning: "Warning", info: "Info" });
  });
});
