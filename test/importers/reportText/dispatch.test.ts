/** The import door (src/importers/index.ts) recognises report text by its content, in any encoding. */
import * as fs from "fs";
import * as path from "path";
import Encoding from "encoding-japanese";
import { problemMessage } from "../../../src/domain/messages";
import { importFile, importFiles, importText } from "../../../src/importers";

const SEED = fs.readFileSync(
  path.join(__dirname, "../../fixtures/seed/cs2024-appendix2-page18.txt"),
  "utf8"
);

describe("report text through importFile and importText", () => {
  test("a .txt copied out of the report (UTF-8) is read as the report's table", async () => {
    const r = await importFile("cs2024-p18.txt", new TextEncoder().encode(SEED));
    expect(r.drafts.map((d) => d.label)).toEqual(["(ア)", "(イ)", "(ウ)"]);
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  test("the same text saved as Shift_JIS is read the same", async () => {
    const sjis = Uint8Array.from(
      Encoding.convert(Encoding.stringToCode(SEED), { to: "SJIS", from: "UNICODE" })
    );
    const r = await importFile("cs2024-p18.txt", sjis);
    expect(r.drafts.map((d) => d.ownersText)).toEqual(["個人情報保護委員会", "総務省", "総務省"]);
  });

  test("pasted report text is read as the report's table", async () => {
    const r = await importText("貼り付け", SEED);
    expect(r.drafts).toHaveLength(3);
  });

  test("a tab-separated table in a .txt file still goes to the table importer", async () => {
    const tsv =
      "項番\t担当府省庁\t2023年度年次計画\t2023年度取組の成果、進捗状況及び2024年度年次計画\n(ア)\t総務省\t点検表を更新する。\t<成果・進捗状況>\n";
    const r = await importFile("table.txt", new TextEncoder().encode(tsv));
    expect(r.columns).toBeDefined();
  });
});

describe("messages of layout problems", () => {
  test("every layout warning of a real page reads as a sentence in Japanese and English", async () => {
    const text = `${SEED}\n(エ) 経済産業省\n`;
    const r = await importText("p18.txt", text);
    const layout = r.problems.filter((p) => p.code === "ambiguous-layout");
    expect(layout.length).toBeGreaterThan(0);
    for (const p of layout) {
      expect(problemMessage(p, "ja")).not.toMatch(/表の配置を確定できませんでした/u);
      expect(problemMessage(p, "en")).not.toMatch(/could not be determined with certainty/u);
    }
  });
});

describe("several report text files given together", () => {
  const TITLE =
    "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画\n2 国民が安全で安心して暮らせるデジタル社会の実現";
  const p1 = `${TITLE}\n(ア) 総務省\n総務省において、引き続き、中小企業向けの点検表を <成果・進捗状況>\n更新し、業界団体を通じて周知する。 ・計画に基づき、点検表を更新し、業界団体の会合で周知し`;
  const p2 = `${TITLE}\nた。\n<2024 年度年次計画>\n・引き続き、点検表の更新と周知を行う。\n(イ) 警察庁\n警察庁において、引き続き、サイバー犯罪の相談窓口 <成果・進捗状況>\nを運用する。 ・計画に基づき、相談窓口を運用した。\n<2024 年度年次計画>\n・引き続き、相談窓口を運用する。`;
  const enc = (s: string) => new TextEncoder().encode(s);

  test("are one report: the row running from one file into the next is whole, each row names its file, page and line", async () => {
    const results = await importFiles([
      { name: "p18.txt", bytes: enc(p1) },
      { name: "p19.txt", bytes: enc(p2) },
    ]);
    expect(results).toHaveLength(1);
    const [a, b] = results[0].drafts;
    expect(a).toMatchObject({
      label: "(ア)",
      results: "・計画に基づき、点検表を更新し、業界団体の会合で周知した。",
      nextPlan: "・引き続き、点検表の更新と周知を行う。",
      source: { file: "p18.txt", page: 1, line: 3 },
    });
    expect(b).toMatchObject({ label: "(イ)", source: { file: "p19.txt", page: 1, line: 6 } });
    expect(results[0].problems.filter((p) => p.severity === "warning")).toEqual([]);
  });

  test("a table file between them is imported on its own", async () => {
    const tsv =
      "項番\t担当府省庁\t2023年度年次計画\t2023年度取組の成果、進捗状況及び2024年度年次計画\n(ア)\t総務省\t点検表を更新する。\t<成果・進捗状況>\n";
    const results = await importFiles([
      { name: "p18.txt", bytes: enc(p1) },
      { name: "table.tsv", bytes: enc(tsv) },
      { name: "p19.txt", bytes: enc(p2) },
    ]);
    expect(results).toHaveLength(3);
    expect(results[1].columns).toBeDefined();
  });
});
