/**
 * The preview's answer to "select this cell": the rows around it from the opened workbook,
 * the cell highlighted and scrolled into view (Excel itself selects the cell instead).
 */
import * as React from "react";
import type { FileWorkbookGateway } from "../gateway/WorkbookGateway";
import { columnLetters } from "../state/problems";
import type { PaneStrings } from "../strings";
import { useStyles } from "./styles";

/** Rows shown above and below the selected one. */
const CONTEXT_ROWS = 3;
const MAX_CHARS = 60;

export interface CellTarget {
  sheet: string;
  row: number;
  column?: number;
}

export function CellPreview({ t, gateway, target }: { t: PaneStrings; gateway: FileWorkbookGateway; target: CellTarget }): React.JSX.Element | null {
  const styles = useStyles();
  const [values, setValues] = React.useState<unknown[][] | null>(null);
  const cell = React.useRef<HTMLTableCellElement>(null);

  React.useEffect(() => {
    let live = true;
    gateway.readCurrentSheet().then(
      (s) => live && setValues(s.sheetName === target.sheet ? s.values : null),
      () => live && setValues(null),
    );
    return () => {
      live = false;
    };
  }, [gateway, target]);

  React.useEffect(() => {
    cell.current?.scrollIntoView?.({ block: "nearest", inline: "center" });
  }, [values]);

  if (!values) return null;
  const first = Math.max(1, target.row - CONTEXT_ROWS);
  const last = Math.min(values.length, target.row + CONTEXT_ROWS);
  const width = Math.max(target.column ?? 1, ...values.slice(first - 1, last).map((r) => r.length));
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const columns = Array.from({ length: width }, (_, i) => i + 1);
  const text = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}…` : s;
  };

  return (
    <div className={styles.previewScroll} data-testid="cell-preview" role="region" aria-label={t.validate.previewHeading} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.visuallyHidden}>{`${target.sheet}!${columnLetters(target.column ?? 1)}${target.row}`}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((c) => (
              <th key={c} scope="col">
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {columns.map((c) => {
                const hit = r === target.row && c === (target.column ?? 1);
                return (
                  <td key={c} ref={hit ? cell : undefined} className={hit ? styles.highlightCell : styles.previewCell} data-selected={hit || undefined} aria-current={hit ? "true" : undefined}>
                    {text(values[r - 1]?.[c - 1])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
