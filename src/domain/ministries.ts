/**
 * 府省庁 (owners of measures): the official list, the short forms people type, the group names
 * that are kept but flagged, and the functions that turn an owner cell into formal names.
 *
 * Rules as tables: a new organisation or a new short form is one line below.
 */
import { squash } from "./text";

/**
 * Every 府省庁 that may own a measure, in the government's order (建制順): 内閣 and its offices,
 * the 内閣府 bodies, 復興庁, then the ministries in their statutory order, each followed by its
 * external agencies and commissions; 会計検査院 (independent of the Cabinet) last.
 * MINISTRY_ORDER_RULES below places names that are not on this list.
 */
export const MINISTRIES: readonly string[] = [
  "内閣官房",
  "国家サイバー統括室",
  "内閣法制局",
  "人事院",
  "内閣府",
  "宮内庁",
  "公正取引委員会",
  "国家公安委員会",
  "警察庁",
  "個人情報保護委員会",
  "カジノ管理委員会",
  "金融庁",
  "消費者庁",
  "こども家庭庁",
  "デジタル庁",
  "復興庁",
  "総務省",
  "法務省",
  "出入国在留管理庁",
  "公安調査庁",
  "外務省",
  "財務省",
  "国税庁",
  "文部科学省",
  "スポーツ庁",
  "文化庁",
  "厚生労働省",
  "農林水産省",
  "林野庁",
  "水産庁",
  "経済産業省",
  "資源エネルギー庁",
  "特許庁",
  "中小企業庁",
  "国土交通省",
  "観光庁",
  "気象庁",
  "海上保安庁",
  "環境省",
  "原子力規制委員会",
  "防衛省",
  "防衛装備庁",
  "会計検査院",
];

/** Names that stand for several owners: kept as written, flagged (`group-ministry`). */
export const GROUP_NAMES: readonly string[] = [
  "関係府省庁",
  "関係省庁",
  "各府省庁",
  "各省庁",
  "全府省庁",
  "全省庁",
  "重要インフラ所管省庁",
];

/** How ministries are listed in tables, charts and sheet order: 建制順 (the default) or most measures first. */
export type MinistryOrder = "government" | "count";
export const MINISTRY_ORDERS: readonly MinistryOrder[] = ["government", "count"];

const governmentRank = new Map<string, number>(MINISTRIES.map((m, i) => [m, i]));
const groupRank = new Map<string, number>(GROUP_NAMES.map((g, i) => [g, i]));

/**
 * 建制順 for every name an owner cell can hold, first tier first: listed ministries by their place
 * in MINISTRIES, then group names (関係府省庁 …) in GROUP_NAMES order, then names nobody knows,
 * in code point order so every machine agrees.
 */
export const MINISTRY_ORDER_RULES: readonly { tier: string; rank(name: string): number | undefined }[] = [
  { tier: "ministry", rank: (n) => governmentRank.get(n) },
  { tier: "group", rank: (n) => groupRank.get(n) },
  { tier: "other", rank: () => 0 },
];

