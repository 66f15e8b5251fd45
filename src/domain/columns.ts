/**
 * The column table: every column of a plan table the add-in knows, one row each. It drives header
 * recognition (`matchHeader`), which columns make a row a header (`core`), the required-column
 * check, the template's input sheet, 施策一覧's columns and the CLI's JSON.
 *
 * Rows are tried top to bottom when a header is matched; header texts are compared after NFKC
 * with all spaces removed (`headerKey` in headers.ts), so "2023 年度\n年次計画", "２０２３年度年次計画"
 * and "2023年度年次計画" are the same header. A named group `year` (or `year2`, `reiwa`,
 * `reiwa2`) in a pattern gives a fiscal year.
 *
 * Adding an optional text column is one row here (`fill: { as: "optionalText", field }`) plus
 * its field on `MeasureDraft` and `Measure` (model.ts); see docs/CONTRIBUTING.md.
 */
import type { Lang, Measure, MeasureDraft } from "./model";

export type ColumnRole =
  | "itemNumber"
  | "owners"
  | "plan"
  | "combined"
  | "results"
  | "nextPlan"
  | "chapter"
  | "section"
  | "subsection"
  | "status"
  | "note"
  | "reposted";

/** Optional string fields of both a draft and a measure: what an optional text column may fill. */
export type OptionalTextField = {
  [K in keyof MeasureDraft & keyof Measure]-?: undefined extends MeasureDraft[K]
    ? NonNullable<MeasureDraft[K]> extends string
      ? NonNullable<Measure[K]> extends string
        ? K
        : never
      : never
    : never;
}[keyof MeasureDraft & keyof Measure];

/** What a column's cells become in a draft, and how. */
export type ColumnFill<Field extends string = OptionalTextField> =
  /** The 項番 cell (trimmed) → `label`. */
  | { as: "itemNumber"; field: "label" }
  /** The owner cell (trimmed) → `ownersText`, normalised when finalised. */
  | { as: "owners"; field: "ownersText" }
  /** A text cell → the field, trimmed. */
  | { as: "text"; field: "plan" | "results" | "nextPlan" }
  /** The 成果/次年度年次計画 cell, split at its markers → `results` and `nextPlan`. */
  | { as: "combined" }
  /** A 章/節/項 cell: a blank cell means "as above". */
  | { as: "heading"; field: "chapter" | "section" | "subsection" }
  /** A status name (a user's 進捗区分) → `statusOverride`, when not blank. */
  | { as: "status"; field: "statusOverride" }
  /** A yes/no cell → `reposted` (read by `isReposted`). */
  | { as: "yesNo"; field: "reposted" }
  /** Any other text cell → the field, trimmed, when not blank; shown on 施策一覧 and in JSON as asked. */
  | { as: "optionalText"; field: Field };

/**
 * A required column. `true`: nothing is imported without it. `{ or }`: it may be replaced by the
 * column `or` (the separate results and next-plan columns, or the combined one); when all
 * columns replaced by `or` are missing, the message names `or` alone.
 */
export type Required<Role extends string = ColumnRole> = true | { or: Role };

export interface ColumnSpec<
  Field extends string = OptionalTextField,
  Role extends string = ColumnRole,
> {
  role: Role;
  /** Patterns on the header key (NFKC, no spaces); rows are tried in the table's order. */
  patterns: readonly RegExp[];
  /** How messages, the template and 施策一覧 name the column (Japanese, English). */
  names: Readonly<Record<Lang, string>>;
  required?: Required<Role>;
  /** A core column: two or more core columns in a row make it the header (optional ones do not count). */
  core?: boolean;
  fill: ColumnFill<Field>;
  /** Its column on the template's input sheet: `order` sorts the columns, `width` in characters. */
  template?: { order: number; width: number };
  /** An optional text column shown on 施策一覧 (before 出典), under `names`, this wide. */
  measuresSheet?: { width: number };
  /** An optional text column written in the CLI's JSON of a measure (`measureJson`), when present. */
  json?: boolean;
}

/** A column table as the readers and sheets take it (the default is COLUMNS; tests pass their own). */
export type ColumnTable = readonly ColumnSpec<string, string>[];

const Y = String.raw`(?:(?<year>\d{4})年度|(?:令和|R)(?<reiwa>\d{1,2})年度)`;
const Y2 = String.raw`(?:(?<year2>\d{4})年度|(?:令和|R)(?<reiwa2>\d{1,2})年度)`;
const NEXT_WORD = String.raw`(?:次年度|翌年度|来年度|次期)`;

