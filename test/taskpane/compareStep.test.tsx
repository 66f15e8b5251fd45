/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { axe, toHaveNoViolations } from "jest-axe";
import type { PairDecision } from "../../src/domain/compare/compareEditions";
import type { Lang, PlanTable } from "../../src/domain/model";
import { CompareStep } from "../../src/taskpane/compare/CompareStep";
import type { PlanEngine } from "../../src/taskpane/services/engine";
import {
  editionMeasures,
  generateEditions,
  type Edition,
} from "../domain/compare/editionGenerator";
import { csvFile } from "./support/renderPane";

expect.extend(toHaveNoViolations);
// A shared two-core machine renders Fluent slowly; the step itself does no waiting.
jest.setTimeout(30_000);

/** An edition as the importers would give it (drafts finalised), from generated realistic rows. */
function table(e: Edition): PlanTable {
  return { measures: editionMeasures(e), problems: [], fiscalYears: e.fiscalYears };
}

const g = generateEditions({ seed: 5, measures: 20, added: 3 });
const current = table(g.after);
const previous = table(g.before);

function engineFor(result: PlanTable): PlanEngine & { calls: string[] } {
  const calls: string[] = [];
  const unused = async () => {
    throw new Error("not used");
  };
  return {
    calls,
    async importFile(name) {
      calls.push(`file:${name}`);
      return { drafts: [], problems: [], fiscalYears: result.fiscalYears };
    },
    importText: unused,
    importGrid: unused,
    importSample: unused,
    async buildTable(results) {
      calls.push(`build:${results.length}`);
      return result;
    },
    buildPlan: unused,
    problemMessage: () => "",
  };
}

function Harness({
  engine,
  lang = "ja",
  onChange,
}: {
  engine: PlanEngine;
  lang?: Lang;
  onChange?: (d: PairDecision[]) => void;
}) {
  const [decisions, setDecisions] = React.useState<PairDecision[]>([]);
  return (
    <FluentProvider theme={webLightTheme}>
      <CompareStep
        lang={lang}
        current={current}
        loadEngine={async () => engine}
        decisions={decisions}
        onDecisionsChange={(d) => {
          setDecisions(d);
          onChange?.(d);
        }}
      />
    </FluentProvider>
  );
}

async function addLastYear(
  engine = engineFor(previous),
  lang: Lang = "ja",
  onChange?: (d: PairDecision[]) => void
) {
  const view = render(<Harness engine={engine} lang={lang} onChange={onChange} />);
  await userEvent.upload(screen.getByTestId("previous-file-input"), [
    csvFile("2023年度-1.csv"),
    csvFile("2023年度-2.csv"),
  ]);
  await screen.findByTestId("compare-summary");
  return { view, engine };
}

const summaryNumbers = () =>
  (screen.getByTestId("compare-summary").textContent ?? "").match(/\d+/gu)!.map(Number);

