/**
 * The one door for imports: by file extension and content sniffing.
 * Tables: .csv/.tsv/.txt (UTF-8, Shift_JIS or UTF-16) and .xlsx; report text and PDF are added by their
 * own importers (src/importers/reportText, src/importers/pdf).
 */
import type { Problem } from "../domain/model";
import type { TableSource } from "./table/readTable";
import { importDelimitedBytes, importDelimitedText } from "./csv";
import { decodeTableBytes, looksEncryptedOoxml, sniffSignature } from "./decode";
import { sniffBinary, sniffOle, sniffText, sniffZip, type Sniffed } from "./sniff";
import { importGrid as importGridValues } from "./grid";
import { failedImport, type ImportResult } from "../domain/importResult";
import { importXlsx } from "./xlsx";
import { BudgetExceeded, DEFAULT_BUDGETS, overBudgetProblem, type ImportBudgets } from "./budgets";
import { importReportPdf, importReportPdfs } from "./pdf";
import { importReportText, importReportTexts, looksLikeReportText } from "./reportText";

export type { ImportResult } from "../domain/importResult";
export { DEFAULT_BUDGETS, budgetsWith, type ImportBudgets } from "./budgets";

function extensionOf(name: string): string {
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(i + 1).toLowerCase();
}

function notATable(file: string, s: Sniffed): ImportResult {
  return failedImport({ code: "unreadable-file", severity: "error", file, params: { reason: s.reason, ...s.params } });
}

/** Import one file's bytes. Never throws for a bad file: the problem is in the result. */
export async function importFile(
  name: string,
  bytes: Uint8Array,
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<ImportResult> {
  if (bytes.length > budgets.maxFileBytes)
    return failedImport(
      overBudgetProblem(
        name,
        new BudgetExceeded("maxFileBytes", budgets.maxFileBytes, bytes.length)
      )
    );
  const ext = extensionOf(name);
  const sig = sniffSignature(bytes);
  // A password-protected workbook, whatever its name: say so, not "damaged" or "old .xls".
  if (looksEncryptedOoxml(bytes))
    return failedImport({
      code: "unreadable-file",
      severity: "error",
      file: name,
      params: { reason: "xlsx-encrypted" },
    });
  // Another kind of file, whatever its name: say what it is and what to do.
  const other = sig === "zip" ? sniffZip(bytes) : sig === "xls" ? sniffOle(bytes) : sig ? null : (sniffBinary(bytes) ?? sniffText(bytes));
  if (other) return notATable(name, other);
  if (sig === "zip" || ext === "xlsx" || ext === "xlsm") {
    if (sig !== "zip")
      return failedImport({
        code: "unreadable-file",
        severity: "error",
        file: name,
        params: { reason: "xlsx-corrupt" },
      });
    return importXlsx(name, bytes, budgets);
  }
  if (ext === "xls" || sig === "xls")
    return failedImport({
      code: "unreadable-file",
      severity: "error",
      file: name,
      params: { reason: "signature-xls" },
    });
  if (bytes.length === 0)
    return failedImport({
      code: "no-table-found",
      severity: "error",
      file: name,
      params: { reason: "empty" },
    });
  // The published report: its PDF, or text copied out of it (recognised by content, not by name).
  if (sig === "pdf") return importReportPdf(bytes, name, budgets);
  if (ext === "pdf")
    return failedImport({
      code: "unreadable-file",
      severity: "error",
      file: name,
      params: { reason: "pdf-corrupt" },
    });
  if (ext !== "csv" && ext !== "tsv") {
    const decoded = decodeTableBytes(bytes, name);
    if (decoded.ok && looksLikeReportText(decoded.text)) {
      const result = importReportText(decoded.text, name);
      return decoded.warning
        ? { ...result, problems: [decoded.warning, ...result.problems] }
        : result;
    }
  }
  return importDelimitedBytes(name, bytes);
}

type Part = { name: string; bytes: Uint8Array };

type ReportKind =
  | { kind: "pdf" }
  /** `warning`: the decoder's (undecodable Shift_JIS bytes), kept for the result as importFile keeps it. */
  | { kind: "text"; text: string; warning?: Problem }
  | { kind: "table" };

/** What a file is: the report's PDF, text copied out of the report, or a table. */
function reportKind(f: Part, budgets: ImportBudgets): ReportKind {
  // Over the size budget: importFile refuses it before any decoding.
  if (f.bytes.length > budgets.maxFileBytes) return { kind: "table" };
  if (sniffSignature(f.bytes) === "pdf") return { kind: "pdf" };
  const ext = extensionOf(f.name);
  if (ext === "csv" || ext === "tsv" || ext === "xlsx" || ext === "xlsm" || f.bytes.length === 0)
    return { kind: "table" };
  const decoded = decodeTableBytes(f.bytes, f.name);
  if (!decoded.ok || !looksLikeReportText(decoded.text)) return { kind: "table" };
  return decoded.warning
    ? { kind: "text", text: decoded.text, warning: decoded.warning }
    : { kind: "text", text: decoded.text };
}

/**
 * Several files given together, in order. Consecutive pages of the report (PDFs, or texts copied
 * out of it) are one report, so a row running over from one file to the next is whole; tables are
 * imported one by one. One result per table and per run of report files; rows and problems name
 * their own file.
 */
export async function importFiles(
  files: readonly Part[],
  budgets: ImportBudgets = DEFAULT_BUDGETS
): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  let i = 0;
  while (i < files.length) {
    const first = reportKind(files[i], budgets);
    if (first.kind === "table") {
      out.push(await importFile(files[i].name, files[i].bytes, budgets));
      i++;
      continue;
    }
    const run: { name: string; bytes: Uint8Array; text?: string }[] = [];
    const warnings: Problem[] = [];
    let k: ReportKind = first;
    for (;;) {
      run.push({ ...files[i], ...(k.kind === "text" ? { text: k.text } : {}) });
      if (k.kind === "text" && k.warning) warnings.push(k.warning);
      i++;
      if (i >= files.length) break;
      k = reportKind(files[i], budgets);
      if (k.kind !== first.kind) break;
    }
    const result =
      first.kind === "pdf"
        ? await importReportPdfs(
            run.map((f) => ({ file: f.name, bytes: f.bytes })),
            budgets
          )
        : importReportTexts(run.map((f) => ({ file: f.name, text: f.text ?? "" })));
    // Undecodable bytes are not silent here either (importFile reports them for a single file).
    out.push(warnings.length ? { ...result, problems: [...warnings, ...result.problems] } : result);
  }
  return out;
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
