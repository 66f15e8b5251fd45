/**
 * Scoring an import against a fixture's truth (`NN_*.expected.json`): measures found vs expected,
 * labels, owners, status, and the share of cell characters recovered exactly (line breaks removed,
 * NFKC; a cell scores the longest common subsequence over the longer of the two texts).
 */
import * as fs from "fs";
import * as path from "path";
import { finalizeMeasures } from "../../../src/domain/finalize";
import { normalizeLabel } from "../../../src/domain/labels";
import type { Measure, Status } from "../../../src/domain/model";
import { importReportText } from "../../../src/importers/reportText";
import type { ImportResult } from "../../../src/domain/importResult";

export interface ExpectedRow {
  label: string;
  ministries: string[];
  heading: string | null;
  plan_prev_year: string | null;
  results: string | null;
  plan_next_year: string | null;
  reposted: boolean;
  status_hint: string;
}

export interface Fixture {
  name: string;
  /** The page text without the fixture's two header lines (page imitated, comment). */
  text: string;
  rows: ExpectedRow[];
}

export const FIXTURE_DIR = path.join(__dirname, "../../fixtures/report-text");

/** Read a fixture: line 1 names the page imitated, line 2 is a `#` comment; both are skipped. */
export function readFixture(
  txtPath: string,
  expectedPath = txtPath.replace(/\.txt$/u, ".expected.json")
): Fixture {
  const lines = fs.readFileSync(txtPath, "utf8").split("\n");
  const skip = lines[1]?.startsWith("#") ? 2 : 0;
  const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8")) as { rows: ExpectedRow[] };
  return {
    name: path.basename(txtPath, ".txt"),
    text: lines.slice(skip).join("\n"),
    rows: expected.rows,
  };
}

export function reportFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFixture(path.join(FIXTURE_DIR, f)));
}

/** The status a fixture's hint names: "continuing", "ended (…)", "not_reported (…)", "truncated: …". */
export function hintStatus(hint: string): Status {
  const h = hint.toLowerCase();
  if (h.startsWith("ended")) return "ended";
  if (h.startsWith("new")) return "new";
  if (h.startsWith("expanded")) return "expanded";
  if (h.startsWith("not_reported") || h.startsWith("truncated") || h.startsWith("unreported"))
    return "unreported";
  return "continuing";
}

const cellKey = (s: string | null | undefined) =>
  (s ?? "").replace(/\r?\n/gu, "").normalize("NFKC");

export function lcs(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++)
      cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[y.length];
}

export interface RowScore {
  label: string;
  labelOk: boolean;
  ownersOk: boolean;
  statusOk: boolean;
  repostedOk: boolean;
  headingOk: boolean;
  cellsExact: boolean;
}

export interface FixtureScore {
  fixture: string;
  expected: number;
  found: number;
  rows: RowScore[];
  chars: number;
  charsRight: number;
  /** Share of cell characters recovered exactly, 0..1. */
  charShare: number;
  allRight: boolean;
}

/** The innermost heading a fixture names: "1.4 title" for a section, "(1) title" for a sub-section. */
function headingOf(m: Measure): string | null {
  const h = m.subsection ?? m.section;
  return h ? `${h.number} ${h.title}` : null;
}

export function scoreImport(fx: Fixture, result: ImportResult, offset = 0): FixtureScore {
  const measures = finalizeMeasures(result.drafts).slice(offset, offset + fx.rows.length + 0);
  let chars = 0;
  let charsRight = 0;
  const rows: RowScore[] = fx.rows.map((e, i) => {
    const m = measures[i];
    const cells: [string | null, string | undefined][] = [
      [e.plan_prev_year, m?.plan],
      [e.results, m?.results],
      [e.plan_next_year, m?.nextPlan],
    ];
    let exact = true;
    for (const [want, got] of cells) {
      const w = cellKey(want);
      const g = cellKey(got);
      const denom = Math.max([...w].length, [...g].length);
      chars += [...w].length;
      charsRight += denom === 0 ? 0 : (lcs(w, g) * [...w].length) / denom;
      if (w !== g) exact = false;
    }
    const wantHeading = e.heading && /^[①-⑳]/u.test(e.heading) ? null : e.heading;
    return {
      label: e.label,
      labelOk: m !== undefined && m.label === normalizeLabel(e.label),
      ownersOk: m !== undefined && JSON.stringify(m.owners) === JSON.stringify(e.ministries),
      statusOk: m !== undefined && m.status === hintStatus(e.status_hint),
      repostedOk: m !== undefined && m.reposted === e.reposted,
      headingOk: m !== undefined && headingOf(m) === wantHeading,
      cellsExact: exact,
    };
  });
  const found = result.drafts.length;
  const charShare = chars === 0 ? 1 : charsRight / chars;
  return {
    fixture: fx.name,
    expected: fx.rows.length,
    found,
    rows,
    chars,
    charsRight: Math.round(charsRight),
    charShare,
    allRight: rows.every((r) => r.labelOk && r.ownersOk && r.statusOk && r.repostedOk),
  };
}

export function scoreFixture(fx: Fixture): { score: FixtureScore; result: ImportResult } {
  const result = importReportText(fx.text, `${fx.name}.txt`);
  return { score: scoreImport(fx, result), result };
}