describe("前年度と比較 (compare step)", () => {
  test("last year's files give the summary and the pairs to review, lowest score first", async () => {
    const { engine } = await addLastYear();
    expect(engine.calls).toEqual(["file:2023年度-1.csv", "file:2023年度-2.csv", "build:2"]);
    expect(screen.getByRole("status")).toHaveTextContent(
      `前年度(2023/2024)の施策 ${previous.measures.length} 件を読み込みました。`
    );
    const [continued, added, removed] = summaryNumbers();
    expect(continued).toBe(g.crosswalk.pairs.length);
    expect(added).toBe(g.crosswalk.added.length);
    expect(removed).toBe(g.crosswalk.removed.length);
    const items = within(screen.getByTestId("review-list")).getAllByRole("listitem");
    const scores = items.map((li) => Number(/(?:一致度) ([\d.]+)/u.exec(li.textContent ?? "")![1]));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(items.length).toBeGreaterThanOrEqual(g.crosswalk.pairs.length);
  });

  test("unlinking a pair makes its measures removed and added, and records the decision", async () => {
    const changes: PairDecision[][] = [];
    await addLastYear(undefined, "ja", (d) => changes.push(d));
    const [b, a] = g.crosswalk.pairs[0];
    await userEvent.click(screen.getByRole("button", { name: `対応を解除 ${b} → ${a}` }));
    expect(changes.at(-1)).toEqual([{ before: b, after: a, decision: "unlink" }]);
    const [continued, added, removed] = summaryNumbers();
    expect([continued, added, removed]).toEqual([
      g.crosswalk.pairs.length - 1,
      g.crosswalk.added.length + 1,
      g.crosswalk.removed.length + 1,
    ]);
    expect(
      within(screen.getByTestId("decision-list")).getByText(`対応解除: ${b} → ${a}`)
    ).toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: `対応を解除 ${b} → ${a}` })
    ).not.toBeInTheDocument();

    // Undo brings the pair back.
    await userEvent.click(screen.getByRole("button", { name: `取り消す ${b} → ${a}` }));
    expect(summaryNumbers()[0]).toBe(g.crosswalk.pairs.length);
  });

  test("confirming a pair takes it off the review list; linking by hand pairs two measures", async () => {
    const changes: PairDecision[][] = [];
    await addLastYear(undefined, "ja", (d) => changes.push(d));
    const [b, a] = g.crosswalk.pairs[1];
    await userEvent.click(screen.getByRole("button", { name: `確認 ${b} → ${a}` }));
    expect(screen.queryByRole("button", { name: `確認 ${b} → ${a}` })).not.toBeInTheDocument();
    const removedId = g.crosswalk.removed[0].id;
    const addedId = g.crosswalk.added[0];
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "前年度のみの施策" }),
      removedId
    );
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "今年度の新規の施策" }),
      addedId
    );
    await userEvent.click(screen.getByRole("button", { name: "対応付ける" }));
    expect(changes.at(-1)).toEqual([
      { before: b, after: a, decision: "confirm" },
      { before: removedId, after: addedId, decision: "link" },
    ]);
    expect(summaryNumbers()[0]).toBe(g.crosswalk.pairs.length + 1);
  });

  test("files of several older editions are split by their years, as the CLI splits them: last year's is compared", async () => {
    // 2023/2024 (last year) in two files around a 2022/2023 file, as a merged folder gives them.
    const older = table({
      ...generateEditions({ seed: 6, measures: 15, added: 2 }).before,
      fiscalYears: { plan: 2022, next: 2023 },
    });
    const calls: string[] = [];
    const engine: PlanEngine = {
      ...engineFor(previous),
      async importFile(name) {
        calls.push(`file:${name}`);
        const fiscalYears = name.startsWith("2022") ? older.fiscalYears : previous.fiscalYears;
        return { drafts: [], problems: [], fiscalYears };
      },
      async buildTable(results) {
        calls.push(`build:${results.length}:${results[0].fiscalYears?.plan}`);
        return results[0].fiscalYears?.plan === 2022 ? older : previous;
      },
    };
    const olderChanges: PlanTable[][] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <CompareStep
          lang="ja"
          current={current}
          loadEngine={async () => engine}
          decisions={[]}
          onDecisionsChange={() => undefined}
          onOlderChange={(o) => olderChanges.push(o)}
        />
      </FluentProvider>
    );
    await userEvent.upload(screen.getByTestId("previous-file-input"), [
      csvFile("2023年度-1.csv"),
      csvFile("2022年度.csv"),
      csvFile("2023年度-2.csv"),
    ]);
    await screen.findByTestId("compare-summary");
    // One table per edition, never the three files merged into one.
    expect(calls).toEqual([
      "file:2023年度-1.csv",
      "file:2022年度.csv",
      "file:2023年度-2.csv",
      "build:2:2023",
      "build:1:2022",
    ]);
    expect(screen.getByRole("status")).toHaveTextContent(
      `前年度(2023/2024)の施策 ${previous.measures.length} 件を読み込みました。 それ以前の年度(2022/2023)の表は、年度ごとの推移に加えます。`
    );
    const [continued, added, removed] = summaryNumbers();
    expect([continued, added, removed]).toEqual([
      g.crosswalk.pairs.length,
      g.crosswalk.added.length,
      g.crosswalk.removed.length,
    ]);
    expect(olderChanges).toEqual([[older]]);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("this year's files among last year's are set aside; only this year's are refused", async () => {
    const engine: PlanEngine = {
      ...engineFor(previous),
      async importFile(name) {
        const fiscalYears = name.startsWith("2024") ? current.fiscalYears : previous.fiscalYears;
        return { drafts: [], problems: [], fiscalYears };
      },
      async buildTable(results) {
        return results[0].fiscalYears?.plan === 2024 ? current : previous;
      },
    };
    render(<Harness engine={engine} />);
    await userEvent.upload(screen.getByTestId("previous-file-input"), [
      csvFile("2024年度.csv"),
      csvFile("2023年度.csv"),
    ]);
    await screen.findByTestId("compare-summary");
    expect(screen.getByRole("status")).toHaveTextContent(
      `前年度(2023/2024)の施策 ${previous.measures.length} 件を読み込みました。`
    );
    // The set-aside file is said, not dropped in silence.
    expect(screen.getByRole("status")).toHaveTextContent(
      "今年度以降の年度(2024/2025)のファイル 1 件は比較に使いません。"
    );
    expect(summaryNumbers()[0]).toBe(g.crosswalk.pairs.length);
  });

  test("files of this year's edition are refused with a plain message", async () => {
    render(<Harness engine={engineFor(current)} />);
    await userEvent.upload(screen.getByTestId("previous-file-input"), [csvFile("2024年度.csv")]);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "追加したファイルは今年度と同じ年度の表です。前年度の表を指定してください。"
    );
  });

  test("English, and no accessibility violations", async () => {
    const { view } = await addLastYear(undefined, "en");
    expect(screen.getByRole("button", { name: "Add last year's files" })).toBeInTheDocument();
    expect(screen.getByTestId("compare-summary")).toHaveTextContent(
      /\d+ continued, \d+ added, \d+ only last year, \d+ to review/u
    );
    expect(await axe(view.container)).toHaveNoViolations();
  });
});

