/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import type { GenerateOutcome, GenerateProgress } from "../../src/taskpane/gateway/WorkbookGateway";
import { UserFacingError } from "../../src/taskpane/gateway/WorkbookGateway";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { METI_XLSX, MISSING_OWNER, SOUMU_CSV, fakeEngine, fakeGateway } from "./support/fakes";
import { csvFile, renderPane } from "./support/renderPane";

expect.extend(toHaveNoViolations);
// Two cores shared by several runs: rendering Fluent in jsdom can take seconds.
jest.setTimeout(30_000);

async function importThenGenerateStep(files: Record<string, typeof SOUMU_CSV>, gateway = fakeGateway(), lang: "ja" | "en" = "ja") {
  const engine = fakeEngine({ files });
  const view = renderPane(gateway, engine, lang);
  await userEvent.upload(screen.getByTestId("file-input"), Object.keys(files).map((n) => csvFile(n)));
  await screen.findByText(Object.keys(files)[0]);
  await userEvent.click(screen.getByRole("tab", { name: lang === "ja" ? /集計/ : /Generate/ }));
  return { engine, gateway, view };
}

describe("集計 (generate step)", () => {
  test("generating shows the current step on a progress bar, then a summary with counts per status", async () => {
    const gateway = fakeGateway();
    let release!: () => void;
    let report!: (p: GenerateProgress) => void;
    gateway.applyImpl = (plan: WorkbookPlan, onProgress) =>
      new Promise<GenerateOutcome>((resolve) => {
        report = onProgress!;
        release = () => resolve({ sheets: plan.sheets.map((s) => ({ key: s.key, name: s.name, kind: s.kind })), replaced: [] });
      });
    const { engine } = await importThenGenerateStep({ "総務省.csv": SOUMU_CSV, "経産省.xlsx": METI_XLSX }, gateway);
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    await waitFor(() => expect(report).toBeDefined());
    act(() => report({ step: "府省庁別シート", done: 3, total: 5 }));
    // Planning was the first half; the gateway's steps fill the second.
    expect(await screen.findByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.8");
    expect(screen.getByText("府省庁別シート (3/5)")).toBeInTheDocument();
    await act(async () => release());
    const summary = await screen.findByTestId("generate-summary");
    expect(summary).toHaveTextContent("集計シートを 3 枚作成しました");
    expect(summary).not.toHaveTextContent("3 枚のシートを作成しました。");
    expect(within(summary).getByTestId("status-count-continuing")).toHaveTextContent("1");
    expect(within(summary).getByTestId("status-count-expanded")).toHaveTextContent("1");
    expect(within(summary).getByTestId("status-count-ended")).toHaveTextContent("1");
    expect(within(summary).getByTestId("status-count-new")).toHaveTextContent("0");
    expect(engine.calls).toContain("plan:ja:3");
  });

  test("the dashboard button brings the generated dashboard into view through the gateway", async () => {
    const gateway = fakeGateway();
    await importThenGenerateStep({ "総務省.csv": SOUMU_CSV }, gateway);
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    await userEvent.click(await screen.findByRole("button", { name: "ダッシュボードを開く" }));
    expect(gateway.shown).toEqual(["dashboard"]);
    await userEvent.click(screen.getByRole("button", { name: "「施策一覧」シートを開く" }));
    expect(gateway.shown).toEqual(["dashboard", "measures"]);
  });

  test("generating again says the earlier generated sheets were replaced, and only those", async () => {
    const gateway = fakeGateway();
    let runs = 0;
    gateway.applyImpl = async (plan) => {
      runs += 1;
      return { sheets: plan.sheets.map((s) => ({ key: s.key, name: s.name, kind: s.kind })), replaced: runs > 1 ? plan.sheets.map((s) => s.name) : [] };
    };
    await importThenGenerateStep({ "総務省.csv": SOUMU_CSV }, gateway);
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    expect(await screen.findByText("作り直すと、このツールが作ったシートだけを置き換えます。ほかのシートはそのままです。")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "集計シートを作り直す" }));
    expect(await screen.findByText(/以前に作成した 3 枚のシートを置き換えました。/)).toBeInTheDocument();
  });

  test("nothing is written while a source lacks a required column", async () => {
    const gateway = fakeGateway();
    const apply = jest.spyOn(gateway, "applyPlan");
    await importThenGenerateStep({ "総務省.csv": SOUMU_CSV, "文科省.csv": MISSING_OWNER }, gateway);
    expect(await screen.findByTestId("generate-blocked")).toHaveTextContent("文科省.csv は取り込めなかったため、集計できません。「取り込み」で ✕ を押して外すか");
    expect(screen.getByRole("button", { name: "集計シートを作成" })).toBeDisabled();
    expect(apply).not.toHaveBeenCalled();
  });

  test("with no measures the button is disabled and the step says to import first", async () => {
    renderPane(fakeGateway(), fakeEngine());
    await userEvent.click(screen.getByRole("tab", { name: /集計/ }));
    expect(screen.getByText("施策がありません。先に「取り込み」でデータを取り込んでください。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "集計シートを作成" })).toBeDisabled();
  });

  test("a failure while writing is shown in plain words under a clear title", async () => {
    const gateway = fakeGateway();
    gateway.applyImpl = async () => {
      throw new UserFacingError("Excel の応答がありません。ブックを保存してから、もう一度作成してください。");
    };
    await importThenGenerateStep({ "総務省.csv": SOUMU_CSV }, gateway);
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("集計シートを作成できませんでした");
    expect(alert).toHaveTextContent("Excel の応答がありません。ブックを保存してから、もう一度作成してください。");
  });

  test("the plan is built in the pane's language: English when Office is in English", async () => {
    const { engine } = await importThenGenerateStep({ "総務省.csv": SOUMU_CSV }, fakeGateway(), "en");
    await userEvent.click(await screen.findByRole("button", { name: "Generate summary sheets" }));
    expect(await within(screen.getByRole("tabpanel")).findByText("Created 3 summary sheets")).toBeInTheDocument();
    expect(screen.getByTestId("announcer")).toHaveTextContent("Created 3 summary sheets");
    expect(screen.getByRole("rowheader", { name: "Continuing" })).toBeInTheDocument();
    expect(engine.calls).toContain("plan:en:2");
  });

  test("the generate step has no accessibility violations before and after generating", async () => {
    const { view } = await importThenGenerateStep({ "総務省.csv": SOUMU_CSV });
    expect(await axe(view.container)).toHaveNoViolations();
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    await screen.findByTestId("generate-summary");
    expect(await axe(view.container)).toHaveNoViolations();
  });
});
