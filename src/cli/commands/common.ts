/** What validate, measures and summarize share: arguments, file loading, errors in plain words. */
import type { Lang, PlanTable } from "../../domain/model";
import type { MinistryOrder } from "../../domain/ministries";
import { type ParsedArgs, langOption, orderOption, parseArgs } from "../args";
import { type CliIO, EXIT_UNUSABLE } from "../io";
import { loadPlanTable } from "../load";
import { BUDGET_OPTIONS, budgetsFromArgs } from "../budgetFlags";
import type { Command } from "./types";

export interface TableCommandContext {
  args: ParsedArgs;
  lang: Lang;
  /** Ministries in 建制順 or by number of measures. */
  order: MinistryOrder;
  json: boolean;
  table: PlanTable;
}

const USAGE_ERROR: Record<Lang, string> = { ja: "使い方", en: "usage" };

export function usageError(io: CliIO, command: Pick<Command, "usage">, message: string, lang: Lang = "ja"): number {
  io.stderr(`plan-tables: ${message}\n${USAGE_ERROR[lang]}: plan-tables ${command.usage}\n`);
  return EXIT_UNUSABLE;
}

/** --lang ja|en (default ja); anything else is reported as a usage error and its exit code returned. */
export function langOrUsageError(io: CliIO, command: Pick<Command, "usage">, args: ParsedArgs): Lang | number {
  return langOption(args) ?? usageError(io, command, `--lang must be ja or en, not "${args.options.get("lang")}"`);
}

/** --order government|count (default government, 建制順); anything else is a usage error. */
export function orderOrUsageError(io: CliIO, command: Pick<Command, "usage">, args: ParsedArgs, lang: Lang): MinistryOrder | number {
  return orderOption(args) ?? usageError(io, command, `--order must be government or count, not "${args.options.get("order")}"`, lang);
}

/** Parse `FILE… [--json] [--lang ja|en]`, load the files; null after reporting an argument error. */
export async function prepareTableCommand(argv: string[], io: CliIO, command: Pick<Command, "usage">): Promise<TableCommandContext | number> {
  const parsed = parseArgs(argv, { flags: ["json"], options: ["lang", "order", ...BUDGET_OPTIONS] });
  if (!parsed.ok) return usageError(io, command, parsed.error);
  const budgets = budgetsFromArgs(parsed.args);
  if ("error" in budgets) return usageError(io, command, budgets.error);
  const lang = langOrUsageError(io, command, parsed.args);
  if (typeof lang === "number") return lang;
  const order = orderOrUsageError(io, command, parsed.args, lang);
  if (typeof order === "number") return order;
  if (parsed.args.positionals.length === 0) {
    return usageError(io, command, lang === "ja" ? "ファイルを指定してください" : "give at least one FILE", lang);
  }
  const table = await loadPlanTable(parsed.args.positionals, io, budgets);
  return { args: parsed.args, lang, order, json: parsed.args.flags.has("json"), table };
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}
