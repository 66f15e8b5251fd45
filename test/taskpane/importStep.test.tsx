/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { METI_XLSX, SOUMU_CSV, fakeEngine, fakeGateway } from "./support/fakes";
import { csvFile, renderPane } from "./support/renderPane";

expect.extend(toHaveNoViolations);
// Two cores shared by several runs: rendering Fluent in jsdom can take seconds.
jest.setTimeout(30_000);

describe("取り込み (import step)", () => {
  test("several files picked at once are imported, each listed as its own source with its counts", async () => {
    const engine = fakeEngine({ files: { "総務省.csv": SOUMU_CSV, "経産省.xlsx": METI_XLSX } });
    renderPane(fakeGateway(), engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv"), csvFile("経産省.xlsx")]);
    const list = await screen.findByRole("list", { name: "取り込んだデータ" });
    expect(within(list).getByText("総務省.csv")).toBeInTheDocument();
    expect(within(list).getByText("経産省.xlsx")).toBeInTheDocument();
    expect(within(list).getByText("2 件の施策・指摘 1 件")).toBeInTheDocument();
    expect(within(list).getByText("1 件の施策・指摘 0 件")).toBeInTheDocument();
    expect(engine.calls).toEqual(expect.arrayContaining(["file:総務省.csv", "file:経産省.xlsx"]));
  });

  test("a file that cannot be read is reported in plain words and the other files still import", async () => {
    const engine = fakeEngine({ files: { "総務省.csv": SOUMU_CSV, "壊れた.csv": new Error("unexpected end of data") } });
    renderPane(fakeGateway(), engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("壊れた.csv"), csvFile("総務省.csv")]);
    expect(await screen.findByRole("alert")).toHaveTextContent(/壊れた\.csv を読み込めませんでした/);
    expect(await screen.findByText("総務省.csv")).toBeInTheDocument();
  });

  test("dropping files on the drop zone imports them like picking them", async () => {
    const engine = fakeEngine({ files: { "総務省.csv": SOUMU_CSV } });
    renderPane(fakeGateway(), engine);
    const zone = screen.getByTestId("drop-zone");
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.drop(zone, { dataTransfer: { files: [csvFile("総務省.csv")] } });
    expect(await screen.findByText("総務省.csv")).toBeInTheDocument();
  });

  test("the current sheet is read through the gateway and re-importing it replaces the earlier read", async () => {
    const engine = fakeEngine();
    renderPane(fakeGateway(), engine);
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    expect(await screen.findByText("現在のシート (入力)")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    await waitFor(() => expect(engine.calls.filter((c) => c === "grid:入力")).toHaveLength(2));
    expect(screen.getAllByText("現在のシート (入力)")).toHaveLength(1);
  });

  test("a failure reading the current sheet is shown as the gateway's plain words", async () => {
    const gateway = fakeGateway();
    const { UserFacingError } = await import("../../src/taskpane/gateway/WorkbookGateway");
    gateway.sheet = new UserFacingError("セルの編集中は読み取れません。Enter キーで編集を終えてから、もう一度押してください。");
    renderPane(gateway, fakeEngine());
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("セルの編集中は読み取れません");
  });

  test("an unexpected failure says what happened and what to do next", async () => {
    const gateway = fakeGateway();
    gateway.sheet = new Error("GeneralException");
    renderPane(gateway, fakeEngine());
    await userEvent.click(screen.getByRole("button", { name: "現在のシートを取り込む" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("予期しないエラーが起きました (GeneralException)。もう一度試しても直らない場合は");
  });

  test("pasted tab-separated text is imported as its own source; an empty paste says what to do", async () => {
    const engine = fakeEngine();
    renderPane(fakeGateway(), engine);
    await userEvent.click(screen.getByRole("button", { name: "貼り付けた表を取り込む" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("貼り付け欄が空です");
    const box = screen.getByRole("textbox", { name: /表を貼り付け/ });
    await userEvent.click(box);
    await userEvent.paste("項番\t担当府省庁\t計画\t次年度\n(ア)\t総務省\t・実施する。\t・引き続き実施する。");
    await userEvent.click(screen.getByRole("button", { name: "貼り付けた表を取り込む" }));
    const list = await screen.findByRole("list", { name: "取り込んだデータ" });
    expect(within(list).getByText("貼り付け")).toBeInTheDocument();
    expect(within(list).getByText("1 件の施策・指摘 0 件")).toBeInTheDocument();
  });

  test("the built-in sample is imported through the engine", async () => {
    const engine = fakeEngine();
    renderPane(fakeGateway(), engine);
    await userEvent.click(screen.getByRole("button", { name: "サンプルを取り込む" }));
    expect(await screen.findByText("cs2024-appendix2-page18.txt")).toBeInTheDocument();
  });

  test("a source can be removed with its labelled button", async () => {
    renderPane(fakeGateway(), fakeEngine({ files: { "総務省.csv": SOUMU_CSV } }));
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv")]);
    await userEvent.click(await screen.findByRole("button", { name: "総務省.csv を外す" }));
    expect(screen.getByText("まだ何も取り込んでいません。")).toBeInTheDocument();
  });

  test("the import step has no accessibility violations, empty and with sources", async () => {
    const { container } = renderPane(fakeGateway(), fakeEngine({ files: { "総務省.csv": SOUMU_CSV } }));
    expect(await axe(container)).toHaveNoViolations();
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("総務省.csv")]);
    await screen.findByText("総務省.csv");
    expect(await axe(container)).toHaveNoViolations();
  });
});
