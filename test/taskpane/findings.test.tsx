/** @jest-environment jsdom */
/**
 * Issue 15's findings, through the pane as a user drives it: a rejected file looks rejected and
 * says how to go on, problems come grouped by kind, generation can be cancelled, focus and the
 * live region follow each result, the preview shows the selected cell, the sample is at hand.
 */
import "@testing-library/jest-dom";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Problem } from "../../src/domain/model";
import { createFileGateway } from "../../src/taskpane/gateway/fileGateway";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { MISSING_OWNER, SOUMU_CSV, draft, fakeEngine, fakeGateway, result } from "./support/fakes";
import { csvFile, renderPane } from "./support/renderPane";

jest.setTimeout(30_000);

describe("a rejected file (finding 3)", () => {
  test("looks rejected, says why and that ✕ unblocks the rest; 次へ: 集計 is disabled with the reason until it is removed", async () => {
    const engine = fakeEngine({ files: { "総務省.csv": SOUMU_CSV, "文科省.csv": MISSING_OWNER } });
    engine.problemMessage = (p) => (p.code === "missing-label" ? "必須の列「担当府省庁」が見つかりません。" : p.code);
    renderPane(fakeGateway(), engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv"), csvFile("文科省.csv")]);
    const list = await screen.findByRole("list", { name: "取り込んだデータ" });
    const rejected = within(list).getByText("文科省.csv").closest("li")!;
    await waitFor(() => expect(rejected).toHaveTextContent("必須の列「担当府省庁」が見つかりません。"));
    expect(rejected).toHaveAttribute("data-rejected", "true");
    expect(within(rejected).getByText("取り込めませんでした")).toBeInTheDocument();
    expect(rejected).toHaveTextContent("✕ で外すと、ほかのデータで集計できます。");
    expect(rejected).not.toHaveTextContent("0 件の施策");

    await userEvent.click(screen.getByRole("button", { name: "次へ: 検証" }));
    const next = await screen.findByRole("button", { name: "次へ: 集計" });
    expect(next).toBeDisabled();
    expect(next).toHaveAccessibleDescription(/文科省\.csv は取り込めなかったため、集計できません。「取り込み」で ✕ を押して外すか/);

    await userEvent.click(screen.getByRole("tab", { name: /取り込み/ }));
    await userEvent.click(screen.getByRole("button", { name: "文科省.csv を外す" }));
    await userEvent.click(screen.getByRole("tab", { name: /検証/ }));
    await waitFor(() => expect(screen.getByRole("button", { name: "次へ: 集計" })).toBeEnabled());
    expect(screen.queryByTestId("next-blocked")).toBeNull();
  });
});

describe("problems grouped by kind (finding 5)", () => {
  test("thousands of one kind show as one group with its count and a few examples; more on request", async () => {
    const bare: Problem[] = Array.from({ length: 2400 }, (_, i) => ({
      code: "malformed-id",
      severity: "error",
      file: "大量.csv",
      row: i + 2,
      column: "項番",
      params: { value: String(i + 1) },
    }));
    const unknown: Problem = { code: "unknown-ministry", severity: "error", file: "大量.csv", row: 5, column: "担当府省庁", params: { value: "総務庁", suggestion: "総務省" } };
    const engine = fakeEngine({ files: { "大量.csv": result([draft("1", "総務省", "・実施する。", "大量.csv", 2)], [...bare, unknown]) } });
    engine.problemMessage = (p) => (p.code === "malformed-id" ? `項番「${p.params?.value}」の形式が正しくありません` : `府省庁名「${p.params?.value}」が一覧にありません`);
    renderPane(fakeGateway(), engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("大量.csv")]);
    await userEvent.click(await screen.findByRole("button", { name: "次へ: 検証" }));
    const errors = await screen.findByTestId("problems-error");
    expect(within(errors).getByRole("heading", { level: 2 })).toHaveTextContent("エラー (2401 件)");
    const kind = within(errors).getByTestId("kind-malformed-id");
    expect(within(kind).getByRole("heading", { level: 3 })).toHaveTextContent("(2400 件)");
    expect(within(kind).getAllByRole("listitem")).toHaveLength(3);
    expect(within(errors).getByTestId("kind-unknown-ministry")).toHaveTextContent("府省庁名「総務庁」が一覧にありません (1 件)");
    await userEvent.click(within(kind).getByRole("button", { name: "さらに 100 件を表示" }));
    expect(within(kind).getAllByRole("listitem")).toHaveLength(103);
    expect(within(kind).getAllByRole("listitem")[102]).toHaveTextContent("項番「103」");
  });
});

describe("generation (findings 6 and 8)", () => {
  test("shows the planning step first, can be cancelled before writing, and then writes nothing", async () => {
    const gateway = fakeGateway();
    const apply = jest.spyOn(gateway, "applyPlan");
    const engine = fakeEngine({ files: { "総務省.csv": SOUMU_CSV } });
    let finishPlan!: () => void;
    const realPlan = engine.buildPlan.bind(engine);
    engine.buildPlan = (table, lang) => new Promise<WorkbookPlan>((resolve) => (finishPlan = () => void realPlan(table, lang).then(resolve)));
    renderPane(gateway, engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv")]);
    await screen.findByText("総務省.csv");
    await userEvent.click(screen.getByRole("tab", { name: /集計/ }));
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    expect(await screen.findByText("集計を計算")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "取り消す" }));
    expect(screen.getByRole("button", { name: "取り消しています…" })).toBeDisabled();
    await act(async () => finishPlan());
    expect(await within(screen.getByRole("tabpanel")).findByText("作成を取り消しました。ブックは変更していません。")).toBeInTheDocument();
    expect(apply).not.toHaveBeenCalled();
    expect(screen.getByTestId("announcer")).toHaveTextContent("作成を取り消しました。");
  });

  test("when the sheets are made, focus moves to the result and the live region says it once (no repeated sentence)", async () => {
    renderPane(fakeGateway(), fakeEngine({ files: { "総務省.csv": SOUMU_CSV } }));
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv")]);
    await screen.findByText("総務省.csv");
    await userEvent.click(screen.getByRole("tab", { name: /集計/ }));
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    const summary = await screen.findByTestId("generate-summary");
    await waitFor(() => expect(document.activeElement?.id).toBe("result-generate"));
    expect(summary).toHaveTextContent("集計シートを 3 枚作成しました");
    expect(summary.textContent!.match(/作成しました/g)).toHaveLength(1);
    expect(screen.getByTestId("announcer")).toHaveTextContent("集計シートを 3 枚作成しました");
  });
});

