/**
 * 前年度と比較: add last year's report, files or generated workbook; review the pairs lowest score
 * first; confirm or unlink a pair, or link two measures by hand. Decisions are handed to
 * `onDecisionsChange` (the generation writes them on the 比較の確認 sheet, and reads them back).
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { compareEditions, type PairDecision } from "../../domain/compare/compareEditions";
import { groupByEdition, newestFirst, previousEditions } from "../../domain/editions";
import type { Lang, Measure, PlanTable } from "../../domain/model";
import type { LoadEngine } from "../services/engine";
import { readFileBytes } from "../state/readFileBytes";
import { COMPARE_STRINGS } from "./compareStrings";
import { decide, reviewRows } from "./reviewItems";

/** One measure of a list, by its 項番 and owners; "" until one is chosen. */
function MeasureSelect(props: {
  label: string;
  placeholder: string;
  measures: readonly Measure[];
  value: string;
  onChange(id: string): void;
}): React.JSX.Element {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.placeholder}</option>
        {props.measures.map((m) => (
          <option key={m.id} value={m.id}>{`${m.id} ${m.owners.join("、")}`}</option>
        ))}
      </Select>
    </Field>
  );
}

export interface CompareStepProps {
  lang: Lang;
  /** This year's table (null before anything is imported). */
  current: PlanTable | null;
  loadEngine: LoadEngine;
  decisions: readonly PairDecision[];
  onDecisionsChange(decisions: PairDecision[]): void;
  /** Last year's table, when the caller keeps it (so leaving the step does not lose it). */
  previous?: PlanTable | null;
  onPreviousChange?(previous: PlanTable | null): void;
  /** Editions older than last year's, added with it (files of several years are split by their years). */
  older?: readonly PlanTable[];
  onOlderChange?(older: PlanTable[]): void;
}

type Load = { state: "idle" } | { state: "reading" } | { state: "error"; message: string };

