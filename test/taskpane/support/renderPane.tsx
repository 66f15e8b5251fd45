import * as React from "react";
import { configure, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../../src/domain/model";
import { App } from "../../../src/taskpane/components/App";
import type { WorkbookGateway } from "../../../src/taskpane/gateway/WorkbookGateway";
import type { PlanEngine } from "../../../src/taskpane/services/engine";

// jsdom has no ResizeObserver; Fluent's TabList observes its size for the selection indicator.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
w.ResizeObserver ??= NoopResizeObserver;
// Two cores shared by several test runs: the first render of Fluent can take more than a second.
configure({ asyncUtilTimeout: 5000 });

export function renderPane(gateway: WorkbookGateway, engine: PlanEngine, lang: Lang = "ja", canSwitchLanguage = false) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} loadEngine={async () => engine} initialLang={lang} canSwitchLanguage={canSwitchLanguage} />
    </FluentProvider>,
  );
}

export function csvFile(name: string, text = "項番,担当府省庁\n"): File {
  return new File([text], name, { type: "text/csv" });
}
