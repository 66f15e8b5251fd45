import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { type CliIO, processIO } from "../../src/cli/io";

const TABLES = join(__dirname, "..", "fixtures", "tables");
const t = (name: string) => join(TABLES, name);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { ...processIO, stdout: (s) => void (out += s), stderr: (s) => void (err += s) };
  const code = await main(argv, io);
  return { code, out, err };
}

const zero = { continuing: 0, expanded: 0, new: 0, ended: 0, unreported: 0 };

describe("plan-tables summarize", () => {
  it("gives exact per-ministry status counts on a Shift_JIS CSV in the report's combined layout", async () => {
    const { code, out } = await run("summarize", t("cs2024-combined-sjis.csv"), "--json");
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(Object.keys(s)).toEqual(["fiscalYears", "measures", "status", "ministries", "issues"]);
    expect(s.fiscalYears).toEqual({ plan: 2023, next: 2024 });
    expect(s.measures).toBe(9); // (ケ)(再掲) included
    expect(s.status).toEqual({ continuing: 4, expanded: 1, new: 1, ended: 1, unreported: 1 });
    // 建制順: listed ministries in the government's order, then group names, then unknown names.
    expect(s.ministries).toEqual([
      { name: "内閣官房", measures: 1, status: { ...zero, continuing: 1 } },
      { name: "警察庁", measures: 1, status: { ...zero, unreported: 1 } },
      { name: "個人情報保護委員会", measures: 1, status: { ...zero, continuing: 1 } },
      { name: "総務省", measures: 4, status: { ...zero, expanded: 1, new: 1, ended: 1, unreported: 1 } },
      { name: "文部科学省", measures: 1, status: { ...zero, continuing: 1 } },
      { name: "経済産業省", measures: 2, status: { ...zero, continuing: 1, expanded: 1 } },
      { name: "関係府省庁", measures: 1, status: { ...zero, continuing: 1 } },
      { name: "デジタル省", measures: 1, status: { ...zero, continuing: 1 } },
    ]);
    expect(s.issues.map((i: { code: string; row: number }) => [i.code, i.row])).toEqual([
      ["missing-cell", 12],
      ["group-ministry", 13],
      ["unknown-ministry", 14],
    ]);
    expect(s.issues[2]).toEqual({
      code: "unknown-ministry",
      severity: "warning",
      file: t("cs2024-combined-sjis.csv"),
      row: 14,
      column: "担当府省庁",
      message: "「デジタル省」は府省庁名として登録されていません。「デジタル庁」の誤りではありませんか。",
    });
  });

  it("merges several files and writes messages in English with --lang en", async () => {
    const { code, out } = await run("summarize", t("cs2024-combined-sjis.csv"), t("cs2024-template-utf8.csv"), "--json", "--lang", "en");
    const s = JSON.parse(out);
    expect(s.measures).toBe(14);
    expect(s.ministries.find((m: { name: string }) => m.name === "総務省")).toEqual({ name: "総務省", measures: 6, status: { ...zero, expanded: 1, new: 2, ended: 2, unreported: 1 } });
    expect(s.issues.find((i: { code: string }) => i.code === "duplicate-id").message).toMatch(/^Item 2\.1\(1\)\(ア\) appears more than once/);
    expect(code).toBe(1); // duplicate ids across the two files are errors
  });

  it("--order count lists the ministries with most measures first; a wrong value is a usage error", async () => {
    const { code, out } = await run("summarize", t("cs2024-combined-sjis.csv"), "--json", "--order", "count");
    expect(code).toBe(0);
    const names = JSON.parse(out).ministries.map((m: { name: string; measures: number }) => [m.name, m.measures]);
    // 総務省 (4) and 経済産業省 (2) first, then the ones with one measure in 建制順.
    expect(names.slice(0, 3)).toEqual([["総務省", 4], ["経済産業省", 2], ["内閣官房", 1]]);
    const bad = await run("summarize", t("cs2024-combined-sjis.csv"), "--order", "kana");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--order must be government or count");
  });

  it("prints a readable table without --json", async () => {
    const { code, out } = await run("summarize", t("cs2024-combined.tsv"));
    expect(code).toBe(0);
    // 建制順: 内閣官房 first, 総務省 after the 内閣府 bodies.
    expect(out).toContain("府省庁\t施策数\t継続\t拡充\t新規\t終了\t未報告\n内閣官房\t1\t1\t0\t0\t0\t0\n");
    expect(out).toContain("個人情報保護委員会\t1\t1\t0\t0\t0\t0\n総務省\t4\t0\t1\t1\t1\t1\n");
    expect(out).toContain("合計\t8\t4\t1\t1\t1\t1\n");
  });
});