/** Order matters: the combined column is tested before the plain 年次計画 it ends with. */
export const COLUMNS: readonly ColumnSpec[] = [
  {
    role: "itemNumber",
    patterns: [/^(項番|項目番号|施策番号|整理番号|番号|no\.?|item)$/iu],
    names: { ja: "項番", en: "Item No." },
    required: true,
    core: true,
    fill: { as: "itemNumber", field: "label" },
    template: { order: 4, width: 12 },
  },
  {
    role: "owners",
    patterns: [
      /^(担当|所管|実施)?(府省庁|府省|省庁)(名)?$/u,
      /^担当(機関|官庁|部局)$/u,
      /^(owners?|ministr(y|ies))$/iu,
    ],
    names: { ja: "担当府省庁", en: "Ministries" },
    required: true,
    core: true,
    fill: { as: "owners", field: "ownersText" },
    template: { order: 5, width: 16 },
  },
  {
    role: "combined",
    patterns: [
      new RegExp(
        String.raw`^${Y}?(の)?(取組の)?成果[、,・]?進捗状況(及び|並びに|と|&|・)(${Y2}|${NEXT_WORD})(の)?年次計画$`,
        "u"
      ),
    ],
    names: { ja: "取組の成果、進捗状況及び次年度年次計画", en: "Results and next year's plan" },
    core: true,
    fill: { as: "combined" },
  },
  {
    role: "results",
    patterns: [
      new RegExp(String.raw`^${Y}?(の)?(取組の)?成果[、,・]?進捗状況$`, "u"),
      new RegExp(String.raw`^${Y}?(の)?(取組の成果|成果|実施状況|進捗状況|実績)$`, "u"),
      /^results?$/iu,
    ],
    names: { ja: "成果・進捗状況", en: "Results" },
    required: { or: "combined" },
    core: true,
    fill: { as: "text", field: "results" },
    template: { order: 7, width: 48 },
  },
  {
    role: "nextPlan",
    patterns: [new RegExp(String.raw`^${NEXT_WORD}(の)?(年次)?計画$`, "u"), /^next(year)?plan$/iu],
    names: { ja: "次年度年次計画", en: "Next year's plan" },
    required: { or: "combined" },
    core: true,
    fill: { as: "text", field: "nextPlan" },
    template: { order: 8, width: 48 },
  },
  {
    // A year-bearing 年次計画 may be the year's plan or the next year's: mapColumns decides by year.
    role: "plan",
    patterns: [
      new RegExp(String.raw`^${Y}?(の)?(年次)?計画$`, "u"),
      /^(当年度)(の)?(年次)?計画$/u,
      /^plan$/iu,
    ],
    names: { ja: "年次計画", en: "Plan for the year" },
    required: true,
    core: true,
    fill: { as: "text", field: "plan" },
    template: { order: 6, width: 48 },
  },
  {
    role: "chapter",
    patterns: [/^章(番号|名)?$/u, /^chapter$/iu],
    names: { ja: "章", en: "Chapter" },
    fill: { as: "heading", field: "chapter" },
    template: { order: 1, width: 18 },
  },
  {
    role: "section",
    patterns: [/^節(番号|名)?$/u, /^section$/iu],
    names: { ja: "節", en: "Section" },
    fill: { as: "heading", field: "section" },
    template: { order: 2, width: 18 },
  },
  {
    role: "subsection",
    patterns: [/^項(番号|名)?$/u, /^subsection$/iu],
    names: { ja: "項", en: "Sub-section" },
    fill: { as: "heading", field: "subsection" },
    template: { order: 3, width: 18 },
  },
  {
    role: "status",
    patterns: [/^(進捗区分|区分|状況区分|ステータス)$/u, /^status$/iu],
    names: { ja: "進捗区分", en: "Status" },
    fill: { as: "status", field: "statusOverride" },
    template: { order: 9, width: 10 },
  },
  {
    role: "note",
    patterns: [/^(備考|注記|メモ)$/u, /^notes?$/iu],
    names: { ja: "備考", en: "Notes" },
    fill: { as: "optionalText", field: "note" },
    template: { order: 10, width: 24 },
    measuresSheet: { width: 20 },
  },
  {
    // The 再掲 column of a generated 施策一覧 sheet, so that it can be imported again.
    role: "reposted",
    patterns: [/^再掲$/u, /^reposted$/iu],
    names: { ja: "再掲", en: "Reposted" },
    fill: { as: "yesNo", field: "reposted" },
  },
];

/** Each role's names (Japanese, English), for messages that name a column. */
export const COLUMN_NAMES: Readonly<Record<ColumnRole, Readonly<Record<Lang, string>>>> =
  Object.fromEntries(COLUMNS.map((c) => [c.role, c.names])) as Record<
    ColumnRole,
    Record<Lang, string>
  >;

/** The columns of a table that make a row a header. */
export function coreRolesOf(columns: ColumnTable): ReadonlySet<string> {
  return new Set(columns.filter((c) => c.core).map((c) => c.role));
}

/** The optional text columns of a table: field → trimmed value when the cell is not blank. */
export function optionalTextColumns<F extends string, R extends string>(
  columns: readonly ColumnSpec<F, R>[]
): (ColumnSpec<F, R> & { fill: { as: "optionalText"; field: F } })[] {
  return columns.filter(
    (c): c is ColumnSpec<F, R> & { fill: { as: "optionalText"; field: F } } =>
      c.fill.as === "optionalText"
  );
}
