/**
 * Files that are not tables are named from their content, whatever their name, and encodings are
 * told apart: Windows-1252 is not EUC-JP; UTF-8 with one stray byte is UTF-8.
 */
import Encoding from "encoding-japanese";
import { problemMessage } from "../../src/domain/messages";
import { importFile } from "../../src/importers";
import { decodeTableBytes } from "../../src/importers/decode";

const enc = (s: string) => new TextEncoder().encode(s);
const reasonOf = async (name: string, bytes: Uint8Array) =>
  (await importFile(name, bytes)).problems[0]?.params?.reason;

describe("content decides, not the name", () => {
  it("a web page is a web page under .csv, .xls or .txt names, with or without a BOM", async () => {
    const page =
      "\ufeff\n  <!doctype html><html><body><table><tr><td>項番</td></tr></table></body></html>";
    for (const name of ["a.csv", "a.xls", "a.txt", "a.xlsx"])
      expect(await reasonOf(name, enc(page))).toBe("html");
    expect(await reasonOf("b.csv", enc("<table border=1><tr><td>総務省</td></tr></table>"))).toBe(
      "html"
    );
  });

  it("JSON is JSON; a CSV whose first cell starts with a bracket is still a CSV", async () => {
    expect(await reasonOf("a.csv", enc('{"項番": "(ア)"}'))).toBe("json");
    const csv = "[別添2],担当府省庁\r\n(ア),総務省\r\n";
    expect(await reasonOf("b.csv", enc(csv))).not.toBe("json");
  });

  it("messages say what the file is and what to do, in both languages", async () => {
    const r = await importFile("a.csv", enc("<html><body>x</body></html>"));
    expect(problemMessage(r.problems[0], "ja")).toMatch(
      /^Web ページ\(HTML\)です。表のファイルではありません。/u
    );
    expect(problemMessage(r.problems[0], "en")).toMatch(
      /^This is a web page \(HTML\), not a table file\./u
    );
  });
});

describe("encodings told apart", () => {
  it("Windows-1252 text is named as such, not guessed as EUC-JP", () => {
    // "Réalisé à Sécurité" and ’ (0x92): lone high bytes.
    const bytes = Uint8Array.from(
      [..."Réalisé,Sécurité,l’État\r\n"].map((c) => (c === "’" ? 0x92 : c.charCodeAt(0)))
    );
    expect(decodeTableBytes(bytes, "fr.csv")).toEqual({
      ok: false,
      problem: {
        code: "unsupported-encoding",
        severity: "error",
        file: "fr.csv",
        params: { encoding: "Windows-1252" },
      },
    });
  });

  it("EUC-JP and Shift_JIS are still what they were (their bytes come in pairs)", () => {
    const text = "項番,担当府省庁\r\n(ア),総務省\r\n(イ),経済産業省\r\n";
    const euc = Uint8Array.from(
      Encoding.convert(Encoding.stringToCode(text), { to: "EUCJP", from: "UNICODE" })
    );
    const sjis = Uint8Array.from(
      Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" })
    );
    expect(decodeTableBytes(euc, "e.csv")).toMatchObject({
      ok: false,
      problem: { params: { encoding: "EUC-JP" } },
    });
    expect(decodeTableBytes(sjis, "s.csv")).toMatchObject({
      ok: true,
      encoding: "Shift_JIS",
      text,
    });
  });

  it("UTF-8 without a BOM and one stray Windows-1252 byte: read as UTF-8, the byte located", () => {
    const head = enc(
      "項番,担当府省庁,2023年度年次計画\r\n(ア),総務省,情報共有を推進する。\r\n(イ),経済産業省,"
    );
    const bytes = new Uint8Array([...head, 0x93, ...enc("支援\r\n")]);
    const r = decodeTableBytes(bytes, "u.csv");
    expect(r).toMatchObject({
      ok: true,
      encoding: "UTF-8",
      warning: { line: 3, params: { encoding: "UTF-8", count: 1 } },
    });
    if (r.ok) expect(r.text.endsWith("(イ),経済産業省,\ufffd支援\r\n")).toBe(true);
  });
});
