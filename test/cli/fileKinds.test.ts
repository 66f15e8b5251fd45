/**
 * The CLI reads regular files only: a folder, a named pipe or a device is refused at once in
 * plain words (the system's code kept in the details), never opened; errno codes become words in
 * both languages; budgets can be raised or lowered with flags.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { type CliIO, processIO } from "../../src/cli/io";
import { readFailure } from "../../src/cli/load";
import { problemMessage } from "../../src/domain/messages";
import { rowsBomb } from "../support/zipBombs";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = {
    ...processIO,
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "plan-tables-kinds-"));
const XLSX = join(__dirname, "..", "fixtures", "xlsx", "exceljs-features.xlsx");

describe("only regular files are read", () => {
  it("a named pipe is refused at once, without waiting for a writer", async () => {
    const fifo = join(dir, "受信.csv");
    execFileSync("mkfifo", [fifo]);
    const { code, out } = await run("validate", fifo, "--json");
    expect(code).toBe(2);
    expect(JSON.parse(out).issues).toEqual([
      expect.objectContaining({
        code: "unreadable-file",
        file: fifo,
        message: "名前付きパイプ(FIFO)です。読み込めるのは通常のファイルだけです。 (S_IFIFO)",
      }),
    ]);
  });

  it("a folder and a device are named as such, in Japanese and English", async () => {
    const folder = join(dir, "総務省.csv");
    mkdirSync(folder);
    const ja = await run("validate", folder, "/dev/null");
    expect(ja.code).toBe(2);
    expect(ja.out).toContain(
      "フォルダーです。フォルダーの中の表のファイルを指定してください。 (EISDIR)"
    );
    expect(ja.out).toContain(
      "デバイスファイルです。読み込めるのは通常のファイルだけです。 (S_IFCHR)"
    );
    const en = await run("validate", "--lang", "en", folder);
    expect(en.out).toContain("This is a folder. Give a table file inside it. (EISDIR)");
  });

  it("errno codes become words, the code kept in the details", () => {
    const cases: [string, RegExp, RegExp][] = [
      ["EACCES", /^読み取る権限がありません。/u, /^You do not have permission to read this file/u],
      ["EIO", /入出力エラー/u, /I\/O error/u],
      ["ELOOP", /シンボリックリンクが循環/u, /Symbolic links loop/u],
      ["EMFILE", /開いているファイルが多すぎて/u, /Too many files are open/u],
      ["ENOENT", /ファイルが見つかりません/u, /File not found/u],
    ];
    for (const [errno, ja, en] of cases) {
      const e = Object.assign(new Error(`${errno}: failed`), { code: errno });
      const p = readFailure("報告.csv", e).problems[0];
      expect(p.params?.detail).toBe(errno);
      expect(problemMessage(p, "ja")).toMatch(ja);
      expect(problemMessage(p, "en")).toMatch(en);
      if (errno !== "ENOENT") expect(problemMessage(p, "ja")).toContain(`(${errno})`);
    }
  });
});

describe("budget flags", () => {
  it("--max-file-mb refuses a larger file before reading it, and names the flag", async () => {
    const { code, out } = await run("validate", XLSX, "--max-file-mb", "0.001");
    expect(code).toBe(2);
    expect(out).toMatch(/ファイルの大きさが上限の 0\.1 MBを超えています.*--max-file-mb/u);
  });

  it("--max-expanded-mb lowers or raises the expanded-size limits", async () => {
    const bomb = join(dir, "bomb.xlsx");
    writeFileSync(bomb, rowsBomb(10));
    const refused = await run("validate", bomb, "--json", "--max-expanded-mb", "5");
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out).issues[0].message).toMatch(
      /展開後の部品\(XML\)1 つの大きさ.*上限の 5 MB/u
    );
    const raised = await run("validate", bomb, "--json", "--max-expanded-mb", "20");
    // Read whole now: it holds no table.
    expect(JSON.parse(raised.out).issues.map((i: { code: string }) => i.code)).toEqual([
      "no-table-found",
    ]);
  }, 60_000);

  it("a bad budget value is a usage error", async () => {
    const { code, err } = await run("validate", XLSX, "--max-cells", "many");
    expect(code).toBe(2);
    expect(err).toMatch(/--max-cells needs a positive number/u);
  });
});
