import { readFileSync } from "node:fs";
import { join } from "node:path";
import Encoding from "encoding-japanese";
import { finalizeMeasures } from "../../src/domain/finalize";
import { problemLocation, problemMessage } from "../../src/domain/messages";
import { importDelimitedBytes } from "../../src/importers/csv";
import { decodeTableBytes } from "../../src/importers/decode";
import { importFile, importFiles } from "../../src/importers";

const TABLES = join(__dirname, "..", "fixtures", "tables");
const fixture = (name: string) => new Uint8Array(readFileSync(join(TABLES, name)));
const sjis = (s: string) =>
  Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: "SJIS", from: "UNICODE" }));

// cs2024-combined-sjis-invalid-pair.csv is cs2024-combined-sjis.csv (page 18, written by Excel as
// Shift_JIS) with the に of (ア)'s 年次計画 「個人情報保護委員会において」 (bytes 82 C9) replaced by
// 85 9F, a pair in CP932's unassigned row 6: no Shift_JIS decoder can read it.
describe("undecodable bytes in a Shift_JIS file are reported, not silent", () => {
  const name = "cs2024-combined-sjis-invalid-pair.csv";

  it("the decoder keeps the file, marks the pair with U+FFFD and warns with the line of the first one", () => {
    const r = decodeTableBytes(fixture(name), name);
    if (!r.ok) throw new Error("expected a decoded file");
    expect(r.encoding).toBe("Shift_JIS");
    expect(r.text).toContain("個人情報保護委員会\ufffdおいて、");
    // The record of (ア) starts on line 10: its header above spans lines 4-6 (line breaks in quoted cells).
    expect(r.warning).toEqual({
      code: "undecodable-bytes",
      severity: "warning",
      file: name,
      line: 10,
      params: { encoding: "Shift_JIS", count: 1 },
    });
  });

  it("the CSV import locates the bad pair by row and column and still reads every measure", () => {
    const imported = importDelimitedBytes(name, fixture(name));
    const warnings = imported.problems.filter((p) => p.code === "undecodable-bytes");
    expect(warnings).toEqual([
      {
        code: "undecodable-bytes",
        severity: "warning",
        file: name,
        row: 7,
        columnIndex: 3,
        params: { encoding: "Shift_JIS", count: 1 },
      },
    ]);
    const ms = finalizeMeasures(imported.drafts);
    expect(ms).toHaveLength(9);
    expect(ms[0].id).toBe("2.1(1)(ア)");
    expect(ms[0].source.row).toBe(7);
    expect(ms[0].plan).toMatch(/^個人情報保護委員会\ufffdおいて、/u);
  });

  it("the intact fixture gives no such warning (the warning is about the damaged pair only)", () => {
    const intact = importDelimitedBytes(
      "cs2024-combined-sjis.csv",
      fixture("cs2024-combined-sjis.csv")
    );
    expect(intact.problems.filter((p) => p.code === "undecodable-bytes")).toEqual([]);
  });

  it("the warning reads in Japanese and English with its location", () => {
    const [w] = importDelimitedBytes(name, fixture(name)).problems.filter(
      (p) => p.code === "undecodable-bytes"
    );
    expect(problemMessage(w, "ja")).toBe(
      "Shift_JIS として読めないバイトが 1 か所あり、「\ufffd」に置き換えました。元のファイルの該当箇所を確認してください。"
    );
    expect(problemLocation(w, "ja")).toBe(`${name} 7 行目 3 列目`);
    expect(problemMessage(w, "en")).toContain("not valid Shift_JIS");
  });

  it("report text copied out of the PDF and saved as Shift_JIS keeps the file-level warning", async () => {
    const text = readFileSync(
      join(__dirname, "..", "fixtures", "seed", "cs2024-appendix2-page18.txt"),
      "utf8"
    );
    const bytes = sjis(text);
    const at = bytes.indexOf(0x82); // the first kana or kanji lead byte of 0x82
    bytes[at] = 0x85;
    bytes[at + 1] = 0x9f;
    const r = await importFile("page18.txt", bytes);
    expect(r.problems.filter((p) => p.code === "undecodable-bytes")).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: "page18.txt",
        line: expect.any(Number),
        params: { encoding: "Shift_JIS", count: 1 },
      }),
    ]);
  });

  it("several report pages given together (importFiles) keep each damaged page's warning", async () => {
    const text = readFileSync(
      join(__dirname, "..", "fixtures", "seed", "cs2024-appendix2-page18.txt"),
      "utf8"
    );
    const damaged = sjis(text);
    const at = damaged.indexOf(0x82);
    damaged[at] = 0x85;
    damaged[at + 1] = 0x9f;
    const results = await importFiles([
      { name: "p18-damaged.txt", bytes: damaged },
      { name: "p18-intact.txt", bytes: sjis(text) },
    ]);
    // One report (consecutive pages are one run), with the damaged page's warning and no other.
    expect(results).toHaveLength(1);
    expect(results[0].problems.filter((p) => p.code === "undecodable-bytes")).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: "p18-damaged.txt",
        params: { encoding: "Shift_JIS", count: 1 },
      }),
    ]);
    expect(results[0].drafts.length).toBeGreaterThan(0);
  });

  it("many bad pairs in one file: the first 100 cells located, then one file-level warning with the total", () => {
    // Damaged, but mostly readable Japanese (one bad pair in ~80 characters per row): still Shift_JIS.
    const plan =
      "情報通信分野におけるサイバーセキュリティ対策として、電気通信事業者による積極的な対策を推進するとともに、関係機関と連携した取組を実施する。";
    const parts: number[] = [...sjis("項番,担当府省庁,2023年度年次計画\r\n")];
    for (let i = 0; i < 120; i++)
      parts.push(...sjis(`(ア),総務省,${plan}`), 0x85, 0x9f, ...sjis(`${i}\r\n`));
    const bytes = Uint8Array.from(parts);
    const ws = importDelimitedBytes("many.csv", bytes).problems.filter(
      (p) => p.code === "undecodable-bytes"
    );
    expect(ws).toHaveLength(101);
    expect(ws[0]).toEqual(expect.objectContaining({ row: 2, columnIndex: 3 }));
    expect(ws[100]).toEqual(
      expect.objectContaining({ line: 2, params: { encoding: "Shift_JIS", count: 120 } })
    );
  });
});

describe("detection stays as it was", () => {
  it("a Latin-1 file with accents is not Shift_JIS with a few bad bytes: named Windows-1252 (issue 17)", () => {
    const latin1 = Uint8Array.from(
      [..."Nom,Propriétaire\r\nÉté,Ministère des Armées\r\nà ô ü ç é è\r\n"].map((c) =>
        c.charCodeAt(0)
      )
    );
    expect(decodeTableBytes(latin1, "a.csv")).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: "unsupported-encoding", params: { encoding: "Windows-1252" } }),
    });
  });

  it("a big Shift_JIS file is detected from its start and decoded whole", () => {
    const line = "(ア),総務省,サイバーセキュリティ対策を推進する。\r\n";
    const text = "項番,担当府省庁,年次計画\r\n" + line.repeat(5000);
    const r = decodeTableBytes(sjis(text), "big.csv");
    expect(r).toEqual({ ok: true, text, encoding: "Shift_JIS" });
  });
});
