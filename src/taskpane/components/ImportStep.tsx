/** Step 1, 取り込み: the workbook (preview), the current sheet, files, pasted text, the sample. */
import * as React from "react";
import { Badge, Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from "@fluentui/react-components";
import { isFileGateway, type FileWorkbookGateway } from "../gateway/WorkbookGateway";
import type { PlanTablesState } from "../state/usePlanTables";
import { busyLabel, isRejected, sourceProblemCount } from "../state/derive";
import { isBlocking } from "../state/problems";
import type { PaneStrings } from "../strings";
import { describeError } from "../state/describeError";
import { readFileBytes } from "../state/readFileBytes";
import type { StepProps } from "./stepProps";
import { useStyles } from "./styles";

export const FILE_ACCEPT = ".csv,.tsv,.txt,.xlsx,.pdf,text/csv,application/pdf";

export function ImportStep({ t, lang, gateway, state, actions, onNext }: StepProps): React.JSX.Element {
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = React.useState("");
  const [dragging, setDragging] = React.useState(false);
  const busy = state.busy !== null;
  // In the preview, "the current sheet" needs an opened workbook; until then the sample leads.
  const [workbookName, setWorkbookName] = React.useState<string | null>(isFileGateway(gateway) ? gateway.workbookName() : null);
  const noWorkbook = isFileGateway(gateway) && workbookName === null;
  const blockingMessage = (problems: PlanTablesState["sources"][number]["result"]["problems"]) => {
    const p = problems.find(isBlocking);
    return p && state.engine ? state.engine.problemMessage(p, lang) : "";
  };

  const onFiles = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length) void actions.importFiles(files);
  };

  return (
    <div>
      {isFileGateway(gateway) ? <WorkbookSection t={t} gateway={gateway} onOpened={setWorkbookName} /> : null}

      <section className={styles.section} aria-labelledby="import-sheet-title">
        <h2 id="import-sheet-title" className={styles.sectionTitle}>{t.import.sheetHeading}</h2>
        <p className={styles.hint} id="import-sheet-hint">
          {noWorkbook ? t.import.noWorkbookForSheet : t.import.sheetHint}
        </p>
        <div className={styles.row}>
          <Button
            appearance={noWorkbook ? "secondary" : "primary"}
            onClick={() => void actions.importCurrentSheet()}
            disabled={busy}
            aria-describedby="import-sheet-hint"
          >
            {t.import.readSheet}
          </Button>
          {noWorkbook ? (
            <Button appearance="primary" onClick={() => void actions.importSample()} disabled={busy} data-testid="sample-shortcut">
              {t.import.importSample}
            </Button>
          ) : null}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="import-files-title">
        <h2 id="import-files-title" className={styles.sectionTitle}>{t.import.filesHeading}</h2>
        <p className={styles.hint} id="import-files-hint">{t.import.filesHint}</p>
        <div
          className={dragging ? `${styles.dropZone} ${styles.dropZoneActive}` : styles.dropZone}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            onFiles(e.dataTransfer.files);
          }}
        >
          <span>{t.import.dropHere}</span>
          <Button onClick={() => fileInput.current?.click()} disabled={busy} aria-describedby="import-files-hint">
            {t.import.pickFiles}
          </Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={FILE_ACCEPT}
            aria-label={t.import.pickFiles}
            data-testid="file-input"
            tabIndex={-1}
            className={styles.visuallyHidden}
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              e.currentTarget.value = "";
            }}
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="import-paste-title">
        <h2 id="import-paste-title" className={styles.sectionTitle}>{t.import.pasteHeading}</h2>
        <Field label={t.import.pasteLabel} hint={t.import.pasteHint}>
          <Textarea value={pasted} onChange={(_, d) => setPasted(d.value)} resize="vertical" rows={4} />
        </Field>
        <div className={styles.row}>
          <Button
            onClick={() => {
              void actions.importPasted(pasted).then(() => setPasted(""));
            }}
            disabled={busy}
          >
            {t.import.importPaste}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="import-sample-title">
        <h2 id="import-sample-title" className={styles.sectionTitle}>{t.import.sampleHeading}</h2>
        <p className={styles.hint}>{t.import.sampleHint}</p>
        <div className={styles.row}>
          <Button onClick={() => void actions.importSample()} disabled={busy}>
            {t.import.importSample}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="result-import">
        {/* Focus lands here when an import finishes (App.focusResult), with the errors right below. */}
        <h2 id="result-import" tabIndex={-1} className={styles.sectionTitle}>
          {t.import.sourcesHeading}
        </h2>
        {state.busy !== null ? <Spinner size="tiny" label={busyLabel(state.busy, t)} /> : null}
        {state.importErrors.length > 0 ? (
          <div role="alert">
            {state.importErrors.map((e, i) => (
              <MessageBar key={i} intent="error">
                <MessageBarBody>{e.message}</MessageBarBody>
              </MessageBar>
            ))}
          </div>
        ) : null}
        {state.sources.length === 0 ? (
          <p className={styles.hint}>{t.import.sourcesEmpty}</p>
        ) : (
          <>
            <ul className={styles.list} aria-labelledby="result-import">
              {state.sources.map((s) => (
                <li key={s.id} className={isRejected(s) ? `${styles.sourceItem} ${styles.sourceRejected}` : styles.sourceItem} data-rejected={isRejected(s) || undefined}>
                  <span className={styles.grow}>
                    <strong>{s.name}</strong>{" "}
                    {isRejected(s) ? (
                      <Badge appearance="filled" color="danger" size="small">
                        {t.import.rejected}
                      </Badge>
                    ) : null}
                    <br />
                    {isRejected(s) ? (
                      <span className={styles.place}>
                        {blockingMessage(s.result.problems)} {t.import.removeToContinue}
                      </span>
                    ) : (
                      <span className={styles.place}>{t.import.sourceSummary(s.result.drafts.length, sourceProblemCount(state, s))}</span>
                    )}
                  </span>
                  <Button size="small" appearance="subtle" onClick={() => actions.removeSource(s.id)} aria-label={t.import.remove(s.name)}>
                    ✕
                  </Button>
                </li>
              ))}
            </ul>
            <div className={styles.row}>
              <Button appearance="primary" onClick={onNext}>
                {`${t.next}: ${t.steps.validate}`}
              </Button>
              <Button appearance="secondary" onClick={actions.clearSources}>
                {t.import.clearAll}
              </Button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

/** The preview's workbook: open a template .xlsx whose input sheet is the "current sheet". */
function WorkbookSection({ t, gateway, onOpened }: { t: PaneStrings; gateway: FileWorkbookGateway; onOpened(name: string | null): void }) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [name, setName] = React.useState<string | null>(gateway.workbookName());
  const [error, setError] = React.useState<string | null>(null);
  const [opening, setOpening] = React.useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setOpening(true);
    try {
      await gateway.openWorkbook(file.name, await readFileBytes(file));
      setName(gateway.workbookName());
      onOpened(gateway.workbookName());
    } catch (e) {
      setError(t.import.failed(file.name, describeError(e, t)));
    } finally {
      setOpening(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="import-workbook-title">
      <h2 id="import-workbook-title" className={styles.sectionTitle}>{t.import.workbookHeading}</h2>
      <p className={styles.hint}>{t.import.workbookHint}</p>
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()} disabled={opening}>
          {t.import.openWorkbook}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          aria-label={t.import.openWorkbook}
          data-testid="workbook-input"
          tabIndex={-1}
          className={styles.visuallyHidden}
          onChange={(e) => {
            void open(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
        />
        <span aria-live="polite">{opening ? <Spinner size="tiny" /> : name ? t.import.workbookOpened(name) : t.import.noWorkbook}</span>
      </div>
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
