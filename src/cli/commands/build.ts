/**
 * `plan-tables build FILE… (--out NEW.xlsx | --into BOOK.xlsx [--out NEW.xlsx | --in-place])
 * [--lang ja|en] [--summary-json FILE]`: import, validate and write the workbook (dashboard,
 * 施策一覧, 検証結果, one sheet per ministry). With --into, our sheets are added to the user's
 * workbook (its own parts kept byte for byte, our earlier sheets replaced), written to a new file:
 * --out, or BOOK.plan-tables.xlsx next to it; --in-place replaces BOOK through a temporary file.
 * An .xlsm stays an .xlsm, macros included.
 * A file without a required column writes nothing (exit 1); an unreadable file writes nothing
 * (exit 2); other problems are listed on 検証結果 and give exit 1 after writing.
 */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { summarize } from "../../domain/aggregate";
import { blocksRun, problemLocation, problemMessage } from "../../domain/messages";
import type { Lang, PlanTable, Problem } from "../../domain/model";
import { buildWorkbookPlan } from "../../workbook/buildWorkbookPlan";
import { renderXlsx, type RenderProgress } from "../../xlsx/renderXlsx";
import { parseArgs } from "../args";
import { EXIT_PROBLEMS, EXIT_UNUSABLE, type CliIO } from "../io";
import { takeFileList } from "../editions";
import { exitCodeFor, loadPlanTable } from "../load";
import { nodeCompressor } from "../nodeCompressor";
import { langOrUsageError, orderOrUsageError, usageError } from "./common";
import { BUDGET_OPTIONS, budgetsFromArgs } from "../budgetFlags";
import { withPreviousEdition } from "./buildPrevious";
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
    intoNotBook: "--into には .xlsx か .xlsm のブックを指定してください",
    outAndInPlace: "--out と --in-place は同時に指定できません",
    inPlaceNeedsInto: "--in-place は --into BOOK と一緒に指定してください",
    outIsInto: (b: string) =>
      `--out が --into と同じ ${b} です。上書きするときは --in-place を指定してください`,
    extensionKept: (ext: string) =>
      `--out の拡張子は --into のブックと同じ ${ext} にしてください(マクロを保つため)`,
    unreadableBase: (b: string, why: string) => `${b} をブックとして読み込めません: ${why}\n`,
    progressSheet: (n: number, m: number, name: string) => `シート ${n}/${m}: ${name}`,
    progressCompress: "圧縮しています",
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
    intoNotBook: "--into must name an .xlsx or .xlsm workbook",
    outAndInPlace: "give --out or --in-place, not both",
    inPlaceNeedsInto: "--in-place needs --into BOOK",
    outIsInto: (b: string) =>
      `--out names ${b}, the --into workbook; give --in-place to replace it`,
    extensionKept: (ext: string) =>
      `--out must keep the --into workbook's extension ${ext} (its macros need it)`,
    unreadableBase: (b: string, why: string) => `Cannot read ${b} as a workbook: ${why}\n`,
    progressSheet: (n: number, m: number, name: string) => `sheet ${n} of ${m}: ${name}`,
    progressCompress: "compressing",
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
  usage:
    "build FILE… (--out NEW.xlsx | --into BOOK.xlsx [--out NEW.xlsx | --in-place]) [--previous FILE…] [--lang ja|en] [--order government|count] [--summary-json FILE]",
  summary: {
    ja: "施策一覧・検証結果・ダッシュボード・府省庁別シートのブック (.xlsx) を作成します",
    en: "Write the workbook (.xlsx): measures, validation, dashboard, one sheet per ministry",
  },
  async run(argvAll, io) {
    const previous = takeFileList(argvAll, "previous");
    const argv = previous.rest;
    const parsed = parseArgs(argv, {
      flags: ["in-place"],
      options: ["out", "into", "lang", "order", "summary-json", ...BUDGET_OPTIONS],
    });
    if (!parsed.ok) return usageError(io, this, parsed.error);
    const budgets = budgetsFromArgs(parsed.args);
    if ("error" in budgets) return usageError(io, this, budgets.error);
    const lang = langOrUsageError(io, this, parsed.args);
    if (typeof lang === "number") return lang;
    const t = T[lang];
    const order = orderOrUsageError(io, this, parsed.args, lang);
    if (typeof order === "number") return order;
    const target = outputOf(parsed.args.options, parsed.args.flags.has("in-place"), t);
    if ("error" in target) return usageError(io, this, target.error, lang);
    const { out, into } = target;
    if (parsed.args.positionals.length === 0) return usageError(io, this, t.needFiles, lang);

    const table = await loadPlanTable(parsed.args.positionals, io, budgets);
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

    let base: Uint8Array | undefined;
    if (into) {
      try {
        base = await io.readFile(into);
      } catch (e) {
        io.stderr(`plan-tables: ${t.unreadableBase(into, (e as Error).message)}`);
        return EXIT_UNUSABLE;
      }
    }
    let plan = buildWorkbookPlan(table, { lang, order, message: problemMessage });
    if (previous.files !== null) {
      // Decisions on pairs live in the workbook being regenerated: the base book, or the output.
      const book = into ?? out;
      const withPrevious = await withPreviousEdition(plan, table, previous.files, book, io, lang);
      if (typeof withPrevious === "number") return withPrevious;
      plan = withPrevious;
    }
    let bytes: Uint8Array;
    try {
      bytes = await renderXlsx(plan, {
        base,
        compressor: nodeCompressor,
        onProgress: (p) => io.progress?.(progressText(p, t)),
      });
    } catch (e) {
      io.progress?.("");
      if (!into) throw e;
      io.stderr(`plan-tables: ${t.unreadableBase(into, (e as Error).message)}`);
      return EXIT_UNUSABLE;
    }
    io.progress?.("");
    try {
      await writeFileAtomic(out, bytes);
      const json = parsed.args.options.get("summary-json");
      if (json) {
        const s = summarize(table, lang, order);
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

type BuildStrings = (typeof T)[Lang];

/**
 * Where the workbook goes: --out; with --into and no --out, BOOK.plan-tables.xlsx (or .xlsm)
 * next to BOOK; with --in-place, BOOK itself (written through a temporary file, then renamed).
 */
function outputOf(
  options: ReadonlyMap<string, string>,
  inPlace: boolean,
  t: BuildStrings
): { out: string; into?: string } | { error: string } {
  const out = options.get("out");
  const into = options.get("into");
  if (!into) {
    if (inPlace) return { error: t.inPlaceNeedsInto };
    if (!out) return { error: t.needOut };
    if (!/\.xlsx$/i.test(out)) return { error: t.notXlsx };
    return { out };
  }
  const ext = extname(into).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm") return { error: t.intoNotBook };
  if (inPlace) return out ? { error: t.outAndInPlace } : { out: into, into };
  if (!out) return { out: into.slice(0, -ext.length) + ".plan-tables" + extname(into), into };
  if (extname(out).toLowerCase() !== ext) return { error: t.extensionKept(ext) };
  if (resolve(out) === resolve(into)) return { error: t.outIsInto(into) };
  return { out, into };
}

function progressText(p: RenderProgress, t: BuildStrings): string {
  return p.phase === "sheet"
    ? t.progressSheet(p.done + 1, p.total, p.sheet ?? "")
    : t.progressCompress;
}
