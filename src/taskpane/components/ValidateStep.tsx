/**
 * Step 2, 検証: counts per severity, then problems grouped by kind (one code) with their count,
 * a few examples and the rest on request; a click selects the cell (and shows it in the preview).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Problem, Severity } from "../../domain/model";
import { isFileGateway } from "../gateway/WorkbookGateway";
import { currentTable, generateBlock, isRejected, noticeView } from "../state/derive";
import { SEVERITY_ORDER, groupByKind, isBlocking, missingColumnDetails, problemPlace } from "../state/problems";
import type { PaneStrings } from "../strings";
import { CellPreview } from "./CellPreview";
import type { StepProps } from "./stepProps";
import { useStyles } from "./styles";

/** Examples shown per kind before "show more"; each press shows this many more. */
export const EXAMPLES_SHOWN = 3;
export const MORE_STEP = 100;

export function ValidateStep({ t, lang, gateway, state, actions, onNext }: StepProps): React.JSX.Element {
  const styles = useStyles();
  const { engine } = state;
  const table = currentTable(state);

  if (state.sources.length === 0) {
    return <p className={styles.hint}>{t.validate.nothingYet}</p>;
  }
  if (state.buildError && state.buildError.version === state.version) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{state.buildError.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!table || !engine) {
    return <Spinner size="small" label={t.import.reading(t.steps.validate)} />;
  }

  const groups = groupByKind(table.problems);
  const blocking = table.problems.filter((p) => p.code === "missing-label");
  const message = (p: Problem) => engine.problemMessage(p, lang);
  const notice = noticeView(state.notice, state, t);
  const block = generateBlock(state);
  const rejectedNames = state.sources.filter(isRejected).map((s) => s.name).join("、");
  const blockReason =
    block === "rejected" ? t.validate.nextBlocked.rejected(rejectedNames) : block === "empty" ? t.validate.nextBlocked.empty : block === "building" ? t.validate.nextBlocked.building : null;
  const selected = state.notice?.kind === "selected" ? state.notice : null;

  return (
    <div>
      <section className={styles.section} aria-labelledby="validate-counts-title">
        <p>{t.validate.summary(table.measures.length, state.sources.length)}</p>
        <h2 id="validate-counts-title" className={styles.sectionTitle}>{t.validate.counts}</h2>
        <dl className={styles.counts}>
          {SEVERITY_ORDER.map((s) => (
            <div key={s} className={styles.countItem}>
              <dt>{t.severity[s]}</dt>
              <dd className={styles.countValue} data-testid={`count-${s}`} style={{ marginLeft: 0 }}>
                {groups[s].reduce((n, k) => n + k.problems.length, 0)}
              </dd>
            </div>
          ))}
        </dl>
        <div className={styles.row}>
          <Button onClick={() => void actions.revalidate()} disabled={state.busy !== null}>
            {t.validate.revalidate}
          </Button>
          <Button appearance="primary" onClick={onNext} disabled={blockReason !== null} aria-describedby={blockReason ? "validate-next-reason" : undefined}>
            {`${t.next}: ${t.steps.generate}`}
          </Button>
        </div>
        {blockReason ? (
          <p id="validate-next-reason" className={styles.hint} data-testid="next-blocked">
            {blockReason}
          </p>
        ) : null}
        {/* Focus lands here after "validate again" (App.focusResult); it is announced by the App's live region. */}
        <div id="result-revalidate" tabIndex={-1}>
          {notice ? (
            <MessageBar intent={notice.intent}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
        {selected && isFileGateway(gateway) ? <CellPreview t={t} gateway={gateway} target={selected} /> : null}
      </section>

      {blocking.length > 0 ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.validate.blockingTitle}</MessageBarTitle>
            {blocking.map((p, i) => {
              const { column, found } = missingColumnDetails(p);
              return (
                <p key={i} style={{ margin: "4px 0" }}>
                  {t.validate.missingColumn(column, p.sheet ? `${p.file} / ${p.sheet}` : p.file)}{" "}
                  <span data-testid="header-found">{found ? t.validate.headerFound(found) : t.validate.headerNotFound}</span>
                </p>
              );
            })}
            <p style={{ margin: "4px 0" }}>{t.validate.blockingAction}</p>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {table.problems.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t.validate.noProblems}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.hint}>{t.validate.selectHint}</p>
      )}

      {SEVERITY_ORDER.filter((s) => groups[s].length > 0).map((s) => (
        <SeverityGroup key={s} severity={s} kinds={groups[s]} t={t} message={message} onSelect={(p) => void actions.selectProblem(p)} />
      ))}
    </div>
  );
}

function SeverityGroup({
  severity,
  kinds,
  t,
  message,
  onSelect,
}: {
  severity: Severity;
  kinds: { code: string; problems: Problem[] }[];
  t: PaneStrings;
  message(p: Problem): string;
  onSelect(p: Problem): void;
}) {
  const styles = useStyles();
  const id = `problems-${severity}`;
  const total = kinds.reduce((n, k) => n + k.problems.length, 0);
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={id}>
      <h2 id={id} className={styles.sectionTitle}>{t.validate.groupHeading(t.severity[severity], total)}</h2>
      {kinds.map((k) => (
        <ProblemKind key={k.code} code={k.code} problems={k.problems} t={t} message={message} onSelect={onSelect} />
      ))}
    </section>
  );
}

/** One kind of problem: its count, the first few, and a button that shows more. */
function ProblemKind({ code, problems, t, message, onSelect }: { code: string; problems: Problem[]; t: PaneStrings; message(p: Problem): string; onSelect(p: Problem): void }) {
  const styles = useStyles();
  const [shown, setShown] = React.useState(EXAMPLES_SHOWN);
  const id = `kind-${code}`;
  const visible = problems.slice(0, shown);
  const rest = problems.length - visible.length;
  return (
    <div className={styles.kind} data-testid={id}>
      <h3 id={id} className={styles.kindTitle}>
        {t.validate.kindHeading(message(problems[0]), problems.length)}
      </h3>
      <ul className={styles.list} aria-labelledby={id}>
        {visible.map((p, i) => (
          <li key={i}>
            <button type="button" className={styles.problemButton} onClick={() => onSelect(p)} data-blocking={isBlocking(p) || undefined}>
              <span>{message(p)}</span>
              <span className={styles.place}>
                {problemPlace(p, t)}
                {p.measureId ? ` · ${p.measureId}` : ""}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {rest > 0 ? (
        <div className={styles.row}>
          <Button size="small" appearance="secondary" onClick={() => setShown((n) => n + MORE_STEP)} aria-describedby={id}>
            {t.validate.showMore(Math.min(rest, MORE_STEP))}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
