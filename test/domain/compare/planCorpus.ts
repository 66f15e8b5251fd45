/**
 * Realistic plan sentences for generated editions: every sentence of the fixtures' expected
 * measures (the 2024 report's own text and the samples written after it), turned into plans
 * (「…した。」 → 「…する。」), without the words that decide a status (終了, 新たに, 拡充 …),
 * written in Shift_JIS's repertoire, and no two alike (so the known crosswalk is unambiguous).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Encoding from "encoding-japanese";
import { textSimilarity } from "../../../src/domain/compare/similarity";

const FIXTURES = join(__dirname, "..", "..", "fixtures");
const TEXT_KEYS = new Set(["plan", "nextPlan", "results", "plan_prev_year", "plan_next_year"]);
const STATUS_WORDS = /終了|完了|廃止|新た|新規|拡充|拡大|更なる|さらなる|再掲|[<>〈〉]/u;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? jsonFiles(join(dir, e.name))
      : e.name.endsWith(".expected.json")
        ? [join(dir, e.name)]
        : []
  );
}

function texts(value: unknown, out: string[]): void {
  if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (TEXT_KEYS.has(k) && typeof v === "string") out.push(v);
      else texts(v, out);
    }
}

function shiftJisSafe(s: string): boolean {
  const sjis = Encoding.convert(Encoding.stringToCode(s), { to: "SJIS", from: "UNICODE" });
  return Encoding.codeToString(Encoding.convert(sjis, { to: "UNICODE", from: "SJIS" })) === s;
}

let cached: string[] | null = null;

export function planSentences(): string[] {
  if (cached) return cached;
  const raw: string[] = [];
  for (const f of jsonFiles(FIXTURES)) texts(JSON.parse(readFileSync(f, "utf8")), raw);
  // The UTF-8 table fixture's cells, read as lines (its plans span no line break).
  raw.push(
    ...readFileSync(join(FIXTURES, "tables", "cs2024-combined-utf8-bom.csv"), "utf8").split(
      /[\n,"]/u
    )
  );
  const out: string[] = [];
  for (const t of raw)
    for (let s of t.split(/(?<=。)/u)) {
      s = s
        .replace(/\s*\n\s*/gu, "")
        .replace(/^[・\s]+/u, "")
        .replace(/^計画に基づき、/u, "")
        .replace(/引き続き、/gu, "")
        .trim();
      s = s.replace(/行った。$/u, "行う。").replace(/した。$/u, "する。");
      if (s.length < 30 || s.length > 220 || !s.endsWith("。") || STATUS_WORDS.test(s)) continue;
      if (!shiftJisSafe(s)) continue;
      if (out.some((o) => textSimilarity(o, s) > 0.5)) continue;
      out.push(s);
    }
  cached = out;
  return out;
}
