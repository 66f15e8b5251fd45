/** What validate, measures and summarize share: arguments, file loading, errors in plain words. */
import type { Lang, PlanTable } from "../../domain/model";
import { type ParsedArgs, langOption, parseArgs } from "../args";
import { type CliIO, EXIT_UNUSABLE } from "../io";
import { loadPlanTable } from "../load";
import { BUDGET_OPTIONS, budgetsFromArgs } from "../budgetFlags";
import type { Command } from "./types";

export interface TableCommandContext {
  args: ParsedArgs;
  lang: Lang;
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

/** Parse `FILE… [--json] [--lang ja|en]`, load the files; null after reporting an argument error. */
export async function prepareTableCommand(argv: string[], io: CliIO, command: Pick<Command, "usage">): Promise<TableCommandContext | number> {
  const parsed = parseArgs(argv, { flags: ["json"], options: ["lang", ...BUDGET_OPTIONS] });
  if (!parsed.ok) return usageError(io, command, parsed.error);
  const budgets = budgetsFromArgs(parsed.args);
  if ("error" in budgets) return usageError(io, command, budgets.error);
  const lang = langOrUsageError(io, command, parsed.args);
  if (typeof lang === "number") return lang;
  if (parsed.args.positionals.length === 0) {
    return usageError(io, command, lang === "ja" ? "ファイルを指定してください" : "give at least one FILE", lang);
  }
  const table = await loadPlanTable(parsed.args.positionals, io, budgets);
  return { args: parsed.args, lang, json: parsed.args.flags.has("json"), table };
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}
