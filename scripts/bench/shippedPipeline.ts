/**
 * The pipeline as it ships, for timing: src bundled into one module by esbuild, as webpack
 * bundles it for the pane (the CLI runs tsc's output, which times the same: measured). Running
 * src through tsx instead times tsx: its per-module transform makes every call across modules a
 * getter call, ≈ 60 ms of the 100,000-row run that no user's Excel or CLI ever pays.
 */
import { buildSync } from "esbuild";
import * as fs from "node:fs";
import * as path from "node:path";
import type { summarize } from "../../src/domain/aggregate";
import type { buildPlanTable } from "../../src/domain/pipeline";
import type { importFile } from "../../src/importers";

export interface ShippedPipeline {
  importFile: typeof importFile;
  buildPlanTable: typeof buildPlanTable;
  summarize: typeof summarize;
}

/** The bundle's entry: what the bench times (and scripts/bench/profilePipeline.ts profiles). */
export const PIPELINE_ENTRY = `
export { importFile } from "./src/importers";
export { buildPlanTable } from "./src/domain/pipeline";
export { summarize } from "./src/domain/aggregate";
`;

/**
 * `entry` (TypeScript importing from src/, resolved from `root`) bundled into one script, as the
 * pane's and the CLI's builds join modules. Node: CommonJS, libraries left to node_modules (as the
 * papaparse side loads them); browser: one self-contained script.
 */
export function bundleEntry(entry: string, root: string, platform: "node" | "browser"): string {
  const result = buildSync({
    stdin: { contents: entry, resolveDir: root, loader: "ts", sourcefile: "bench-entry.ts" },
    bundle: true,
    platform,
    ...(platform === "node"
      ? { target: "node20", format: "cjs" as const, packages: "external" as const }
      : { target: "es2022", format: "iife" as const }),
    absWorkingDir: root,
    write: false,
    logLevel: "error",
    // The PDF importer's guarded eval (pdf.js is ESM only) is not on this path.
    logOverride: { "direct-eval": "silent" },
  });
  return result.outputFiles[0].text;
}

export function loadShippedPipeline(root = path.resolve(__dirname, "..", "..")): ShippedPipeline {
  return loadBundle<ShippedPipeline>(PIPELINE_ENTRY, root);
}

/** `entry` bundled for Node as it ships (see bundleEntry) and loaded: its exports. */
export function loadBundle<T>(entry: string, root = path.resolve(__dirname, "..", "..")): T {
  // Under node_modules, so that the bundle finds the libraries there (node_modules/.cache, as build tools do).
  const cache = path.join(root, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, "plan-tables-bench-"));
  const outfile = path.join(dir, "pipeline.cjs");
  try {
    fs.writeFileSync(outfile, bundleEntry(entry, root, "node"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(outfile) as T;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
