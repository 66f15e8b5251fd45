/**
 * CSV and TSV tables (papaparse): quoted cells with line breaks, CRLF, a BOM; the delimiter from
 * the file name (.csv comma, .tsv tab) or guessed for .txt and pasted text.
 */
import Papa from "papaparse";
import type { Problem } from "../domain/model";
import { readPlanTable } from "./table/readTable";
import { decodeTableBytes, REPLACEMENT } from "./decode";
import { failedImport, type ImportResult } from "../domain/importResult";

export type Delimiter = "," | "\t" | ";" | "auto";

export function delimiterFor(name: string): Delimiter {
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "csv") return ",";
  if (ext === "tsv" || ext === "tab") return "\t";
  return "auto";
}

/** Text → rows of cells. Problems for malformed quoting are warnings: the rows are still read. */
export function parseDelimited(
  text: string,
  delimiter: Delimiter,
  file: string
): { rows: string[][]; problems: Problem[] } {
  // One line ending: papaparse takes the first one it sees for all, so a file mixing CRLF and LF lost rows.
  // Rewriting every CRLF of a big file copies tens of megabytes, so a text whose every CR starts a
  // CRLF (Windows rows, LF or CRLF inside cells) is parsed at LF as it is: papaparse reads a CR after a
  // closing quote as a space before the line break, the CR left at the end of an unquoted last cell is
  // dropped, and CRLF inside quoted cells becomes LF: the same rows, cells and problems as rewriting first.
  const unbommed = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const hasCr = unbommed.includes("\r");
  const crBeforeLfOnly = hasCr && everyCrStartsCrlf(unbommed);
  const body = !hasCr || crBeforeLfOnly ? unbommed : unbommed.replace(/\r\n?/gu, "\n");
  const parse = (t: string) =>
    Papa.parse<string[]>(t, {
      delimiter: delimiter === "auto" ? "" : delimiter,
      delimitersToGuess: ["\t", ",", ";"],
      skipEmptyLines: false,
      header: false,
      ...(crBeforeLfOnly ? { newline: "\n" as const } : {}),
    });
  let parsed = parse(body);
  // A quote opened and never closed swallows every row after it into one cell. Read on as if that
  // quote were text (it stands in as a private-use character while parsing): the rows after it
  // come back, and the quote is an error located at its cell.
  let unterminated = 0;
  // The text is searched for the stand-in only when a quote is missing (a scan of the whole text).
  if (missingQuote(parsed.errors) !== undefined && !body.includes(QUOTE_STAND_IN)) {
    let text = body;
    for (
      let e = missingQuote(parsed.errors);
      e !== undefined && unterminated < 100;
      e = missingQuote(parsed.errors)
    ) {
      const q = text.lastIndexOf('"', e);
      if (q < 0) break;
      text = `${text.slice(0, q)}${QUOTE_STAND_IN}${text.slice(q + 1)}`;
      parsed = parse(text);
      unterminated++;
    }
  }
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
    : data.map((r) =>
        Array.isArray(r) ? r.map((v: unknown) => (v == null ? "" : String(v))) : []
      );
  if (crBeforeLfOnly) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const last = row.length - 1;
      if (last >= 0 && row[last].endsWith("\r")) row[last] = row[last].slice(0, -1);
      for (let c = 0; c <= last; c++)
        if (row[c].includes("\r")) row[c] = row[c].replace(/\r\n/g, "\n");
    }
  }
  if (unterminated > 0) problems.push(...restoreQuotes(rows, file));
  return { rows, problems };
}

/** Stands in for a quote read as text while parsing (the text is checked not to hold it). */
const QUOTE_STAND_IN = "\ue000";

function missingQuote(errors: readonly Papa.ParseError[]): number | undefined {
  // "MissingQuotes": never closed; "InvalidQuotes": closed by a later cell's opening quote, rows swallowed between.
  return errors.find(
    (e) => (e.code === "MissingQuotes" || e.code === "InvalidQuotes") && e.index !== undefined
  )?.index;
}

/** The stand-ins back to quotes, each cell that had one located as an error. */
function restoreQuotes(rows: string[][], file: string): Problem[] {
  const out: Problem[] = [];
  for (let r = 0; r < rows.length; r++)
    for (let c = 0; c < rows[r].length; c++) {
      const cell = rows[r][c];
      if (!cell.includes(QUOTE_STAND_IN)) continue;
      rows[r][c] = cell.replaceAll(QUOTE_STAND_IN, '"');
      out.push({
        code: "unterminated-quote",
        severity: "error",
        file,
        row: r + 1,
        columnIndex: c + 1,
        params: { value: rows[r][c].trim().slice(0, 40) },
      });
    }
  return out;
}

/** True when every CR is followed by LF. */
function everyCrStartsCrlf(text: string): boolean {
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 2))
    if (text.charCodeAt(i + 1) !== 0x0a) return false;
  return true;
}

/** A delimited table given as text (already decoded). */
export function importDelimitedText(
  name: string,
  text: string,
  delimiter: Delimiter = delimiterFor(name)
): ImportResult {
  return importParsed(name, parseDelimited(text, delimiter, name));
}

function importParsed(
  name: string,
  parsed: { rows: string[][]; problems: Problem[] },
  extra: Problem[] = []
): ImportResult {
  const result = readPlanTable(parsed.rows, { file: name });
  return { ...result, problems: [...parsed.problems, ...extra, ...result.problems] };
}

/** Cells holding more undecodable bytes than this are reported file-wide after the first ones. */
const MAX_LOCATED_UNDECODABLE = 100;

/**
 * Where the undecodable bytes of a decoded file are: one warning per cell (row and column), the
 * first MAX_LOCATED_UNDECODABLE of them; the decoder's file-level warning (first line, total
 * count) when there are more or none is found in a cell. Run only when the decoder found some.
 */
function locateUndecodable(rows: readonly string[][], fileWarning: Problem): Problem[] {
  const out: Problem[] = [];
  const { code, severity, file, params } = fileWarning;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell.includes(REPLACEMENT)) continue;
      if (out.length === MAX_LOCATED_UNDECODABLE) return [...out, fileWarning];
      let count = 0;
      for (let i = cell.indexOf(REPLACEMENT); i >= 0; i = cell.indexOf(REPLACEMENT, i + 1)) count++;
      out.push({
        code,
        severity,
        file,
        row: r + 1,
        columnIndex: c + 1,
        params: { ...params, count },
      });
    }
  }
  return out.length ? out : [fileWarning];
}

/** A .csv/.tsv/.txt file as bytes: UTF-8, Shift_JIS or UTF-16; a clear problem for anything else. */
export function importDelimitedBytes(name: string, bytes: Uint8Array): ImportResult {
  const decoded = decodeTableBytes(bytes, name);
  if (!decoded.ok) return failedImport(decoded.problem);
  const delimiter = delimiterFor(name);
  if (!decoded.warning) return importDelimitedText(name, decoded.text, delimiter);
  const parsed = parseDelimited(decoded.text, delimiter, name);
  return importParsed(name, parsed, locateUndecodable(parsed.rows, decoded.warning));
}
