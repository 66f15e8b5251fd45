/**
 * Status of a measure (継続 / 拡充 / 新規 / 終了 / 未報告), read from the next-year plan.
 *
 * The rules are a table, tried in order; the first that matches decides, and its id is kept on
 * the measure (shown to users as the reason). The results part (<成果・進捗状況>) is never read:
 * it says 引き続き and 終了 about the past year too.
 */
import type { Lang, Status } from "./model";
import { STATUSES } from "./model";
import { isBlankOrDash, squash } from "./text";

export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  ja: { continuing: "継続", expanded: "拡充", new: "新規", ended: "終了", unreported: "未報告" },
  en: {
    continuing: "Continuing",
    expanded: "Expanded",
    new: "New",
    ended: "Ended",
    unreported: "Unreported",
  },
};

/** What a rule looks at: the year's plan and the next-year plan, both NFKC with spaces removed. */
export interface StatusInput {
  plan: string;
  nextPlan: string;
  statusOverride?: string;
}

/** What the rules see. `blocks`: the next-year plan cut at owner blocks ([内閣官房] … [金融庁] …), squashed; one block when there are none. */
export interface StatusFacts {
  plan: string;
  nextPlan: string;
  planBlank: boolean;
  nextBlank: boolean;
  blocks: string[];
}

export interface StatusRule {
  id: string;
  status: Status;
  /** Shown to users as the reason for a status. */
  description: Record<Lang, string>;
  /** Matches on the squashed (NFKC, no spaces) texts. */
  test: (t: StatusFacts) => boolean;
}

/**
 * After a year or をもって, the keyword must close a clause ("終了。", "終了し、", "完了した。"):
 * "…で完了する予定のシステム", "終了予定の旧制度", "終了した実証の成果" describe something else.
 */
const NOT_THIS_MEASURE = String.raw`(?=(した|する|となった|となる|とする|済み|済)?(。|、|,|$|\(|し[、,]|となり))`;
/**
 * Ended: the plan says it stops. A keyword alone is not enough ("実証終了後は…推進する",
 * "…の完了を目指す" continue), so it must close a sentence ("…廃止する。"), follow a year
 * ("2023年度で終了"), or follow をもって ("…をもって本施策は完了した").
 */
export const ENDED_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`(年度|年|年度末|年末)(で|を以て|をもって|末で|末をもって)(本施策は|本事業は|事業は|施策は)?(終了|完了|廃止)${NOT_THIS_MEASURE}`,
    "u"
  ),
  new RegExp(String.raw`(をもって|を以て)[^。]*(終了|完了|廃止)${NOT_THIS_MEASURE}`, "u"),
  /(終了|廃止)(した|する|となった|となる|とする|予定|済み|済)?(。|$)/u,
  // 完了する。 is a plan to finish something next year (continuing); only a past 完了 ends the measure.
  /完了(した|となった|済み|済)?(。|$)/u,
  /^・?(終了|完了|廃止)/u,
];

/**
 * Every ended pattern needs one of these words (終了 and 完了 share 了): a block without any is not
 * tried against ENDED_PATTERNS (speed: five regexps per measure; checked by statusFastPath.test.ts).
 */
export const ENDED_NEEDS: readonly string[] = ["了", "廃止"];

/** True when some ENDED_NEEDS word is in s: only then can an ended pattern match. */
function mayEnd(s: string): boolean {
  for (let i = 0; i < ENDED_NEEDS.length; i++) if (s.includes(ENDED_NEEDS[i])) return true;
  return false;
}

/** New: the next-year plan opens with 新たに / 新規に (after the bullet); not 新規参入事業者に… */
export const NEW_PATTERNS: readonly RegExp[] = [
  /^・?(新たに|新規に|新規で|新規として|新規施策|新規事業)/u,
];

/** Expanded: 拡充, 拡大, 更なる強化 (also さらなる強化). 強化 alone is not enough. */
export const EXPANDED_PATTERNS: readonly RegExp[] = [/拡充/u, /拡大/u, /(更|さら)なる強化/u];
/** Every expansion pattern needs one of these characters: a plan without any is not read sentence by sentence (speed). */
export const EXPANDED_NEEDS: readonly string[] = ["拡", "強"];
/** 拡大 of something bad is not expansion of the measure: "被害の拡大防止", "感染拡大を防ぐ". Removed before testing. */
export const EXPANDED_EXCLUSIONS: readonly RegExp[] = [
  /(被害|感染|脅威|攻撃|侵害|漏えい|リスク)(の)?拡大/gu,
  /拡大(の)?(を)?(防止|防ぐ|防ぎ|抑止|抑制|阻止)/gu,
];

/**
 * The lead sentence of each bullet (・ … 。): the plan itself. Later sentences of a bullet
 * (具体的には…, また…) detail how it is carried out, so "・引き続き、説明会を開催する。具体的には、
 * …対象企業を拡大する。" is a continuing measure. Works on the squashed text: a bullet starts at
 * the beginning, after 。, or after an owner block's closing bracket.
 */
