/** A small argument parser: positionals, boolean flags and `--name value` / `--name=value` options. */
import { MINISTRY_ORDERS, type MinistryOrder } from "../domain/ministries";
import type { Lang } from "../domain/model";

export interface ArgSpec {
  flags?: readonly string[];
  options?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParseResult {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^-+/, "");
    if (spec.flags?.includes(name)) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` };
      flags.add(name);
    } else if (spec.options?.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "")
        return { ok: false, error: `--${name} needs a value` };
      options.set(name, value);
    } else return { ok: false, error: `unknown option ${a}` };
  }
  return { ok: true, args: { positionals, flags, options } };
}

/** --order government|count (default government: 建制順); null for anything else. */
export function orderOption(args: ParsedArgs): MinistryOrder | null {
  const v = args.options.get("order") ?? "government";
  return (MINISTRY_ORDERS as readonly string[]).includes(v) ? (v as MinistryOrder) : null;
}

/** --lang ja|en (default ja); null for anything else. */
export function langOption(args: ParsedArgs): Lang | null {
  const v = args.options.get("lang") ?? "ja";
  return v === "ja" || v === "en" ? v : null;
}
