/** Step 1, 取り込み: the workbook (preview), the current sheet, files, pasted text, the sample. */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from "@fluentui/react-components";
import { isFileGateway, type FileWorkbookGateway, type WorkbookGateway } from "../gateway/WorkbookGateway";
import type { PlanTablesActions, PlanTablesState } from "../state/usePlanTables";
import type { PaneStrings } from "../strings";
import { describeError } from "../state/describeError";
import { readFileBytes } from "../state/readFileBytes";
import { useStyles } from "./styles";

export const FILE_ACCEPT = ".csv,.tsv,.txt,.xlsx,.pdf,text/csv,application/pdf";

interface Props {
  t: PaneStrings;
  gateway: WorkbookGateway;
  state: PlanTablesState;
  actions: PlanTablesActions;
  onNext(): void;
}

export function ImportStep({ t, gateway, state, actions, onNext }: Props): React.JSX.Element {
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = React.useState("");
  const [dragging, setDragging] = React.useState(false);
  const busy = state.busy !== null;

  const onFiles = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length) void actions.importFiles(files);
  };

  return (
    <div>
      {isFileGateway(gateway) ? <WorkbookSection t={t} gateway={gateway} /> : null}

      <section className={styles.section} aria-labelledby="import-sheet-title">
        <h2 id="import-sheet-title" className={styles.sectionTitle}>{t.import.sheetHeading}</h2>
        <p className={styles.hint}>{t.import.sheetHint}</p>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void actions.importCurrentSheet()} disabled={busy}>
            {t.import.readSheet}
          </Button>
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

      <div aria-live="polite">
        {state.busy !== null ? <Spinner size="tiny" label={t.import.reading(state.busy)} /> : null}
      </div>
      <div role="alert">
        {state.importErrors.map((msg, i) => (
          <MessageBar key={i} intent="error">
            <MessageBarBody>{msg}</MessageBarBody>
          </MessageBar>
        ))}
      </div>

      <section className={styles.section} aria-labelledby="import-sources-title">
        <h2 id="import-sources-title" className={styles.sectionTitle}>{t.import.sourcesHeading}</h2>
        {state.sources.length === 0 ? (
          <p className={styles.hint}>{t.import.sourcesEmpty}</p>
        ) : (
          <>
            <ul className={styles.list} aria-labelledby="import-sources-title">
              {state.sources.map((s) => (
                <li key={s.id} className={styles.sourceItem}>
                  <span className={styles.grow}>
                    <strong>{s.name}</strong>
                    <br />
                    <span className={styles.place}>{t.import.sourceSummary(s.result.drafts.length, s.result.problems.length)}</span>
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
function WorkbookSection({ t, gateway }: { t: PaneStrings; gateway: FileWorkbookGateway }) {
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