function orderKey(name: string): [number, number] {
  for (let tier = 0; tier < MINISTRY_ORDER_RULES.length; tier++) {
    const rank = MINISTRY_ORDER_RULES[tier].rank(name);
    if (rank !== undefined) return [tier, rank];
  }
  return [MINISTRY_ORDER_RULES.length, 0];
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 建制順 comparison of two owner names (formal names, group names or unknown names). */
export function compareGovernmentOrder(a: string, b: string): number {
  const [ta, ra] = orderKey(a);
  const [tb, rb] = orderKey(b);
  return ta - tb || ra - rb || compareCodePoints(a, b);
}

/** Sorts rows by ministry: 建制順, or most measures first with 建制順 between equal counts. */
export function sortByMinistry<T extends { name: string }>(rows: readonly T[], order: MinistryOrder, count: (row: T) => number): T[] {
  return [...rows].sort((a, b) => (order === "count" ? count(b) - count(a) : 0) || compareGovernmentOrder(a.name, b.name));
}

/** Short forms and English abbreviations → formal name. Keys are compared after NFKC, spaces removed, upper-cased. */
export const MINISTRY_ALIASES: Readonly<Record<string, string>> = {
  経産省: "経済産業省",
  経済省: "経済産業省",
  METI: "経済産業省",
  文科省: "文部科学省",
  文部省: "文部科学省",
  MEXT: "文部科学省",
  厚労省: "厚生労働省",
  厚生省: "厚生労働省",
  MHLW: "厚生労働省",
  国交省: "国土交通省",
  MLIT: "国土交通省",
  農水省: "農林水産省",
  MAFF: "農林水産省",
  総務庁: "総務省",
  MIC: "総務省",
  外務: "外務省",
  MOFA: "外務省",
  財務: "財務省",
  MOF: "財務省",
  防衛: "防衛省",
  MOD: "防衛省",
  環境: "環境省",
  法務: "法務省",
  MOJ: "法務省",
  個情委: "個人情報保護委員会",
  個人情報委: "個人情報保護委員会",
  PPC: "個人情報保護委員会",
  デジ庁: "デジタル庁",
  デジタル: "デジタル庁",
  公取委: "公正取引委員会",
  JFTC: "公正取引委員会",
  規制委: "原子力規制委員会",
  原子力規制庁: "原子力規制委員会",
  入管庁: "出入国在留管理庁",
  公安庁: "公安調査庁",
  エネ庁: "資源エネルギー庁",
  資源庁: "資源エネルギー庁",
  中企庁: "中小企業庁",
  海保: "海上保安庁",
  国公委: "国家公安委員会",
  金融: "金融庁",
  FSA: "金融庁",
  警察: "警察庁",
  NPA: "警察庁",
  "内閣官房(NISC)": "内閣官房",
  "内閣官房(内閣サイバーセキュリティセンター)": "内閣官房",
  内閣官房内閣サイバーセキュリティセンター: "内閣官房",
};

/**
 * Separators between owners in one cell: line breaks, 、・，, / and the conjunctions 及び, 並びに, と.
 * None of these occurs inside a formal name (checked by a test), so splitting never breaks a name.
 * "/" between ASCII letters (JPCERT/CC) is not a separator.
 */
const OWNER_SEPARATORS =
  /\r\n|\r|\n|[、，,;；・･]|(?<![A-Za-z])[/／](?![A-Za-z])|及び|並びに|(?<=[省庁府院室局会房])と/u;

const formalByKey = new Map<string, string>();
for (const m of MINISTRIES) formalByKey.set(m, m);
for (const [alias, formal] of Object.entries(MINISTRY_ALIASES))
  formalByKey.set(squash(alias).toUpperCase(), formal);
const groupByKey = new Map<string, string>(GROUP_NAMES.map((g) => [g, g]));

/** "[内閣官房]" / "【金融庁】" / "(総務省)" → the name inside; also drops a trailing 等 ("総務省等" stays unknown on purpose). */
function stripWrapping(key: string): string {
  const m = /^[[【(〔「『<]([^\]】)〕」』>]*)[\]】)〕」』>]$/u.exec(key);
  return m ? m[1] : key;
}

function keyOf(name: string): string {
  return stripWrapping(squash(name));
}

/**
 * The formal name of a 府省庁 written in full, in a short form (経産省), letter-spaced
 * (`個 人 情 報 保 護 委 員 会`), full-width or in brackets (`[内閣官房]`); null when unknown or a group name.
 */
export function matchMinistry(name: string): string | null {
  const key = keyOf(name);
  if (key === "") return null;
  const found = formalByKey.get(key) ?? formalByKey.get(key.toUpperCase());
  if (found) return found;
  // An office in parentheses after the ministry: "内閣府(科学技術・イノベーション推進事務局)" → 内閣府.
  const base = /^(.+?)\(.*\)$/u.exec(key)?.[1];
  return base ? (formalByKey.get(base) ?? formalByKey.get(base.toUpperCase()) ?? null) : null;
}

/** True for 関係府省庁, 各府省庁 and the other group names. */
export function isGroupName(name: string): boolean {
  return groupByKey.has(keyOf(name));
}

function isKnown(part: string): boolean {
  return matchMinistry(part) !== null || isGroupName(part);
}

/**
 * The owners written in one cell, in order, as written (trimmed). Separators: see OWNER_SEPARATORS.
 * Parts separated by spaces only are split when every piece is a known name ("総務省 経済産業省"),
 * and a name wrapped over two lines ("個人情報保" / "護委員会") is joined back.
 */
const OPENING = "(（[［【〔「『";
const CLOSING = ")）]］】〕」』";

