/** Text safety and plain-language errors. */
import {
  describeExcelError,
  EXCEL_PROBLEM_MESSAGES,
  ExcelApplyError,
  type ExcelProblemCode,
} from "../../src/excel/errors";
import { isFormulaLike, safeWrite, TEXT_NUMBER_FORMAT } from "../../src/excel/textSafety";

test("every string cell is made Text before its value; numbers and blanks keep General", () => {
  const w = safeWrite([["=cmd|' /C calc'!A0", "+81-3-1234-5678", 12, null, true, Number.NaN]]);
  expect(w.numberFormat).toEqual([
    [TEXT_NUMBER_FORMAT, TEXT_NUMBER_FORMAT, null, null, null, TEXT_NUMBER_FORMAT],
  ]);
  expect(w.values).toEqual([["=cmd|' /C calc'!A0", "+81-3-1234-5678", 12, null, true, "NaN"]]);
});

test.each(["=1+1", "+81-3-1234-5678", "-1", "@SUM(A1)", "\tx"])("%j is formula-like", (s) =>
  expect(isFormulaLike(s)).toBe(true)
);
test.each(["総務省", "(ア)", "2.1(1)(ア)"])("%j is not formula-like", (s) =>
  expect(isFormulaLike(s)).toBe(false)
);

test("every error code has a Japanese and an English message", () => {
  for (const [code, m] of Object.entries(EXCEL_PROBLEM_MESSAGES)) {
    expect(m.ja.length).toBeGreaterThan(5);
    expect(m.en.length).toBeGreaterThan(5);
    expect(m.ja).not.toBe(m.en);
    expect(code).toMatch(/^[A-Z]/);
  }
});

test.each<[string, ExcelProblemCode]>([
  ["ItemAlreadyExists", "ItemAlreadyExists"],
  ["InvalidOperationInCellEditMode", "InvalidOperationInCellEditMode"],
  ["RequestPayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"],
  ["SomethingNew", "Unknown"],
])("an Office error with code %s is explained as %s", (code, expected) => {
  const officeError = Object.assign(new Error("localised text"), { code });
  expect(describeExcelError(officeError, "ja").code).toBe(expected);
  expect(describeExcelError(officeError, "en").message).toBe(EXCEL_PROBLEM_MESSAGES[expected].en);
});

test("an apply error says what happened and what became of the workbook", () => {
  const e = new ExcelApplyError("GeneralException", "GeneralException", "removed");
  expect(e.userMessage("ja")).toBe(
    `${EXCEL_PROBLEM_MESSAGES.GeneralException.ja} 途中まで作成したシートは削除しました。お使いのシートは変更されていません。`
  );
});
