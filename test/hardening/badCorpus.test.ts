/**
 * The bad-input corpus (test/fixtures/bad, made by scripts/fixtures/make-bad-corpus.ts): every
 * file goes through importFile and buildPlanTable as the pane does it, and its measures and
 * problems must equal the hand-written NAME.expected.json exactly (codes, severities, rows,
 * columns, params; a library's own error wording, params.detail, is left out).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { problemMessage } from "../../src/domain/messages";
import type { Measure, Problem } from "../../src/domain/model";
import { buildPlanTable } from "../../src/domain/pipeline";
import { importFile } from "../../src/importers";

const DIR = join(__dirname, "..", "fixtures", "bad");

interface FieldChecks {
  owners?: string[];
  plan?: string;
  results?: string;
  nextPlan?: string;
  planLength?: number;
  planIncludes?: string;
  chapterNumber?: string;
  sectionNumber?: string;
}
interface Expected {
  why: string;
  measures: string[];
  problems: Record<string, unknown>[];
  fields?: Record<string, FieldChecks>;
}

const inputs = readdirSync(DIR)
  .filter((f) => !f.endsWith(".expected.json"))
  .sort();

/** The problem as compared: no file (it is the input's name, checked apart), no library wording. */
function comparable(p: Problem): Record<string, unknown> {
  const { file: _file, params, ...rest } = p;
  const out: Record<string, unknown> = { ...rest };
  if (params) {
    const { detail: _detail, ...kept } = params;
    if (Object.keys(kept).length > 0) out.params = kept;
  }
  return out;
}

function checkFields(m: Measure, f: FieldChecks): void {
  if (f.owners) expect(m.owners).toEqual(f.owners);
  if (f.plan !== undefined) expect(m.plan).toBe(f.plan);
  if (f.results !== undefined) expect(m.results).toBe(f.results);
  if (f.nextPlan !== undefined) expect(m.nextPlan).toBe(f.nextPlan);
  if (f.planLength !== undefined) expect(m.plan.length).toBe(f.planLength);
  if (f.planIncludes !== undefined) expect(m.plan).toContain(f.planIncludes);
  if (f.chapterNumber !== undefined) expect(m.chapter?.number).toBe(f.chapterNumber);
  if (f.sectionNumber !== undefined) expect(m.section?.number).toBe(f.sectionNumber);
}

describe("bad-input corpus: each file gives exactly its expected measures and problems", () => {
  it("has an expectation for every file and a file for every expectation", () => {
    const expectations = readdirSync(DIR).filter((f) => f.endsWith(".expected.json"));
    expect(expectations.map((e) => e.replace(/\.expected\.json$/u, "")).sort()).toEqual(
      inputs.map((f) => f.replace(/\.[^.]+$/u, "")).sort()
    );
    expect(inputs.length).toBe(37); // the README's figure ("37 real-world bad files")
  });

  it.each(inputs)("%s", async (name) => {
    const expected = JSON.parse(
      readFileSync(join(DIR, name.replace(/\.[^.]+$/u, ".expected.json")), "utf8")
    ) as Expected;
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const table = buildPlanTable([await importFile(name, bytes)]);

    expect(table.measures.map((m) => m.id)).toEqual(expected.measures);
    expect(table.problems.map(comparable)).toEqual(expected.problems);
    for (const [id, f] of Object.entries(expected.fields ?? {})) {
      const m = table.measures.find((x) => x.id === id);
      expect(m).toBeDefined();
      checkFields(m as Measure, f);
    }
    // Every problem names the file and reads as a sentence in both languages (no template holes).
    for (const p of table.problems) {
      expect(p.file).toBe(name);
      for (const lang of ["ja", "en"] as const) {
        const text = problemMessage(p, lang);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/undefined|NaN|\[object/u);
      }
    }
    // pdf.js is an ES module loaded on first use; under a busy parallel Jest run that alone took over 5 s.
  }, 30_000);
});

describe("bad input names its problem in plain words", () => {
  it("an EUC-JP file is refused with a message naming EUC-JP and the encodings to use", async () => {
    const r = await importFile("eucjp.csv", new Uint8Array(readFileSync(join(DIR, "eucjp.csv"))));
    expect(problemMessage(r.problems[0], "ja")).toMatch(/EUC-JP.*UTF-8 または Shift_JIS/u);
    expect(problemMessage(r.problems[0], "en")).toMatch(/EUC-JP.*UTF-8 or Shift_JIS/u);
  });

  it("a UTF-16 file (Excel's Unicode text) is read like its UTF-8 twin", async () => {
    const r = await importFile(
      "utf16le-bom.csv",
      new Uint8Array(readFileSync(join(DIR, "utf16le-bom.csv")))
    );
    expect(r.problems).toEqual([]);
    expect(r.drafts.map((d) => d.ownersText)).toEqual(["総務省", "経済産業省", "警察庁"]);
  });
});
