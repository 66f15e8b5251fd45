/** Read and import the files a command was given, into one validated plan table. */
import { buildPlanTable } from "../domain/pipeline";
import type { PlanTable, Problem } from "../domain/model";
import { importFiles } from "../importers";
import { failedImport, type ImportResult } from "../domain/importResult";
import {
  BudgetExceeded,
  DEFAULT_BUDGETS,
  overBudgetProblem,
  type ImportBudgets,
} from "../importers/budgets";
import { type CliIO, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE } from "./io";
import { FileTooLarge, NotARegularFile } from "./readRegularFile";

/** Problems that mean a file could not be used at all (exit code 2). */
const UNUSABLE: ReadonlySet<Problem["code"]> = new Set(["unreadable-file", "unsupported-encoding"]);

/** Errno codes in words (params.reason of unreadable-file; the code stays in params.detail). */
const ERRNO_REASONS: Record<string, string> = {
  ENOENT: "not-found",
  ENOTDIR: "not-found",
  EACCES: "no-permission",
  EPERM: "no-permission",
  EISDIR: "directory",
  EIO: "io-error",
  ELOOP: "symlink-loop",
  ENAMETOOLONG: "name-too-long",
  EMFILE: "too-many-open",
  ENFILE: "too-many-open",
  EBUSY: "busy",
  EAGAIN: "busy",
};

/** The problem for a path that could not be read. */
export function readFailure(path: string, e: unknown): ImportResult {
  if (e instanceof FileTooLarge)
    return failedImport(
      overBudgetProblem(path, new BudgetExceeded("maxFileBytes", e.limit, e.size))
    );
  if (e instanceof NotARegularFile)
    return failedImport({
      code: "unreadable-file",
      severity: "error",
      file: path,
      params: { reason: e.kind === "other" ? "not-a-file" : e.kind, detail: e.code },
    });
  const code = (e as NodeJS.ErrnoException).code;
  const reason = (code && ERRNO_REASONS[code]) ?? "read-error";
  return failedImport({
    code: "unreadable-file",
    severity: "error",
    file: path,
    params: { reason, detail: code ?? String(e) },
  });
}

/** A file's bytes, or the problem that it could not be read. */
async function readPath(
  path: string,
  io: CliIO,
  budgets: ImportBudgets
): Promise<{ bytes: Uint8Array } | { failed: ImportResult }> {
  try {
    return { bytes: await io.readFile(path, budgets.maxFileBytes) };
  } catch (e) {
    return { failed: readFailure(path, e) };
  }
}

export async function loadPlanTable(
  paths: readonly string[],
  io: CliIO,
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<PlanTable> {
  const results: ImportResult[] = [];
  // The extension decides the format; the path as typed names the file in messages. Files read in
  // a row go to importFiles together: consecutive report pages (PDF or text) are one report.
  let batch: { name: string; bytes: Uint8Array }[] = [];
  const flush = async () => {
    if (batch.length > 0) results.push(...(await importFiles(batch, budgets)));
    batch = [];
  };
  for (const p of paths) {
    const read = await readPath(p, io, budgets);
    if ("failed" in read) {
      await flush();
      results.push(read.failed);
    } else batch.push({ name: p, bytes: read.bytes });
  }
  await flush();
  return buildPlanTable(results);
}

/** 2 when a file was unusable, 1 when there are errors, 0 otherwise. */
export function exitCodeFor(problems: readonly Problem[]): number {
  if (problems.some((p) => p.severity === "error" && UNUSABLE.has(p.code))) return EXIT_UNUSABLE;
  if (problems.some((p) => p.severity === "error")) return EXIT_PROBLEMS;
  return EXIT_OK;
}
