import { readFileSync } from "node:fs";
import { join } from "node:path";
import { finalizeMeasures } from "../../src/domain/finalize";
import { importDelimitedBytes, importDelimitedText, parseDelimited } from "../../src/importers/csv";

const TABLES = join(__dirname, "..", "fixtures", "tables");
const fixture = (name: string) => new Uint8Array(readFileSync(join(TABLES, name)));

describe("parseDelimited", () => {
  it("keeps line breaks inside quoted cells and reads CRLF records", () => {
    const { rows } = parseDelimited('項番,担当府省庁\r\n(ア),"内閣官房\n金融庁"\r\n(イ),"総務省、""経産省"""\r\n', ",", "a.csv");
    expect(rows).toEqual([
      ["項番", "担当府省庁"],
      ["(ア)", "内閣官房\n金融庁"],
      ["(イ)", '総務省、"経産省"'],
      [""],
    ]);
  });

  it("guesses the tab delimiter for pasted text", () => {
    expect(parseDelimited("項番\t担当府省庁\n(ア)\t総務省", "auto", "貼り付け").rows).toEqual([
      ["項番", "担当府省庁"],
      ["(ア)", "総務省"],
    ]);
  });
});

describe("CSV/TSV fixtures in the report's combined layout", () => {
  const sjis = importDelimitedBytes("cs2024-combined-sjis.csv", fixture("cs2024-combined-sjis.csv"));

  it("a Shift_JIS CSV reads the real rows of page 18: labels, owners, split texts", () => {
    const ms = finalizeMeasures(sjis.drafts);
    expect(ms.map((m) => m.id)).toEqual(["(ア)", "(イ)", "(ウ)", "(エ)", "(オ)", "(カ)", "(キ)", "(ク)", "(ケ)"].map((l) => `2.1(1)${l}`));
    const [ppc, micEnded, micNew] = ms;
    expect(ppc.owners).toEqual(["個人情報保護委員会"]);
    expect(ppc.results).toMatch(/^・いわゆる Web スキミングによる情報流出等を/u);
    expect(ppc.nextPlan).toBe("・引き続き、個人情報取扱事業者及び行政機関等において個人情報等の適正な取扱いが確保されるよう必要な助言等を行う。");
    expect(micEnded.plan).toContain("① 電気通信事業者によるフロー情報分析");
    expect(micEnded.nextPlan).toBe("・2023 年度で終了。");
    expect([micEnded.status, micNew.status]).toEqual(["ended", "new"]);
    expect(micNew.plan).toBe("―");
    expect(sjis.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it.each(["cs2024-combined-utf8-bom.csv", "cs2024-combined.tsv"])("%s gives the same drafts as the Shift_JIS file", (name) => {
    const r = importDelimitedBytes(name, fixture(name));
    const strip = (ds: typeof r.drafts) => ds.map((d) => ({ ...d, source: { row: d.source.row } }));
    expect(strip(r.drafts)).toEqual(strip(sjis.drafts));
    expect(r.problems).toEqual([]);
  });

  it("the template layout (separate columns, 章/節/項, 進捗区分, 備考) reads headings and overrides", () => {
    const r = importDelimitedBytes("cs2024-template-utf8.csv", fixture("cs2024-template-utf8.csv"));
    const ms = finalizeMeasures(r.drafts);
    expect(ms.map((m) => [m.id, m.status, m.statusRule])).toEqual([
      ["2.1(1)(ア)", "continuing", "continuing-default"],
      ["2.1(1)(イ)", "ended", "ended-keyword"],
      ["2.1(1)(ウ)", "new", "new-empty-plan"],
      ["2.1(2)(ア)", "expanded", "override"],
      ["2.1(2)(イ)", "continuing", "continuing-default"],
    ]);
    expect(ms[2].note).toBe("新規施策");
    expect(ms[0].chapter?.title).toBe("国民が安全で安心して暮らせるデジタル社会の実現");
  });

  it("formula-like text stays text, each cell reported", () => {
    const r = importDelimitedBytes("formula-like.csv", fixture("formula-like.csv"));
    expect(r.drafts[0].plan).toBe("=SUM(A1)");
    expect(r.drafts[1].results).toBe("-1");
    expect(r.problems.filter((p) => p.code === "formula-like").map((p) => p.params?.value)).toEqual(["=SUM(A1)", "+81-3-1234-5678", "-1", "@x"]);
  });

  it("a Shift_JIS table without 担当府省庁 imports nothing and names the column", () => {
    const r = importDelimitedBytes("missing-owner-column-sjis.csv", fixture("missing-owner-column-sjis.csv"));
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: "missing-label", column: "担当府省庁", row: 4 })]);
  });

  it("binary junk gives one clear problem and no rows", () => {
    expect(importDelimitedBytes("junk.csv", fixture("junk.csv"))).toEqual({
      drafts: [],
      problems: [{ code: "unreadable-file", severity: "error", file: "junk.csv", params: { reason: "binary" } }],
      fiscalYears: null,
    });
  });

  it("an EUC-JP file gives unsupported-encoding", () => {
    expect(importDelimitedBytes("e.csv", fixture("cs2024-combined-eucjp.csv")).problems[0]).toEqual(
      expect.objectContaining({ code: "unsupported-encoding", params: { encoding: "EUC-JP" } }),
    );
  });

  it("pasted text with malformed quoting still reads, the quote an error located at its cell", () => {
    const r = importDelimitedText("貼り付け", '項番\t担当府省庁\t年次計画\t取組の成果、進捗状況及び次年度年次計画\n(ア)\t"総務省\t…\t…', "auto");
    expect(r.problems).toContainEqual(expect.objectContaining({ code: "unterminated-quote", severity: "error", row: 2, columnIndex: 2 }));
    expect(r.drafts[0].ownersText).toBe('"総務省');
  });
});
