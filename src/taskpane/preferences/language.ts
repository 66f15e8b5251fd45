/**
 * The pane's language: `?lang=` in the address, else the one the user chose before (remembered),
 * else Office's display language, else the browser's; Japanese when none of them says English.
 */
import type { Lang } from "../../domain/model";

export interface LanguageSignals {
  /** The page address's query and hash (`?lang=en`, `#lang=en`). */
  search?: string;
  hash?: string;
  /** What the pane remembered from an earlier choice. */
  remembered?: string | null;
  /** Office.context.displayLanguage inside Office. */
  office?: string | null;
  /** navigator.languages (or [navigator.language]). */
  browser?: readonly string[];
}

/** "en", "en-US", "ja-JP" → Lang; anything else → null (no opinion). */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === "en" || v.startsWith("en-")) return "en";
  if (v === "ja" || v.startsWith("ja-")) return "ja";
  return null;
}

function fromAddress(part: string | undefined): Lang | null {
  if (!part) return null;
  return parseLang(new URLSearchParams(part.replace(/^[?#]/, "")).get("lang"));
}

export function chooseLanguage(s: LanguageSignals): Lang {
  const office = s.office ? (parseLang(s.office) ?? "ja") : null;
  // The browser's first language that we have; a browser preferring French falls through to Japanese.
  const browser = (s.browser ?? []).map(parseLang).find((l): l is Lang => l !== null) ?? null;
  return fromAddress(s.search) ?? fromAddress(s.hash) ?? parseLang(s.remembered) ?? office ?? browser ?? "ja";
}

/** Where a choice is remembered: the document's settings inside Excel, local storage in the preview. */
export interface PreferenceStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const LANGUAGE_KEY = "planTables.language";

/** Office's per-document settings (saved with the workbook). */
export function documentSettingsStore(settings: Pick<Office.Settings, "get" | "set" | "saveAsync">): PreferenceStore {
  return {
    get(key) {
      const v: unknown = settings.get(key);
      return typeof v === "string" ? v : null;
    },
    set(key, value) {
      settings.set(key, value);
      // Saved in the background: a failure only means the choice is not remembered next time.
      settings.saveAsync(() => undefined);
    },
  };
}

/** The browser's local storage; a no-op where it is blocked (private windows, sandboxed frames). */
export function localStore(storage: Pick<Storage, "getItem" | "setItem"> | null): PreferenceStore {
  return {
    get(key) {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage?.setItem(key, value);
      } catch {
        // not remembered; the pane still works
      }
    },
  };
}
