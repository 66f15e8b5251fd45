/** `plan-tables template --out TEMPLATE.xlsx [--lang ja|en]`: the blank input workbook. */
import { buildTemplatePlan } from "../../workbook/templatePlan";
import { renderXlsx } from "../../xlsx/renderXlsx";
import { nodeCompressor } from "../nodeCompressor";
import { parseArgs } from "../args";
import { EXIT_OK, EXIT_UNUSABLE } from "../io";
import { writeFileAtomic } from "./build";
import { langOrUsageError, usageError } from "./common";
import type { Command } from "./types";

export const templateCommand: Command = {
  name: "template",
  usage: "template --out TEMPLATE.xlsx [--lang ja|en]",
  summary: {
    ja: "記入用の空のブック (.xlsx) を作成します(担当府省庁・進捗区分はリストから選択)",
    en: "Write the blank input workbook (.xlsx), with dropdowns for ministries and status",
  },
  async run(argv, io) {
    const parsed = parseArgs(argv, { options: ["out", "lang"] });
    if (!parsed.ok) return usageError(io, this, parsed.error);
    const lang = langOrUsageError(io, this, parsed.args);
    if (typeof lang === "number") return lang;
    const out = parsed.args.options.get("out");
    if (!out)
      return usageError(
        io,
        this,
        lang === "ja" ? "--out TEMPLATE.xlsx を指定してください" : "give --out TEMPLATE.xlsx",
        lang
      );
    if (!/\.xlsx$/i.test(out))
      return usageError(
        io,
        this,
        lang === "ja"
          ? "--out には .xlsx のファイル名を指定してください"
          : "--out must name an .xlsx file",
        lang
      );
    if (parsed.args.positionals.length > 0)
      return usageError(io, this, `unexpected argument ${parsed.args.positionals[0]}`, lang);
    try {
      await writeFileAtomic(
        out,
        await renderXlsx(buildTemplatePlan(lang), { compressor: nodeCompressor })
      );
    } catch (e) {
      io.stderr(
        `plan-tables: ${lang === "ja" ? `${out} を書き込めませんでした` : `could not write ${out}`}: ${(e as Error).message}\n`
      );
      return EXIT_UNUSABLE;
    }
    io.stdout(lang === "ja" ? `${out} を作成しました\n` : `Wrote ${out}\n`);
    return EXIT_OK;
  },
};
