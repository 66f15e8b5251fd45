/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import type { Problem } from "../../src/domain/model";
import { MISSING_OWNER, SOUMU_CSV, METI_XLSX, fakeEngine, fakeGateway, result, draft } from "./support/fakes";
import { csvFile, renderPane } from "./support/renderPane";

expect.extend(toHaveNoViolations);
// Two cores shared by several runs: rendering Fluent in jsdom can take seconds.
jest.setTimeout(30_000);

async function importAndOpenValidation(files: Record<string, ReturnType<typeof result>>, gateway = fakeGateway()) {
  const engine = fakeEngine({ files });
  const view = renderPane(gateway, engine);
  await userEvent.upload(screen.getByTestId("file-input"), Object.keys(files).map((n) => csvFile(n)));
  await userEvent.click(await screen.findByRole("button", { name: "次へ: 検証" }));
  return { engine, gateway, view };
}

describe("検証 (validation step)", () => {
  test("problems are grouped by severity with their counts, merged over several files", async () => {
    const warn: Problem = { code: "group-ministry", severity: "warning", file: "経産省.xlsx", sheet: "Sheet1", row: 2, column: "担当府省庁" };
    await importAndOpenValidation({ "総務省.csv": SOUMU_CSV, "経産省.xlsx": { ...METI_XLSX, problems: [warn] } });
    expect(await screen.findByText("2 件のデータから 3 件の施策を読み取りました。")).toBeInTheDocument();
    expect(screen.getByTestId("count-error")).toHaveTextContent("1");
    expect(screen.getByTestId("count-warning")).toHaveTextContent("1");
    expect(screen.getByTestId("count-info")).toHaveTextContent("0");
    const errors = screen.getByTestId("problems-error");
    expect(within(errors).getByRole("heading", { level: 2 })).toHaveTextContent("エラー (1 件)");
    expect(within(errors).getByRole("button")).toHaveTextContent("府省庁名「総務庁」が一覧にありません (候補: 総務省)");
    expect(within(errors).getByRole("button")).toHaveTextContent("総務省.csv 3 行目 「担当府省庁」列");
    expect(within(screen.getByTestId("problems-warning")).getByRole("button")).toHaveTextContent("経産省.xlsx / Sheet1 2 行目");
  });

  test("the validate tab shows the number of errors so they are seen before generating", async () => {
    await importAndOpenValidation({ "総務省.csv": SOUMU_CSV });
    expect(await screen.findByRole("tab", { name: /2\. 検証/ })).toHaveTextContent("1");
  });

  test("a missing required column names the column and shows the header row that was found", async () => {
    await importAndOpenValidation({ "文科省.csv": MISSING_OWNER });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("必須の列が見つからないため、このデータは取り込んでいません");
    expect(alert).toHaveTextContent("文科省.csv に必須の列「担当府省庁」がありません。");
    expect(within(alert).getByTestId("header-found")).toHaveTextContent("見つかった見出し: 項番 | 府省庁名 | 2023年度年次計画 | 取組の成果");
    expect(alert).toHaveTextContent("見出しを直すか列を追加してから、もう一度取り込んでください。");
  });

  test("clicking a problem on the current sheet selects its cell through the gateway", async () => {
    const gateway = fakeGateway();
    const engine = fakeEngine({
      grid: (_grid, source) =>
        result([draft("(ア)", "総務庁", "・引き続き実施する。", source.file, 5, source.sheet)], [
          { code: "unknown-ministry", severity: "error", file: source.file, sheet: source.sheet, row: 5, column: "担当府省庁", columnIndex: 2, params: { value: "総務庁", suggestion: "総務省" } },
        ]),
    });
    renderPane(gateway, engine);
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    await userEvent.click(await screen.findByRole("button", { name: "次へ: 検証" }));
    await userEvent.click(await screen.findByRole("button", { name: /総務庁/ }));
    await waitFor(() => expect(gateway.selected).toEqual([{ sheet: "入力", row: 5, column: 2 }]));
    expect(await within(screen.getByRole("tabpanel")).findByText("選択しました: 入力!B5")).toBeInTheDocument();
  });

  test("a problem in an imported file cannot be selected in the workbook and the pane says what to do", async () => {
    const { gateway } = await importAndOpenValidation({ "総務省.csv": SOUMU_CSV });
    await userEvent.click(await screen.findByRole("button", { name: /総務庁/ }));
    expect(await screen.findByText(/総務省\.csv はブックの中にないため、セルを選択できません。元のファイルを直して取り込み直してください。/)).toBeInTheDocument();
    expect(gateway.selected).toEqual([]);
  });

  test("validate again re-reads the current sheet, so a cell fixed by hand clears its problem", async () => {
    const gateway = fakeGateway();
    let fixed = false;
    const engine = fakeEngine({
      grid: (_grid, source) =>
        fixed
          ? result([draft("(ア)", "総務省", "・引き続き実施する。", source.file, 2, source.sheet)])
          : result([draft("(ア)", "総務庁", "・引き続き実施する。", source.file, 2, source.sheet)], [
              { code: "unknown-ministry", severity: "error", file: source.file, sheet: source.sheet, row: 2, column: "担当府省庁", columnIndex: 2, params: { value: "総務庁", suggestion: "総務省" } },
            ]),
    });
    renderPane(gateway, engine);
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    await userEvent.click(await screen.findByRole("button", { name: "次へ: 検証" }));
    expect(await screen.findByTestId("count-error")).toHaveTextContent("1");
    fixed = true;
    await userEvent.click(screen.getByRole("button", { name: "再検証" }));
    expect(await within(screen.getByRole("tabpanel")).findByText("再検証しました: エラー 0 件・警告 0 件")).toBeInTheDocument();
    expect(screen.getByTestId("count-error")).toHaveTextContent("0");
    expect(screen.getByText("指摘はありません。")).toBeInTheDocument();
  });

  test("validate again re-reads the sheet that was imported, not whichever sheet is active (after generation it is ダッシュボード)", async () => {
    const gateway = fakeGateway();
    const input = gateway.sheet as { sheetName: string; values: unknown[][] };
    const read: string[] = [];
    gateway.readSheet = async (name) => {
      read.push(name);
      return name === "入力" ? input.values : null;
    };
    const sources: string[] = [];
    const engine = fakeEngine({
      grid: (_grid, source) => {
        sources.push(source.sheet ?? "");
        return result([draft("(ア)", "総務省", "・引き続き実施する。", source.file, 2, source.sheet)]);
      },
    });
    renderPane(gateway, engine);
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    await userEvent.click(await screen.findByRole("button", { name: "次へ: 検証" }));
    // Generation leaves one of our sheets active, with no table of measures on it.
    gateway.sheet = { sheetName: "ダッシュボード", values: [["府省庁", "継続", "拡充"]] };
    await userEvent.click(screen.getByRole("button", { name: "再検証" }));
    expect(await within(screen.getByRole("tabpanel")).findByText("再検証しました: エラー 0 件・警告 0 件")).toBeInTheDocument();
    expect(read.filter((n) => n === "入力")).toHaveLength(1); // (the compare step also looks for its decisions sheet)
    expect(sources).toEqual(["入力", "入力"]);
  });

  test("before anything is imported the step says where to start", async () => {
    renderPane(fakeGateway(), fakeEngine());
    await userEvent.click(screen.getByRole("tab", { name: /検証/ }));
    expect(screen.getByText(/まだデータがありません。/)).toBeInTheDocument();
  });

  test("the validation step has no accessibility violations, with problems and with a missing column", async () => {
    const { view } = await importAndOpenValidation({ "総務省.csv": SOUMU_CSV, "文科省.csv": MISSING_OWNER });
    await screen.findByTestId("problems-error");
    expect(await axe(view.container)).toHaveNoViolations();
  });
});
