/** Issue 15, finding 9 and the theme: where the pane's language and theme come from. */
import { webDarkTheme, webLightTheme, teamsHighContrastTheme } from "@fluentui/react-components";
import { LANGUAGE_KEY, chooseLanguage, documentSettingsStore, localStore, parseLang } from "../../src/taskpane/preferences/language";
import { FLUENT_THEMES, themeKind } from "../../src/taskpane/preferences/theme";

describe("the pane's language", () => {
  test("?lang= wins over everything, then the remembered choice, then Office, then the browser", () => {
    const all = { search: "?lang=en", remembered: "ja", office: "ja-JP", browser: ["ja-JP"] };
    expect(chooseLanguage(all)).toBe("en");
    expect(chooseLanguage({ ...all, search: "" })).toBe("ja");
    expect(chooseLanguage({ office: "en-GB", browser: ["ja-JP"] })).toBe("en");
    expect(chooseLanguage({ office: "ja-JP", browser: ["en-US"] })).toBe("ja");
    expect(chooseLanguage({ browser: ["en-US", "ja"] })).toBe("en");
    // A browser preferring French with English second gets English; one with neither gets Japanese.
    expect(chooseLanguage({ browser: ["fr-FR", "en"] })).toBe("en");
    expect(chooseLanguage({ browser: ["fr-FR"] })).toBe("ja");
    // Office in French: Office has spoken, and we have no French: Japanese, not the browser's English.
    expect(chooseLanguage({ office: "fr-FR", browser: ["en-US"] })).toBe("ja");
    expect(chooseLanguage({ hash: "#lang=en" })).toBe("en");
    expect(chooseLanguage({ search: "?lang=xx", browser: ["en"] })).toBe("en");
    expect(chooseLanguage({})).toBe("ja");
  });

  test("parseLang reads language tags and nothing else", () => {
    expect(parseLang("EN-us")).toBe("en");
    expect(parseLang("ja")).toBe("ja");
    expect(parseLang("english")).toBeNull();
    expect(parseLang(undefined)).toBeNull();
  });

  test("inside Excel the choice is kept in the document's settings and saved", () => {
    const values = new Map<string, unknown>();
    let saves = 0;
    const store = documentSettingsStore({
      get: (k: string) => values.get(k),
      set: (k: string, v: unknown) => void values.set(k, v),
      saveAsync: (() => void saves++) as unknown as Office.Settings["saveAsync"],
    });
    expect(store.get(LANGUAGE_KEY)).toBeNull();
    store.set(LANGUAGE_KEY, "en");
    expect(values.get(LANGUAGE_KEY)).toBe("en");
    expect(saves).toBe(1);
    expect(store.get(LANGUAGE_KEY)).toBe("en");
  });

  test("in the preview it is kept in local storage, and a blocked storage only forgets", () => {
    const items = new Map<string, string>();
    const store = localStore({ getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) });
    store.set(LANGUAGE_KEY, "en");
    expect(store.get(LANGUAGE_KEY)).toBe("en");
    const blocked = localStore({
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    });
    expect(() => blocked.set(LANGUAGE_KEY, "en")).not.toThrow();
    expect(blocked.get(LANGUAGE_KEY)).toBeNull();
    expect(localStore(null).get(LANGUAGE_KEY)).toBeNull();
  });
});

describe("the pane's theme follows Office's", () => {
  test("a dark Office body gives the dark theme, a light one the light theme, forced colours high contrast", () => {
    expect(themeKind("#262626", false)).toBe("dark"); // Office "Black"
    expect(themeKind("#444444", false)).toBe("dark"); // Office "Dark Gray"
    expect(themeKind("#FFFFFF", false)).toBe("light");
    expect(themeKind("#E6E6E6", false)).toBe("light"); // Office "Colorful"/"White"
    expect(themeKind(undefined, false)).toBe("light");
    expect(themeKind("#FFFFFF", true)).toBe("high-contrast");
    expect(FLUENT_THEMES.dark).toBe(webDarkTheme);
    expect(FLUENT_THEMES.light).toBe(webLightTheme);
    expect(FLUENT_THEMES["high-contrast"]).toBe(teamsHighContrastTheme);
  });
});
