/**
 * `plan-tables compare --before FILE… --after FILE… [--json] [--lang ja|en]`: follow each
 * measure of the older edition into the newer one (compareEditions). Ids are those of
 * `measures --json`. Pairs to review are listed on stderr with --json (the JSON shape is the
 * issue's, unchanged), on stdout otherwise.
 */
import { compareEditions } from "../../domain/compare/compareEditions";
import type { EditionComparison, ReviewItem } from "../../domain/compare/model";
import type { Lang, Measure, PlanTable } from "../../domain/model";
import { parseArgs } from "../args";
import { importPaths, takeFileList } from "../editions";
import { buildPlanTable } from "../../domain/pipeline";
import { EXIT_PROBLEMS, EXIT_UNUSABLE } from "../io";
import { exitCodeFor } from "../load";
import { langOrUsageError, printJson, usageError } from "./common";
import type { Command } from "./types";

/** The JSON: before/after editions, pairs, added, removed, byMinistry. */
export function comparisonJson(before: PlanTable, after: PlanTable, c: EditionComparison) {
  const b = before.measures;
  const a = after.measures;
  return {
    before: { fiscalYears: before.fiscalYears, measures: b.length },
    after: { fiscalYears: after.fiscalYears, measures: a.length },
    pairs: c.pairs.map((p) => ({
      before: b[p.before].id,
      after: a[p.after].id,
      score: p.score,
      changes: p.changes,
    })),
    added: c.added.map((j) => a[j].id),
    removed: c.removed.map((r) => ({ id: b[r.before].id, declaredEnded: r.declaredEnded })),
    byMinistry: c.byMinistry,
  };
}

const T = {
  ja: {
    needBoth: "--before と --after にそれぞれファイルを指定してください",
    summary: (p: number, a: number, r: number, e: number, v: number) =>
      `継続 ${p} 件、新規 ${a} 件、前年度のみ ${r} 件(うち終了と明記 ${e} 件)、要確認 ${v} 件\n`,
    review: {
      "low-score": "一致度が低い組",
      tie: "同程度の候補がほかにもある組",
      possible: "組にしなかった候補",
    } satisfies Record<ReviewItem["kind"], string>,
    removed: (ended: boolean) => (ended ? "終了と明記" : "記載なしで消えた"),
    added: "新規",
  },
  en: {
    needBoth: "give files after both --before and --after",
    summary: (p: number, a: number, r: number, e: number, v: number) =>
      `${p} continued, ${a} added, ${r} removed (${e} declared ended), ${v} to review\n`,
    review: {
      "low-score": "weak pair",
      tie: "pair with an equally good rival",
      possible: "candidate not paired",
    } satisfies Record<ReviewItem["kind"], string>,
    removed: (ended: boolean) => (ended ? "declared ended" : "silently absent"),
    added: "added",
  },
} satisfies Record<Lang, unknown>;

function reviewLines(c: EditionComparison, b: Measure[], a: Measure[], lang: Lang): string[] {
  return c.review.map((r) => {
    const rival = r.rival !== undefined ? ` / ${b[r.rival].id}` : "";
    return `? ${b[r.before].id}${rival} → ${a[r.after].id}\t${r.score.toFixed(2)}\t${T[lang].review[r.kind]}`;
  });
}

export const compareCommand: Command = {
  name: "compare",
  usage: "compare --before FILE… --after FILE… [--json] [--lang ja|en]",
  summary: {
    ja: "前年度版と今年度版の施策を突き合わせます(継続・新規・終了・所管の変更)",
    en: "Follow each measure from last year's edition to this year's (continued, added, removed, owner changes)",
  },
  async run(argv, io) {
    const b = takeFileList(argv, "before");
    const a = takeFileList(b.rest, "after");
    const parsed = parseArgs(a.rest, { flags: ["json"], options: ["lang"] });
    if (!parsed.ok) return usageError(io, this, parsed.error);
    const lang = langOrUsageError(io, this, parsed.args);
    if (typeof lang === "number") return lang;
    if (!b.files?.length || !a.files?.length || parsed.args.positionals.length > 0)
      return usageError(io, this, T[lang].needBoth, lang);
    const before = buildPlanTable(await importPaths(b.files, io));
    const after = buildPlanTable(await importPaths(a.files, io));
    const codes = [exitCodeFor(before.problems), exitCodeFor(after.problems)];
    if (codes.includes(EXIT_UNUSABLE)) {
      for (const p of [...before.problems, ...after.problems].filter(
        (x) => x.code === "unreadable-file" || x.code === "unsupported-encoding"
      ))
        io.stderr(`plan-tables: ${p.file}: ${p.code}\n`);
      return EXIT_UNUSABLE;
    }
    const c = compareEditions(before.measures, after.measures);
    const bm = before.measures;
    const am = after.measures;
    if (parsed.args.flags.has("json")) {
      printJson(io, comparisonJson(before, after, c));
      for (const line of reviewLines(c, bm, am, lang)) io.stderr(`${line}\n`);
    } else {
      const t = T[lang];
      io.stdout(
        t.summary(
          c.pairs.length,
          c.added.length,
          c.removed.length,
          c.removed.filter((r) => r.declaredEnded).length,
          c.review.length
        )
      );
      for (const p of c.pairs)
        io.stdout(
          `= ${bm[p.before].id} → ${am[p.after].id}\t${p.score.toFixed(2)}\t${p.changes.join(",")}\n`
        );
      for (const j of c.added) io.stdout(`+ ${am[j].id}\t${t.added}\n`);
      for (const r of c.removed) io.stdout(`- ${bm[r.before].id}\t${t.removed(r.declaredEnded)}\n`);
      for (const line of reviewLines(c, bm, am, lang)) io.stdout(`${line}\n`);
    }
    // Data errors in either edition (e.g. a file of a third edition) make exit 1, as elsewhere.
    return codes.includes(EXIT_PROBLEMS) ? EXIT_PROBLEMS : 0;
  },
};
