/** Step 3, 集計: the order of ministries, one button, progress by real steps with cancel, then a summary. */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select } from "@fluentui/react-components";
import { STATUSES } from "../../domain/model";
import { MINISTRY_ORDERS, type MinistryOrder } from "../../domain/ministries";
import { isFileGateway, type FileWorkbookGateway } from "../gateway/WorkbookGateway";
import { generateBlock, isRejected, noticeView } from "../state/derive";
import type { Generation } from "../state/paneState";
import type { PaneStrings } from "../strings";
import { SheetPreview } from "./SheetPreview";
import type { StepProps } from "./stepProps";
import { useStyles } from "./styles";

type Props = Pick<StepProps, "t" | "gateway" | "state" | "actions">;

export function GenerateStep({ t, gateway, state, actions }: Props): React.JSX.Element {
  const styles = useStyles();
  const { generation } = state;
  const block = generateBlock(state);
  const running = generation.phase === "running";
  // The file workbook (the preview) stops writing on cancel; Excel's writing runs to its end.
  const writingStops = isFileGateway(gateway);
  const writingRunsOn = running && generation.step.kind === "writing" && !writingStops;
  const done = generation.phase === "done";
  const [order, setOrder] = React.useState<MinistryOrder>("government");
  const notice = noticeView(state.notice, state, t);
  const rejected = state.sources.filter(isRejected).map((s) => s.name);

  return (
    <div>
      <section className={styles.section} aria-labelledby="generate-title">
        <h2 id="generate-title" className={styles.sectionTitle}>{t.steps.generate}</h2>
        <p className={styles.hint}>{t.generate.intro}</p>
        {block === "rejected" ? (
          <MessageBar intent="error" data-testid="generate-blocked">
            <MessageBarBody>{t.validate.nextBlocked.rejected(rejected.join("、"))}</MessageBarBody>
          </MessageBar>
        ) : block === "empty" ? (
          <MessageBar intent="info">
            <MessageBarBody>{t.generate.empty}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={t.generate.orderLabel}>
          <Select value={order} onChange={(_, d) => setOrder(d.value === "count" ? "count" : "government")} disabled={running}>
            {MINISTRY_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t.generate.orderNames[o]}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" disabled={block !== null || running} onClick={() => void actions.generate(order)}>
            {done ? t.generate.regenerate : t.generate.generate}
          </Button>
          {running ? (
            <Button onClick={actions.cancelGeneration} disabled={generation.cancelling || writingRunsOn} aria-describedby="generate-progress-step">
              {generation.cancelling ? t.generate.cancelling : t.generate.cancel}
            </Button>
          ) : null}
        </div>
        {done ? <p className={styles.hint}>{t.generate.regenerateNote}</p> : null}
        {running ? <GenerationProgress t={t} generation={generation} /> : null}
        {writingRunsOn ? <p className={styles.hint}>{t.generate.cannotCancelWriting}</p> : null}
        <div id={generation.phase === "done" ? undefined : "result-generate"} tabIndex={-1}>
          {generation.phase === "cancelled" ? (
            <MessageBar intent="info">
              <MessageBarBody>{t.generate.cancelled}</MessageBarBody>
            </MessageBar>
          ) : null}
          {generation.phase === "failed" ? (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{t.generate.failedTitle}</MessageBarTitle>
                {generation.message}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {notice && notice.intent === "error" ? (
            <MessageBar intent="error">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </section>

      {generation.phase === "done" ? (
        <section className={styles.section} aria-labelledby="generate-done-title" data-testid="generate-summary">
          <MessageBar intent="success">
            <MessageBarBody>
              {/* Focus lands on this title when generation finishes (App.focusResult). */}
              <MessageBarTitle id="generate-done-title">
                <span id="result-generate" tabIndex={-1}>
                  {t.generate.done(generation.outcome.sheets.length)}
                </span>
              </MessageBarTitle>
              {generation.outcome.replaced.length > 0 ? t.generate.replaced(generation.outcome.replaced.length) : ""}
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

/** Planning first (in the worker), then the gateway's own steps; one bar over both. */
function GenerationProgress({ t, generation }: { t: PaneStrings; generation: Extract<Generation, { phase: "running" }> }) {
  const { step } = generation;
  // Planning is the first of two halves; the gateway's steps fill the second.
  const value = step.kind === "planning" ? undefined : 0.5 + (step.progress.total > 0 ? (step.progress.done / step.progress.total) * 0.5 : 0);
  const words = step.kind === "planning" ? t.generate.stepPlanning : t.generate.step(step.progress.step, step.progress.done, step.progress.total);
  return (
    <Field label={t.generate.progressLabel} validationState="none" validationMessage={<span id="generate-progress-step">{words}</span>}>
      <ProgressBar value={value} thickness="large" />
    </Field>
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
