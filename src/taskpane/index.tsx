/**
 * Entry of the task pane (Microsoft's add-in template shape): wait for Office.onReady, then
 * render inside FluentProvider. Inside Excel the pane works on the open workbook; anywhere else
 * (Office.onReady reports no host) it runs as the browser preview on a file workbook.
 * Heavy parts (importers, exceljs, renderers, Office code) are loaded by dynamic import.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../domain/model";
import { App } from "./components/App";
import { createFileGateway } from "./gateway/fileGateway";
import type { WorkbookGateway } from "./gateway/WorkbookGateway";
import type { LoadEngine } from "./services/engine";
import { langFromDisplayLanguage } from "./strings";

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

/** The preview's language: `#lang=en` in the address, else Japanese. */
function previewLang(): Lang {
  return /(?:^|[#&])lang=en\b/.test(window.location.hash) ? "en" : "ja";
}

async function main() {
  const { host } = await officeReady();
  const inExcel = host !== null && host === Office.HostType.Excel && typeof Excel !== "undefined";
  // The App keeps <html lang> in step with the language shown; gateways word errors in it.
  const uiLang = (): Lang => (document.documentElement.lang === "en" ? "en" : "ja");
  let lang: Lang;
  let gateway: WorkbookGateway;
  if (inExcel) {
    lang = langFromDisplayLanguage(Office.context.displayLanguage);
    const { createOfficeGateway } = await import("./gateway/officeGateway");
    gateway = createOfficeGateway(uiLang);
  } else {
    lang = previewLang();
    gateway = createFileGateway(uiLang);
  }
  document.documentElement.lang = lang;
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App gateway={gateway} loadEngine={loadEngine} initialLang={lang} canSwitchLanguage={!inExcel} logoUrl="assets/icon-32.png" />
      </FluentProvider>
    </React.StrictMode>,
  );
}

void main();
