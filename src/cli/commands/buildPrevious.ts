/**
 * `build … --previous FILE…`: older editions, told apart by their fiscal years; the newest of
 * them is compared with this year's table and the comparison added to the workbook. Decisions
 * kept on the 比較の確認 sheet of the workbook being replaced are read back and applied again.
 */
import { compareEditions } from "../../domain/compare/compareEditions";
import { problemLocation, problemMessage } from "../../domain/messages";
import type { Lang, PlanTable } from "../../domain/model";
import { addComparison } from "../../workbook/comparisonSheet";
import type { WorkbookPlan } from "../../workbook/plan";
import { previousEditions } from "../../domain/editions";
import { importPaths, readDecisionsFromBook, splitEditions } from "../editions";
import { EXIT_UNUSABLE, type CliIO } from "../io";
import { exitCodeFor } from "../load";

const T = {
  ja: {
    none: "--previous のファイルに、今年度より前の年度の表がありません",
    unusable: "--previous のファイルを読み込めません:",
  },
  en: {
    none: "the --previous files hold no table of an earlier fiscal year than this year's",
    unusable: "a --previous file could not be read:",
  },
} satisfies Record<Lang, unknown>;

export async function withPreviousEdition(
  plan: WorkbookPlan,
  table: PlanTable,
  files: readonly string[],
  out: string,
  io: CliIO,
  lang: Lang
): Promise<WorkbookPlan | number> {
  const editions = splitEditions(await importPaths(files, io));
  for (const e of editions) {
    if (exitCodeFor(e.problems) !== EXIT_UNUSABLE) continue;
    io.stderr(`plan-tables: ${T[lang].unusable}\n`);
    for (const p of e.problems.filter((x) => x.severity === "error"))
      io.stderr(`  ${problemLocation(p, lang)}: ${problemMessage(p, lang)}\n`);
    return EXIT_UNUSABLE;
  }
  const { previous, older } = previousEditions(editions, table.fiscalYears);
  if (!previous) {
    io.stderr(`plan-tables: ${T[lang].none}\n`);
    return EXIT_UNUSABLE;
  }
  const decisions = await readDecisionsFromBook(out, io);
  const comparison = compareEditions(previous.measures, table.measures, { decisions });
  return addComparison(plan, { current: table, previous, older, comparison, decisions });
}