export function CompareStep(props: CompareStepProps): React.JSX.Element {
  const { lang, current, loadEngine, decisions, onDecisionsChange } = props;
  const t = COMPARE_STRINGS[lang];
  const [ownPrevious, setOwnPrevious] = React.useState<PlanTable | null>(null);
  const previous = props.previous !== undefined ? props.previous : ownPrevious;
  const setPrevious = props.onPreviousChange ?? setOwnPrevious;
  const [ownOlder, setOwnOlder] = React.useState<readonly PlanTable[]>([]);
  const older = props.older ?? ownOlder;
  const setOlder = (o: PlanTable[]) => {
    setOwnOlder(o);
    props.onOlderChange?.(o);
  };
  const [load, setLoad] = React.useState<Load>({ state: "idle" });
  const [setAside, setSetAside] = React.useState<string | null>(null);
  const [manual, setManual] = React.useState({ before: "", after: "" });
  const input = React.useRef<HTMLInputElement>(null);

  const comparison = React.useMemo(
    () =>
      current && previous
        ? compareEditions(previous.measures, current.measures, { decisions })
        : null,
    [current, previous, decisions]
  );

  const addFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setLoad({ state: "reading" });
    try {
      const engine = await loadEngine();
      const results = [];
      for (const f of files) results.push(await engine.importFile(f.name, await readFileBytes(f)));
      // Files of several editions, as the CLI splits them: one table per pair of fiscal years;
      // the newest older than this year's is compared, the older ones chart the years before.
      const editions: PlanTable[] = [];
      const filesOf = new Map<PlanTable, number>();
      for (const group of groupByEdition(results)) {
        const table = await engine.buildTable(group);
        editions.push(table);
        filesOf.set(table, group.length);
      }
      const chosen = previousEditions(newestFirst(editions), current?.fiscalYears ?? null);
      // This year's (or a later) edition among last year's files: not compared, and said so.
      const used = new Set([chosen.previous, ...chosen.older]);
      const aside = editions.filter((e) => !used.has(e));
      setSetAside(
        aside.length === 0
          ? null
          : t.setAside(
              aside.map((e) => (e.fiscalYears ? `${e.fiscalYears.plan}/${e.fiscalYears.next}` : "?")).join("、"),
              aside.reduce((n, e) => n + (filesOf.get(e) ?? 0), 0)
            )
      );
      const table = chosen.previous;
      if (!table) {
        setLoad({ state: "error", message: t.sameEdition });
        return;
      }
      setPrevious(table);
      setOlder(chosen.older);
      setLoad({ state: "idle" });
    } catch (e) {
      setLoad({ state: "error", message: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  if (!current) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.needCurrent}</MessageBarBody>
      </MessageBar>
    );
  }

  const rows =
    comparison && previous
      ? reviewRows(comparison, previous.measures, current.measures, decisions)
      : [];
  const removed =
    comparison && previous ? comparison.removed.map((r) => previous.measures[r.before]) : [];
  const added = comparison ? comparison.added.map((j) => current.measures[j]) : [];
  const set = (d: PairDecision) => onDecisionsChange(decide(decisions, d));
  const decisionButton = (before: string, after: string, decision: PairDecision["decision"]) => (
    <Button
      size="small"
      onClick={() => set({ before, after, decision })}
      aria-label={`${t[decision]} ${before} → ${after}`}
    >
      {t[decision]}
    </Button>
  );
  const fy = previous?.fiscalYears
    ? `${previous.fiscalYears.plan}/${previous.fiscalYears.next}`
    : "?";

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <h2 style={{ margin: 0, fontSize: 16 }}>{t.heading}</h2>
      <Text>{t.intro}</Text>
      <div>
        <Button
          appearance="primary"
          onClick={() => input.current?.click()}
          disabled={load.state === "reading"}
        >
          {t.addFiles}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="previous-file-input"
          accept=".csv,.tsv,.txt,.xlsx,.pdf"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            void addFiles(files);
          }}
        />
      </div>
      {load.state === "reading" ? <Spinner size="tiny" label={t.reading} /> : null}
      {load.state === "error" ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{load.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {previous && comparison ? (
        <>
          <Text role="status">
            {t.previousLoaded(fy, previous.measures.length)}
            {older.length > 0
              ? ` ${t.olderLoaded(
                  older
                    .map((e) =>
                      e.fiscalYears ? `${e.fiscalYears.plan}/${e.fiscalYears.next}` : "?"
                    )
                    .join("、")
                )}`
              : null}
            {setAside ? ` ${setAside}` : null}
          </Text>
          <Text weight="semibold" data-testid="compare-summary">
            {t.summary(
              comparison.pairs.length,
              comparison.added.length,
              comparison.removed.length,
              comparison.review.length
            )}
          </Text>
          <section aria-labelledby="review-heading">
            <h3 id="review-heading" style={{ fontSize: 14 }}>
              {t.reviewHeading}
            </h3>
            {rows.length === 0 ? <Text>{t.noReview}</Text> : null}
            <ol data-testid="review-list" style={{ paddingLeft: 16, margin: 0 }}>
              {rows.map((r) => (
                <li key={`${r.before.id}\u0000${r.after.id}`} style={{ marginBottom: 10 }}>
                  <div>
                    <Badge appearance="tint" color={r.paired ? "warning" : "informative"}>
                      {t.kinds[r.kind]}
                    </Badge>{" "}
                    <Text weight="semibold">{`${r.before.id} → ${r.after.id}`}</Text>{" "}
                    <Text size={200}>{t.score(r.score)}</Text>
                    {r.changes.length > 0 ? (
                      <Text
                        size={200}
                      >{` (${r.changes.map((c) => t.changes[c]).join("・")})`}</Text>
                    ) : null}
                  </div>
                  <Text
                    size={200}
                    block
                  >{`${t.before}: ${r.before.owners.join("、")} ${r.before.nextPlan}`}</Text>
                  <Text
                    size={200}
                    block
                  >{`${t.after}: ${r.after.owners.join("、")} ${r.after.plan}`}</Text>
                  <div style={{ display: "flex", gap: 8, marginTop: 4 }}>
                    {r.paired ? (
                      <>
                        {decisionButton(r.before.id, r.after.id, "confirm")}
                        {decisionButton(r.before.id, r.after.id, "unlink")}
                      </>
                    ) : (
                      decisionButton(r.before.id, r.after.id, "link")
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="manual-heading">
            <h3 id="manual-heading" style={{ fontSize: 14 }}>
              {t.manualHeading}
            </h3>
            <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
              <MeasureSelect
                label={t.manualBefore}
                placeholder={t.choose}
                measures={removed}
                value={manual.before}
                onChange={(before) => setManual({ ...manual, before })}
              />
              <MeasureSelect
                label={t.manualAfter}
                placeholder={t.choose}
                measures={added}
                value={manual.after}
                onChange={(after) => setManual({ ...manual, after })}
              />
              <Button
                disabled={!manual.before || !manual.after}
                onClick={() => {
                  set({ before: manual.before, after: manual.after, decision: "link" });
                  setManual({ before: "", after: "" });
                }}
              >
                {t.link}
              </Button>
            </div>
          </section>
          {decisions.length > 0 ? (
            <section aria-labelledby="decisions-heading">
              <h3 id="decisions-heading" style={{ fontSize: 14 }}>
                {t.decisionsHeading}
              </h3>
              <ul data-testid="decision-list" style={{ paddingLeft: 16, margin: 0 }}>
                {decisions.map((d) => (
                  <li key={`${d.before}\u0000${d.after}`}>
                    <Text>{`${t.decisionWords[d.decision]}: ${d.before} → ${d.after}`}</Text>{" "}
                    <Button
                      size="small"
                      appearance="subtle"
                      onClick={() => onDecisionsChange(decisions.filter((x) => x !== d))}
                      aria-label={`${t.undo} ${d.before} → ${d.after}`}
                    >
                      {t.undo}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
