/**
 * The pane: four steps, 取り込み (import) / 検証 (validate) / 前年度と比較 (compare) / 集計 (generate),
 * over one gateway.
 * Everything the pane does to a workbook goes through `gateway`; components never see `Excel`.
 */
import * as React from "react";
import { Badge, CounterBadge, Label, Select } from "@fluentui/react-components";
import type { PairDecision } from "../../domain/compare/compareEditions";
import type { Lang, PlanTable } from "../../domain/model";
import type { WorkbookPlan } from "../../workbook/plan";
import { CompareStep } from "../compare/CompareStep";
import { type ComparisonChoice, loadSavedDecisions, withComparison } from "../compare/withComparison";
import type { WorkbookGateway } from "../gateway/WorkbookGateway";
import { LANGUAGE_KEY, type PreferenceStore } from "../preferences/language";
import type { LoadEngine } from "../services/engine";
import { PANE_STRINGS } from "../strings";
import { announcement, currentTable, severityCounts } from "../state/derive";
import { usePlanTables } from "../state/usePlanTables";
import { ImportStep } from "./ImportStep";
import { ValidateStep } from "./ValidateStep";
import { GenerateStep } from "./GenerateStep";
import { SelfCheckPanel } from "./SelfCheckPanel";
import { officeSelfCheck } from "../gateway/selfCheckGateway";
import { StepTabs } from "./StepTabs";
import { useStyles } from "./styles";

export type StepId = "import" | "validate" | "compare" | "generate";
const STEPS: readonly StepId[] = ["import", "validate", "compare", "generate"];

export interface AppProps {
  gateway: WorkbookGateway;
  loadEngine: LoadEngine;
  initialLang: Lang;
  /** Offer the language switch (the preview and Excel both do; tests may not). */
  canSwitchLanguage: boolean;
  /** Where a language choice is remembered (document settings in Excel, local storage in the preview). */
  preferences?: PreferenceStore;
  /** URL of the pane's logo (assets/icon-32.png in the build). */
  logoUrl?: string;
}

/** Moves focus to an action's result (an element with id `result-…` and tabIndex -1) and scrolls it into view. */
export function focusResult(id: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    el.focus({ preventScroll: true });
    // To the top of the pane: what follows the heading (the list, the errors) comes into view with it.
    el.scrollIntoView?.({ block: "start" });
  });
}

export function App({ gateway, loadEngine, initialLang, canSwitchLanguage, preferences, logoUrl }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [step, setStep] = React.useState<StepId>("import");
  const t = PANE_STRINGS[lang];
  // Last year's edition and the person's decisions (前年度と比較), added to the plan at generation.
  const [previous, setPrevious] = React.useState<PlanTable | null>(null);
  const [older, setOlder] = React.useState<PlanTable[]>([]);
  const [decisions, setDecisions] = React.useState<PairDecision[]>([]);
  const choice = React.useRef<ComparisonChoice>({ previous, older, decisions });
  choice.current = { previous, older, decisions };
  const extendPlan = React.useCallback((plan: WorkbookPlan, table: PlanTable) => withComparison(plan, table, choice.current), []);
  const [state, actions] = usePlanTables(gateway, loadEngine, lang, t, extendPlan);
  // Decisions kept on 比較の確認 by an earlier generation: regeneration keeps them.
  React.useEffect(() => {
    void loadSavedDecisions(gateway).then((saved) => {
      if (saved.length > 0) setDecisions((now) => (now.length > 0 ? now : saved));
    });
  }, [gateway]);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Focus follows each finished action to its result, so the eye and the keyboard land on it.
  const completed = state.completed;
  React.useEffect(() => {
    if (completed && completed.action !== "select") focusResult(`result-${completed.action}`);
  }, [completed]);

  const table = currentTable(state);
  const errorCount = table ? severityCounts(table.problems).errors : 0;
  const goTo = (s: StepId) => {
    setStep(s);
    // Move focus to the step's tab so keyboard users land where the content changed.
    requestAnimationFrame(() => document.getElementById(`tab-${s}`)?.focus());
  };
  const chooseLang = (next: Lang) => {
    setLang(next);
    preferences?.set(LANGUAGE_KEY, next);
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        {logoUrl ? <img className={styles.logo} src={logoUrl} alt="" /> : null}
        <h1 className={styles.title}>{t.appTitle}</h1>
        <Badge appearance="tint" color={gateway.kind === "office" ? "brand" : "informative"}>
          {gateway.kind === "office" ? t.modeOffice : t.modePreview}
        </Badge>
        {canSwitchLanguage ? (
          <div className={styles.row}>
            <Label htmlFor="pane-language" size="small" className={styles.noWrap}>
              {t.language}
            </Label>
            <Select id="pane-language" value={lang} onChange={(_, d) => chooseLang(d.value === "en" ? "en" : "ja")} size="small">
              <option value="ja">{t.languageNames.ja}</option>
              <option value="en">{t.languageNames.en}</option>
            </Select>
          </div>
        ) : null}
      </header>
      <StepTabs<StepId>
        label={t.stepsLabel}
        selected={step}
        onSelect={setStep}
        tabs={STEPS.map((s, i) => ({
          value: s,
          label: `${i + 1}. ${t.steps[s]}`,
          badge:
            s === "validate" && errorCount > 0 ? (
              <CounterBadge count={errorCount} overflowCount={999} color="danger" size="small" aria-label={`${t.severity.error} ${errorCount}`} />
            ) : undefined,
        }))}
      />
      <section role="tabpanel" id={`panel-${step}`} aria-labelledby={`tab-${step}`}>
        {step === "import" ? <ImportStep t={t} lang={lang} gateway={gateway} state={state} actions={actions} onNext={() => goTo("validate")} /> : null}
        {step === "validate" ? <ValidateStep t={t} lang={lang} gateway={gateway} state={state} actions={actions} onNext={() => goTo("generate")} /> : null}
        {step === "compare" ? (
          <CompareStep lang={lang} current={table} loadEngine={loadEngine} decisions={decisions} onDecisionsChange={setDecisions} previous={previous} onPreviousChange={setPrevious} older={older} onOlderChange={setOlder} />
        ) : null}
        {step === "generate" ? <GenerateStep t={t} gateway={gateway} state={state} actions={actions} /> : null}
        {step === "generate" && gateway.kind === "office" ? <SelfCheckPanel lang={lang} run={officeSelfCheck} /> : null}
      </section>
      {/* Results are announced here once, whatever step is shown. */}
      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="announcer">
        {announcement(state, t)}
      </div>
    </main>
  );
}
