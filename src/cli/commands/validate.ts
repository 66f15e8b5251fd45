/** `plan-tables validate FILE… [--json] [--lang ja|en]`: every problem, located; exit 0/1/2. */
import { SEVERITY_LABELS, problemLocation, problemMessage } from "../../domain/messages";
import type { Lang, Problem, Severity } from "../../domain/model";
import { summarize } from "../../domain/aggregate";
import { exitCodeFor } from "../load";
import { printJson, prepareTableCommand } from "./common";
import type { Command } from "./types";

function counts(problems: readonly Problem[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) c[p.severity]++;
  return c;
}

function totalLine(lang: Lang, measures: number, c: Record<Severity, number>): string {
  return lang === "ja"
    ? `施策 ${measures} 件を読み込みました。エラー ${c.error} 件、警告 ${c.warning} 件、情報 ${c.info} 件。`
    : `${measures} measures read. ${c.error} errors, ${c.warning} warnings, ${c.info} infos.`;
}

export const validateCommand: Command = {
  name: "validate",
  usage: "validate FILE… [--json] [--lang ja|en]",
  summary: { ja: "表を検証し、問題をすべて表示します", en: "Check tables and list every problem" },
  async run(argv, io) {
    const ctx = await prepareTableCommand(argv, io, this);
    if (typeof ctx === "number") return ctx;
    const { table, lang } = ctx;
    const c = counts(table.problems);
    if (ctx.json) {
      printJson(io, {
        valid: c.error === 0,
        measures: table.measures.length,
        errors: c.error,
        warnings: c.warning,
        infos: c.info,
        issues: summarize(table, lang).issues,
      });
    } else {
      for (const p of table.problems) {
        io.stdout(`${SEVERITY_LABELS[lang][p.severity]}\t${problemLocation(p, lang)}\t[${p.code}] ${problemMessage(p, lang)}\n`);
      }
      io.stdout(totalLine(lang, table.measures.length, c) + "\n");
    }
    return exitCodeFor(table.problems);
  },
};