/** Split at separators outside brackets: "内閣府（科学技術・イノベーション推進事務局）" stays one part. */
function splitOutsideBrackets(text: string): string[] {
  const sep = new RegExp(OWNER_SEPARATORS.source, "uy");
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (OPENING.includes(ch)) depth++;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m && m[0].length > 0) {
        parts.push(text.slice(start, i));
        i += m[0].length;
        start = i;
        continue;
      }
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

export function splitOwners(text: string): string[] {
  const raw = splitOutsideBrackets(text)
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
    .filter((p) => p !== "");
  // Join wrapped names: two unknown neighbours that make a known name together.
  const joined: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const next = raw[i + 1];
    if (next !== undefined && !isKnown(raw[i]) && !isKnown(next) && isKnown(raw[i] + next)) {
      joined.push(raw[i] + next);
      i++;
    } else joined.push(raw[i]);
  }
  // Space-separated names: split only when every piece is known, so letter-spaced names stay whole.
  const out: string[] = [];
  for (const part of joined) {
    const pieces = part.split(/[\s\u3000]+/u).filter((p) => p !== "");
    if (pieces.length > 1 && !isKnown(part) && pieces.every(isKnown)) out.push(...pieces);
    else out.push(part);
  }
  return out;
}

export interface OwnerNormalisation {
  /** Formal names for known owners; group and unknown names as written (NFKC, spaces removed); no duplicates. */
  owners: readonly string[];
  unknown: { name: string; suggestion: string | null }[];
  groups: string[];
}

/**
 * Owner cells repeat (a table of 100,000 rows has a few hundred distinct ones, and finalising and
 * validating read each cell): results are kept by cell text, and each caller gets its own copy.
 */
const ownersCache = new Map<string, OwnerNormalisation>();
const OWNERS_CACHE_SIZE = 10_000;

/** Split an owner cell and map every part to its formal name; unknown parts get the nearest known name as a suggestion. */
export function normalizeOwners(text: string): OwnerNormalisation {
  const r = normalizeOwnersShared(text);
  return {
    owners: [...r.owners],
    unknown: r.unknown.map((u) => ({ ...u })),
    groups: [...r.groups],
  };
}

/** normalizeOwners without the copy, for callers that only read: the object is shared, never change it. */
export function normalizeOwnersShared(text: string): Readonly<OwnerNormalisation> {
  let r = ownersCache.get(text);
  if (r === undefined) {
    r = normalizeOwnersUncached(text);
    if (text.length <= 200) {
      if (ownersCache.size >= OWNERS_CACHE_SIZE) ownersCache.clear();
      ownersCache.set(text, r);
    }
  }
  return r;
}

function normalizeOwnersUncached(text: string): OwnerNormalisation {
  const owners: string[] = [];
  const unknown: { name: string; suggestion: string | null }[] = [];
  const groups: string[] = [];
  const add = (n: string) => {
    if (!owners.includes(n)) owners.push(n);
  };
  for (const part of splitOwners(text)) {
    const formal = matchMinistry(part);
    if (formal) {
      add(formal);
    } else if (isGroupName(part)) {
      const g = keyOf(part);
      add(g);
      if (!groups.includes(g)) groups.push(g);
    } else {
      const name = keyOf(part);
      add(name);
      if (!unknown.some((u) => u.name === name))
        unknown.push({ name, suggestion: suggestMinistry(name) });
    }
  }
  // Frozen: the cached owners array is shared by every measure of the same cell.
  return { owners: Object.freeze(owners), unknown, groups };
}

/** Levenshtein distance over code points (names are short: at most ~12 characters). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The known name an unknown one most likely means: a formal name it contains
 * ("総務省サイバーセキュリティ統括官室" → 総務省), else the nearest formal name or short form
 * within about a third of its length in edits ("経済産業庁" → 経済産業省); null when nothing is close.
 */
export function suggestMinistry(name: string): string | null {
  const key = keyOf(name);
  if (key === "") return null;
  const contained = MINISTRIES.filter((m) => key.includes(m)).sort((a, b) => b.length - a.length);
  if (contained.length > 0) return contained[0];
  let best: { formal: string; d: number } | null = null;
  for (const [candidate, formal] of formalByKey) {
    // English abbreviations are too short to be near-missed safely (IPA is not NPA).
    if (/^[A-Z()]+$/u.test(candidate)) continue;
    const d = editDistance(key.toUpperCase(), candidate);
    const limit = Math.max(1, Math.floor(Math.max([...key].length, [...candidate].length) / 3));
    if (d <= limit && (best === null || d < best.d)) best = { formal, d };
  }
  return best?.formal ?? null;
}