export function leadSentences(squashedNextPlan: string): string[] {
  return squashedNextPlan
    .split(/(?<=^|。|[\]】])(?=[・･])/u)
    .map((bullet) => {
      const end = bullet.indexOf("。");
      return end >= 0 ? bullet.slice(0, end + 1) : bullet;
    })
    .filter((x) => x !== "");
}

function withoutExclusions(s: string): string {
  let t = s;
  for (let i = 0; i < EXPANDED_EXCLUSIONS.length; i++) t = t.replace(EXPANDED_EXCLUSIONS[i], "");
  return t;
}

/**
 * leadSentences(s).some(lead => an expansion pattern matches lead without its exclusions), read
 * in place: no arrays or closures per measure. A bullet ends before a ・/･ that follows 。, ] or 】.
 */
export function someLeadSentenceExpands(squashedNextPlan: string): boolean {
  const s = squashedNextPlan;
  const n = s.length;
  for (let start = 0; start < n;) {
    let end = n;
    for (let q = start + 1; q < n; q++) {
      const c = s.charCodeAt(q);
      if (c !== 0x30fb && c !== 0xff65) continue; // ・ ･
      const p = s.charCodeAt(q - 1);
      if (p === 0x3002 || p === 0x5d || p === 0x3011) {
        end = q; // after 。 ] 】
        break;
      }
    }
    const stop = s.indexOf("。", start);
    const lead = stop >= 0 && stop < end ? s.slice(start, stop + 1) : s.slice(start, end);
    if (any(EXPANDED_PATTERNS, withoutExclusions(lead))) return true;
    start = end;
  }
  return false;
}

/** True when some pattern matches s (loops, not closures: this runs several times per measure). */
function any(patterns: readonly RegExp[], s: string): boolean {
  for (let i = 0; i < patterns.length; i++) if (patterns[i].test(s)) return true;
  return false;
}

/** True when every block matches one of the patterns; `may` (when given) rules a block out cheaply first. */
function everyBlock(
  blocks: readonly string[],
  patterns: readonly RegExp[],
  may?: (s: string) => boolean
): boolean {
  for (let i = 0; i < blocks.length; i++)
    if ((may !== undefined && !may(blocks[i])) || !any(patterns, blocks[i])) return false;
  return true;
}

/** A line that is only an owner name in brackets: "[内閣官房]", "【金融庁】". */
const OWNER_BLOCK_LINE = /^\s*[[［【]([^\]］】\n]{1,20})[\]］】]\s*$/mu;
const OWNER_BLOCK_SPLIT = new RegExp(OWNER_BLOCK_LINE.source, "gmu");
function hasOpeningBracket(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5b || c === 0xff3b || c === 0x3010) return true; // [ ［ 【
  }
  return false;
}

/** The next-year plan cut at owner block lines; text before the first block is its own block when not empty. */
export function ownerBlocks(nextPlan: string, squashed?: string): string[] {
  // No opening bracket, no block line: the whole plan is the one block.
  if (!hasOpeningBracket(nextPlan)) return [squashed ?? squash(nextPlan)];
  const parts = nextPlan.split(OWNER_BLOCK_SPLIT);
  // split() with a capture group alternates text and names: keep the texts.
  const texts = parts
    .filter((_, i) => i % 2 === 0)
    .map(squash)
    .filter((x) => x !== "" && !isBlankOrDash(x));
  return texts.length > 0 ? texts : [squash(nextPlan)];
}

/**
 * A status written in the 進捗区分 column wins over every rule; it is read before the rules
 * (parseStatusName), and recorded on the measure with this id and reason.
 */
export const OVERRIDE_RULE = {
  id: "override",
  description: { ja: "進捗区分の指定", en: "Status set in the 進捗区分 column" },
} as const satisfies Pick<StatusRule, "id" | "description">;

