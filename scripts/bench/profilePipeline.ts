/**
 * Where the time of `pipeline-100000` goes: the shipped bundle (shippedPipeline.ts) on the same
 * 100,000-row CSV, timed by stage (importFile, buildPlanTable, summarize: wall time, CPU time,
 * minor page faults) and CPU-profiled in process (node:inspector, after a warm-up, so neither
 * bundling nor JIT warm-up is counted).
 * Prints self time by source file and by function, and total time (self + callees) of the
 * pipeline's main functions, per run. Not a scenario: profiling slows the code it measures, so
 * the figures are shares, and `npm run bench` gives the ratio.
 *
 *   npx tsx scripts/bench/profilePipeline.ts [--runs N] [--root DIR] [--compare DIR] [--no-profile]
 *     [--lines FUNCTION,…] [--out FILE.cpuprofile]
 *
 * `--root` (profiled) and `--compare` (timed alternately with it): another checkout's `src` (an
 * older commit unpacked with `git archive`, node_modules linked) to see where the time went then,
 * on today's input. `--lines`: the named functions' own time by line of the bundle.
 */
import * as fs from "node:fs";
import { Session, type Profiler } from "node:inspector";
import * as path from "node:path";
import Papa from "papaparse";
import { syntheticCsv } from "../../test/support/syntheticReport";
import { bundleEntry, PIPELINE_ENTRY, type ShippedPipeline } from "./shippedPipeline";

const ROWS = 100_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The bundle and its text (to name the source file of a profiled line). */
function load(root: string): {
  pipeline: ShippedPipeline;
  file: string;
  sourceAt: (line: number) => string;
  lines: string[];
} {
  const dir = fs.mkdtempSync(path.join(root, "node_modules", ".cache", "plan-tables-profile-"));
  const file = path.join(dir, "pipeline.cjs");
  const text = bundleEntry(PIPELINE_ENTRY, root, "node");
  fs.writeFileSync(file, text);
  // esbuild marks each module's start with a "// src/…" comment line.
  const starts: { line: number; source: string }[] = [];
  text.split("\n").forEach((l, i) => {
    const m = /^\/\/ ((?:src|test|node_modules)\/\S+)$/.exec(l);
    if (m) starts.push({ line: i, source: m[1] });
  });
  const sourceAt = (line: number) => {
    let s = "(bundle)";
    for (const x of starts) if (x.line <= line) s = x.source;
    return s;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pipeline = require(file) as ShippedPipeline;
  fs.rmSync(dir, { recursive: true, force: true });
  return { pipeline, file, sourceAt, lines: text.split("\n") };
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T)))
  );
}

