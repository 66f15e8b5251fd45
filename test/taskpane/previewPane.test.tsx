/** @jest-environment jsdom */
/** The preview's own parts: the workbook picker, the language switch, the sheets shown as HTML, the download. */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { createFileGateway, type FileGatewayDeps } from "../../src/taskpane/gateway/fileGateway";
import { SOUMU_CSV, fakeEngine } from "./support/fakes";
import { csvFile, renderPane } from "./support/renderPane";

expect.extend(toHaveNoViolations);
// Two cores shared by several runs: rendering Fluent in jsdom can take seconds.
jest.setTimeout(30_000);

function fileGateway(over: Partial<FileGatewayDeps> = {}) {
  const rendered: string[] = [];
  const deps: FileGatewayDeps = {
    async readWorkbook() {
      return { sheets: [{ name: "入力", values: [["項番", "担当府省庁"], ["(ア)", "総務省"]] }], active: "入力" };
    },
    async renderXlsx(plan) {
      rendered.push(plan.sheets.map((s) => s.name).join(","));
      return new Uint8Array([80, 75, 3, 4]);
    },
    ...over,
  };
  return { gateway: createFileGateway(() => "ja", deps), rendered };
}

describe("browser preview pane", () => {
  test("opening a workbook shows its name; a file that is not a workbook is refused in plain words", async () => {
    const { gateway } = fileGateway({
      async readWorkbook(bytes) {
        if (bytes[0] !== 0x50) throw new Error("End of data reached (data length = 3, asked index = 4). Corrupted zip ?");
        return { sheets: [{ name: "入力", values: [] }], active: "入力" };
      },
    });
    renderPane(gateway, fakeEngine(), "ja", true);
    await userEvent.upload(screen.getByTestId("workbook-input"), new File(["abc"], "総務省.xlsx"));
    expect(await screen.findByText("総務省.xlsx を読み込めませんでした: 総務省.xlsx を Excel ブックとして読めませんでした。.xlsx 形式で保存し直してから開いてください。")).toBeInTheDocument();
    await userEvent.upload(screen.getByTestId("workbook-input"), new File([new Uint8Array([0x50, 0x4b, 3, 4])], "テンプレート.xlsx"));
    expect(await screen.findByText("開いているブック: テンプレート.xlsx")).toBeInTheDocument();
  });

  test("the language can be switched in the preview, and the page's lang follows", async () => {
    const { gateway } = fileGateway();
    renderPane(gateway, fakeEngine(), "ja", true);
    await userEvent.selectOptions(screen.getByLabelText("表示言語"), "en");
    expect(screen.getByRole("tab", { name: /1\. Import/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open workbook (.xlsx)" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
  });

  test("after generating, the sheets are shown as tables, the sheet links switch the view, and the workbook downloads", async () => {
    const { gateway, rendered } = fileGateway();
    const created: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:plan-tables/1";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { container } = renderPane(gateway, fakeEngine({ files: { "総務省.csv": SOUMU_CSV } }), "ja", true);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv")]);
    await screen.findByText("総務省.csv");
    await userEvent.click(screen.getByRole("tab", { name: /集計/ }));
    await userEvent.click(screen.getByRole("button", { name: "集計シートを作成" }));
    const preview = await screen.findByTestId("sheet-preview");
    expect(rendered).toEqual(["施策一覧,検証結果,ダッシュボード"]);
    // The dashboard first, then the measure list when its link is pressed.
    expect(within(preview).getByRole("combobox", { name: "表示するシート" })).toHaveValue("dashboard");
    await userEvent.click(screen.getByRole("button", { name: "「施策一覧」シートを開く" }));
    expect(within(preview).getByRole("combobox", { name: "表示するシート" })).toHaveValue("measures");
    const table = within(preview).getByTestId("preview-table");
    expect(within(table).getByText("2.1(1)(イ)")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "ブックをダウンロード (.xlsx)" }));
    expect(clicks).toEqual(["施策一覧_集計.xlsx"]);
    expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(await axe(container)).toHaveNoViolations();
  });

  test("writing the workbook can be cancelled in the preview: progress names the sheet, the render stops, nothing is offered for download", async () => {
    const signals: AbortSignal[] = [];
    const { gateway } = fileGateway({
      renderXlsx(plan, _base, onProgress, signal) {
        signals.push(signal!);
        onProgress?.({ phase: "sheet", done: 0, total: plan.sheets.length, sheet: "施策一覧" });
        // A long render, stopped only by the signal (the real renderer checks it between pieces).
        return new Promise((_, reject) =>
          signal!.addEventListener("abort", () => reject(new DOMException("The writing was cancelled", "AbortError")))
        );
      },
    });
    renderPane(gateway, fakeEngine({ files: { "総務省.csv": SOUMU_CSV } }), "ja", true);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv")]);
    await screen.findByText("総務省.csv");
    await userEvent.click(screen.getByRole("tab", { name: /集計/ }));
    await userEvent.click(screen.getByRole("button", { name: "集計シートを作成" }));
    expect(await screen.findByText(/ブックを作成: 施策一覧/)).toBeInTheDocument();
    // Unlike Excel's writing, the preview's can be stopped: no "runs to its end" hint.
    expect(screen.queryByText(/書き込みは途中で止めず/)).not.toBeInTheDocument();
    const cancel = screen.getByRole("button", { name: "取り消す" });
    expect(cancel).toBeEnabled();
    await userEvent.click(cancel);
    // Said in the step and by the screen-reader announcer.
    expect(await screen.findAllByText("作成を取り消しました。ブックは変更していません。")).toHaveLength(2);
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(true);
    expect(gateway.download()).toBeNull();
    expect(screen.queryByRole("button", { name: "ブックをダウンロード (.xlsx)" })).not.toBeInTheDocument();
  });
});
