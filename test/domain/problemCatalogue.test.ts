/**
 * One problem catalogue: every code has a rule and a message in both languages, and the CLI's
 * build and the pane block on exactly the same problems (every code walked through both, as an
 * error, a warning and an info).
 */
import { buildBlockers } from "../../src/cli/commands/build";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { PROBLEM_CATALOGUE, blocksRun, problemMessage } from "../../src/domain/messages";
import { PROBLEM_CODES, type Problem, type Severity } from "../../src/domain/model";
import { isBlocking } from "../../src/taskpane/state/problems";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

it.each(PROBLEM_CODES.map((c) => [c]))(
  "%s: a rule, a message in ja and en, and the same blocking in the CLI and the pane",
  (code) => {
    expect(PROBLEM_CATALOGUE[code]).toBeDefined();
    for (const severity of SEVERITIES) {
      const p: Problem = {
        code,
        severity,
        file: "総務省.csv",
        params: { reason: "x", text: "総務省 提出", columns: "「担当課」" },
      };
      expect(problemMessage(p, "ja")).not.toBe("");
      expect(problemMessage(p, "en")).not.toBe("");
      const cli = buildBlockers([p]).length > 0;
      expect(isBlocking(p)).toBe(cli);
      expect(cli).toBe(severity === "error" && PROBLEM_CATALOGUE[code].blocks === "run");
    }
  }
);

it("a file that cannot be read blocks both: unsupported-encoding (EUC-JP) refuses the build and the pane", async () => {
  // 「総務省」 in EUC-JP, a header row and a row: named, never guessed, not read.
  const euc = Uint8Array.from([
    0xc1, 0xed, 0xcc, 0xb3, 0xbe, 0xca, 0x2c, 0xb9, 0xe0, 0xc8, 0xd6, 0x0a, 0xc1, 0xed, 0xcc, 0xb3,
    0xbe, 0xca, 0x2c, 0xa5, 0xa2, 0x0a,
  ]);
  let err = "";
  const io: CliIO = {
    stdout: () => undefined,
    stderr: (s) => void (err += s),
    readFile: async () => euc,
  };
  const code = await main(["build", "euc.csv", "--out", "/nonexistent-dir-for-test/book.xlsx"], io);
  expect(code).toBe(2);
  expect(err).toContain("euc.csv");
  const problem: Problem = {
    code: "unsupported-encoding",
    severity: "error",
    file: "euc.csv",
    params: { encoding: "EUC-JP" },
  };
  expect(isBlocking(problem)).toBe(true);
  expect(blocksRun(problem)).toBe(true);
});
