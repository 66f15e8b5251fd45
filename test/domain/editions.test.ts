/**
 * Files of several editions told apart by their fiscal years (src/domain/editions.ts), as the
 * CLI's `build --previous` and the pane's 前年度と比較 step both split them.
 */
import { groupByEdition, newestFirst, previousEditions } from "../../src/domain/editions";
import { failedImport, type ImportResult } from "../../src/domain/importResult";
import type { FiscalYears } from "../../src/domain/model";

const fy = (plan: number): FiscalYears => ({ plan, next: plan + 1 });
const file = (name: string, years: FiscalYears | null): ImportResult => ({
  drafts: [],
  problems: [],
  fiscalYears: years,
  extraColumns: [name],
});
const unreadable = (name: string) =>
  failedImport({
    code: "unreadable-file",
    severity: "error",
    file: name,
    params: { reason: "not-found", detail: "ENOENT" },
  });
const names = (groups: ImportResult[][]) =>
  groups.map((g) => g.map((r) => r.extraColumns?.[0] ?? r.problems[0]?.file));

describe("editions of the report in one set of files", () => {
  test("grouped by fiscal years in the order first seen; a file without years goes with the one before it", () => {
    const groups = groupByEdition([
      unreadable("欠落.csv"),
      file("総務省2023.csv", fy(2023)),
      file("外務省2022.csv", fy(2022)),
      file("年度なし.csv", null),
      file("警察庁2023.csv", fy(2023)),
    ]);
    expect(names(groups)).toEqual([
      ["欠落.csv", "総務省2023.csv", "警察庁2023.csv"],
      ["外務省2022.csv", "年度なし.csv"],
    ]);
  });

  test("no file with years: one edition of them all", () => {
    expect(names(groupByEdition([file("a.csv", null), unreadable("b.csv")]))).toEqual([
      ["a.csv", "b.csv"],
    ]);
  });

  test("last year's is the newest older than this year's; this year's and newer ones are set aside", () => {
    const editions = newestFirst([
      { fiscalYears: fy(2021) },
      { fiscalYears: fy(2024) },
      { fiscalYears: fy(2023) },
      { fiscalYears: fy(2022) },
    ]);
    expect(editions.map((e) => e.fiscalYears.plan)).toEqual([2024, 2023, 2022, 2021]);
    const { previous, older } = previousEditions(editions, fy(2024));
    expect(previous?.fiscalYears.plan).toBe(2023);
    expect(older.map((e) => e.fiscalYears.plan)).toEqual([2022, 2021]);
    expect(previousEditions([{ fiscalYears: fy(2024) }], fy(2024)).previous).toBeNull();
  });
});
