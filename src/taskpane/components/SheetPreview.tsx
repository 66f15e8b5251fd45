/** The preview's view of generated sheets: the plan's cells as an HTML table, charts as bars. */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { CellValue, ChartPlan, SheetPlan } from "../../workbook/plan";
import type { FileWorkbookGateway } from "../gateway/WorkbookGateway";
import type { PaneStrings } from "../strings";
import { useStyles } from "./styles";

export const PREVIEW_MAX_ROWS = 200;
/** Long cells are cut in the preview (the downloaded workbook has them whole). */
export const PREVIEW_MAX_CHARS = 160;

function cellText(v: CellValue): string {
  if (v === null) return "";
  const text = String(v);
  return text.length > PREVIEW_MAX_CHARS ? `${text.slice(0, PREVIEW_MAX_CHARS)}…` : text;
}

/** The cells of a sheet plan as a dense grid (blocks may start anywhere). */
export function sheetGrid(sheet: SheetPlan, maxRows = PREVIEW_MAX_ROWS): { rows: CellValue[][]; totalRows: number } {
  let totalRows = 0;
  let totalCols = 0;
  for (const b of sheet.blocks) {
    totalRows = Math.max(totalRows, b.row + b.values.length);
    for (const r of b.values) totalCols = Math.max(totalCols, b.column + r.length);
  }
  const shownRows = Math.min(totalRows, maxRows);
  const rows: CellValue[][] = Array.from({ length: shownRows }, () => Array<CellValue>(totalCols).fill(null));
  for (const b of sheet.blocks) {
    b.values.forEach((r, i) => {
      const y = b.row + i;
      if (y >= shownRows) return;
      r.forEach((v, j) => {
        rows[y][b.column + j] = v;
      });
    });
  }
  return { rows, totalRows };
}

export function SheetPreview({ t, gateway }: { t: PaneStrings; gateway: FileWorkbookGateway }): React.JSX.Element | null {
  const styles = useStyles();
  const sheets = gateway.generatedSheets().filter((s) => !s.hidden);
  const [key, setKey] = React.useState<string>(() => sheets.find((s) => s.kind === "dashboard")?.key ?? sheets[0]?.key ?? "");
  React.useEffect(() => gateway.onShowSheet(setKey), [gateway]);
  const sheet = sheets.find((s) => s.key === key) ?? sheets[0];
  if (!sheet) return null;
  const { rows, totalRows } = sheetGrid(sheet);
  // Columns empty in every shown row (spacing between dashboard blocks) are left out of the HTML.
  const used = rows.length ? rows[0].map((_, x) => rows.some((r) => r[x] !== null && r[x] !== "")) : [];
  // Column widths as the plan gives them (Excel's character units), so text is not squeezed.
  const widths = new Map(sheet.columns.map((c) => [c.column, c.hidden ? 0 : c.width]));

  return (
    <section className={styles.section} aria-labelledby="preview-title" data-testid="sheet-preview">
      <h2 id="preview-title" className={styles.sectionTitle}>{t.generate.previewHeading}</h2>
      <Field label={t.generate.previewSheetsLabel}>
        <Select value={sheet.key} onChange={(_, d) => setKey(d.value)}>
          {sheets.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {sheet.charts.map((c, i) => (
        <ChartBars key={i} chart={c} />
      ))}
      <div className={styles.previewScroll} tabIndex={0} role="region" aria-label={sheet.name}>
        <table className={styles.table} style={{ tableLayout: "fixed", width: "max-content" }} data-testid="preview-table">
          <colgroup>
            {used.map((u, x) => (u ? <col key={x} style={{ width: `${Math.min(Math.max(widths.get(x) ?? 10, 4), 48)}ch` }} /> : null))}
          </colgroup>
          <tbody>
            {rows.map((r, y) => (
              <tr key={y}>
                {r.map((v, x) =>
                  used[x] ? (
                    <td key={x} className={typeof v === "number" ? styles.number : styles.previewCell}>
                      {cellText(v)}
                    </td>
                  ) : null,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totalRows > rows.length ? <p className={styles.hint}>{t.generate.previewTruncated(rows.length, totalRows)}</p> : null}
    </section>
  );
}

/** A chart of the plan drawn as labelled bars (the .xlsx carries the native chart). */
function ChartBars({ chart }: { chart: ChartPlan }) {
  const styles = useStyles();
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className={styles.sectionTitle}>{chart.title}</figcaption>
      <table className={styles.table}>
        <tbody>
          {chart.categories.map((c, i) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              <td className={styles.number}>{totals[i]}</td>
              <td style={{ width: 160 }}>
                <div className={styles.bar} style={{ width: `${(totals[i] / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
