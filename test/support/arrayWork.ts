/**
 * Work measured without a clock: the number of array elements stepped over by iteration,
 * copies and searches while `run` runs (each call of these Array methods counted at its array's
 * length, an upper bound of its work). Compare it over inputs of two sizes to show linear work.
 */
export function arrayWork(run: () => void): number {
  const proto = Array.prototype as unknown as Record<string | symbol, unknown>;
  const names: (string | symbol)[] = [
    Symbol.iterator,
    "slice",
    "find",
    "findIndex",
    "some",
    "every",
    "filter",
    "map",
    "forEach",
    "flatMap",
    "reverse",
    "indexOf",
    "includes",
    "lastIndexOf",
    "concat",
  ];
  const saved = names.map((n) => proto[n] as (...a: unknown[]) => unknown);
  let work = 0;
  names.forEach((n, k) => {
    proto[n] = function (this: unknown[], ...args: unknown[]) {
      work += this.length;
      return saved[k].apply(this, args);
    };
  });
  try {
    run();
  } finally {
    names.forEach((n, k) => (proto[n] = saved[k]));
  }
  return work;
}
