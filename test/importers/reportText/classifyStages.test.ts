/**
 * The report-text line classifier, one stage at a time, on lines as the report prints them:
 * split markers joined back, zones (strategy box, split table header), owners beside a label,
 * a zone line, a table line; then the whole classifier over a long generated page, whose work
 * must grow linearly with its length.
 */
import {
  classifyPages,
  classifyTableLine,
  classifyZoneLine,
  newClassifier,
  pagedLines,
  pushLabel,
} from "../../../src/importers/reportText/classify";
import { EventLog } from "../../../src/importers/reportText/events";
import { completeOwner, isOwnerName, parseOwners } from "../../../src/importers/reportText/owners";
import { joinedAway, joinSplitMarkers } from "../../../src/importers/reportText/splitMarkers";
import { findZones, zoneCursor, type PagedLine } from "../../../src/importers/reportText/zones";
import { arrayWork } from "../../support/arrayWork";

/** Lines of one page, numbered from `from`. */
const lines = (texts: string[], page = 1, from = 1): PagedLine[] =>
  texts.map((text, k) => ({ text, line: from + k, page }));

describe("split markers", () => {
  test("'<2024' + '年度年次計画>' is joined onto the first line; the emptied line goes", () => {
    const before = lines([
      "・引き続き、周知を行う。",
      "<2024",
      "年度年次計画>",
      "・引き続き、改定案の検討を行う。",
    ]);
    const after = joinSplitMarkers(before);
    expect(after.map((l) => l.text)).toEqual([
      "・引き続き、周知を行う。",
      "<2024年度年次計画>",
      "・引き続き、改定案の検討を行う。",
    ]);
    expect(joinedAway(before, after).map((l) => l.line)).toEqual([3]);
  });

  test("a '<' that opens no marker (a comparison in the text) is left alone", () => {
    const before = lines(["登録組織数は <120 となった", "。次年度も継続する>"]);
    expect(joinSplitMarkers(before).map((l) => l.text)).toEqual(before.map((l) => l.text));
  });

  test("the results marker broken after its '<' is joined too, keeping what follows the close", () => {
    const after = joinSplitMarkers(
      lines(["総務省において、点検表を <成果・", "進捗状況> ・点検表を更新した。"])
    );
    expect(after.map((l) => l.text)).toEqual([
      "総務省において、点検表を <成果・進捗状況>",
      " ・点検表を更新した。",
    ]);
  });
});

describe("zones", () => {
  const page18 = lines([
    "・国は、官民の関係者が迅速に連絡を取り合えるよう、連絡体制の整備を進める。",
    "項番 担当府省庁",
    "(ア) 内閣官房",
    "",
    "2023 年度",
    "年次計画",
    "取組の成果、進捗状況及び 2024 年度",
    "内閣官房において、引き続き、官民の連絡窓口一覧 <成果・進捗状況>",
  ]);

  test("a box at the page top and the split header make one zone, ending before the first row text", () => {
    expect(findZones(page18)).toEqual([{ start: 0, end: 7, header: 1 }]);
  });

  test("a section heading opens the zone, with the sub-section just before it", () => {
    const ls = lines([
      "<2024 年度年次計画>",
      "・引き続き、点検表の更新と周知を行う。",
      "(2) 多様な主体によるシームレスな情報共有・連携",
      "1.4",
      "誰も取り残さないデジタル/セキュリティ・リテラシーの向上",
      "サイバーセキュリティ戦略(2021 年9月 28 日閣議決定。)より",
      "項番 担当府省庁",
      "年次計画",
    ]);
    expect(findZones(ls)).toEqual([{ start: 2, end: 8, header: 6 }]);
  });

  test("after row text on the same page, only the header is a zone", () => {
    const ls = lines(["(イ) 総務省", "・引き続き、周知を行う。", "項番", "担当府省庁", "次の行"]);
    expect(findZones(ls)).toEqual([{ start: 2, end: 4, header: 2 }]);
  });

  test("the cursor finds each line's zone in one pass", () => {
    const at = zoneCursor([
      { start: 1, end: 3, header: 2 },
      { start: 5, end: 6, header: 5 },
    ]);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => at(i)?.start ?? null)).toEqual([
      null,
      1,
      1,
      null,
      null,
      5,
      null,
    ]);
  });
});

describe("owners beside a label", () => {
  test("a known name, several joined, a group name", () => {
    expect(isOwnerName("総務省")).toBe(true);
    expect(isOwnerName("総務省・経済産業省")).toBe(true);
    expect(isOwnerName("総務省において")).toBe(false);
  });

  test("a full owner and the row's first text", () => {
    expect(parseOwners("内閣官房 内閣官房において、引き続き、")).toEqual({
      owners: ["内閣官房"],
      partial: null,
      remainder: "内閣官房において、引き続き、",
    });
  });

  test("a letter-spaced name cut by the column is a partial owner, completed by a later line", () => {
    const p = parseOwners("個 人 情 報 保 個人情報保護委員会において、事業者向けの安全管");
    expect(p).toEqual({
      owners: [],
      partial: "個人情報保",
      remainder: "個人情報保護委員会において、事業者向けの安全管",
    });
    expect(completeOwner("個人情報保", "護委員会")).toEqual({
      name: "個人情報保護委員会",
      rest: "",
    });
    expect(completeOwner("個人情報保", "理措置に関する説明会を各地で開催し")).toBeNull();
  });
});

