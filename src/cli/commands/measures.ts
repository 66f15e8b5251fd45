/** `plan-tables measures FILE… [--json] [--lang ja|en]`: the imported measures. */
import type { Measure } from "../../domain/model";
import { STATUS_LABELS } from "../../domain/status";
import { exitCodeFor } from "../load";
import { printJson, prepareTableCommand } from "./common";
import type { Command } from "./types";

/** The JSON form of a measure: the fields issue 2 lists, in that order. */
export function measureJson(m: Measure) {
  return {
    id: m.id,
    label: m.label,
    chapter: m.chapter,
    section: m.section,
    subsection: m.subsection,
    owners: m.owners,
    plan: m.plan,
    results: m.results,
    nextPlan: m.nextPlan,
    reposted: m.reposted,
    status: m.status,
    statusRule: m.statusRule,
    source: m.source,
  };
}

export const measuresCommand: Command = {
  name: "measures",
  usage: "measures FILE… [--json] [--lang ja|en]",
  summary: { ja: "読み込んだ施策を一覧表示します", en: "List the imported measures" },
  async run(argv, io) {
    const ctx = await prepareTableCommand(argv, io, this);
    if (typeof ctx === "number") return ctx;
    const { table, lang } = ctx;
    if (ctx.json) printJson(io, table.measures.map(measureJson));
    else {
      for (const m of table.measures) {
        const reposted = m.reposted ? (lang === "ja" ? " (再掲)" : " (reposted)") : "";
        io.stdout(`${m.id}${reposted}\t${STATUS_LABELS[lang][m.status]}\t${m.owners.join(lang === "ja" ? "、" : ", ")}\n`);
      }
    }
    return exitCodeFor(table.problems);
  },
};
