/** The import door (src/importers/index.ts) recognises report text by its content, in any encoding. */
import * as fs from "fs";
import * as path from "path";
import Encoding from "encoding-japanese";
import { problemMessage } from "../../../src/domain/messages";
import { importFile, importText } from "../../../src/importers";

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
