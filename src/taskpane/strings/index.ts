import type { Lang } from "../../domain/model";
import { en } from "./en";
import { ja, type PaneStrings } from "./ja";

export type { PaneStrings };

export const PANE_STRINGS: Record<Lang, PaneStrings> = { ja, en };

/** English when Office's display language is English (en-US, en-GB, …); Japanese otherwise. */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "ja";
}
