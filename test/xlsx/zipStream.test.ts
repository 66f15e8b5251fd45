/**
 * The output zip with a compressor that answers later, as Node's zlib on its thread pool does:
 * pieces compressed side by side, finishing in any order, still join into each part's bytes in
 * order; the writer is told to wait while enough pieces are in flight; a failed piece fails the zip.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { ZipStream, type PartCompressor } from "../../src/xlsx/zipStream";

const deflate = (piece: Uint8Array, final: boolean) =>
  deflateRawSync(piece, { finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });

/** Deflates later, the first pieces last: out of order on purpose. */
function lateCompressor(): PartCompressor & { maxInFlight: number } {
  let inFlight = 0;
  let n = 0;
  const c = {
    maxInFlight: 0,
    deflate(piece: Uint8Array, final: boolean) {
      inFlight++;
      c.maxInFlight = Math.max(c.maxInFlight, inFlight);
      const delay = 20 - (n++ % 4) * 5;
      const out = deflate(piece, final);
      return new Promise<Uint8Array>((resolve) =>
        setTimeout(() => {
          inFlight--;
          resolve(out);
        }, delay)
      );
    },
    crc32: (piece: Uint8Array, crc: number) => crc32(piece, crc),
  };
  return c;
}

/** Rows of a measures sheet, about 3 MB of UTF-8 in all: several pieces of the part. */
function rows(count: number): string[] {
  return Array.from(
    { length: count },
    (_, r) =>
      `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${r + 1}. 国家サイバー統括室において、重要インフラ事業者等の対策の強化に向けた支援を行う。</t></is></c></row>`
  );
}

describe("ZipStream with a compressor that answers later", () => {
  it("joins each part's pieces in order, whatever order they finish in", async () => {
    const compressor = lateCompressor();
    const zip = new ZipStream(compressor);
    zip.add("[Content_Types].xml", "<Types/>");
    const lines = rows(20_000);
    const part = zip.part("xl/worksheets/sheet1.xml");
    let waited = 0;
    for (const line of lines) {
      part.write(line);
      if (zip.busy) {
        waited++;
        await zip.drain();
      }
    }
    part.end();
    zip.add("xl/workbook.xml", "<workbook>施策</workbook>");
    const files = unzipSync(await zip.finish());
    const text = (p: string) => new TextDecoder().decode(files[p]);
    expect(text("xl/worksheets/sheet1.xml")).toBe(lines.join(""));
    expect(text("xl/workbook.xml")).toBe("<workbook>施策</workbook>");
    expect(text("[Content_Types].xml")).toBe("<Types/>");
    // The writer waited for compression, which never had more than a few pieces at once.
    expect(waited).toBeGreaterThan(0);
    expect(compressor.maxInFlight).toBeLessThanOrEqual(4);
  });

  it("a piece that fails to compress fails the zip", async () => {
    const zip = new ZipStream({
      deflate: () => Promise.reject(new Error("deflate failed")),
      crc32: (piece, crc) => crc32(piece, crc),
    });
    const part = zip.part("xl/worksheets/sheet1.xml");
    part.write("<worksheet/>");
    part.end();
    await expect(zip.finish()).rejects.toThrow("deflate failed");
  });
});
