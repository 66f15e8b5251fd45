/**
 * fast-check generators for plan tables built from the real header vocabulary and realistic
 * Japanese cell text, plus their serialisation as CSV/TSV bytes (UTF-8, Shift_JIS or UTF-16).
 * Cell text never starts a heading ("2 …", "(1) …") so every non-blank row must surface as a
 * measure or a located problem.
 */
import Encoding from "encoding-japanese";
import fc from "fast-check";

export type Role =
  "itemNumber" | "owners" | "plan" | "results" | "nextPlan" | "combined" | "status" | "note";

/** Header texts per role, as ministries write them. Each must be recognised (checked in the tests). */
export const HEADER_VARIANTS: Record<Role, readonly string[]> = {
  itemNumber: ["項番", "番号", "No."],
  owners: ["担当府省庁", "府省庁", "担当省庁", "所管府省庁"],
  plan: ["2023年度年次計画", "令和5年度年次計画", "年次計画"],
  results: ["成果・進捗状況", "取組の成果", "2023年度の実績"],
  nextPlan: ["次年度年次計画", "翌年度の年次計画"],
  combined: ["取組の成果、進捗状況及び2024年度年次計画", "成果・進捗状況及び次年度年次計画"],
  status: ["進捗区分", "区分"],
  note: ["備考", "メモ"],
};

const FRAGMENTS = [
  "総務省において、",
  "引き続き、",
  "サイバーセキュリティ対策を",
  "重要インフラ事業者の",
  "演習を実施する。",
  "説明会を12回開催した。",
  "ガイドラインを改定した。",
  "・",
  "\n",
  " ",
  "\u3000",
  "\t",
  "Web ",
  "IoT",
  '"',
  ",",
  "'",
  "=",
  "+",
  "-",
  "@",
  "（",
  "）",
  "。",
  "(再掲)",
  "廃止する。",
  "新たに",
] as const;

export const cellText = (maxFragments = 10): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: maxFragments }).map((a) => a.join(""));

const KANA =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
export const labelText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: KANA.length - 1 }).map((i) => `(${KANA[i]})`) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: KANA.length - 1 }).map((i) => `（${KANA[i]}）`),
  },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: cellText(3) }
);

const OWNER_NAMES = [
  "総務省",
  "経済産業省",
  "経産省",
  "警察庁",
  "内閣官房",
  "デジタル庁",
  "個 人 情 報 保 護 委 員 会",
  "関係府省庁",
  "架空庁",
  "",
];
export const ownersText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...OWNER_NAMES), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("\n", "、", "・")
  )
  .map(([names, sep]) => names.filter((n) => n !== "").join(sep));

const STATUS_CELLS = ["", "", "継続", "拡充", "新規", "終了", "Ended", "不明"];

export interface GenRow {
  /** The 項番 cell. */
  itemNumber: string;
  owners: string;
  plan: string;
  results: string;
  nextPlan: string;
  status: string;
  note: string;
  blank: boolean;
}

export interface GenTable {
  combined: boolean;
  roles: Role[];
  headers: Record<Role, string>;
  rows: GenRow[];
}

const rowArb: fc.Arbitrary<GenRow> = fc.record({
  itemNumber: labelText,
  owners: ownersText,
  plan: cellText(),
  results: cellText(),
  nextPlan: cellText(),
  status: fc.constantFrom(...STATUS_CELLS),
  note: fc.oneof(fc.constant(""), cellText(3)),
  blank: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

export const tableArb: fc.Arbitrary<GenTable> = fc
  .record({
    combined: fc.boolean(),
    extras: fc.subarray(["status", "note"] as Role[]),
    headerPick: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    rows: fc.array(rowArb, { maxLength: 12 }),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ combined, extras, headerPick, rows, order }) => {
    const base: Role[] = combined
      ? ["itemNumber", "owners", "plan", "combined"]
      : ["itemNumber", "owners", "plan", "results", "nextPlan"];
    const roles = [...base, ...extras];
    // A stable shuffle from the generated keys: column order is part of the input.
    const keyed = roles.map((r, i) => ({ r, k: order[i] }));
    keyed.sort((a, b) => a.k - b.k);
    const headers = {} as Record<Role, string>;
    (Object.keys(HEADER_VARIANTS) as Role[]).forEach((r, i) => {
      const v = HEADER_VARIANTS[r];
      headers[r] = v[headerPick[i] % v.length];
    });
    return { combined, roles: keyed.map((x) => x.r), headers, rows };
  });

/** The cell a generated row puts under a role. */
export function cellFor(row: GenRow, role: Role): string {
  if (row.blank) return "";
  switch (role) {
    case "combined":
      return `<成果・進捗状況>\n${row.results}\n<2024年度年次計画>\n${row.nextPlan}`;
    default:
      return row[role];
  }
}

export function tableGrid(t: GenTable, roles: Role[] = t.roles): string[][] {
  return [
    roles.map((r) => t.headers[r]),
    ...t.rows.map((row) => roles.map((r) => cellFor(row, r))),
  ];
}

function quote(v: string, delimiter: string): string {
  return v.includes(delimiter) || /["\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

export function serialise(grid: string[][], delimiter: "," | "\t", eol = "\r\n"): string {
  return grid.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join(eol) + eol;
}

export type TableEncoding = "UTF-8" | "Shift_JIS" | "UTF-8-BOM" | "UTF-16LE-BOM";

export function encode(text: string, encoding: TableEncoding): Uint8Array {
  if (encoding === "UTF-16LE-BOM") {
    // Excel's "Unicode テキスト": FF FE, then UTF-16 code units, low byte first.
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      out[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    return out;
  }
  if (encoding === "Shift_JIS")
    return Uint8Array.from(
      Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" })
    );
  const body = new TextEncoder().encode(text);
  if (encoding === "UTF-8") return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** A row with any text in it (what a person would call a row of the table). */
export function rowIsBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/** What fast-check tried, printed once per suite for the README's safety section. */
export const tried = { inputs: 0, rows: 0, measures: 0, problems: 0, lost: 0, ledgered: 0 };