describe("one line at a time", () => {
  test("in a zone: a section and the title on its next line, a strategy box line, the header, a label in the header band", () => {
    const ls = lines([
      "1.4",
      "誰も取り残さないデジタル/セキュリティ・リテラシーの向上",
      "・国は、デジタル・リテラシーの向上に取り組む。",
      "項番 担当府省庁",
      "(ア) 内閣官房",
    ]);
    const c = newClassifier(ls);
    const zone = { start: 0, end: 5, header: 3 };
    let i = 0;
    for (; i < ls.length; i++) i = classifyZoneLine(c, i, zone);
    expect(c.log.events.map((e) => [e.kind, "what" in e ? e.what : ""])).toEqual([
      ["zone", ""],
      ["consumed", "section-title"],
      ["section", ""],
      ["consumed", "strategy-box"],
      ["consumed", "table-header"],
      ["label", ""],
    ]);
    expect(c.log.events[2]).toMatchObject({
      heading: { number: "1.4", title: "誰も取り残さないデジタル/セキュリティ・リテラシーの向上" },
    });
  });

  test("in the table: a label alone, then its owner with the row's first text", () => {
    const ls = lines([
      "(エ)",
      "個人情報保護委員会 個人情報保護委員会において、助言を行う。",
      "(再 掲)",
    ]);
    const c = newClassifier(ls);
    ls.forEach((_, i) => classifyTableLine(c, i));
    expect(c.log.events).toMatchObject([
      { kind: "label", label: "(エ)", owners: ["個人情報保護委員会"] },
      { kind: "content", text: "個人情報保護委員会において、助言を行う。" },
      { kind: "reposted" },
    ]);
  });

  test("in the table: a letter-spaced owner's end on the next line completes the label, the rest is content", () => {
    const ls = lines([
      "(オ) 個 人 情 報 保 個人情報保護委員会において、事業者向けの安全管 <成果・進捗状況>",
      "護委員会",
      "理措置に関する説明会を各地で開催し、",
    ]);
    const c = newClassifier(ls);
    ls.forEach((_, i) => classifyTableLine(c, i));
    expect(c.log.events).toMatchObject([
      { kind: "label", label: "(オ)", owners: ["個人情報保護委員会"], partialOwner: null },
      { kind: "content", text: "個人情報保護委員会において、事業者向けの安全管 <成果・進捗状況>" },
      { kind: "consumed", what: "owner" },
      { kind: "content", text: "理措置に関する説明会を各地で開催し、" },
    ]);
    expect(c.pending).toBeNull();
  });

  test("a (再掲) mark right after the label belongs to the label cell", () => {
    const c = newClassifier([]);
    const rest = pushLabel(c, { text: "(ア)（再 掲） 総務省", line: 4 }, "ア", "（再 掲） 総務省");
    expect(rest).toBe("");
    expect(c.log.events[0]).toMatchObject({ label: "(ア)", owners: ["総務省"], reposted: true });
  });

  test("the log's looks back: a page start and a used-up line count as the last event, not as the last standing line", () => {
    const log = new EventLog();
    const at = { text: "", line: 1 };
    log.add({ kind: "label", label: "(ア)", owners: [], partialOwner: null, at });
    log.add({ kind: "blank", at });
    expect(log.lastNonBlank()?.kind).toBe("label");
    log.add({ kind: "page", page: 2 });
    log.add({ kind: "consumed", place: "measure", what: "owner", at });
    expect(log.lastNonBlank()?.kind).toBe("consumed");
    expect(log.lastStanding()).toBe("label");
  });
});

describe("the whole classifier", () => {
  test("pages become one list of lines, each with its page", () => {
    const paged = pagedLines([
      { index: 1, body: [{ text: "(ア) 総務省", line: 3 }] },
      { index: 2, body: [{ text: "<2024 年度年次計画>", line: 9 }] },
    ]);
    expect(paged.map((l) => [l.page, l.line])).toEqual([
      [1, 3],
      [2, 9],
    ]);
  });

  /** A long page of N rows as the report prints them (label, owner, plan beside results, next-year plan). */
  function longPage(rows: number): { index: number; body: { text: string; line: number }[] }[] {
    const texts: string[] = ["項番 担当府省庁", "年次計画"];
    for (let k = 0; k < rows; k++)
      texts.push(
        "(ア) 総務省",
        `総務省において、引き続き、中小企業向けの点検表（第${k}版）を <成果・進捗状況>`,
        "更新し、業界団体を通じて周知する。 ・計画に基づき、点検表を更新した。",
        "また、業界団体の会合で周知した。",
        "<2024 年度年次計画>",
        "・引き続き、点検表の更新と周知を行う。",
        ""
      );
    return [{ index: 1, body: texts.map((text, i) => ({ text, line: i + 1 })) }];
  }

  test("a page twice as long takes about twice the work (no copy of the events per line)", () => {
    const small = longPage(400);
    const large = longPage(800);
    const events = classifyPages(large);
    expect(events.filter((e) => e.kind === "label")).toHaveLength(800);
    const a = arrayWork(() => classifyPages(small));
    const b = arrayWork(() => classifyPages(large));
    // Linear work doubles; copying the events on every content line (the old way) quadruples it.
    expect(b / a).toBeLessThan(2.3);
    expect(b / a).toBeGreaterThan(1.7);
  });
});
