import { isValidSheetName, makeSheetName, sheetNamer } from "../../src/workbook/sheetNames";

describe("makeSheetName", () => {
  it("keeps a valid free name", () => {
    expect(makeSheetName("総務省", new Set())).toBe("総務省");
  });
  it("replaces the characters Excel forbids (: \\ / ? * [ ])", () => {
    expect(makeSheetName("経産省/総務省:[共同]?*\\", new Set())).toBe("経産省_総務省__共同____");
  });
  it("cuts at 31 characters", () => {
    const long = "サイバーセキュリティ関連施策の実施状況及び年次計画の一覧表(府省庁別)";
    const n = makeSheetName(long, new Set());
    expect(Array.from(n)).toHaveLength(31);
    expect(isValidSheetName(n)).toBe(true);
  });
  it("never gives History (reserved by Excel), in any case", () => {
    expect(makeSheetName("History", new Set())).toBe("History (2)");
    expect(makeSheetName("history", new Set())).toBe("history (2)");
  });
  it("numbers a clash, ignoring case, within 31 characters", () => {
    expect(makeSheetName("Dashboard", new Set(["dashboard"]))).toBe("Dashboard (2)");
    expect(makeSheetName("総務省", new Set(["総務省", "総務省 (2)"]))).toBe("総務省 (3)");
    const long = "あ".repeat(31);
    const n = makeSheetName(long, new Set([long]));
    expect(n).toBe("あ".repeat(27) + " (2)");
  });
  it("strips leading and trailing apostrophes and gives a name for blank input", () => {
    expect(makeSheetName("'内閣官房'", new Set())).toBe("内閣官房");
    expect(makeSheetName("  ", new Set())).toBe("Sheet");
  });
});

describe("sheetNamer", () => {
  it("takes each name it gives, so a plan's sheets never clash (ignoring case), and leaves the taken names alone", () => {
    const inWorkbook = ["ダッシュボード", "総務省"];
    const name = sheetNamer(inWorkbook);
    expect(name("総務省")).toBe("総務省 (2)");
    expect(name("総務省")).toBe("総務省 (3)");
    expect(name("Dashboard")).toBe("Dashboard");
    expect(name("DASHBOARD")).toBe("DASHBOARD (2)");
    expect(name("経済産業省")).toBe("経済産業省");
    expect(inWorkbook).toEqual(["ダッシュボード", "総務省"]);
  });
});
