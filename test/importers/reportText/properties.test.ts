/**
 * Properties of the report-text importer on perturbed real layouts (fast-check): lines of the
 * fixtures dropped, repeated, swapped, blank lines and page headers inserted. Whatever the
 * layout, the import never throws, every item label in the text comes back as a measure (never
 * silently lost), and every measure is located and has a confidence.
 */
import fc from "fast-check";
import { importReportText } from "../../../src/importers/reportText";
import { reportFixtures } from "./fixtureScore";

const LABEL_LINE = /^[(（]\s*[ァ-ヶ]{1,2}\s*[)）]/u;
const HEADER = [
  "別添2",
  "2023 年度のサイバーセキュリティ関連施策の実施状況及び 2024 年度年次計画",
  "2 国民が安全で安心して暮らせるデジタル社会の実現",
];

const bodies = reportFixtures().map((f) => {
  const lines = f.text.split("\n");
  const t = lines.findIndex((l) => l.includes("施策の実施状況及び"));
  return { head: lines.slice(0, t + 2), body: lines.slice(t + 2) };
});

type Op = { kind: "drop" | "repeat" | "swap" | "blank" | "page"; at: number };
const op = fc.record({
  kind: fc.constantFrom<Op["kind"]>("drop", "repeat", "swap", "blank", "page"),
  at: fc.nat(),
});

function perturb(body: string[], ops: Op[]): string[] {
  const out = [...body];
  for (const o of ops) {
    if (out.length === 0) break;
    const i = o.at % out.length;
    if (o.kind === "drop") out.splice(i, 1);
    else if (o.kind === "repeat") out.splice(i, 0, out[i]);
    else if (o.kind === "swap" && i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1], out[i]];
    else if (o.kind === "blank") out.splice(i, 0, "");
    else if (o.kind === "page") out.splice(i, 0, ...HEADER);
  }
  return out;
}

test("perturbed layouts never throw, never lose a label, and every measure is located", () => {
  fc.assert(
    fc.property(fc.nat({ max: bodies.length - 1 }), fc.array(op, { maxLength: 8 }), (k, ops) => {
      const { head, body } = bodies[k];
      const lines = [...head, ...perturb(body, ops)];
      const text = lines.join("\n");
      const r = importReportText(text, "x.txt");
      const labels = lines.filter((l) => LABEL_LINE.test(l.trim())).length;
      expect(r.drafts.filter((d) => d.label !== "").length).toBe(labels);
      for (const d of r.drafts) {
        expect(d.source.line).toBeGreaterThanOrEqual(1);
        expect(d.source.line).toBeLessThanOrEqual(lines.length);
        expect(d.confidence).toBeGreaterThan(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
      }
      for (const p of r.problems.filter((q) => q.severity === "warning"))
        expect(p.page).toBeGreaterThanOrEqual(1);
    }),
    { numRuns: 300 }
  );
});
