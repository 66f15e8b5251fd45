/**
 * Owners (担当府省庁) as the report prints them beside a label: a full name, several joined by
 * 、・, a name letter-spaced in the narrow owner column, or one wrapped onto a later line.
 */
import { isGroupName, matchMinistry, MINISTRIES, splitOwners } from "../../domain/ministries";
import { squash } from "../../domain/text";
import { findInLine, isWide } from "./textUtil";

const isKnownOwner = (s: string) => matchMinistry(s) !== null || isGroupName(s);

/** A known 府省庁 or group name, or several joined by 、・ etc. ("総務省・経済産業省"). */
export function isOwnerName(s: string): boolean {
  if (isKnownOwner(s)) return true;
  const parts = splitOwners(s);
  return parts.length > 1 && parts.every(isKnownOwner);
}

/** Owners written after a label: a full name (maybe letter-spaced), or the first part of a wrapped one. */
export function parseOwners(rest: string): {
  owners: string[];
  partial: string | null;
  remainder: string;
} {
  const tokens = [...rest.matchAll(/\S+/gu)].map((m) => ({ text: m[0], index: m.index ?? 0 }));
  if (tokens.length === 0) return { owners: [], partial: null, remainder: "" };
  const after = (k: number) => (k < tokens.length ? rest.slice(tokens[k].index) : "");
  for (let k = Math.min(tokens.length, 12); k >= 1; k--) {
    const name = tokens
      .slice(0, k)
      .map((t) => t.text)
      .join("");
    if (isOwnerName(name)) return { owners: [name], partial: null, remainder: after(k) };
  }
  // Letter-spaced and wrapped in the narrow owner column: "個 人 情 報 保" (+ "護委員会" on a later line).
  let k = 0;
  while (k < tokens.length && [...tokens[k].text].length === 1 && isWide(tokens[k].text)) k++;
  if (k >= 2) {
    const prefix = squash(
      tokens
        .slice(0, k)
        .map((t) => t.text)
        .join("")
    );
    if (MINISTRIES.some((m) => m.startsWith(prefix)))
      return { owners: [], partial: prefix, remainder: after(k) };
  }
  if (tokens.length === 1 && [...tokens[0].text].length <= 10)
    return { owners: [tokens[0].text], partial: null, remainder: "" };
  return { owners: [], partial: null, remainder: rest };
}

/** The rest of a wrapped owner name at the start of `line`, if it completes `prefix`: the name and what is left of the line. */
export function completeOwner(prefix: string, line: string): { name: string; rest: string } | null {
  const k = squash(line);
  for (const m of MINISTRIES) {
    if (!m.startsWith(prefix) || m === prefix) continue;
    const suffix = m.slice(prefix.length);
    if (!k.startsWith(suffix)) continue;
    const cut = findInLine(
      line,
      new RegExp(`^${suffix.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}`, "u")
    );
    return { name: m, rest: cut ? line.slice(cut.end).trim() : "" };
  }
  return null;
}
