import {
  GROUP_NAMES,
  MINISTRIES,
  matchMinistry,
  normalizeOwners,
  splitOwners,
  suggestMinistry,
} from "../../src/domain/ministries";

describe("the 府省庁 dictionary", () => {
  it("holds every organisation of the official list, not only those of the 2024 sample", () => {
    for (const name of ["内閣法制局", "宮内庁", "カジノ管理委員会", "こども家庭庁", "出入国在留管理庁", "林野庁", "防衛装備庁", "会計検査院", "国家サイバー統括室"]) {
      expect(MINISTRIES).toContain(name);
    }
    expect(MINISTRIES.length).toBeGreaterThanOrEqual(43);
    expect(new Set(MINISTRIES).size).toBe(MINISTRIES.length);
  });

  it("no formal name contains a separator, so splitting an owner cell never cuts a name", () => {
    for (const name of MINISTRIES) expect(splitOwners(name)).toEqual([name]);
  });
});

describe("matchMinistry", () => {
  it.each([
    ["経産省", "経済産業省"],
    ["文科省", "文部科学省"],
    ["厚労省", "厚生労働省"],
    ["国交省", "国土交通省"],
    ["農水省", "農林水産省"],
    ["個情委", "個人情報保護委員会"],
    ["PPC", "個人情報保護委員会"],
    ["ppc", "個人情報保護委員会"],
    ["デジ庁", "デジタル庁"],
  ])("the short form %s means %s", (short, formal) => {
    expect(matchMinistry(short)).toBe(formal);
  });

  it("reads a letter-spaced name from the PDF (個 人 情 報 保 護 委 員 会)", () => {
    expect(matchMinistry("個 人 情 報 保 護 委 員 会")).toBe("個人情報保護委員会");
  });

  it("reads full-width spaces and a bracketed block name ([内閣官房], 【金融庁】)", () => {
    expect(matchMinistry("総　務　省")).toBe("総務省");
    expect(matchMinistry("[内閣官房]")).toBe("内閣官房");
    expect(matchMinistry("【金融庁】")).toBe("金融庁");
  });

  it("returns null for an unknown name and for a group name", () => {
    expect(matchMinistry("IPA")).toBeNull();
    expect(matchMinistry("都道府県警察")).toBeNull();
    expect(matchMinistry("関係府省庁")).toBeNull();
  });
});

describe("splitOwners", () => {
  it("splits one owner per line, as the report's owner cell has them", () => {
    expect(splitOwners("内閣官房\n金融庁\r\n総務省")).toEqual(["内閣官房", "金融庁", "総務省"]);
  });

  it.each([
    ["総務省、経済産業省", ["総務省", "経済産業省"]],
    ["総務省・経済産業省", ["総務省", "経済産業省"]],
    ["総務省，経済産業省", ["総務省", "経済産業省"]],
    ["総務省,経済産業省", ["総務省", "経済産業省"]],
    ["総務省/経済産業省", ["総務省", "経済産業省"]],
    ["総務省及び経済産業省", ["総務省", "経済産業省"]],
    ["総務省と経済産業省", ["総務省", "経済産業省"]],
    ["総務省 経済産業省", ["総務省", "経済産業省"]],
  ])("splits %s", (text, owners) => {
    expect(splitOwners(text)).toEqual(owners);
  });

  it("joins a name the PDF wrapped over two lines", () => {
    expect(splitOwners("個 人 情 報 保\n護委員会")).toEqual(["個 人 情 報 保護委員会"]);
    expect(normalizeOwners("個 人 情 報 保\n護委員会").owners).toEqual(["個人情報保護委員会"]);
  });

  it("does not cut JPCERT/CC at its slash", () => {
    expect(splitOwners("JPCERT/CC")).toEqual(["JPCERT/CC"]);
  });
});

describe("normalizeOwners", () => {
  it("an owner cell with 経産省 counts for 経済産業省", () => {
    expect(normalizeOwners("総務省、経産省").owners).toEqual(["総務省", "経済産業省"]);
  });

  it("lists each owner once even when written twice in two forms", () => {
    expect(normalizeOwners("経済産業省\n経産省").owners).toEqual(["経済産業省"]);
  });

  it("keeps a group name (関係府省庁) as an owner and flags it", () => {
    const r = normalizeOwners("内閣官房\n関係府省庁");
    expect(r.owners).toEqual(["内閣官房", "関係府省庁"]);
    expect(r.groups).toEqual(["関係府省庁"]);
    expect(r.unknown).toEqual([]);
    for (const g of GROUP_NAMES) expect(normalizeOwners(g).groups).toEqual([g]);
  });

  it("flags an unknown name with the nearest known name as a suggestion", () => {
    const r = normalizeOwners("総務省\n経済産業庁");
    expect(r.owners).toEqual(["総務省", "経済産業庁"]);
    expect(r.unknown).toEqual([{ name: "経済産業庁", suggestion: "経済産業省" }]);
  });

  it("suggests the ministry an office name contains, and nothing for an unrelated body", () => {
    expect(suggestMinistry("総務省サイバーセキュリティ統括官室")).toBe("総務省");
    expect(suggestMinistry("文部科学")).toBe("文部科学省");
    expect(suggestMinistry("IPA")).toBeNull();
  });
});

describe("offices in parentheses", () => {
  it("a separator inside parentheses does not split: 内閣府（科学技術・イノベーション推進事務局）、総務省", () => {
    expect(splitOwners("内閣府（科学技術・イノベーション推進事務局）、総務省")).toEqual(["内閣府（科学技術・イノベーション推進事務局）", "総務省"]);
  });

  it("an office in parentheses counts for its ministry", () => {
    expect(normalizeOwners("内閣府（科学技術・イノベーション推進事務局）、総務省").owners).toEqual(["内閣府", "総務省"]);
    expect(matchMinistry("経済産業省(商務情報政策局)")).toBe("経済産業省");
    expect(matchMinistry("IPA(経済産業省)")).toBeNull();
  });
});
