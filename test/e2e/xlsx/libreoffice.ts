/** LibreOffice headless and poppler, driven for the e2e suite. */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A profile of our own, so parallel runs (and a desktop LibreOffice) never share one. */
const PROFILE = `file:///tmp/lo-C-e2e-${process.pid}`;

function soffice(args: string[]): void {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${PROFILE}`, "--headless", "--norestore", ...args],
    {
      stdio: "pipe",
      timeout: 170000,
    }
  );
}

export function toPdf(xlsx: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  soffice(["--convert-to", "pdf", "--outdir", outDir, xlsx]);
  const name = xlsx.replace(/^.*\//, "").replace(/\.xls[xm]$/i, ".pdf");
  return join(outDir, name);
}

/**
 * Every sheet as CSV (UTF-8, comma, double quotes, formatted text as shown; the trailing -1
 * exports all sheets, one file each: BOOK-SheetName.csv). Returns sheet name → rows.
 */
export function toCsvSheets(xlsx: string, outDir: string): Map<string, string[][]> {
  mkdirSync(outDir, { recursive: true });
  soffice([
    "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    "--outdir",
    outDir,
    xlsx,
  ]);
  const base = xlsx.replace(/^.*\//, "").replace(/\.xls[xm]$/i, "");
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(outDir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith(".csv")) continue;
    out.set(f.slice(base.length + 1, -4), parseCsv(readFileSync(join(outDir, f), "utf8")));
  }
  return out;
}

/** RFC 4180 CSV (quoted fields with commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

export function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, pdf, "-"], { encoding: "utf8" });
}

export function pdfPages(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** PNG pages for people (prefix-1.png, …). */
export function toPng(pdf: string, prefix: string, dpi = 80): string[] {
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix]);
  const dir = prefix.replace(/\/[^/]*$/, "");
  const stem = prefix.replace(/^.*\//, "");
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Pixels of one page close to a colour (e.g. the charts' status colours), read from a PPM that
 * pdftoppm writes: how a test knows a chart was drawn, not only its title.
 */
export function countColour(
  pdf: string,
  page: number,
  rgb: [number, number, number],
  tolerance = 24
): number {
  const ppm = execFileSync("pdftoppm", ["-r", "40", "-f", String(page), "-l", String(page), pdf], {
    maxBuffer: 64 << 20,
  });
  // Header: "P6\n<w> <h>\n255\n" then raw RGB.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (ppm[pos] === 0x20 || ppm[pos] === 0x0a) pos++;
    let s = "";
    while (ppm[pos] !== 0x20 && ppm[pos] !== 0x0a) s += String.fromCharCode(ppm[pos++]);
    fields.push(s);
  }
  pos++;
  let n = 0;
  for (let i = pos; i + 2 < ppm.length; i += 3)
    if (
      Math.abs(ppm[i] - rgb[0]) <= tolerance &&
      Math.abs(ppm[i + 1] - rgb[1]) <= tolerance &&
      Math.abs(ppm[i + 2] - rgb[2]) <= tolerance
    )
      n++;
  return n;
}
