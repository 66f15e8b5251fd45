/**
 * `plan-tables summarize FILE… [--json] [--lang ja|en] [--order government|count]`: status counts
 * per ministry (建制順, or most measures first), plus issues.
 */
import { summarize } from "../../domain/aggregate";
import { SEVERITY_LABELS } from "../../domain/messages";
import { STATUSES } from "../../domain/model";
import { STATUS_LABELS } from "../../domain/status";
import { exitCodeFor } from "../load";
import { printJson, prepareTableCommand } from "./common";
import type { Command } from "./types";

export const summarizeCommand: Command = {
  name: "summarize",
  usage: "summarize FILE… [--json] [--lang ja|en] [--order government|count]",
  summary: { ja: "府省庁別・進捗区分別の件数を集計します", en: "Count measures per ministry and status" },
  async run(argv, io) {
    const ctx = await prepareTableCommand(argv, io, this);
    if (typeof ctx === "number") return ctx;
    const { table, lang } = ctx;
    const s = summarize(table, lang, ctx.order);
    if (ctx.json) {
      // The documented shape: fiscalYears, measures, status, ministries, issues (chapters is for the dashboard).
      printJson(io, { fiscalYears: s.fiscalYears, measures: s.measures, status: s.status, ministries: s.ministries, issues: s.issues });
    } else {
      const head = [lang === "ja" ? "府省庁" : "Ministry", lang === "ja" ? "施策数" : "Measures", ...STATUSES.map((st) => STATUS_LABELS[lang][st])];
      const fy = s.fiscalYears ? (lang === "ja" ? `${s.fiscalYears.plan} 年度 → ${s.fiscalYears.next} 年度` : `FY${s.fiscalYears.plan} → FY${s.fiscalYears.next}`) : "";
      if (fy) io.stdout(fy + "\n");
      io.stdout(head.join("\t") + "\n");
      for (const m of s.ministries) io.stdout([m.name, m.measures, ...STATUSES.map((st) => m.status[st])].join("\t") + "\n");
      io.stdout([lang === "ja" ? "合計" : "Total", STATUSES.reduce((n, st) => n + s.status[st], 0), ...STATUSES.map((st) => s.status[st])].join("\t") + "\n");
      const bySeverity = (sev: "error" | "warning" | "info") => s.issues.filter((i) => i.severity === sev).length;
      io.stdout(
        (["error", "warning", "info"] as const).map((sev) => `${SEVERITY_LABELS[lang][sev]} ${bySeverity(sev)}`).join(lang === "ja" ? "、" : ", ") +
          (lang === "ja" ? "(詳細は plan-tables validate)\n" : " (details: plan-tables validate)\n"),
      );
    }
    return exitCodeFor(table.problems);
  },
};
