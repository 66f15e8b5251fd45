/** Read and import the files a command was given, into one validated plan table. */
import { basename } from "node:path";
import { buildPlanTable } from "../domain/pipeline";
import type { PlanTable, Problem } from "../domain/model";
import { importFile } from "../importers";
import { failedImport, type ImportResult } from "../importers/importResult";
import { type CliIO, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE } from "./io";

/** Problems that mean a file could not be used at all (exit code 2). */
const UNUSABLE: ReadonlySet<Problem["code"]> = new Set(["unreadable-file", "unsupported-encoding"]);

async function importPath(path: string, io: CliIO): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "not-found" : "read-error";
    return failedImport({ code: "unreadable-file", severity: "error", file: path, params: { reason, detail: code ?? String(e) } });
  }
  // The extension decides the format; the path as typed names the file in messages.
  const result = await importFile(basename(path), bytes);
  const rename = <T extends { file: string }>(x: T): T => ({ ...x, file: path });
  return {
    ...result,
    drafts: result.drafts.map((d) => ({ ...d, source: rename(d.source) })),
    problems: result.problems.map(rename),
  };
}

export async function loadPlanTable(paths: readonly string[], io: CliIO): Promise<PlanTable> {
  const results: ImportResult[] = [];
  for (const p of paths) results.push(await importPath(p, io));
  return buildPlanTable(results);
}

/** 2 when a file was unusable, 1 when there are errors, 0 otherwise. */
export function exitCodeFor(problems: readonly Problem[]): number {
  if (problems.some((p) => p.severity === "error" && UNUSABLE.has(p.code))) return EXIT_UNUSABLE;
  if (problems.some((p) => p.severity === "error")) return EXIT_PROBLEMS;
  return EXIT_OK;
}
