/**
 * The benchmark registry. A scenario is one file in scripts/bench/scenarios/ whose default export
 * is a BenchScenario or an array of them; `npm run bench` finds them all (sorted by file name),
 * runs them one after another and prints one JSON line per result.
 */
export interface BenchScenario {
  /** Shown in the JSON line's "scenario" field. */
  name: string;
  /** Returns the JSON line (its "scenario" field included). */
  run(): Promise<Record<string, unknown>>;
  /** Goals the result must meet; each failed goal is a sentence (printed to stderr, exit code 1). */
  check?(result: Record<string, unknown>): string[];
}

/** Median of a few timed runs, in milliseconds (whole numbers: the noise is larger than that). */
export async function timeMedian(
  runs: number,
  f: () => Promise<unknown> | unknown
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]);
}
