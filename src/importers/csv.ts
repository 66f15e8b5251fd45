/**
 * CSV and TSV tables (papaparse): quoted cells with line breaks, CRLF, a BOM; the delimiter from
 * the file name (.csv comma, .tsv tab) or guessed for .txt and pasted text.
 */
import Papa from "papaparse";
import type { Problem } from "../domain/model";
import { readPlanTable } from "../domain/readTable";
import { decodeTableBytes } from "./decode";
import { failedImport, type ImportResult } from "./importResult";

export type Delimiter = "," | "\t" | ";" | "auto";

export function delimiterFor(name: string): Delimiter {
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "csv") return ",";
  if (ext === "tsv" || ext === "tab") return "\t";
  return "auto";
}

/** Text → rows of cells. Problems for malformed quoting are warnings: the rows are still read. */
export function parseDelimited(text: string, delimiter: Delimiter, file: string): { rows: string[][]; problems: Problem[] } {
  // One line ending: papaparse takes the first one it sees for all, so a file mixing CRLF and LF lost rows.
  // Rewriting every CRLF of a big file copies tens of megabytes, so a text whose every CR starts a
  // CRLF (Windows rows, LF or CRLF inside cells) is parsed at LF as it is: papaparse reads a CR after a
  // closing quote as a space before the line break, the CR left at the end of an unquoted last cell is
  // dropped, and CRLF inside quoted cells becomes LF: the same rows, cells and problems as rewriting first.
  const unbommed = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const hasCr = unbommed.includes("\r");
  const crBeforeLfOnly = hasCr && everyCrStartsCrlf(unbommed);
  const body = !hasCr || crBeforeLfOnly ? unbommed : unbommed.replace(/\r\n?/gu, "\n");
  const parsed = Papa.parse<string[]>(body, {
    delimiter: delimiter === "auto" ? "" : delimiter,
    delimitersToGuess: ["\t", ",", ";"],
    skipEmptyLines: false,
    header: false,
    ...(crBeforeLfOnly ? { newline: "\n" as const } : {}),
  });
  const problems: Problem[] = [];
  for (const e of parsed.errors) {
    // A single-column text gives "UndetectableDelimiter": not a problem of the file.
    if (e.code === "UndetectableDelimiter") continue;
    problems.push({
      code: "unreadable-file",
      severity: "warning",
      file,
      ...(e.row !== undefined ? { row: e.row + 1 } : {}),
      params: { reason: `csv-${e.code}`, detail: e.message },
    });
  }
  // papaparse gives arrays of strings: copied only if some row is not one (100,000 rows are not copied for nothing).
  const data = parsed.data as unknown[];
  const rows = data.every((r) => Array.isArray(r) && r.every((v) => typeof v === "string"))
    ? (data as string[][])
    : data.map((r) => (Array.isArray(r) ? r.map((v: unknown) => (v == null ? "" : String(v))) : []));
  if (crBeforeLfOnly) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const last = row.length - 1;
      if (last >= 0 && row[last].endsWith("\r")) row[last] = row[last].slice(0, -1);
      for (let c = 0; c <= last; c++) if (row[c].includes("\r")) row[c] = row[c].replace(/\r\n/g, "\n");
    }
  }
  return { rows, problems };
}

/** True when every CR is followed by LF. */
function everyCrStartsCrlf(text: string): boolean {
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 2)) if (text.charCodeAt(i + 1) !== 0x0a) return false;
  return true;
}

/** A delimited table given as text (already decoded). */
export function importDelimitedText(name: string, text: string, delimiter: Delimiter = delimiterFor(name)): ImportResult {
  const { rows, problems } = parseDelimited(text, delimiter, name);
  const result = readPlanTable(rows, { file: name });
  return { ...result, problems: [...problems, ...result.problems] };
}

/** A .csv/.tsv/.txt file as bytes: UTF-8 or Shift_JIS; a clear problem for anything else. */
export function importDelimitedBytes(name: string, bytes: Uint8Array): ImportResult {
  const decoded = decodeTableBytes(bytes, name);
  if (!decoded.ok) return failedImport(decoded.problem);
  return importDelimitedText(name, decoded.text);
}
