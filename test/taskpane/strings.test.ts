import { PANE_STRINGS, langFromDisplayLanguage } from "../../src/taskpane/strings";

function shape(o: unknown): unknown {
  if (typeof o === "function") return "fn";
  if (o && typeof o === "object") return Object.fromEntries(Object.keys(o).sort().map((k) => [k, shape((o as Record<string, unknown>)[k])]));
  return typeof o;
}

describe("pane strings", () => {
  test("Japanese is the default; English only when Office's display language is English", () => {
    expect(langFromDisplayLanguage("ja-JP")).toBe("ja");
    expect(langFromDisplayLanguage("en-US")).toBe("en");
    expect(langFromDisplayLanguage("en-GB")).toBe("en");
    expect(langFromDisplayLanguage("EN-us")).toBe("en");
    expect(langFromDisplayLanguage("fr-FR")).toBe("ja");
    expect(langFromDisplayLanguage(undefined)).toBe("ja");
  });

  test("the English table has exactly the Japanese table's entries", () => {
    expect(shape(PANE_STRINGS.en)).toEqual(shape(PANE_STRINGS.ja));
  });

  test("status names are the ones the workbook's 進捗区分 dropdown uses", () => {
    expect(Object.values(PANE_STRINGS.ja.status)).toEqual(["継続", "拡充", "新規", "終了", "未報告"]);
    expect(Object.values(PANE_STRINGS.en.status)).toEqual(["Continuing", "Expanded", "New", "Ended", "Unreported"]);
  });

  test("no English text is left untranslated in the Japanese table (apart from file formats)", () => {
    const texts: string[] = [];
    const walk = (o: unknown) => {
      if (typeof o === "string") texts.push(o);
      else if (typeof o === "function") texts.push(String((o as (...a: unknown[]) => unknown)(1, 2, 3)));
      else if (o && typeof o === "object") Object.values(o).forEach(walk);
    };
    walk({ ...PANE_STRINGS.ja, languageNames: {}, modeOffice: "" });
    for (const t of texts) expect(t.replace(/CSV|TSV|UTF-8|Shift_JIS|Excel|PDF|\.xlsx|Enter|\(|\)|[\d\s.,:/!-]/g, "")).not.toMatch(/^[A-Za-z ]{4,}$/);
  });
});
