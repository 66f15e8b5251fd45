/**
 * A table saved as text by Excel — "テキスト (タブ区切り)" (Shift_JIS) or "Unicode テキスト"
 * (UTF-16LE with a BOM), both .txt, title row 「別添2 …」 included — or pasted, is read as the
 * table it is, exactly as its CSV; not as the report's own text (which has the same title).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFile, importText } from "../../src/importers";
import { looksLikeReportText } from "../../src/importers/reportText/sniff";
import { encode } from "../hardening/tableArbitraries";

const TABLES = join(__dirname, "..", "fixtures", "tables");
const csvBytes = new Uint8Array(readFileSync(join(TABLES, "cs2024-combined-utf8-bom.csv")));
/** The same table as Excel writes it as tab-separated text (cells with line breaks quoted). */
const tsv = (() => {
  const rows = Papa.parse<string[]>(new TextDecoder().decode(csvBytes)).data;
  return Papa.unparse(rows, { delimiter: "\t", newline: "\r\n" });
})();
const summaryOf = (table: ReturnType<typeof buildPlanTable>) => ({
  measures: table.measures.map((m) => [m.id, m.owners, m.status, m.nextPlan]),
  problems: table.problems.map((p) => [p.code, p.row, p.column]),
});

describe("tables saved as text are tables", () => {
  const expected = async () =>
    summaryOf(buildPlanTable([await importFile("総務省.csv", csvBytes)]));

  it("the title row does not make a tab-separated table the report's text", () => {
    expect(
      tsv.startsWith(
        "別添2 2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画"
      )
    ).toBe(true);
    expect(looksLikeReportText(tsv)).toBe(false);
  });

  it.each([
    ["テキスト (タブ区切り), Shift_JIS", () => encode(tsv, "Shift_JIS")],
    ["Unicode テキスト, UTF-16LE with a BOM", () => encode(tsv, "UTF-16LE-BOM")],
  ])("Excel's %s .txt reads as its CSV does", async (_name, bytes) => {
    const table = buildPlanTable([await importFile("総務省.txt", bytes())]);
    expect(table.measures).toHaveLength(9);
    expect(summaryOf(table)).toEqual(await expected());
  });

  it("the same rows pasted from Excel read as a table", async () => {
    const table = buildPlanTable([await importText("貼り付け", tsv)]);
    expect(summaryOf(table).measures).toEqual((await expected()).measures);
  });

  it("a .txt of the report's own text (page 18) is still the report", () => {
    const page = readFileSync(
      join(__dirname, "..", "fixtures", "seed", "cs2024-appendix2-page18.txt"),
      "utf8"
    );
    expect(looksLikeReportText(page)).toBe(true);
  });
});
