/** `plan-tables measures FILE… [--json] [--lang ja|en]`: the imported measures. */
import { COLUMNS, optionalTextColumns, type ColumnTable } from "../../domain/columns";
import type { Measure } from "../../domain/model";
import { STATUS_LABELS } from "../../domain/status";
import { exitCodeFor } from "../load";
import { printJson, prepareTableCommand } from "./common";
import type { Command } from "./types";

/**
 * The JSON form of a measure: the fields issue 2 lists, in that order, then the optional text
 * columns the column table marks `json` (when the measure has a value).
 */
export function measureJson(m: Measure, columns: ColumnTable = COLUMNS) {
  const json = {
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
  const fields = m as unknown as Partial<Record<string, string>>;
  const more: Record<string, string> = {};
  for (const c of optionalTextColumns(columns)) {
    const v = fields[c.fill.field];
    if (c.json && v !== undefined) more[c.fill.field] = v;
  }
  return Object.keys(more).length > 0 ? { ...json, ...more } : json;
}

export const measuresCommand: Command = {
  name: "measures",
  usage: "measures FILE… [--json] [--lang ja|en]",
  summary: { ja: "読み込んだ施策を一覧表示します", en: "List the imported measures" },
  async run(argv, io) {
    const ctx = await prepareTableCommand(argv, io, this);
    if (typeof ctx === "number") return ctx;
    const { table, lang } = ctx;
    if (ctx.json)
      printJson(
        io,
        table.measures.map((m) => measureJson(m))
      );
    else {
      for (const m of table.measures) {
        const reposted = m.reposted ? (lang === "ja" ? " (再掲)" : " (reposted)") : "";
        io.stdout(
          `${m.id}${reposted}\t${STATUS_LABELS[lang][m.status]}\t${m.owners.join(lang === "ja" ? "、" : ", ")}\n`
        );
      }
    }
    return exitCodeFor(table.problems);
  },
};
