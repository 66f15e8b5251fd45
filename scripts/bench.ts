/**
 * `npm run bench [filter…]`: runs every scenario of scripts/bench/scenarios/ (or those whose name
 * contains a filter) and prints one JSON object per line. Exit code 1 when a goal is missed.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { BenchScenario } from "./bench/scenario";

async function loadScenarios(): Promise<BenchScenario[]> {
  const dir = join(__dirname, "bench", "scenarios");
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts"))
    .sort();
  const all: BenchScenario[] = [];
  for (const f of files) {
    const mod = (await import(join(dir, f))) as {
      default: BenchScenario | BenchScenario[] | { default: BenchScenario | BenchScenario[] };
    };
    let exported = mod.default;
    if (exported && !Array.isArray(exported) && "default" in exported) exported = exported.default;
    all.push(...(Array.isArray(exported) ? exported : [exported as BenchScenario]));
  }
  return all;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const scenarios = (await loadScenarios()).filter(
    (s) => filters.length === 0 || filters.some((f) => s.name.includes(f))
  );
  const missed: string[] = [];
  for (const s of scenarios) {
    const result = await s.run();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    missed.push(...(s.check?.(result) ?? []));
  }
  for (const m of missed) process.stderr.write(`goal missed: ${m}\n`);
  return missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  }
);
