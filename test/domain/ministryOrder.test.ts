/** 建制順: the government's order of ministries, used for every table, chart and sheet order. */
import { GROUP_NAMES, MINISTRIES, compareGovernmentOrder, sortByMinistry } from "../../src/domain/ministries";

describe("建制順 (government order)", () => {
  test("the cabinet bodies, the 内閣府 bodies, 復興庁, then the ministries in statutory order, 防衛省 last of them", () => {
    const expected = [
      "内閣官房",
      "内閣法制局",
      "人事院",
      "内閣府",
      "宮内庁",
      "公正取引委員会",
      "国家公安委員会",
      "警察庁",
      "個人情報保護委員会",
      "カジノ管理委員会",
      "金融庁",
      "消費者庁",
      "こども家庭庁",
      "デジタル庁",
      "復興庁",
      "総務省",
      "法務省",
      "外務省",
      "財務省",
      "文部科学省",
      "厚生労働省",
      "農林水産省",
      "経済産業省",
      "国土交通省",
      "環境省",
      "防衛省",
    ];
    // Shuffled deterministically, then sorted back.
    const shuffled = expected.map((m, i) => ({ m, k: (i * 17) % expected.length })).sort((a, b) => a.k - b.k).map((x) => x.m);
    expect(shuffled).not.toEqual(expected);
    expect([...shuffled].sort(compareGovernmentOrder)).toEqual(expected);
  });

  test("external agencies follow their ministry; 国家サイバー統括室 follows 内閣官房", () => {
    const order = (names: string[]) => [...names].sort(compareGovernmentOrder);
    expect(order(["文化庁", "厚生労働省", "文部科学省", "スポーツ庁"])).toEqual(["文部科学省", "スポーツ庁", "文化庁", "厚生労働省"]);
    expect(order(["海上保安庁", "環境省", "国土交通省", "気象庁"])).toEqual(["国土交通省", "気象庁", "海上保安庁", "環境省"]);
    expect(order(["内閣法制局", "国家サイバー統括室", "内閣官房"])).toEqual(["内閣官房", "国家サイバー統括室", "内閣法制局"]);
  });

  test("the issue's example: 文部科学省 before 総務省 before 警察庁 (code order) becomes 警察庁, 総務省, 文部科学省", () => {
    expect(["文部科学省", "総務省", "警察庁"].sort(compareGovernmentOrder)).toEqual(["警察庁", "総務省", "文部科学省"]);
  });

  test("every listed name has its own place; group names come after them, unknown names last in code point order", () => {
    expect([...MINISTRIES].sort(compareGovernmentOrder)).toEqual(MINISTRIES);
    const mixed = ["デジタル省", "関係府省庁", "防衛省", "ABC推進室", "内閣官房", "各府省庁"];
    expect(mixed.sort(compareGovernmentOrder)).toEqual(["内閣官房", "防衛省", "関係府省庁", "各府省庁", "ABC推進室", "デジタル省"]);
    expect(GROUP_NAMES.indexOf("関係府省庁")).toBeLessThan(GROUP_NAMES.indexOf("各府省庁"));
  });

  test("sortByMinistry: 建制順, or count order with 建制順 between equal counts; the input is not changed", () => {
    const rows = [
      { name: "防衛省", n: 3 },
      { name: "総務省", n: 1 },
      { name: "内閣府", n: 1 },
      { name: "経済産業省", n: 3 },
    ];
    const before = rows.map((r) => r.name);
    expect(sortByMinistry(rows, "government", (r) => r.n).map((r) => r.name)).toEqual(["内閣府", "総務省", "経済産業省", "防衛省"]);
    expect(sortByMinistry(rows, "count", (r) => r.n).map((r) => r.name)).toEqual(["経済産業省", "防衛省", "内閣府", "総務省"]);
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});
