/**
 * One generation at a time. Excel has no transactions: two runs interleaving their syncs take the
 * same sheet names, and the one that fails cleans up the other's sheets (seen on the simulator:
 * both failed and the workbook was left without either). A second request while one runs is
 * refused, not queued: the user pressed twice, and the first run is the one they are waiting for.
 * The lock lives in the pane's JavaScript realm; a second pane on the same workbook has its own.
 */
import type { Lang } from "../workbook/plan";
import { ExcelApplyError } from "./errors";

const BUSY_MESSAGES: Record<Lang, string> = {
  ja: "シートを生成中です。終わってから、もう一度実行してください。ブックは変更されていません（実行中の生成はそのまま続きます）。",
  en: "Sheets are being generated. Try again when it has finished. Nothing was changed by this request (the running generation goes on).",
};

/** The refusal of a second generation; an ExcelApplyError so the pane shows it like any other. */
export class GenerationBusyError extends ExcelApplyError {
  constructor() {
    super("InvalidOperation", null, "nothing-created", "a generation is already running");
    this.name = "GenerationBusyError";
  }

  override userMessage(lang: Lang): string {
    return BUSY_MESSAGES[lang];
  }
}

let running = false;

export function isGenerating(): boolean {
  return running;
}

/** Runs `work` unless a generation is running; then refuses at once, before anything is sent. */
export async function exclusiveGeneration<T>(work: () => Promise<T>): Promise<T> {
  if (running) throw new GenerationBusyError();
  running = true;
  try {
    return await work();
  } finally {
    running = false;
  }
}
