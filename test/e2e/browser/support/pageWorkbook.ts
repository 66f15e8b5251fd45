/**
 * The workbook both page hosts (fakeOffice.ts, realOfficeHost.ts) start Excel with: the
 * template's input sheet holding three measures, one with its 担当府省庁 cell left empty (an error
 * at 入力!E3), in the display language the test set (`window.__displayLanguage`, ja-JP by
 * default). `window.__sim` exposes the simulator, `window.__selection` the user's selection.
 */
import { createExcelSimulator, selection } from "../../../support/excelSimulator";

export interface PageWorkbookWindow {
  __sim?: unknown;
  /** The user's selection in the simulated Excel: active sheet and top-left cell (1-based). */
  __selection?: () => { sheet: string; row: number; column: number } | null;
  __displayLanguage?: string;
}

const ROWS: string[][] = [
  ["章", "節", "項", "項番", "担当府省庁", "2023年度年次計画", "成果・進捗状況", "2024年度年次計画", "進捗区分", "備考"],
  ["2 国民が安全で安心して暮らせるデジタル社会の実現", "2.1 国民・社会を守るためのサイバーセキュリティ環境の提供", "(1) 安全・安心なサイバー空間の利用環境の構築", "(ア)", "総務省", "・普及啓発を実施する。", "・計画に基づき、普及啓発を実施した。", "・引き続き、普及啓発を実施する。", "", ""],
  ["", "", "", "(イ)", "", "・演習を実施する。", "・計画に基づき、演習を実施した。", "・演習を拡充する。", "", ""],
  ["", "", "", "(ウ)", "経産省", "・ガイドラインを策定する。", "・計画に基づき、策定した。", "・2023年度で終了。", "", ""],
];

/** Makes the simulated Excel, fills its input sheet and installs `Office`/`Excel` on `w`. */
export function startPageWorkbook(w: PageWorkbookWindow & Record<string, unknown>): void {
  const sim = createExcelSimulator({ sheets: ["入力"], displayLanguage: w.__displayLanguage ?? "ja-JP" });
  const sheet = sim.workbook.sheets[0];
  ROWS.forEach((r, y) => r.forEach((v, x) => { if (v !== "") sheet.cellForWrite(y, x).value = v; }));
  sim.install(w);
  w.__sim = sim;
  w.__selection = () => {
    const rect = selection.get(sim.workbook);
    return rect ? { sheet: sim.workbook.activeSheet().name, row: rect.row + 1, column: rect.column + 1 } : null;
  };
}
