/**
 * Strict UTF-8 decoding: the text for UTF-8, null for bytes that are not (the caller then tries
 * Shift_JIS), one leading BOM dropped.
 */
import { decodeUtf8Strict } from "../../src/importers/utf8";

const encode = (s: string) => new TextEncoder().encode(s);
const bytesOf = (...b: number[]) => Uint8Array.from(b);

describe("decodeUtf8Strict", () => {
  it("decodes a Japanese plan-table row as written", () => {
    const row =
      '(ア),経済産業省,"重要インフラ事業者を対象に…","<成果・進捗状況>\r\n・説明会を 12 回開催した。"';
    expect(decodeUtf8Strict(encode(row))).toBe(row);
  });

  it("drops one leading BOM and keeps a second one", () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(decodeUtf8Strict(bytesOf(...bom, ...encode("項番")))).toBe("項番");
    expect(decodeUtf8Strict(bytesOf(...bom, ...bom, ...encode("項番")))).toBe("\ufeff項番");
    expect(decodeUtf8Strict(bytesOf(...bom))).toBe("");
  });

  it.each([
    ["Shift_JIS 項番", [0x8d, 0x80, 0x94, 0xd4]],
    ["a truncated sequence", [0xe9, 0xa0]],
    ["an overlong slash", [0xc0, 0xaf]],
    ["an encoded surrogate (CESU-8)", [0xed, 0xa0, 0x80]],
    ["a code point over U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a lone continuation byte", [0x41, 0x80]],
  ])("refuses %s", (_name, bytes) => {
    expect(decodeUtf8Strict(bytesOf(...bytes))).toBeNull();
  });

  it("reads a text of several megabytes whole, four-byte characters included", () => {
    const text = `a${"𠮷髙é".repeat(400_000)}\r\n項番,担当府省庁`;
    const bytes = encode(text);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(decodeUtf8Strict(bytes)).toBe(text);
  });

  it("refuses a big file with one bad byte near its end", () => {
    const bytes = encode("施策".repeat(400_000));
    bytes[bytes.length - 2] = 0xff;
    expect(decodeUtf8Strict(bytes)).toBeNull();
  });
});
