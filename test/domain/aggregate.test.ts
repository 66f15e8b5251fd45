import { countByChapter, countByMinistry, summarize } from "../../src/domain/aggregate";
import { finalizeMeasures } from "../../src/domain/finalize";
import type { MeasureDraft, PlanTable } from "../../src/domain/model";

const ch1 = { number: "1", title: "経済社会の活力の向上及び持続的発展" };
const ch2 = { number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" };
let n = 0;
function draft(over: Partial<MeasureDraft>): MeasureDraft {
  n++;
  return {
    label: `(${"アイウエオカキクケコ"[n % 10]})`,
    chapter: ch2,
    section: null,
    subsection: null,
    ownersText: "総務省",
    plan: "…を行う。",
    results: "・…を行った。",
    nextPlan: "・引き続き、…を行う。",
    reposted: false,
    source: { file: "a.csv", row: n + 1 },
    ...over,
  };
}

function table(drafts: MeasureDraft[]): PlanTable {
  return { measures: finalizeMeasures(drafts), problems: [], fiscalYears: { plan: 2023, next: 2024 } };
}

describe("aggregation", () => {
  it("a measure with several owners counts once for each owner", () => {
    const rows = countByMinistry(table([draft({ ownersText: "総務省\n経済産業省" })]).measures);
    expect(rows.map((r) => [r.name, r.measures, r.status.continuing])).toEqual([
      ["総務省", 1, 1],
      ["経済産業省", 1, 1],
    ]);
  });

  it("an owner cell with 経産省 counts for 経済産業省", () => {
    const rows = countByMinistry(table([draft({ ownersText: "経産省" }), draft({ ownersText: "経済産業省" })]).measures);
    expect(rows).toEqual([{ name: "経済産業省", measures: 2, status: { continuing: 2, expanded: 0, new: 0, ended: 0, unreported: 0 } }]);
  });

  it("(再掲) measures are listed in `measures` but counted nowhere", () => {
    const s = summarize(table([draft({}), draft({ label: "(イ)(再掲)", ownersText: "警察庁" })]));
    expect(s.measures).toBe(2);
    expect(s.status.continuing).toBe(1);
    expect(s.ministries.map((m) => m.name)).toEqual(["総務省"]);
    expect(s.chapters.map((c) => c.measures)).toEqual([1]);
  });

  it("ministries are in 建制順 (government order), not by count or character code", () => {
    const s = summarize(table([draft({ ownersText: "防衛省" }), draft({ ownersText: "外務省" }), draft({ ownersText: "防衛省" }), draft({ ownersText: "内閣官房" })]));
    expect(s.ministries.map((m) => [m.name, m.measures])).toEqual([
      ["内閣官房", 1],
      ["外務省", 1],
      ["防衛省", 2],
    ]);
  });

  it("in count order ministries come most measures first, 建制順 between equal counts", () => {
    const s = summarize(table([draft({ ownersText: "防衛省" }), draft({ ownersText: "外務省" }), draft({ ownersText: "防衛省" }), draft({ ownersText: "内閣官房" })]), "ja", "count");
    expect(s.ministries.map((m) => [m.name, m.measures])).toEqual([
      ["防衛省", 2],
      ["内閣官房", 1],
      ["外務省", 1],
    ]);
  });

  it("counts status per chapter, in order of appearance", () => {
    const rows = countByChapter(
      table([draft({ chapter: ch1 }), draft({ chapter: ch2, nextPlan: "・2023 年度で終了。" }), draft({ chapter: ch1, plan: "―" })]).measures,
    );
    expect(rows).toEqual([
      { chapter: "1", title: ch1.title, measures: 2, status: { continuing: 1, expanded: 0, new: 1, ended: 0, unreported: 0 } },
      { chapter: "2", title: ch2.title, measures: 1, status: { continuing: 0, expanded: 0, new: 0, ended: 1, unreported: 0 } },
    ]);
  });

  it("summarize has the documented shape, issues with messages in the chosen language", () => {
    const t = table([draft({})]);
    t.problems.push({ code: "blank-row", severity: "info", file: "a.csv", row: 4 });
    const ja = summarize(t, "ja");
    expect(Object.keys(ja)).toEqual(["fiscalYears", "measures", "status", "ministries", "issues", "chapters"]);
    expect(ja.issues).toEqual([{ code: "blank-row", severity: "info", file: "a.csv", row: 4, column: null, message: "空行です。読み飛ばします。" }]);
    expect(summarize(t, "en").issues[0].message).toBe("Blank row, skipped.");
  });
});
