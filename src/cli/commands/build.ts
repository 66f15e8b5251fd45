/**
 * `plan-tables build FILE… --out BOOK.xlsx [--lang ja|en] [--summary-json FILE]`: import,
 * validate and write the workbook (dashboard, 施策一覧, 検証結果, one sheet per ministry).
 * A file without a required column writes nothing (exit 1); an unreadable file writes nothing
 * (exit 2); other problems are listed on 検証結果 and give exit 1 after writing.
 */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { summarize } from "../../domain/aggregate";
import { blocksRun, problemLocation, problemMessage } from "../../domain/messages";
import type { Lang, PlanTable, Problem } from "../../domain/model";
import { buildWorkbookPlan } from "../../workbook/buildWorkbookPlan";
import { renderXlsx } from "../../xlsx/renderXlsx";
import { langOption, parseArgs } from "../args";
import { EXIT_PROBLEMS, EXIT_UNUSABLE, type CliIO } from "../io";
import { exitCodeFor, loadPlanTable } from "../load";
import { usageError } from "./common";
import type { Command } from "./types";

/**
 * Writes next to the destination, then renames over it: an existing file is replaced only by
 * a complete new one (rename is atomic on one file system).
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

const T = {
  ja: {
    needOut: "--out BOOK.xlsx を指定してください",
    needFiles: "ファイルを指定してください",
    notXlsx: "--out には .xlsx のファイル名を指定してください",
    blocked: "必須の列がないため、ブックは作成しませんでした:",
    unusable: "読み込めないファイルがあるため、ブックは作成しませんでした:",
    wrote: (out: string, n: number, r: number, m: number, e: number, w: number) =>
      `${out} を作成しました(施策 ${n} 件(うち再掲 ${r} 件)、府省庁 ${m}、エラー ${e} 件、警告 ${w} 件)\n`,
    writeFailed: (out: string, why: string) => `${out} を書き込めませんでした: ${why}\n`,
  },
  en: {
    needOut: "give --out BOOK.xlsx",
    needFiles: "give at least one FILE",
    notXlsx: "--out must name an .xlsx file",
    blocked: "A required column is missing, so no workbook was written:",
    unusable: "A file could not be read, so no workbook was written:",
    wrote: (out: string, n: number, r: number, m: number, e: number, w: number) =>
      `Wrote ${out} (${n} measures, ${r} of them reposted; ${m} ministries, ${e} errors, ${w} warnings)\n`,
    writeFailed: (out: string, why: string) => `Could not write ${out}: ${why}\n`,
  },
} satisfies Record<Lang, unknown>;

/** The problems that stop `build` from writing a workbook: the catalogue's rule, the pane's too. */
export function buildBlockers(problems: readonly Problem[]): Problem[] {
  return problems.filter(blocksRun);
}

function reportBlocking(
  io: CliIO,
  table: PlanTable,
  lang: Lang,
  heading: string,
  codes: ReadonlySet<string>
): void {
  io.stderr(`plan-tables: ${heading}\n`);
  for (const p of table.problems.filter((x) => x.severity === "error" && codes.has(x.code)))
    io.stderr(`  ${problemLocation(p, lang)}: ${problemMessage(p, lang)}\n`);
}

export const buildCommand: Command = {
  name: "build",
  usage: "build FILE… --out BOOK.xlsx [--lang ja|en] [--summary-json FILE]",
  summary: {
    ja: "施策一覧・検証結果・ダッシュボード・府省庁別シートのブック (.xlsx) を作成します",
    en: "Write the workbook (.xlsx): measures, validation, dashboard, one sheet per ministry",
  },
  async run(argv, io) {
    const parsed = parseArgs(argv, { options: ["out", "lang", "summary-json"] });
    if (!parsed.ok) return usageError(io, this, parsed.error);
    const lang = langOption(parsed.args);
    if (!lang)
      return usageError(
        io,
        this,
        `--lang must be ja or en, not "${parsed.args.options.get("lang")}"`
      );
    const t = T[lang];
    const out = parsed.args.options.get("out");
    if (!out) return usageError(io, this, t.needOut, lang);
    if (!/\.xlsx$/i.test(out)) return usageError(io, this, t.notXlsx, lang);
    if (parsed.args.positionals.length === 0) return usageError(io, this, t.needFiles, lang);

    const table = await loadPlanTable(parsed.args.positionals, io);
    const code = exitCodeFor(table.problems);
    if (code === EXIT_UNUSABLE) {
      reportBlocking(
        io,
        table,
        lang,
        t.unusable,
        new Set(["unreadable-file", "unsupported-encoding"])
      );
      return EXIT_UNUSABLE;
    }
    if (buildBlockers(table.problems).length > 0) {
      reportBlocking(
        io,
        table,
        lang,
        t.blocked,
        new Set(buildBlockers(table.problems).map((p) => p.code))
      );
      return EXIT_PROBLEMS;
    }

    const plan = buildWorkbookPlan(table, { lang, message: problemMessage });
    try {
      await writeFileAtomic(out, await renderXlsx(plan));
      const json = parsed.args.options.get("summary-json");
      if (json) {
        const s = summarize(table, lang);
        const doc = {
          fiscalYears: s.fiscalYears,
          measures: s.measures,
          status: s.status,
          ministries: s.ministries,
          issues: s.issues,
        };
        await writeFileAtomic(json, JSON.stringify(doc, null, 2) + "\n");
      }
    } catch (e) {
      io.stderr(`plan-tables: ${t.writeFailed(out, (e as Error).message)}`);
      return EXIT_UNUSABLE;
    }
    const ministries = plan.sheets.filter((s) => s.kind === "ministry").length;
    const errors = table.problems.filter((p) => p.severity === "error").length;
    const warnings = table.problems.filter((p) => p.severity === "warning").length;
    const reposted = table.measures.filter((m) => m.reposted).length;
    io.stdout(t.wrote(out, table.measures.length, reposted, ministries, errors, warnings));
    return code;
  },
};
