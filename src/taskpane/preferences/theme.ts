/** Which Fluent theme follows Office's: high contrast when the system forces colours, dark on a dark Office body. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark" | "high-contrast";

/** Relative luminance of "#rrggbb" (0 black … 1 white); null when it cannot be read. */
function luminance(color: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? "");
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeKind(officeBodyBackground: string | undefined, forcedColors: boolean): ThemeKind {
  if (forcedColors) return "high-contrast";
  const l = luminance(officeBodyBackground);
  return l !== null && l < 0.2 ? "dark" : "light";
}

export const FLUENT_THEMES: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  "high-contrast": teamsHighContrastTheme,
};
