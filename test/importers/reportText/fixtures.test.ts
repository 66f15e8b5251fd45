/**
 * The report-text importer against every fixture's truth (test/fixtures/report-text and the real
 * seed page): measures found, labels, owners, status, (再掲), and the share of cell characters
 * recovered exactly. Prints the figures and writes them to artifacts/report-import.json.
 */
import * as fs from "fs";
import * as path from "path";
import { importReportText } from "../../../src/importers/reportText";
import {
  type Fixture,
  type FixtureScore,
  readFixture,
  reportFixtures,
  scoreFixture,
  scoreImport,
} from "./fixtureScore";

const SEED = path.join(__dirname, "../../fixtures/seed/cs2024-appendix2-page18.txt");
/** The seed is a real page as a web viewer extracted it: its junk lines stay (the importer must skip them). */
function seedFixture(): Fixture {
  const fx = readFixture(SEED);
  return { ...fx, text: fs.readFileSync(SEED, "utf8") };
}

const fixtures = [...reportFixtures(), seedFixture()];
const scores: FixtureScore[] = [];

describe.each(fixtures.map((f) => [f.name, f] as const))("report text fixture %s", (_name, fx) => {
  const { score, result } = scoreFixture(fx);
  scores.push(score);

  test("finds as many measures as the truth lists", () => {
    expect(result.drafts.map((d) => d.label)).toHaveLength(fx.rows.length);
  });

  test("every label, owner list and (再掲) flag is right", () => {
    for (const r of score.rows)
      expect({
        label: r.label,
        labelOk: r.labelOk,
        ownersOk: r.ownersOk,
        repostedOk: r.repostedOk,
      }).toEqual({ label: r.label, labelOk: true, ownersOk: true, repostedOk: true });
  });

  for (const r of score.rows) {
    test(`status of (${r.label}) matches the truth's hint`, () => expect(r.statusOk).toBe(true));
  }

  test("every cell text is recovered exactly (line breaks removed, NFKC)", () => {
    expect(score.rows.filter((r) => !r.cellsExact).map((r) => r.label)).toEqual([]);
    expect(score.charShare).toBe(1);
  });

  test("section and sub-section headings are carried to the rows", () => {
    expect(score.rows.filter((r) => !r.headingOk).map((r) => r.label)).toEqual([]);
  });

  test("every draft has a confidence in 0..1 and a page and line", () => {
    for (const d of result.drafts) {
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
      expect(d.source.page).toBeGreaterThanOrEqual(1);
      expect(d.source.line).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("several pages given together", () => {
  test("all fixtures concatenated import as one report with every row right", () => {
    // The seed's web-viewer junk stands before its first page only; between pages it would be row text.
    const pageText = (f: Fixture) =>
      f.text.startsWith("よむ") ? f.text.slice(f.text.indexOf("別添2")) : f.text;
    const text = fixtures.map(pageText).join("\n");
    const result = importReportText(text, "all.txt");
    expect(result.drafts).toHaveLength(fixtures.reduce((n, f) => n + f.rows.length, 0));
    let offset = 0;
    for (const fx of fixtures) {
      const s = scoreImport(fx, result, offset);
      offset += fx.rows.length;
      expect({
        fx: fx.name,
        ok: s.rows.every((r) => r.labelOk && r.ownersOk && r.repostedOk && r.cellsExact),
      }).toEqual({ fx: fx.name, ok: true });
    }
  });

  /** A page break anywhere (a repeated page header between two lines) must not change the table. */
  test.each(fixtures.map((f) => [f.name, f] as const))(
    "a page break at any line of %s leaves the rows whole",
    (_n, fx) => {
      const lines = fx.text.split("\n");
      const ti = lines.findIndex((l) => l.includes("施策の実施状況及び"));
      const header = ["別添2", lines[ti].replace(/^別添2\s*/u, ""), lines[ti + 1]];
      const broken: number[] = [];
      for (let k = ti + 3; k < lines.length; k++) {
        const text = [...lines.slice(0, k), ...header, ...lines.slice(k)].join("\n");
        const s = scoreImport(fx, importReportText(text, "x.txt"));
        if (!(
          s.found === fx.rows.length &&
          s.rows.every((r) => r.labelOk && r.ownersOk && r.repostedOk && r.cellsExact)
        ))
          broken.push(k + 1);
      }
      expect(broken).toEqual([]);
    }
  );
});

afterAll(() => {
  const rows = scores.map((s) => ({
    fixture: s.fixture,
    measuresFound: s.found,
    measuresExpected: s.expected,
    labelsRight: s.rows.filter((r) => r.labelOk).length,
    ownersRight: s.rows.filter((r) => r.ownersOk).length,
    statusRight: s.rows.filter((r) => r.statusOk).length,
    cellChars: s.chars,
    cellCharsRecovered: s.charsRight,
    cellCharShare: Math.round(s.charShare * 10000) / 10000,
  }));
  const total = rows.reduce(
    (a, r) => ({ chars: a.chars + r.cellChars, right: a.right + r.cellCharsRecovered }),
    { chars: 0, right: 0 }
  );
  const summary = {
    fixtures: rows.length,
    measuresFound: rows.reduce((n, r) => n + r.measuresFound, 0),
    measuresExpected: rows.reduce((n, r) => n + r.measuresExpected, 0),
    labelsRight: rows.reduce((n, r) => n + r.labelsRight, 0),
    ownersRight: rows.reduce((n, r) => n + r.ownersRight, 0),
    statusRight: rows.reduce((n, r) => n + r.statusRight, 0),
    cellCharShare: total.chars === 0 ? 1 : Math.round((total.right / total.chars) * 10000) / 10000,
  };
  const table = rows
    .map(
      (r) =>
        `${r.fixture.padEnd(40)} measures ${r.measuresFound}/${r.measuresExpected}  labels ${r.labelsRight} owners ${r.ownersRight} status ${r.statusRight}  cell chars ${(r.cellCharShare * 100).toFixed(1)}%`
    )
    .join("\n");
  console.log(`Report text import, per fixture:\n${table}\nTotal: ${JSON.stringify(summary)}`);
  const out = path.join(__dirname, "../../../artifacts");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, "report-import.json");
  const prev = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>)
    : {};
  fs.writeFileSync(
    file,
    JSON.stringify({ ...prev, reportText: { summary, fixtures: rows } }, null, 2)
  );
});
