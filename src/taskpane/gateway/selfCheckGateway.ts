/**
 * The pane's door to the self-check (動作確認, src/excel/selfCheck.ts): runs it in the user's Excel
 * and gives back the report as text to copy. Only for the pane inside Excel.
 */
import type { Lang } from "../../domain/model";
import { formatSelfCheckReport, runSelfCheck } from "../../excel/selfCheck";

export type RunSelfCheck = (lang: Lang) => Promise<{ ok: boolean; text: string }>;

export const officeSelfCheck: RunSelfCheck = async (lang) => {
  const report = await runSelfCheck();
  return { ok: report.items.every((i) => i.ok), text: formatSelfCheckReport(report, lang) };
};
