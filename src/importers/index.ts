/**
 * The one door for imports: by file extension and content sniffing.
 * Tables: .csv/.tsv/.txt (UTF-8 or Shift_JIS) and .xlsx; report text and PDF are added by their
 * own importers (src/importers/reportText, src/importers/pdf).
 */
import type { TableSource } from "../domain/readTable";
import { importDelimitedBytes, importDelimitedText } from "./csv";
import { decodeTableBytes, sniffSignature } from "./decode";
import { importGrid as importGridValues } from "./grid";
import { failedImport, type ImportResult } from "./importResult";
import { importXlsx } from "./xlsx";
import { importReportPdf } from "./pdf";
import { importReportText, looksLikeReportText } from "./reportText";

export type { ImportResult } from "./importResult";

function extensionOf(name: string): string {
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(i + 1).toLowerCase();
}

/** Import one file's bytes. Never throws for a bad file: the problem is in the result. */
export async function importFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const ext = extensionOf(name);
  const sig = sniffSignature(bytes);
  if (sig === "zip" || ext === "xlsx" || ext === "xlsm") {
    if (sig !== "zip") return failedImport({ code: "unreadable-file", severity: "error", file: name, params: { reason: "xlsx-corrupt" } });
    return importXlsx(name, bytes);
  }
  if (ext === "xls" || sig === "xls") return failedImport({ code: "unreadable-file", severity: "error", file: name, params: { reason: "signature-xls" } });
  if (bytes.length === 0) return failedImport({ code: "no-table-found", severity: "error", file: name, params: { reason: "empty" } });
  // The published report: its PDF, or text copied out of it (recognised by content, not by name).
  if (sig === "pdf") return importReportPdf(bytes, name);
  if (ext === "pdf") return failedImport({ code: "unreadable-file", severity: "error", file: name, params: { reason: "pdf-corrupt" } });
  if (ext !== "csv" && ext !== "tsv") {
    const decoded = decodeTableBytes(bytes, name);
    if (decoded.ok && looksLikeReportText(decoded.text)) return importReportText(decoded.text, name);
  }
  return importDelimitedBytes(name, bytes);
}

/** Pasted text (tab-separated from Excel, or CSV). */
export async function importText(name: string, text: string): Promise<ImportResult> {
  if (looksLikeReportText(text)) return importReportText(text, name);
  return importDelimitedText(name, text, "auto");
}

/** A worksheet's used range values. */
export function importGrid(grid: unknown[][], source: TableSource): ImportResult {
  return importGridValues(grid, source);
}
