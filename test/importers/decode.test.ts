import Encoding from "encoding-japanese";
import { decodeTableBytes } from "../../src/importers/decode";

const TEXT = "項番,担当府省庁\r\n(ア),総務省\r\n(イ),\"①経済産業省\n②文部科学省\"\r\n";
const utf8 = (s: string) => new TextEncoder().encode(s);
const encode = (s: string, to: Encoding.Encoding) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to, from: "UNICODE" }));

describe("decodeTableBytes", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decodeTableBytes(utf8(TEXT), "a.csv")).toEqual({ ok: true, text: TEXT, encoding: "UTF-8" });
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    expect(decodeTableBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), "a.csv")).toEqual({ ok: true, text: TEXT, encoding: "UTF-8" });
  });

  it("detects Shift_JIS (CP932: ① and 髙 survive)", () => {
    const text = TEXT + "(ウ),髙橋\r\n";
    expect(decodeTableBytes(encode(text, "SJIS"), "a.csv")).toEqual({ ok: true, text, encoding: "Shift_JIS" });
  });

  it("EUC-JP gets a clear unsupported-encoding error, not garbage rows", () => {
    const r = decodeTableBytes(encode("項番,担当府省庁\n(ア),総務省において実施する。\n", "EUCJP"), "a.csv");
    expect(r).toEqual({ ok: false, problem: { code: "unsupported-encoding", severity: "error", file: "a.csv", params: { encoding: "EUC-JP" } } });
  });

  it("UTF-16 with a byte order mark (Excel's Unicode text), either order, is read; the mark is dropped", () => {
    const units = [...TEXT].map((c) => c.charCodeAt(0));
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    expect(decodeTableBytes(le, "a.txt")).toEqual({ ok: true, text: TEXT, encoding: "UTF-16" });
    expect(decodeTableBytes(be, "a.txt")).toEqual({ ok: true, text: TEXT, encoding: "UTF-16" });
  });

  it("UTF-16 without a mark is read when ASCII's zero bytes tell the order; Japanese alone is not guessed", () => {
    const ascii = "No,Owner\r\n1,MIC\r\n2,METI\r\n";
    const noBom = new Uint8Array([...ascii].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeTableBytes(noBom, "a.csv")).toEqual({ ok: true, text: ascii, encoding: "UTF-16" });
    const le = (t: string) => new Uint8Array([...t].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    // A table with commas and line breaks between its Japanese cells has zeros enough.
    expect(decodeTableBytes(le(TEXT), "a.csv")).toEqual({ ok: true, text: TEXT, encoding: "UTF-16" });
    // Long Japanese cells and hardly any ASCII: not guessed (refused, never read as garbage).
    const prose = "総務省において、電気通信事業者による情報共有を推進する。\t".repeat(20);
    expect(decodeTableBytes(le(prose), "a.tsv")).toEqual(expect.objectContaining({ ok: false }));
  });

  it("UTF-16 holding an unpaired surrogate is not text", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    expect(decodeTableBytes(bytes, "a.txt")).toEqual({ ok: false, problem: { code: "unreadable-file", severity: "error", file: "a.txt", params: { reason: "binary" } } });
  });

  it("binary junk is an unreadable file", () => {
    const junk = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
    expect(decodeTableBytes(junk, "junk.csv")).toEqual({ ok: false, problem: { code: "unreadable-file", severity: "error", file: "junk.csv", params: { reason: "binary" } } });
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04], "signature-zip"],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], "signature-pdf"],
    [[0xd0, 0xcf, 0x11, 0xe0], "signature-xls"],
  ])("a file with signature %j under a .csv name is reported as %s", (sig, reason) => {
    const bytes = new Uint8Array([...sig, ...utf8("項番,担当府省庁\n")]);
    expect(decodeTableBytes(bytes, "a.csv")).toEqual({ ok: false, problem: expect.objectContaining({ code: "unreadable-file", params: { reason } }) });
  });
});
