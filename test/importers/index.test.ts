import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { problemMessage } from "../../src/domain/messages";
import { importFile, importGrid, importText } from "../../src/importers";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "tables", name)));

describe("importFile dispatch", () => {
  it("sends .xlsx to the workbook reader and .csv/.tsv to the table reader", async () => {
    expect((await importFile("cs2024-combined.xlsx", fixture("cs2024-combined.xlsx"))).drafts[0].source.sheet).toBe("別添2");
    expect((await importFile("cs2024-combined.tsv", fixture("cs2024-combined.tsv"))).drafts).toHaveLength(9);
  });

  it("recognises a workbook by content even under a .csv name", async () => {
    const r = await importFile("misnamed.csv", fixture("cs2024-combined.xlsx"));
    expect(r.drafts).toHaveLength(10);
  });

  it("an old .xls workbook asks to be saved as .xlsx", async () => {
    const r = await importFile("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(r.problems).toEqual([{ code: "unreadable-file", severity: "error", file: "old.xls", params: { reason: "signature-xls" } }]);
  });

  it("a password-protected workbook says so under any name, and how to remove the password", async () => {
    const encrypted = new Uint8Array(
      readFileSync(join(__dirname, "..", "fixtures", "bad", "password-protected.xlsx"))
    );
    for (const name of ["令和5年度_総務省.xlsx", "総務省.xls", "総務省.csv"]) {
      const r = await importFile(name, encrypted);
      expect(r.problems).toEqual([{ code: "unreadable-file", severity: "error", file: name, params: { reason: "xlsx-encrypted" } }]);
      expect(problemMessage(r.problems[0], "ja")).toContain("パスワードを使用して暗号化");
      expect(problemMessage(r.problems[0], "en")).toContain("password-protected");
    }
  });

  it("an old .xls workbook with a 'Workbook' stream is not taken for an encrypted one", async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/Workbook", new Uint8Array(600).fill(0x41));
    const out = XLSX.CFB.write(cfb, { type: "array" }) as number[] | Uint8Array;
    const bytes = out instanceof Uint8Array ? out : Uint8Array.from(out);
    const r = await importFile("平成30年度.xls", bytes);
    expect(r.problems).toEqual([{ code: "unreadable-file", severity: "error", file: "平成30年度.xls", params: { reason: "signature-xls" } }]);
  });

  it("an empty file is no table", async () => {
    expect((await importFile("empty.csv", new Uint8Array())).problems[0].code).toBe("no-table-found");
  });
});

describe("importText and importGrid", () => {
  it("pasted tab-separated text from Excel", async () => {
    const r = await importText("貼り付け", "項番\t担当府省庁\t2023年度年次計画\t成果・進捗状況\t2024年度年次計画\n(ア)\t経産省\t…を行う。\t・…を行った。\t・引き続き…を行う。\n");
    expect(r.drafts.map((d) => [d.label, d.ownersText, d.nextPlan])).toEqual([["(ア)", "経産省", "・引き続き…を行う。"]]);
    expect(r.fiscalYears).toEqual({ plan: 2023, next: 2024 });
  });

  it("a worksheet's used range with numbers and nulls, rows counted from the range's origin", () => {
    const values: unknown[][] = [
      ["項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画", "備考"],
      ["(ア)", "防衛省", "…を行う。", "・…を行った。", "・引き続き…を行う。", 2024],
      ["(イ)", "防衛省", null, null, null, null],
    ];
    const r = importGrid(values, { file: "(現在のシート)", sheet: "別添2", firstRow: 3 });
    expect(r.drafts.map((d) => [d.label, d.note ?? null, d.plan, d.source.row])).toEqual([
      ["(ア)", "2024", "…を行う。", 4],
      ["(イ)", null, "", 5],
    ]);
  });
});
