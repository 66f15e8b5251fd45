/**
 * The pane: three steps, 取り込み (import) / 検証 (validate) / 集計 (generate), over one gateway.
 * Everything the pane does to a workbook goes through `gateway`; components never see `Excel`.
 */
import * as React from "react";
import { Badge, CounterBadge, Label, Select, Tab, TabList } from "@fluentui/react-components";
import type { PairDecision } from "../../domain/compare/compareEditions";
import type { Lang, PlanTable } from "../../domain/model";
import type { WorkbookPlan } from "../../workbook/plan";
import { CompareStep } from "../compare/CompareStep";
import { type ComparisonChoice, loadSavedDecisions, withComparison } from "../compare/withComparison";
import type { WorkbookGateway } from "../gateway/WorkbookGateway";
import type { LoadEngine } from "../services/engine";
import { PANE_STRINGS } from "../strings";
import { usePlanTables } from "../state/usePlanTables";
import { ImportStep } from "./ImportStep";
import { ValidateStep } from "./ValidateStep";
import { GenerateStep } from "./GenerateStep";
import { SelfCheckPanel } from "./SelfCheckPanel";
import { officeSelfCheck } from "../gateway/selfCheckGateway";
import { useStyles } from "./styles";

export type StepId = "import" | "validate" | "compare" | "generate";
const STEPS: readonly StepId[] = ["import", "validate", "compare", "generate"];

export interface AppProps {
  gateway: WorkbookGateway;
  loadEngine: LoadEngine;
  initialLang: Lang;
  /** The preview offers a language switch; inside Excel the display language decides. */
  canSwitchLanguage: boolean;
  /** URL of the pane's logo (assets/icon-32.png in the build). */
  logoUrl?: string;
}

export function App({ gateway, loadEngine, initialLang, canSwitchLanguage, logoUrl }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [step, setStep] = React.useState<StepId>("import");
  const t = PANE_STRINGS[lang];
  // Last year's edition and the person's decisions (前年度と比較), added to the plan at generation.
  const [previous, setPrevious] = React.useState<PlanTable | null>(null);
  const [decisions, setDecisions] = React.useState<PairDecision[]>([]);
  const choice = React.useRef<ComparisonChoice>({ previous, decisions });
  choice.current = { previous, decisions };
  const extendPlan = React.useCallback((plan: WorkbookPlan, table: PlanTable) => withComparison(plan, table, choice.current), []);
  const [state, actions] = usePlanTables(gateway, loadEngine, lang, t, extendPlan);
  // Decisions kept on 比較の確認 by an earlier generation: regeneration keeps them.
  React.useEffect(() => {
    void loadSavedDecisions(gateway).then((saved) => {
      if (saved.length > 0) setDecisions((now) => (now.length > 0 ? now : saved));
    });
  }, [gateway]);

  const { dismissNotice } = actions;
  React.useEffect(() => {
    document.documentElement.lang = lang;
    dismissNotice(); // a notice is worded in the language it was made in
  }, [lang, dismissNotice]);

  const errorCount = state.table ? state.table.problems.filter((p) => p.severity === "error").length : 0;
  const goTo = (s: StepId) => {
    setStep(s);
    // Move focus to the step's tab so keyboard users land where the content changed.
    requestAnimationFrame(() => document.getElementById(`tab-${s}`)?.focus());
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
            <Select id="pane-language" value={lang} onChange={(_, d) => setLang(d.value === "en" ? "en" : "ja")} size="small">
              <option value="ja">{t.languageNames.ja}</option>
              <option value="en">{t.languageNames.en}</option>
            </Select>
          </div>
        ) : null}
      </header>
      <TabList selectedValue={step} onTabSelect={(_, d) => setStep(d.value as StepId)} aria-label={t.stepsLabel}>
        {STEPS.map((s, i) => (
          <Tab key={s} value={s} id={`tab-${s}`} aria-controls={s === step ? `panel-${s}` : undefined}>
            {`${i + 1}. ${t.steps[s]}`}
            {s === "validate" && errorCount > 0 ? (
              <CounterBadge count={errorCount} color="danger" size="small" aria-label={`${t.severity.error} ${errorCount}`} style={{ marginLeft: 6 }} />
            ) : null}
          </Tab>
        ))}
      </TabList>
      <section role="tabpanel" id={`panel-${step}`} aria-labelledby={`tab-${step}`}>
        {step === "import" ? <ImportStep t={t} gateway={gateway} state={state} actions={actions} onNext={() => goTo("validate")} /> : null}
        {step === "validate" ? <ValidateStep t={t} lang={lang} state={state} actions={actions} onNext={() => goTo("generate")} /> : null}
        {step === "compare" ? (
          <CompareStep lang={lang} current={state.table} loadEngine={loadEngine} decisions={decisions} onDecisionsChange={setDecisions} previous={previous} onPreviousChange={setPrevious} />
        ) : null}
        {step === "generate" ? <GenerateStep t={t} gateway={gateway} state={state} actions={actions} /> : null}
        {step === "generate" && gateway.kind === "office" ? <SelfCheckPanel lang={lang} run={officeSelfCheck} /> : null}
      </section>
    </main>
  );
}
