/**
 * docs/CONTRIBUTING.md stays true: every file or folder it names exists, and every identifier it
 * names (a table, a type, a function) is still declared in src. A rename that forgets the guide
 * fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "../..");
const guide = fs.readFileSync(path.join(root, "docs/CONTRIBUTING.md"), "utf8");
const quoted = [...guide.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

function sourceText(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sourceText(p);
      return /\.tsx?$/.test(e.name) ? fs.readFileSync(p, "utf8") : "";
    })
    .join("\n");
}

/** Named in the guide as what is to come, not yet in src. */
const FUTURE = new Set<string>();

test("every path the guide names exists", () => {
  const paths = quoted.filter((q) => /^(src|test|docs|scripts)\//.test(q) && !q.includes("<"));
  expect(paths.length).toBeGreaterThan(20);
  expect(paths.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
});

test("every identifier the guide names is declared in src", () => {
  const src = sourceText(path.join(root, "src"));
  const names = quoted.filter((q) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(q) && !FUTURE.has(q));
  expect(names).toEqual(
    expect.arrayContaining(["COLUMNS", "STATUS_COLORS", "MINISTRY_ALIASES"])
  );
  const declared = (n: string) =>
    new RegExp(`(const|let|function|type|interface|class|enum)\\s+${n}\\b|\\b${n}\\s*[:=(]`).test(
      src
    );
  expect(names.filter((n) => !declared(n))).toEqual([]);
});
