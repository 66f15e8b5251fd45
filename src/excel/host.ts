/**
 * The door to Office.js. Production code uses the `Excel` and `Office` globals that office.js
 * defines; tests (and the pane's browser test) pass a simulator with the same shape.
 */
export interface ExcelHost {
  run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** False outside Office (no `Excel` global). */
  available?(): boolean;
}

export function globalExcelHost(): ExcelHost {
  const g = globalThis as unknown as {
    Excel?: { run: ExcelHost["run"] };
    Office?: { context?: { requirements?: { isSetSupported(n: string, v: string): boolean } } };
  };
  return {
    run: (options, batch) => {
      if (!g.Excel) throw new Error("NotInExcel");
      return g.Excel.run(options, batch);
    },
    available: () => g.Excel !== undefined,
    isSetSupported: (name, version) =>
      g.Office?.context?.requirements?.isSetSupported(name, version) ?? false,
  };
}