async function main(): Promise<void> {
  const runs = Number(arg("--runs") ?? 5);
  const root = path.resolve(arg("--root") ?? path.join(__dirname, "..", ".."));
  const out = arg("--out");
  const compare = arg("--compare");
  const loaded = [root, ...(compare ? compare.split(",").map((c) => path.resolve(c)) : [])].map(
    (r) => ({ root: r, ...load(r) })
  );
  const { pipeline, file, sourceAt, lines } = loaded[0];
  const { importFile, buildPlanTable, summarize } = pipeline;
  const bytes = new TextEncoder().encode(syntheticCsv({ rows: ROWS, ministries: 40 }));
  const papa = () =>
    Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: false });

  type Stages = Record<
    "importFile" | "buildPlanTable" | "summarize" | "pipeline" | "papaparse",
    number[]
  >;
  const stageNames = [
    "importFile",
    "buildPlanTable",
    "summarize",
    "pipeline",
    "papaparse",
  ] as const;
  const empty = (): Stages => ({
    importFile: [],
    buildPlanTable: [],
    summarize: [],
    pipeline: [],
    papaparse: [],
  });
  const stages: Stages[] = loaded.map(empty);
  // Minor page faults (first touches of memory the process was given): on this VM a fault costs
  // far more than on bare metal, and the count does not depend on the machine's load.
  const faults: Stages[] = loaded.map(empty);
  // CPU time (user + system) of the process: less sensitive than wall time to other jobs' load.
  const cpu: Stages[] = loaded.map(empty);
  const now = () => {
    const r = process.resourceUsage();
    return {
      t: performance.now(),
      f: r.minorPageFault,
      c: (r.userCPUTime + r.systemCPUTime) / 1000,
    };
  };
  const once = async (
    p: ShippedPipeline,
    into: Stages | null,
    faultsInto: Stages | null,
    cpuInto: Stages | null
  ) => {
    const a = now();
    const imported = await p.importFile("bench.csv", bytes);
    const b = now();
    const table = p.buildPlanTable([imported]);
    const c = now();
    p.summarize(table);
    const d = now();
    papa();
    const e = now();
    if (!into || !faultsInto || !cpuInto) return;
    const marks = [
      [a, b],
      [b, c],
      [c, d],
      [a, d],
      [d, e],
    ] as const;
    stageNames.forEach((k, i) => {
      into[k].push(marks[i][1].t - marks[i][0].t);
      faultsInto[k].push(marks[i][1].f - marks[i][0].f);
      cpuInto[k].push(marks[i][1].c - marks[i][0].c);
    });
  };
  for (const l of loaded) await once(l.pipeline, null, null, null);
  // Stage timings without the profiler; several pipelines alternate, so the machine's load falls on each.
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < loaded.length; k++)
      await once(loaded[k].pipeline, stages[k], faults[k], cpu[k]);
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  console.log(`${runs} runs each, medians (ms):`);
  console.log(
    `  ${"".padEnd(16)} ${loaded.map((l) => path.basename(l.root).padStart(12)).join(" ")}`
  );
  for (const k of stageNames)
    console.log(
      `  ${k.padEnd(16)} ${stages.map((s) => median(s[k]).toFixed(0).padStart(12)).join(" ")}`
    );
  console.log(
    `  ${"ratio".padEnd(16)} ${stages.map((s) => (median(s.pipeline) / median(s.papaparse)).toFixed(2).padStart(12)).join(" ")}`
  );
  console.log("CPU time (user + system, ms), medians:");
  for (const k of stageNames)
    console.log(
      `  ${k.padEnd(16)} ${cpu.map((s) => median(s[k]).toFixed(0).padStart(12)).join(" ")}`
    );
  console.log(
    `  ${"ratio".padEnd(16)} ${cpu.map((s) => (median(s.pipeline) / median(s.papaparse)).toFixed(2).padStart(12)).join(" ")}`
  );
  console.log("minor page faults, medians:");
  for (const k of stageNames)
    console.log(
      `  ${k.padEnd(16)} ${faults.map((s) => median(s[k]).toFixed(0).padStart(12)).join(" ")}`
    );
  if (process.argv.includes("--no-profile")) return;

  // The profile: pipeline runs only.
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 200 });
  await post(session, "Profiler.start");
  for (let i = 0; i < runs; i++) summarize(buildPlanTable([await importFile("bench.csv", bytes)]));
  const { profile } = await post<{ profile: Profiler.Profile }>(session, "Profiler.stop");
  session.disconnect();
  if (out) fs.writeFileSync(out, JSON.stringify(profile));

  // Per sample: the leaf (self time) and every distinct function on its stack (total time).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  const where = (n: Profiler.ProfileNode) => {
    const f = n.callFrame;
    if (f.url.endsWith(path.basename(file)) && f.url.includes("plan-tables-profile-"))
      return sourceAt(f.lineNumber);
    if (f.url === "") return "(native/gc)";
    return f.url.replace(/^.*node_modules\//, "node_modules/").replace(/^node:/, "node:");
  };
  const fnKey = (n: Profiler.ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${where(n)}`;
  const self = new Map<string, number>();
  const selfFile = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    all += dt;
    const leaf = byId.get(samples[i])!;
    self.set(fnKey(leaf), (self.get(fnKey(leaf)) ?? 0) + dt);
    selfFile.set(where(leaf), (selfFile.get(where(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = fnKey(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const perRun = (ms: number) => (ms / runs).toFixed(1).padStart(7);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(
    `\nprofiled: ${perRun(all)} ms per run (sampling slows it)\n\nself time by source file, ms per run:`
  );
  for (const [k, v] of top(selfFile, 25)) console.log(`${perRun(v)}  ${k}`);
  console.log("\nself time by function, ms per run:");
  for (const [k, v] of top(self, 45)) console.log(`${perRun(v)}  ${k}`);
  console.log("\ntotal time (self + callees) by function, ms per run:");
  for (const [k, v] of top(total, 60))
    if (!k.startsWith("(root)") && !k.startsWith("(program)")) console.log(`${perRun(v)}  ${k}`);

  // --lines f,g: where in those functions their own time goes (the profile's position ticks).
  const lineFns = new Set((arg("--lines") ?? "").split(",").filter((x) => x !== ""));
  for (const fn of lineFns) {
    const ticks = new Map<number, number>();
    for (const n of profile.nodes)
      if (n.callFrame.functionName === fn)
        for (const p of n.positionTicks ?? [])
          ticks.set(p.line, (ticks.get(p.line) ?? 0) + p.ticks);
    const sum = [...ticks.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${fn}: its own time by line (bundle lines, ${sum} samples):`);
    for (const [line, t] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(
        `${((100 * t) / sum).toFixed(1).padStart(6)} %  ${lines[line - 1].trim().slice(0, 120)}`
      );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
