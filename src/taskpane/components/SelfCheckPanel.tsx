/**
 * 動作確認 (Self-check): one button that checks, in the user's own Excel, what the add-in relies on,
 * and shows a report to copy and send to the administrator (src/excel/selfCheck.ts).
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import type { Lang } from "../../domain/model";
import type { RunSelfCheck } from "../gateway/selfCheckGateway";
import { useStyles } from "./styles";

const STRINGS: Record<Lang, { title: string; intro: string; run: string; running: string; report: string; passed: string; failed: string }> = {
  ja: {
    title: "動作確認",
    intro: "この Excel でアドインが正しく動くかを確認します。一時的なシートを作って確認し、終わったら削除します。お使いのシートは変更しません。結果をコピーして管理者に送ってください。",
    run: "動作確認を実行",
    running: "確認しています…",
    report: "確認結果（コピーして送ってください）",
    passed: "すべての確認に合格しました。",
    failed: "合格しなかった確認があります（NG の行）。結果を管理者に送ってください。",
  },
  en: {
    title: "Self-check",
    intro: "Checks that the add-in works in this Excel. It makes temporary sheets, checks them and deletes them; your own sheets are not changed. Copy the report and send it to your administrator.",
    run: "Run self-check",
    running: "Checking…",
    report: "Report (copy and send it)",
    passed: "Every check passed.",
    failed: "Some checks did not pass (the NG lines). Please send the report to your administrator.",
  },
};

export function SelfCheckPanel({ lang, run }: { lang: Lang; run: RunSelfCheck }): React.JSX.Element {
  const styles = useStyles();
  const s = STRINGS[lang];
  const [state, setState] = React.useState<{ phase: "idle" | "running" | "done"; ok?: boolean; text?: string }>({ phase: "idle" });
  const start = async () => {
    setState({ phase: "running" });
    try {
      const r = await run(lang);
      setState({ phase: "done", ok: r.ok, text: r.text });
    } catch (e) {
      setState({ phase: "done", ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section className={styles.section} aria-labelledby="selfcheck-title">
      <h2 id="selfcheck-title" className={styles.sectionTitle}>{s.title}</h2>
      <p className={styles.hint}>{s.intro}</p>
      <Button disabled={state.phase === "running"} onClick={() => void start()}>
        {state.phase === "running" ? s.running : s.run}
      </Button>
      {state.phase === "done" ? (
        <>
          <MessageBar intent={state.ok ? "success" : "warning"}>
            <MessageBarBody>{state.ok ? s.passed : s.failed}</MessageBarBody>
          </MessageBar>
          <Field label={s.report}>
            <Textarea readOnly value={state.text ?? ""} rows={14} />
          </Field>
        </>
      ) : null}
    </section>
  );
}