describe("feedback where the eye is (findings 2 and 8)", () => {
  test("after importing the sample, focus is on the imported list (not <body>) and the import is announced", async () => {
    renderPane(fakeGateway(), fakeEngine());
    await userEvent.click(screen.getByRole("button", { name: "サンプルを取り込む" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("result-import"));
    expect(document.activeElement).toHaveTextContent("取り込んだデータ");
    expect(screen.getByTestId("announcer")).toHaveTextContent("取り込みました: 1 件のデータ・1 件の施策・指摘 0 件");
  });

  test("a failed import moves focus to the result too, where the error is", async () => {
    const gateway = fakeGateway();
    const { UserFacingError } = await import("../../src/taskpane/gateway/WorkbookGateway");
    gateway.sheet = new UserFacingError("セルの編集中は読み取れません。");
    renderPane(gateway, fakeEngine());
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("result-import"));
    expect(document.activeElement!.parentElement).toHaveTextContent("セルの編集中は読み取れません。");
  });

  test("in the preview with no workbook, the sample is the primary button next to the current sheet's", async () => {
    renderPane(createFileGateway(() => "ja"), fakeEngine(), "ja", true);
    expect(screen.getByText("ブックを開くと使えます。まずはサンプルで試せます。")).toBeInTheDocument();
    const shortcut = screen.getByTestId("sample-shortcut");
    expect(shortcut).toHaveClass("fui-Button");
    expect(shortcut.className).not.toBe(screen.getByRole("button", { name: "現在のシートを取り込む" }).className);
    await userEvent.click(shortcut);
    expect(await screen.findByText("cs2024-appendix2-page18.txt")).toBeInTheDocument();
  });
});

describe("a problem clicked in the preview (finding 10)", () => {
  test("shows the rows around its cell with the cell highlighted", async () => {
    const gateway = createFileGateway(() => "ja", {
      async readWorkbook() {
        return {
          sheets: [
            {
              name: "入力",
              values: [
                ["項番", "担当府省庁", "2023年度年次計画", "成果", "2024年度年次計画"],
                ["(ア)", "総務省", "・実施する。", "・実施した。", "・継続する。"],
                ["(イ)", "総務庁", "・実施する。", "・実施した。", "・継続する。"],
              ],
            },
          ],
          active: "入力",
        };
      },
      async renderXlsx() {
        return new Uint8Array();
      },
    });
    const engine = fakeEngine({
      grid: (_g, source) =>
        result([draft("(イ)", "総務庁", "・継続する。", source.file, 3, source.sheet)], [
          { code: "unknown-ministry", severity: "error", file: source.file, sheet: source.sheet, row: 3, column: "担当府省庁", columnIndex: 2, params: { value: "総務庁", suggestion: "総務省" } },
        ]),
    });
    renderPane(gateway, engine, "ja", true);
    await userEvent.upload(screen.getByTestId("workbook-input"), new File([new Uint8Array([0x50, 0x4b])], "テンプレート.xlsx"));
    await screen.findByText("開いているブック: テンプレート.xlsx");
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    await userEvent.click(await screen.findByRole("button", { name: "次へ: 検証" }));
    await userEvent.click(await screen.findByRole("button", { name: /総務庁/ }));
    const preview = await screen.findByTestId("cell-preview");
    const cell = within(preview).getByText("総務庁");
    expect(cell).toHaveAttribute("data-selected", "true");
    expect(cell).toHaveAttribute("aria-current", "true");
    expect(within(preview).getByRole("columnheader", { name: "B" })).toBeInTheDocument();
    expect(within(preview).getByRole("rowheader", { name: "3" })).toBeInTheDocument();
  });
});

describe("the steps (finding 8: axe's aria-hidden-focus on Fluent TabList's focus sentinels)", () => {
  test("a tablist with one tab stop and no hidden focusable helpers; ←/→, Home and End move between steps", async () => {
    const { container } = renderPane(fakeGateway(), fakeEngine());
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("tabindex"))).toEqual(["0", "-1", "-1", "-1"]);
    expect(container.querySelectorAll('[aria-hidden="true"][tabindex="0"], [data-tabster-dummy]')).toHaveLength(0);
    tabs[0].focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: /2\. 検証/ })).toHaveFocus();
    expect(screen.getByRole("tab", { name: /2\. 検証/ })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName(/2\. 検証/);
    await userEvent.keyboard("{End}");
    expect(screen.getByRole("tab", { name: /4\. 集計/ })).toHaveFocus();
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: /1\. 取り込み/ })).toHaveFocus();
    await userEvent.keyboard("{ArrowLeft}{Home}");
    expect(screen.getByRole("tab", { name: /1\. 取り込み/ })).toHaveAttribute("aria-selected", "true");
  });
});
