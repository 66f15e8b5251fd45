/**
 * `plan-tables`: the command line. `bin/plan-tables.js` calls main(argv) and exits with its result.
 * Every failure becomes plain words and an exit code here; nothing escapes as a stack trace
 * except a bug, which is reported as one.
 */
import { COMMANDS, findCommand } from "./commands";
import { type CliIO, EXIT_OK, EXIT_UNUSABLE, processIO } from "./io";

function help(): string {
  const lines = [
    "plan-tables — サイバーセキュリティ関連施策の年次計画表(別添2)の検証・集計 / check and summarise the plan tables",
    "",
    "使い方 / usage:",
    ...COMMANDS.map((c) => `  plan-tables ${c.usage}\n      ${c.summary.ja} / ${c.summary.en}`),
    "",
    "ファイル / files: .csv .tsv .txt (UTF-8 / Shift_JIS / UTF-16), .xlsx",
    "上限 / limits (all commands that read files): --max-file-mb 200 --max-expanded-mb 200 --max-part-mb 200 --max-ratio 500",
    "  --max-cells 1000000 --max-cell-chars 1000000 --max-pdf-pages 500 --max-seconds 60",
    "終了コード / exit codes: 0 エラーなし no errors, 1 エラーあり errors found, 2 引数またはファイルが使えない unusable arguments or files",
  ];
  return lines.join("\n") + "\n";
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  if (io === processIO) {
    // `plan-tables … | head`: a closed pipe is not an error of ours.
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(help());
    return name === undefined ? EXIT_UNUSABLE : EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout("plan-tables 0.1.0\n");
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr(`plan-tables: 不明なコマンド / unknown command "${name}"\n\n${help()}`);
    return EXIT_UNUSABLE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`plan-tables ${command.usage}\n  ${command.summary.ja} / ${command.summary.en}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(`plan-tables: 内部エラー / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_UNUSABLE;
  }
}
