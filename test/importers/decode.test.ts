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

  it("UTF-16 (with or without BOM) gets a clear unsupported-encoding error", () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...TEXT].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeTableBytes(le, "a.txt")).toEqual(expect.objectContaining({ ok: false, problem: expect.objectContaining({ params: { encoding: "UTF-16" } }) }));
    const ascii = "No,Owner\r\n1,MIC\r\n2,METI\r\n";
    const noBom = new Uint8Array(new Uint16Array([...ascii].map((c) => c.charCodeAt(0))).buffer);
    expect(decodeTableBytes(noBom, "a.csv")).toEqual(expect.objectContaining({ ok: false, problem: expect.objectContaining({ code: "unsupported-encoding" }) }));
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
