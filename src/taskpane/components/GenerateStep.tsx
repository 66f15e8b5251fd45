/** Step 3, 集計: one button, a progress bar with the current step, then a summary. */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { STATUSES } from "../../domain/model";
import { isFileGateway, type FileWorkbookGateway, type WorkbookGateway } from "../gateway/WorkbookGateway";
import { hasBlockingProblem, type PlanTablesActions, type PlanTablesState } from "../state/usePlanTables";
import type { PaneStrings } from "../strings";
import { SheetPreview } from "./SheetPreview";
import { useStyles } from "./styles";

interface Props {
  t: PaneStrings;
  gateway: WorkbookGateway;
  state: PlanTablesState;
  actions: PlanTablesActions;
}

export function GenerateStep({ t, gateway, state, actions }: Props): React.JSX.Element {
  const styles = useStyles();
  const { table, generation } = state;
  const blocked = hasBlockingProblem(table);
  const empty = !table || table.measures.length === 0;
  const running = generation.phase === "running";
  const done = generation.phase === "done";

  return (
    <div>
      <section className={styles.section} aria-labelledby="generate-title">
        <h2 id="generate-title" className={styles.sectionTitle}>{t.steps.generate}</h2>
        <p className={styles.hint}>{t.generate.intro}</p>
        {blocked ? (
          <MessageBar intent="error">
            <MessageBarBody>{t.generate.blocked}</MessageBarBody>
          </MessageBar>
        ) : empty ? (
          <MessageBar intent="info">
            <MessageBarBody>{t.generate.empty}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.row}>
          <Button appearance="primary" disabled={blocked || empty || running || state.validating} onClick={() => void actions.generate()}>
            {done ? t.generate.regenerate : t.generate.generate}
          </Button>
        </div>
        {done ? <p className={styles.hint}>{t.generate.regenerateNote}</p> : null}
        {running ? (
          <Field
            label={t.generate.progressLabel}
            validationState="none"
            validationMessage={generation.progress ? t.generate.step(generation.progress.step, generation.progress.done, generation.progress.total) : "…"}
          >
            <ProgressBar
              value={generation.progress && generation.progress.total > 0 ? generation.progress.done / generation.progress.total : undefined}
              thickness="large"
            />
          </Field>
        ) : null}
        <div aria-live="polite">
          {generation.phase === "failed" ? (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{t.generate.failedTitle}</MessageBarTitle>
                {generation.message}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.notice && state.notice.intent === "error" ? (
            <MessageBar intent="error">
              <MessageBarBody>{state.notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </section>

      {generation.phase === "done" ? (
        <section className={styles.section} aria-labelledby="generate-done-title" data-testid="generate-summary">
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle id="generate-done-title">{t.generate.doneTitle}</MessageBarTitle>
              {t.generate.sheetsMade(generation.outcome.sheets.length)}
              {generation.outcome.replaced.length > 0 ? ` ${t.generate.replaced(generation.outcome.replaced.length)}` : ""}
            </MessageBarBody>
          </MessageBar>
          <table className={styles.table}>
            <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>{t.generate.statusCounts}</caption>
            <thead>
              <tr>
                <th scope="col">{t.generate.statusColumn}</th>
                <th scope="col">{t.generate.countColumn}</th>
              </tr>
            </thead>
            <tbody>
              {STATUSES.map((s) => (
                <tr key={s}>
                  <th scope="row">{t.status[s]}</th>
                  <td className={styles.number} data-testid={`status-count-${s}`}>
                    {generation.statusCounts[s]}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.generate.totalRow}</th>
                <td className={styles.number} data-testid="status-total">
                  {generation.total}
                </td>
              </tr>
            </tbody>
          </table>
          <div className={styles.row}>
            {generation.outcome.sheets.some((s) => s.kind === "dashboard") ? (
              <Button
                appearance="primary"
                onClick={() => void actions.showSheet(generation.outcome.sheets.find((s) => s.kind === "dashboard")!.key)}
              >
                {t.generate.openDashboard}
              </Button>
            ) : null}
            {isFileGateway(gateway) ? <DownloadButton t={t} gateway={gateway} /> : null}
          </div>
          <ul className={styles.list} aria-label={t.generate.previewHeading}>
            {generation.outcome.sheets
              .filter((s) => s.kind !== "dashboard" && s.kind !== "lists")
              .map((s) => (
                <li key={s.key}>
                  <Button appearance="transparent" size="small" onClick={() => void actions.showSheet(s.key)}>
                    {t.generate.openSheet(s.name)}
                  </Button>
                </li>
              ))}
          </ul>
          {isFileGateway(gateway) ? <SheetPreview t={t} gateway={gateway} /> : null}
        </section>
      ) : null}
    </div>
  );
}

function DownloadButton({ t, gateway }: { t: PaneStrings; gateway: FileWorkbookGateway }) {
  const onClick = () => {
    const file = gateway.download();
    if (!file) return;
    const type = /\.xlsm$/i.test(file.name)
      ? "application/vnd.ms-excel.sheet.macroEnabled.12"
      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const blob = new Blob([file.bytes as BlobPart], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = file.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return <Button onClick={onClick}>{t.generate.download}</Button>;
}
