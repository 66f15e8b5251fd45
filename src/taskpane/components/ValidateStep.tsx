/** Step 2, 検証: every problem grouped by severity with counts; a click selects the cell. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Lang, Problem, Severity } from "../../domain/model";
import type { PlanTablesActions, PlanTablesState } from "../state/usePlanTables";
import { SEVERITY_ORDER, groupBySeverity, isBlocking, missingColumnDetails, problemPlace } from "../state/problems";
import type { PaneStrings } from "../strings";
import { useStyles } from "./styles";

/** Per group, at most this many rows are rendered; the rest are counted (the report sheet has all). */
export const MAX_PROBLEMS_SHOWN = 200;

interface Props {
  t: PaneStrings;
  lang: Lang;
  state: PlanTablesState;
  actions: PlanTablesActions;
  onNext(): void;
}

export function ValidateStep({ t, lang, state, actions, onNext }: Props): React.JSX.Element {
  const styles = useStyles();
  const { table, engine } = state;

  if (state.sources.length === 0) {
    return <p className={styles.hint}>{t.validate.nothingYet}</p>;
  }
  if (!table || !engine) {
    return <Spinner size="small" label={t.import.reading(t.steps.validate)} />;
  }

  const groups = groupBySeverity(table.problems);
  const blocking = table.problems.filter((p) => p.code === "missing-label");
  const message = (p: Problem) => engine.problemMessage(p, lang);

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
                {groups[s].length}
              </dd>
            </div>
          ))}
        </dl>
        <div className={styles.row}>
          <Button onClick={() => void actions.revalidate()} disabled={state.busy !== null || state.validating}>
            {t.validate.revalidate}
          </Button>
          <Button appearance="primary" onClick={onNext}>
            {`${t.next}: ${t.steps.generate}`}
          </Button>
          {state.validating ? <Spinner size="tiny" /> : null}
        </div>
        <div aria-live="polite">
          {state.notice ? (
            <MessageBar intent={state.notice.intent}>
              <MessageBarBody>{state.notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
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
        <ProblemGroup key={s} severity={s} problems={groups[s]} t={t} message={message} onSelect={(p) => void actions.selectProblem(p)} />
      ))}
    </div>
  );
}

function ProblemGroup({
  severity,
  problems,
  t,
  message,
  onSelect,
}: {
  severity: Severity;
  problems: Problem[];
  t: PaneStrings;
  message(p: Problem): string;
  onSelect(p: Problem): void;
}) {
  const styles = useStyles();
  const id = `problems-${severity}`;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={id}>
      <h2 id={id} className={styles.sectionTitle}>{t.validate.groupHeading(t.severity[severity], problems.length)}</h2>
      <ul className={styles.list}>
        {shown.map((p, i) => (
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
      {problems.length > shown.length ? <p className={styles.hint}>{t.validate.moreProblems(problems.length - shown.length)}</p> : null}
    </section>
  );
}
