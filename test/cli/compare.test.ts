/** `plan-tables compare` on generated editions written as mixed UTF-8 and Shift_JIS CSV files. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliIO, processIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { editionFiles, generateEditions } from "../domain/compare/editionGenerator";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = {
    ...processIO,
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

function write(dir: string, files: { name: string; bytes: Uint8Array }[]): string[] {
  return files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
}

describe("plan-tables compare", () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-tables-compare-"));
  const g = generateEditions({ seed: 2024 });
  const before = write(dir, editionFiles(g.before, "2023年度"));
  const after = write(dir, editionFiles(g.after, "2024年度"));

  test("--json gives the issue's shape with the ids of measures --json, and finds the crosswalk", async () => {
    const { code, out } = await run(
      "compare",
      "--before",
      ...before,
      "--after",
      ...after,
      "--json"
    );
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual([
      "before",
      "after",
      "pairs",
      "added",
      "removed",
      "byMinistry",
    ]);
    expect(doc.before).toEqual({
      fiscalYears: { plan: 2023, next: 2024 },
      measures: g.before.rows.length,
    });
    expect(doc.after).toEqual({
      fiscalYears: { plan: 2024, next: 2025 },
      measures: g.after.rows.length,
    });
    for (const p of doc.pairs) {
      expect(Object.keys(p)).toEqual(["before", "after", "score", "changes"]);
      for (const c of p.changes) expect(["label", "owners", "section", "wording"]).toContain(c);
    }
    const ids = JSON.parse((await run("measures", ...after, "--json")).out).map(
      (m: { id: string }) => m.id
    );
    for (const p of doc.pairs) expect(ids).toContain(p.after);
    const found = new Set(
      doc.pairs.map((p: { before: string; after: string }) => `${p.before}→${p.after}`)
    );
    const right = g.crosswalk.pairs.filter(([b, a]) => found.has(`${b}→${a}`)).length;
    expect(right / found.size).toBeGreaterThanOrEqual(0.95);
    expect(right / g.crosswalk.pairs.length).toBeGreaterThanOrEqual(0.95);
    expect([...doc.added].sort()).toEqual([...g.crosswalk.added].sort());
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    expect([...doc.removed].sort(byId)).toEqual([...g.crosswalk.removed].sort(byId));
    expect(Object.keys(doc.byMinistry[0])).toEqual([
      "name",
      "continued",
      "added",
      "removed",
      "movedIn",
      "movedOut",
    ]);
  });

  test("without --json: a summary line and one line per pair, addition and removal", async () => {
    const { code, out } = await run("compare", "--before", ...before, "--after", ...after);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toMatch(
      /^継続 \d+ 件、新規 \d+ 件、前年度のみ \d+ 件\(うち終了と明記 \d+ 件\)、要確認 \d+ 件$/
    );
    expect(out.split("\n").filter((l) => l.startsWith("+ "))).toHaveLength(
      g.crosswalk.added.length
    );
    expect(out.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(
      g.crosswalk.removed.length
    );
  });

  test("both file lists are required", async () => {
    const { code, err } = await run("compare", "--before", ...before);
    expect(code).toBe(2);
    expect(err).toContain("--before と --after");
  });
});
