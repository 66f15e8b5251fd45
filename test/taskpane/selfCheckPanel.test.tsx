/** @jest-environment jsdom */
/**
 * The 動作確認 button: runs the self-check and shows its report to copy. The report itself comes
 * from src/excel/selfCheck.ts, tested through the real Excel client library in
 * test/excel/selfCheck.test.ts; here it is the real report of a simulated Excel.
 */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SelfCheckPanel } from "../../src/taskpane/components/SelfCheckPanel";
import "./support/renderPane"; // jsdom lacks ResizeObserver: the pane tests' stand-in
import type { RunSelfCheck } from "../../src/taskpane/gateway/selfCheckGateway";

const REPORT = "Plan Tables 動作確認\nExcel: Excel / OfficeOnline / 16.0\nOK  見本の生成: 3 syncs, 120 ms\nNG  32 文字のシート名を拒否する: a 32-character name was accepted";

test.each([
  ["ja", /動作確認を実行/, /合格しなかった確認があります/],
  ["en", /Run self-check/, /Some checks did not pass/],
] as const)("(%s) the button runs the check once and shows the report to copy", async (lang, button, verdict) => {
  const calls: string[] = [];
  const run: RunSelfCheck = async (l) => {
    calls.push(l);
    return { ok: false, text: REPORT };
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <SelfCheckPanel lang={lang} run={run} />
    </FluentProvider>,
  );
  await userEvent.click(screen.getByRole("button", { name: button }));
  expect(await screen.findByText(verdict)).toBeInTheDocument();
  expect(screen.getByRole("textbox")).toHaveValue(REPORT);
  expect(calls).toEqual([lang]);
});
