/**
 * Entry of the task pane (Microsoft's add-in template shape): wait for Office.onReady, then
 * render inside FluentProvider. Inside Excel the pane works on the open workbook; anywhere else
 * (Office.onReady reports no host) it runs as the browser preview on a file workbook.
 * Heavy parts (importers, exceljs, renderers, Office code) are loaded by dynamic import.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { Lang } from "../domain/model";
import { App } from "./components/App";
import { createFileGateway } from "./gateway/fileGateway";
import type { WorkbookGateway } from "./gateway/WorkbookGateway";
import type { LoadEngine } from "./services/engine";
import { LANGUAGE_KEY, chooseLanguage, documentSettingsStore, localStore, type PreferenceStore } from "./preferences/language";
import { FLUENT_THEMES } from "./preferences/theme";
import { useLiveTheme, type ThemeSources } from "./preferences/useLiveTheme";

/** If office.js never answers (blocked, offline), the preview still starts after this long. */
const ONREADY_TIMEOUT_MS = 8000;

const loadEngine: LoadEngine = () => import("./services/realEngine").then((m) => m.loadRealEngine());

function officeReady(): Promise<{ host: Office.HostType | null }> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ host: null });
  return Promise.race([
    Office.onReady().then((info) => ({ host: info.host ?? null })),
    new Promise<{ host: null }>((resolve) => setTimeout(() => resolve({ host: null }), ONREADY_TIMEOUT_MS)),
  ]);
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function ThemedPane({ sources, children }: { sources: ThemeSources; children: React.ReactNode }) {
  const kind = useLiveTheme(sources);
  return <FluentProvider theme={FLUENT_THEMES[kind]}>{children}</FluentProvider>;
}

async function main() {
  const { host } = await officeReady();
  const inExcel = host !== null && host === Office.HostType.Excel && typeof Excel !== "undefined";
  // The App keeps <html lang> in step with the language shown; gateways word errors in it.
  const uiLang = (): Lang => (document.documentElement.lang === "en" ? "en" : "ja");
  let gateway: WorkbookGateway;
  // A language chosen in the pane is remembered with the document inside Excel, in the browser otherwise.
  let preferences: PreferenceStore;
  if (inExcel) {
    const { createOfficeGateway } = await import("./gateway/officeGateway");
    gateway = createOfficeGateway(uiLang);
    // Document settings need a saved document's Office.context.document; without one, the browser's storage.
    const settings = Office.context.document?.settings;
    preferences = settings ? documentSettingsStore(settings) : localStore(safeLocalStorage());
  } else {
    gateway = createFileGateway(uiLang);
    preferences = localStore(safeLocalStorage());
  }
  const lang: Lang = chooseLanguage({
    search: window.location.search,
    hash: window.location.hash,
    remembered: preferences.get(LANGUAGE_KEY),
    office: inExcel ? Office.context.displayLanguage : null,
    browser: browserLanguages(),
  });
  // Office's theme (dark or high contrast Office gives a dark or high-contrast pane), followed while open.
  const themeSources: ThemeSources = {
    officeBackground: () => (inExcel ? Office.context?.officeTheme?.bodyBackgroundColor : undefined),
    matchMedia: typeof window.matchMedia === "function" ? (q) => window.matchMedia(q) : undefined,
    focusTarget: window,
  };
  document.documentElement.lang = lang;
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <ThemedPane sources={themeSources}>
        <App gateway={gateway} loadEngine={loadEngine} initialLang={lang} canSwitchLanguage preferences={preferences} logoUrl="assets/icon-32.png" />
      </ThemedPane>
    </React.StrictMode>,
  );
}

void main();