export const STATUS_RULES: readonly StatusRule[] = [
  {
    id: "ended-keyword",
    status: "ended",
    description: {
      ja: "次年度計画に終了・完了・廃止の記載",
      en: "Next-year plan says it ends (終了/完了/廃止)",
    },
    // With owner blocks, the measure ends only when every owner's part ends.
    test: (t) => !t.nextBlank && everyBlock(t.blocks, ENDED_PATTERNS, mayEnd),
  },
  {
    id: "new-empty-plan",
    status: "new",
    description: {
      ja: "当年度計画が空欄または「―」で次年度計画あり",
      en: "No plan for the year (empty or ―) but a next-year plan",
    },
    test: (t) => t.planBlank && !t.nextBlank,
  },
  {
    id: "new-keyword",
    status: "new",
    description: {
      ja: "次年度計画が「新たに」「新規」で始まる",
      en: "Next-year plan starts with 新たに/新規",
    },
    test: (t) => !t.nextBlank && everyBlock(t.blocks, NEW_PATTERNS),
  },
  {
    id: "expanded-keyword",
    status: "expanded",
    description: {
      ja: "次年度計画の各項目の主文に拡充・拡大・更なる強化の記載",
      en: "A next-year plan item's lead sentence says 拡充, 拡大 or 更なる強化",
    },
    test: (t) =>
      !t.nextBlank &&
      // Removing exclusions adds no character, so a plan without any EXPANDED_NEEDS character cannot match.
      EXPANDED_NEEDS.some((c) => t.nextPlan.includes(c)) &&
      someLeadSentenceExpands(t.nextPlan),
  },
  {
    id: "continuing-default",
    status: "continuing",
    description: { ja: "次年度計画の記載あり", en: "A next-year plan is given" },
    test: (t) => !t.nextBlank,
  },
  {
    id: "unreported-empty",
    status: "unreported",
    description: { ja: "次年度計画が空欄", en: "No next-year plan" },
    test: (t) => t.nextBlank,
  },
];

/** Words accepted in a 進捗区分 cell, besides the labels and the status keys themselves. */
const STATUS_SYNONYMS: Readonly<Record<string, Status>> = {
  継続中: "continuing",
  継続実施: "continuing",
  拡大: "expanded",
  新設: "new",
  廃止: "ended",
  完了: "ended",
  未記入: "unreported",
  continued: "continuing",
  extended: "expanded",
  finished: "ended",
  completed: "ended",
  "not reported": "unreported",
};

/** A status from its Japanese or English name, its key, or a listed synonym; null otherwise. */
export function parseStatusName(s: string): Status | null {
  const k = squash(s).toLowerCase();
  if (k === "") return null;
  for (const st of STATUSES) {
    if (k === st || k === squash(STATUS_LABELS.ja[st]) || k === STATUS_LABELS.en[st].toLowerCase())
      return st;
  }
  for (const [word, st] of Object.entries(STATUS_SYNONYMS))
    if (squash(word).toLowerCase() === k) return st;
  return null;
}

/**
 * StatusFacts whose squashed year's plan is made only when a rule reads it (no rule does today; it
 * is a long text). One instance is refilled for every measure: rules only read it, synchronously.
 */
class Facts implements StatusFacts {
  private rawPlan = "";
  private planKey: string | undefined;
  nextPlan = "";
  planBlank = false;
  nextBlank = false;
  blocks: string[] = [];
  fill(
    rawPlan: string,
    nextPlan: string,
    planBlank: boolean,
    nextBlank: boolean,
    blocks: string[]
  ): this {
    this.rawPlan = rawPlan;
    this.planKey = undefined;
    this.nextPlan = nextPlan;
    this.planBlank = planBlank;
    this.nextBlank = nextBlank;
    this.blocks = blocks;
    return this;
  }
  get plan(): string {
    if (this.planKey === undefined) this.planKey = squash(this.rawPlan);
    return this.planKey;
  }
}
const facts = new Facts();
/** The one block of a next-year plan without owner blocks (refilled per measure, like facts). */
const oneBlock: string[] = [""];

/** Status and the id of the rule that decided it. Never reads the results part. */
export function classifyStatus(m: StatusInput): { status: Status; rule: string } {
  return classifyTexts(m.plan, m.nextPlan, m.statusOverride);
}

/** classifyStatus on the texts themselves (finalizing calls it once per measure: no argument object). */
export function classifyTexts(
  plan: string,
  nextPlanText: string,
  statusOverride?: string
): { status: Status; rule: string } {
  if (statusOverride !== undefined) {
    const st = parseStatusName(statusOverride);
    if (st) return { status: st, rule: OVERRIDE_RULE.id };
  }
  const nextPlan = squash(nextPlanText);
  let blocks: string[];
  if (hasOpeningBracket(nextPlanText)) blocks = ownerBlocks(nextPlanText, nextPlan);
  else {
    oneBlock[0] = nextPlan; // what ownerBlocks gives without a bracket
    blocks = oneBlock;
  }
  const t = facts.fill(plan, nextPlan, isBlankOrDash(plan), isBlankOrDash(nextPlanText), blocks);
  for (let i = 0; i < STATUS_RULES.length; i++) {
    const rule = STATUS_RULES[i];
    if (rule.test(t)) return { status: rule.status, rule: rule.id };
  }
  // Unreachable: the last two rules cover every input.
  return { status: "unreported", rule: "unreported-empty" };
}

/** The user-facing reason for a rule id. */
export function statusRuleDescription(ruleId: string, lang: Lang): string {
  if (ruleId === OVERRIDE_RULE.id) return OVERRIDE_RULE.description[lang];
  return STATUS_RULES.find((r) => r.id === ruleId)?.description[lang] ?? ruleId;
}
