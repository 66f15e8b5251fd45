/**
 * The pane's theme, kept in step while the pane is open. Excel gives task panes no theme-change
 * event (Office.EventType.OfficeThemeChanged is Outlook's, Mailbox 1.14), so Office's body colour
 * is read again whenever the pane gets focus back (the user changed the theme in Excel's options,
 * then returned); Windows' high-contrast mode is followed at once through its media query.
 */
import * as React from "react";
import { themeKind, type ThemeKind } from "./theme";

export interface ThemeSources {
  /** Office's task-pane body colour now (undefined outside Excel). */
  officeBackground(): string | undefined;
  /** window.matchMedia, when the page has it. */
  matchMedia?: (query: string) => MediaQueryList;
  /** Where focus events arrive (the window). */
  focusTarget?: Pick<Window, "addEventListener" | "removeEventListener">;
}

const FORCED_COLORS = "(forced-colors: active)";

export function currentThemeKind(s: ThemeSources): ThemeKind {
  const forced = s.matchMedia?.(FORCED_COLORS).matches ?? false;
  return themeKind(s.officeBackground(), forced);
}

export function useLiveTheme(s: ThemeSources): ThemeKind {
  const [kind, setKind] = React.useState<ThemeKind>(() => currentThemeKind(s));
  React.useEffect(() => {
    const update = () => setKind(currentThemeKind(s));
    const query = s.matchMedia?.(FORCED_COLORS);
    query?.addEventListener?.("change", update);
    s.focusTarget?.addEventListener("focus", update);
    return () => {
      query?.removeEventListener?.("change", update);
      s.focusTarget?.removeEventListener("focus", update);
    };
  }, [s]);
  return kind;
}
