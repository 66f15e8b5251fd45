/**
 * The fast UTF-8 path (Node's buffer module) must answer exactly as the strict TextDecoder does:
 * the same text for UTF-8, null where TextDecoder throws, one leading BOM dropped.
 */
import fc from "fast-check";
import { decodeUtf8Strict, fastUtf8Available } from "../../src/importers/utf8";

function strictTextDecoder(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const encode = (s: string) => new TextEncoder().encode(s);
const bytesOf = (...b: number[]) => Uint8Array.from(b);

describe("decodeUtf8Strict", () => {
  it("takes Node's buffer module under Node (the bench and the CLI run there)", () => {
    expect(fastUtf8Available).toBe(true);
  });

  it("decodes a Japanese plan-table row as written", () => {
    const row =
      '(ア),経済産業省,"重要インフラ事業者を対象に…","<成果・進捗状況>\r\n・説明会を 12 回開催した。"';
    expect(decodeUtf8Strict(encode(row))).toBe(row);
    expect(decodeUtf8Strict(encode(row), null)).toBe(row);
  });

  it("drops one leading BOM, like TextDecoder, and keeps a second one", () => {
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
  ])("refuses %s, as the strict TextDecoder does", (_name, bytes) => {
    expect(strictTextDecoder(bytesOf(...bytes))).toBeNull();
    expect(decodeUtf8Strict(bytesOf(...bytes))).toBeNull();
    expect(decodeUtf8Strict(bytesOf(...bytes), null)).toBeNull();
  });

  it.each([
    ["four-byte characters (surrogate pairs)", "a", "𠮷"],
    ["three-byte characters", "ab", "髙"],
    ["two-byte characters", "a", "é"],
  ])(
    "reads a text of several megabytes whole when a character straddles a chunk end: %s",
    (_n, lead, ch) => {
      // Offsets chosen so that 1 MiB, 2 MiB … fall inside a character.
      const text = `${lead}${ch.repeat(1_200_000)}\r\n項番,担当府省庁`;
      const bytes = encode(text);
      expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
      expect(decodeUtf8Strict(bytes)).toBe(text);
    }
  );

  it("keeps a U+FEFF inside the text where a chunk starts (only a leading one is a BOM)", () => {
    const text = `${"a".repeat(1024 * 1024)}\ufeff施策`;
    expect(decodeUtf8Strict(encode(text))).toBe(text);
    expect(decodeUtf8Strict(encode(`\ufeff${text}`))).toBe(text);
  });

  it("refuses a big file with one bad byte near its end", () => {
    const bytes = encode("施策".repeat(400_000));
    bytes[bytes.length - 2] = 0xff;
    expect(decodeUtf8Strict(bytes)).toBeNull();
  });

  it("answers as TextDecoder does for any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const bytes = encode(s);
        expect(decodeUtf8Strict(bytes)).toBe(strictTextDecoder(bytes));
      }),
      { numRuns: 500 }
    );
  });

  it("answers as TextDecoder does for any bytes, UTF-8 or not (property)", () => {
    // Bytes biased towards the lead and continuation bytes where decoders differ.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xf5 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 64 }), (arr) => {
        const bytes = Uint8Array.from(arr);
        expect(decodeUtf8Strict(bytes)).toBe(strictTextDecoder(bytes));
      }),
      { numRuns: 2000 }
    );
  });
});
