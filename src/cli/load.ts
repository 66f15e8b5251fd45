/** Read and import the files a command was given, into one validated plan table. */
import { buildPlanTable } from "../domain/pipeline";
import type { PlanTable, Problem } from "../domain/model";
import { importFiles } from "../importers";
import { failedImport, type ImportResult } from "../importers/importResult";
import { type CliIO, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE } from "./io";

/** Problems that mean a file could not be used at all (exit code 2). */
const UNUSABLE: ReadonlySet<Problem["code"]> = new Set(["unreadable-file", "unsupported-encoding"]);

/** A file's bytes, or the problem that it could not be read. */
async function readPath(path: string, io: CliIO): Promise<{ bytes: Uint8Array } | { failed: ImportResult }> {
  try {
    return { bytes: await io.readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "not-found" : "read-error";
    return { failed: failedImport({ code: "unreadable-file", severity: "error", file: path, params: { reason, detail: code ?? String(e) } }) };
  }
}

export async function loadPlanTable(paths: readonly string[], io: CliIO): Promise<PlanTable> {
  const results: ImportResult[] = [];
  // The extension decides the format; the path as typed names the file in messages. Files read in
  // a row go to importFiles together: consecutive report pages (PDF or text) are one report.
  let batch: { name: string; bytes: Uint8Array }[] = [];
  const flush = async () => {
    if (batch.length > 0) results.push(...(await importFiles(batch)));
    batch = [];
  };
  for (const p of paths) {
    const read = await readPath(p, io);
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
