/**
 * Files of several editions: read them all, then build one plan table per pair of fiscal years
 * (newest first), as src/domain/editions.ts splits them. `compare --before/--after` and
 * `build --previous` use it.
 */
import type { PairDecision } from "../domain/compare/compareEditions";
import { groupByEdition, newestFirst } from "../domain/editions";
import type { PlanTable } from "../domain/model";
import { buildPlanTable } from "../domain/pipeline";
import { importFiles } from "../importers";
import { failedImport, type ImportResult } from "../domain/importResult";
import { readWorkbookSheets } from "../importers/xlsx";
import { DECISIONS_SHEET_KEY, readDecisions } from "../workbook/decisionsSheet";
import { readGeneratedSheetKeys } from "../xlsx/generatedMarker";
import type { CliIO } from "./io";

/** `--name a b c --other …`: the files after --name, up to the next option; the rest of argv. */
export function takeFileList(
  argv: readonly string[],
  name: string
): { files: string[] | null; rest: string[] } {
  const rest: string[] = [];
  let files: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== `--${name}`) {
      rest.push(argv[i]);
      continue;
    }
    files ??= [];
    while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) files.push(argv[++i]);
  }
  return { files, rest };
}

export async function importPaths(paths: readonly string[], io: CliIO): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  let batch: { name: string; bytes: Uint8Array }[] = [];
  const flush = async () => {
    if (batch.length > 0) results.push(...(await importFiles(batch)));
    batch = [];
  };
  for (const path of paths) {
    try {
      batch.push({ name: path, bytes: await io.readFile(path) });
    } catch (e) {
      await flush();
      const code = (e as NodeJS.ErrnoException).code;
      results.push(
        failedImport({
          code: "unreadable-file",
          severity: "error",
          file: path,
          params: {
            reason: code === "ENOENT" ? "not-found" : "read-error",
            detail: code ?? String(e),
          },
        })
      );
    }
  }
  await flush();
  return results;
}

/** One plan table per pair of fiscal years, newest first (see domain/editions.ts). */
export function splitEditions(results: readonly ImportResult[]): PlanTable[] {
  return newestFirst(groupByEdition(results).map((g) => buildPlanTable(g)));
}

/**
 * The decisions kept on the 比較の確認 sheet of a workbook built before (the one `build` is about
 * to replace): none when there is no such file or sheet.
 */
export async function readDecisionsFromBook(path: string, io: CliIO): Promise<PairDecision[]> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch {
    return [];
  }
  try {
    const keys = readGeneratedSheetKeys(bytes);
    const name = [...keys].find(([, key]) => key === DECISIONS_SHEET_KEY)?.[0];
    if (!name) return [];
    const ws = readWorkbookSheets(bytes).sheets.find((s) => s.name === name);
    return ws ? readDecisions(ws.values) : [];
  } catch {
    // Not a workbook we can read: nothing to keep (build replaces it only with a complete file).
    return [];
  }
}
