/**
 * Bench scenario "bundle": the size of the task pane's first JavaScript (every file the
 * taskpane entry loads before the pane shows), gzipped, in a production build. Goal: at most
 * 250 KB; heavy parts (importers, exceljs, pdf.js, renderers) must stay in lazy chunks.
 *
 * Also reports the lazy chunks' total and the import worker, so a regression is easy to place.
 * Run alone: npx tsx scripts/bench/bundle.ts
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchScenario } from "./scenario";

export const BUNDLE_GOAL_GZIP_BYTES = 250 * 1024;

export interface BundleMeasurement {
  /** Files of the taskpane entry (initial chunks), with their sizes. */
  initial: { file: string; bytes: number; gzipBytes: number }[];
  initialGzipBytes: number;
  lazyGzipBytes: number;
  workerGzipBytes: number;
  buildMs: number;
  withinGoal: boolean;
}

interface StatsLike {
  entrypoints?: Record<string, { assets?: { name: string }[] }>;
  assets?: { name: string }[];
}

/** Builds the production pane into a temporary folder and measures it. */
export async function measureBundle(
  root = path.resolve(__dirname, "..", "..")
): Promise<BundleMeasurement> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(path.join(root, "node_modules", "webpack")) as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, "webpack.config.js")) as (
    env: object,
    argv: object
  ) => Promise<import("webpack").Configuration>;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tables-bundle-"));
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    config.mode = "production";
    config.output = { ...config.output, path: out };
    const started = Date.now();
    const stats = await new Promise<import("webpack").Stats>((resolve, reject) =>
      webpack(config, (err, s) =>
        err ? reject(err) : s ? resolve(s) : reject(new Error("no stats"))
      )
    );
    const buildMs = Date.now() - started;
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    const json = stats.toJson({ all: false, entrypoints: true, assets: true }) as StatsLike;
    const size = (file: string) => {
      const buf = fs.readFileSync(path.join(out, file));
      return { file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    };
    const initialFiles = (json.entrypoints?.taskpane?.assets ?? [])
      .map((a) => a.name)
      .filter((f) => f.endsWith(".js"));
    const initial = initialFiles.map(size);
    const lazy = (json.assets ?? [])
      .map((a) => a.name)
      .filter((f) => f.startsWith("chunks/") && f.endsWith(".js"));
    const initialGzipBytes = initial.reduce((s, f) => s + f.gzipBytes, 0);
    return {
      initial,
      initialGzipBytes,
      lazyGzipBytes: lazy.map(size).reduce((s, f) => s + f.gzipBytes, 0),
      workerGzipBytes: fs.existsSync(path.join(out, "import-worker.js"))
        ? size("import-worker.js").gzipBytes
        : 0,
      buildMs,
      withinGoal: initialGzipBytes <= BUNDLE_GOAL_GZIP_BYTES,
    };
  } finally {
    process.chdir(cwd);
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatBundle(m: BundleMeasurement): string {
  return [
    `task pane first JavaScript (gzip): ${kb(m.initialGzipBytes)} (goal ≤ ${kb(BUNDLE_GOAL_GZIP_BYTES)}) ${m.withinGoal ? "OK" : "OVER GOAL"}`,
    ...m.initial.map((f) => `  ${f.file}: ${kb(f.bytes)} minified, ${kb(f.gzipBytes)} gzip`),
    `lazy chunks (gzip, loaded on demand): ${kb(m.lazyGzipBytes)}`,
    `import worker (gzip, loaded on first import): ${kb(m.workerGzipBytes)}`,
    `production build: ${(m.buildMs / 1000).toFixed(1)} s`,
  ].join("\n");
}

/** The scenario as the `npm run bench` registry runs it (scripts/bench/scenarios/40-bundle.ts). */
export const bundleScenario: BenchScenario = {
  name: "bundle",
  async run() {
    const m = await measureBundle();
    const k = (n: number) => Math.round((n / 1024) * 10) / 10;
    return {
      scenario: "bundle",
      firstJsGzipKB: k(m.initialGzipBytes),
      goalKB: k(BUNDLE_GOAL_GZIP_BYTES),
      firstJsFiles: m.initial.map(
        (f) => `${f.file} ${k(f.bytes)} KB min, ${k(f.gzipBytes)} KB gzip`
      ),
      lazyChunksGzipKB: k(m.lazyGzipBytes),
      importWorkerGzipKB: k(m.workerGzipBytes),
      buildSeconds: Math.round(m.buildMs / 100) / 10,
    };
  },
  check(r) {
    const kbs = r.firstJsGzipKB as number;
    return kbs <= BUNDLE_GOAL_GZIP_BYTES / 1024
      ? []
      : [`bundle: the pane's first JavaScript is ${kbs} KB gzipped, over the 250 KB goal`];
  },
};

if (require.main === module) {
  measureBundle().then(
    (m) => {
      console.log(formatBundle(m));
      process.exitCode = m.withinGoal ? 0 : 1;
    },
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 2;
    }
  );
}