describe("plan-tables validate", () => {
  it("names the missing 担当府省庁 column and exits 1", async () => {
    const { code, out } = await run("validate", t("missing-owner-column-sjis.csv"));
    expect(code).toBe(1);
    expect(out).toContain("[missing-label] 必須の列「担当府省庁」が見つかりません。");
    expect(out).toContain("4 行目");
  });

  it("exits 2 with a clear message on a binary file", async () => {
    const { code, out } = await run("validate", t("junk.csv"));
    expect(code).toBe(2);
    expect(out).toContain("テキストの表ではありません(バイナリデータです)");
  });

  it("exits 2 for a file that does not exist", async () => {
    const { code, out } = await run("validate", t("nai.csv"), "--lang", "en");
    expect(code).toBe(2);
    expect(out).toContain("File not found.");
  });

  it("exits 0 on a table with warnings and infos only, and lists them", async () => {
    const { code, out } = await run("validate", t("formula-like.csv"));
    expect(code).toBe(0);
    expect(out.split("\n").filter((l) => l.startsWith("情報\t"))).toHaveLength(4);
    expect(out).toContain("施策 2 件を読み込みました。エラー 0 件、警告 0 件、情報 4 件。");
  });

  it("--json gives the counts and every issue", async () => {
    const { code, out } = await run("validate", "--json", t("missing-owner-column-sjis.csv"), "--lang=en");
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      valid: false,
      measures: 0,
      errors: 1,
      warnings: 0,
      infos: 0,
      issues: [
        {
          code: "missing-label",
          severity: "error",
          file: t("missing-owner-column-sjis.csv"),
          row: 4,
          column: "担当府省庁",
          message: 'Required column "Ministries" (担当府省庁) is missing. Add it to the header row. Nothing was imported from this table.',
        },
      ],
    });
  });

  it("a binary file among good ones still exits 2", async () => {
    expect((await run("validate", t("cs2024-combined-sjis.csv"), t("junk.csv"))).code).toBe(2);
  });
});

describe("plan-tables measures", () => {
  it("--json lists every measure with the documented fields", async () => {
    const { code, out } = await run("measures", t("cs2024-combined-sjis.csv"), "--json");
    expect(code).toBe(0);
    const ms = JSON.parse(out);
    expect(ms).toHaveLength(9);
    expect(Object.keys(ms[0])).toEqual(["id", "label", "chapter", "section", "subsection", "owners", "plan", "results", "nextPlan", "reposted", "status", "statusRule", "source"]);
    expect(ms[1]).toEqual(
      expect.objectContaining({ id: "2.1(1)(イ)", label: "(イ)", owners: ["総務省"], nextPlan: "・2023 年度で終了。", reposted: false, status: "ended", statusRule: "ended-keyword" }),
    );
    expect(ms[3].owners).toEqual(["総務省", "経済産業省"]);
    expect(ms[4].owners).toEqual(["経済産業省", "文部科学省"]);
    expect(ms[8]).toEqual(expect.objectContaining({ id: "2.1(1)(ケ)", reposted: true }));
    expect(ms[0].chapter).toEqual({ number: "2", title: "国民が安全で安心して暮らせるデジタル社会の実現" });
    expect(ms[0].source).toEqual({ file: t("cs2024-combined-sjis.csv"), row: 7 });
  });
});

describe("arguments", () => {
  it.each([
    [["validate"], /ファイルを指定してください/],
    [["validate", "a.csv", "--lang", "fr"], /--lang must be ja or en, not "fr"/],
    [["compare", "--before", "a.csv", "--after", "b.csv", "--lang", "fr"], /--lang must be ja or en, not "fr"/],
    [["template", "--out", "t.xlsx", "--lang=de"], /--lang must be ja or en, not "de"\n使い方: plan-tables template/],
    [["validate", "a.csv", "--xml"], /unknown option --xml/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [[], /使い方 \/ usage/],
  ])("%j exits 2 with a message on stderr", async (argv, message) => {
    const { code, err, out } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe("");
  });

  it("--help lists the commands and exits 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    for (const c of ["validate", "measures", "summarize"]) expect(out).toContain(`plan-tables ${c}`);
  });
});

const BIN = join(__dirname, "..", "..", "bin", "plan-tables.js");
const LIB = join(__dirname, "..", "..", "lib", "cli", "main.js");
(existsSync(LIB) ? describe : describe.skip)("the installed bin (after npm run build:cli)", () => {
  it("node bin/plan-tables.js summarize --json exits 0 with the counts", () => {
    const out = execFileSync(process.execPath, [BIN, "summarize", t("cs2024-combined-sjis.csv"), "--json"], { encoding: "utf8" });
    expect(JSON.parse(out).status).toEqual({ continuing: 4, expanded: 1, new: 1, ended: 1, unreported: 1 });
  });

  it("node bin/plan-tables.js validate exits 2 on a binary file", () => {
    let status = 0;
    try {
      execFileSync(process.execPath, [BIN, "validate", t("junk.csv")], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
