/** Chunking: requests stay under the limit and fill up, so syncs follow the payload. */
import { packOps, type PlannedOp } from "../../src/excel/batching/packer";
import { utf8Length } from "../../src/excel/batching/payload";
import { heightRuns } from "../../src/excel/ops/structure";
import { valueOps } from "../../src/excel/ops/values";

type Env = string[];
const op = (name: string, bytes: number): PlannedOp<Env> => ({
  bytes,
  apply: (env) => void env.push(name),
});

test("operations keep their order and each chunk stays under the limit", () => {
  const ops = Array.from({ length: 50 }, (_, i) => op(`op${i}`, 100 + (i % 7) * 30));
  const chunks = packOps(ops, 1000, 50);
  const applied: string[] = [];
  for (const c of chunks) {
    expect(c.bytes).toBeLessThanOrEqual(1000);
    for (const o of c.ops) o.apply(applied);
  }
  expect(applied).toEqual(ops.map((_, i) => `op${i}`));
});

test("an operation that cannot fit in any request is an error, not an endless loop", () => {
  expect(() => packOps([op("huge", 5000)], 1000, 50)).toThrow(/cannot fit/);
});

test("a values block is cut at rows so that every chunk but the last is nearly full", () => {
  const rows = Array.from({ length: 3000 }, (_, i) => [
    `2.1(1)(${i})`,
    "総務省",
    "引き続き、取組を継続する。".repeat(5),
    i,
  ]);
  const ops = valueOps("measures", { row: 0, column: 0, values: rows });
  const limit = 64 * 1024;
  const chunks = packOps(ops, limit, 1024);
  expect(chunks.length).toBeGreaterThan(5);
  for (const c of chunks.slice(0, -1)) expect(c.bytes).toBeGreaterThan(limit - 600);
  const total = chunks.reduce((n, c) => n + c.bytes, 0);
  expect(chunks.length).toBeLessThanOrEqual(Math.ceil(total / limit) + 1);
});

test("consecutive rows of one height become one operation", () => {
  expect(
    heightRuns([
      { row: 1, height: 63 },
      { row: 2, height: 63 },
      { row: 3, height: 78 },
      { row: 5, height: 78 },
    ])
  ).toEqual([
    { row: 1, count: 2, height: 63 },
    { row: 3, count: 1, height: 78 },
    { row: 5, count: 1, height: 78 },
  ]);
});

test("UTF-8 length counts Japanese as three bytes and surrogate pairs as four", () => {
  expect(utf8Length("総務省")).toBe(9);
  expect(utf8Length("a𠮷")).toBe(5);
  expect(utf8Length("=cmd")).toBe(4);
});