describe("前年度と比較 inside the pane", () => {
  /** The fake engine whose files' tables are the generated editions (its own finalisation is simpler). */
  async function twoYearEngine() {
    const { fakeEngine } = await import("./support/fakes");
    const fake = fakeEngine({
      files: {
        "2024年度.csv": { drafts: [], problems: [], fiscalYears: current.fiscalYears },
        "2023年度.csv": { drafts: [], problems: [], fiscalYears: previous.fiscalYears },
      },
    });
    return {
      ...fake,
      buildTable: async (rs: { fiscalYears: unknown }[]) =>
        rs[0].fiscalYears === current.fiscalYears ? current : previous,
    };
  }

  test("the step's decisions reach the workbook: generation writes 年度比較 and 比較の確認 with them", async () => {
    const { fakeGateway } = await import("./support/fakes");
    const { renderPane } = await import("./support/renderPane");
    const { readDecisions } = await import("../../src/workbook/decisionsSheet");
    const engine = await twoYearEngine();
    const gateway = fakeGateway();
    const applied: import("../../src/workbook/plan").WorkbookPlan[] = [];
    gateway.applyImpl = async (plan) => {
      applied.push(plan);
      return {
        sheets: plan.sheets.map((s) => ({ key: s.key, name: s.name, kind: s.kind })),
        replaced: [],
      };
    };
    renderPane(gateway, engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("2024年度.csv")]);
    await screen.findByRole("button", { name: "次へ: 検証" });
    await userEvent.click(screen.getByRole("tab", { name: /前年度と比較/u }));
    await userEvent.upload(screen.getByTestId("previous-file-input"), [csvFile("2023年度.csv")]);
    await screen.findByTestId("compare-summary");
    const [b, a] = g.crosswalk.pairs[0];
    await userEvent.click(screen.getByRole("button", { name: `対応を解除 ${b} → ${a}` }));
    await userEvent.click(screen.getByRole("tab", { name: /集計/u }));
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    await screen.findByTestId("generate-summary");
    const plan = applied.at(-1)!;
    expect(plan.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["年度比較", "比較の確認"])
    );
    const decisionsSheet = plan.sheets.find((s) => s.name === "比較の確認")!;
    expect(readDecisions(decisionsSheet.blocks[0].values)).toEqual([
      { before: b, after: a, decision: "unlink" },
    ]);
  });
  test("an older edition added with last year's reaches 年度比較's status per fiscal year", async () => {
    const { fakeEngine, fakeGateway } = await import("./support/fakes");
    const { renderPane } = await import("./support/renderPane");
    const { COMPARISON_STRINGS } = await import("../../src/workbook/comparisonStrings");
    const older = table({
      ...generateEditions({ seed: 6, measures: 15, added: 2 }).before,
      fiscalYears: { plan: 2022, next: 2023 },
    });
    const fake = fakeEngine({
      files: {
        "2024年度.csv": { drafts: [], problems: [], fiscalYears: current.fiscalYears },
        "2023年度.csv": { drafts: [], problems: [], fiscalYears: previous.fiscalYears },
        "2022年度.csv": { drafts: [], problems: [], fiscalYears: older.fiscalYears },
      },
    });
    const byPlan = new Map([current, previous, older].map((t) => [t.fiscalYears!.plan, t]));
    const engine = {
      ...fake,
      buildTable: async (rs: { fiscalYears: { plan: number } | null }[]) =>
        byPlan.get(rs[0].fiscalYears!.plan)!,
    };
    const gateway = fakeGateway();
    const applied: import("../../src/workbook/plan").WorkbookPlan[] = [];
    gateway.applyImpl = async (plan) => {
      applied.push(plan);
      return {
        sheets: plan.sheets.map((s) => ({ key: s.key, name: s.name, kind: s.kind })),
        replaced: [],
      };
    };
    renderPane(gateway, engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("2024年度.csv")]);
    await screen.findByRole("button", { name: "次へ: 検証" });
    await userEvent.click(screen.getByRole("tab", { name: /前年度と比較/u }));
    await userEvent.upload(screen.getByTestId("previous-file-input"), [
      csvFile("2022年度.csv"),
      csvFile("2023年度.csv"),
    ]);
    await screen.findByTestId("compare-summary");
    await userEvent.click(screen.getByRole("tab", { name: /集計/u }));
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    await screen.findByTestId("generate-summary");
    const sheet = applied.at(-1)!.sheets.find((s) => s.name === "年度比較")!;
    const cells = sheet.blocks.flatMap((b) => b.values.flat());
    const year = COMPARISON_STRINGS.ja.year;
    for (const plan of [2022, 2023, 2024]) expect(cells).toContain(year(plan));
  });

  test("decisions already on the workbook's 比較の確認 sheet are read back and kept on regeneration", async () => {
    const { fakeGateway } = await import("./support/fakes");
    const { renderPane } = await import("./support/renderPane");
    const { readDecisions } = await import("../../src/workbook/decisionsSheet");
    const engine = await twoYearEngine();
    const [b, a] = g.crosswalk.pairs[2];
    const gateway = Object.assign(fakeGateway(), {
      readSheet: async (name: string) =>
        name === "比較の確認"
          ? [
              ["前年度項番", "今年度項番", "判断"],
              [b, a, "対応解除"],
            ]
          : null,
    });
    const applied: import("../../src/workbook/plan").WorkbookPlan[] = [];
    gateway.applyImpl = async (plan) => {
      applied.push(plan);
      return {
        sheets: plan.sheets.map((s) => ({ key: s.key, name: s.name, kind: s.kind })),
        replaced: [],
      };
    };
    renderPane(gateway, engine);
    await userEvent.upload(screen.getByTestId("file-input"), [csvFile("2024年度.csv")]);
    await screen.findByRole("button", { name: "次へ: 検証" });
    await userEvent.click(screen.getByRole("tab", { name: /前年度と比較/u }));
    await userEvent.upload(screen.getByTestId("previous-file-input"), [csvFile("2023年度.csv")]);
    await screen.findByTestId("compare-summary");
    expect(
      within(screen.getByTestId("decision-list")).getByText(`対応解除: ${b} → ${a}`)
    ).toBeInTheDocument();
    expect(summaryNumbers()[0]).toBe(g.crosswalk.pairs.length - 1);
    await userEvent.click(screen.getByRole("tab", { name: /集計/u }));
    await userEvent.click(await screen.findByRole("button", { name: "集計シートを作成" }));
    await screen.findByTestId("generate-summary");
    const sheet = applied.at(-1)!.sheets.find((s) => s.name === "比較の確認")!;
    expect(readDecisions(sheet.blocks[0].values)).toEqual([
      { before: b, after: a, decision: "unlink" },
    ]);
  });
});
