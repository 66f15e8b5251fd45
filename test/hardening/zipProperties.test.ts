/**
 * Damaged and lying packages never crash or hang the .xlsx reader: any zip whose central directory
 * lies about sizes or offsets, any truncation, and any part that is not XML gives a problem (or,
 * where the damage missed what the reader needs, the table), never an exception.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { PROBLEM_CODES } from "../../src/domain/model";
import { importFile } from "../../src/importers";
import type { ImportResult } from "../../src/domain/importResult";

const good = new Uint8Array(
  readFileSync(join(__dirname, "..", "fixtures", "xlsx", "exceljs-features.xlsx"))
);
const parts = unzipSync(good);
const RUNS = { numRuns: 120 };

/** Offsets of the central directory headers (signature PK\1\2). */
function centralHeaders(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 1 && b[i + 3] === 2) out.push(i);
  return out;
}
const HEADERS = centralHeaders(good);

/** A result is well formed: known codes, and no measures without a reason means an error says why. */
function expectWellFormed(r: ImportResult): void {
  for (const p of r.problems) expect(PROBLEM_CODES).toContain(p.code);
  // The reader's own damage errors, not an exception it did not expect (a bug caught as "damaged").
  for (const p of r.problems) expect(String(p.params?.detail ?? "")).not.toMatch(/^unexpected:/u);
  if (r.drafts.length === 0) expect(r.problems.some((p) => p.severity === "error")).toBe(true);
}

describe("lying, truncated and non-XML packages give problems, never exceptions", () => {
  it("a directory that lies about a part's sizes or offset", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HEADERS),
        // +20 compressed size, +24 uncompressed size, +42 local header offset.
        fc.constantFrom(20, 24, 42),
        fc.oneof(
          fc.constant(0),
          fc.constant(0xffffffff),
          fc.nat({ max: 0xffffffff }),
          fc.nat({ max: 4096 })
        ),
        async (header, field, value) => {
          const b = good.slice();
          new DataView(b.buffer).setUint32(header + field, value, true);
          expectWellFormed(await importFile("lie.xlsx", b));
        }
      ),
      RUNS
    );
  }, 120_000);

  it("a package cut anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.length - 1 }), async (cut) => {
        expectWellFormed(await importFile("cut.xlsx", good.subarray(0, cut)));
      }),
      RUNS
    );
  }, 120_000);

  it("any part replaced by bytes or text that is not XML (or XML cut short)", async () => {
    const names = [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet2.xml",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "_rels/.rels",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ maxLength: 500 }).map((s) => strToU8(s)),
          fc.nat().map((n) => strToU8("<root><a>unclosed".repeat((n % 5) + 1)))
        ),
        fc.boolean(),
        async (name, junk, truncateInstead) => {
          const changed = { ...parts };
          changed[name] = truncateInstead
            ? parts[name].subarray(0, junk.length % parts[name].length)
            : junk;
          expectWellFormed(await importFile("junk.xlsx", zipSync(changed)));
        }
      ),
      RUNS
    );
  }, 120_000);
});
