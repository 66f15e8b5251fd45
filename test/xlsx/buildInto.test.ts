/**
 * `plan-tables build FILES… --into BOOK`: our sheets added to the user's workbook, written to a
 * new file by default (BOOK.plan-tables.xlsx), over BOOK only with --in-place, an .xlsm kept an
 * .xlsm with its macros; the user's parts keep their bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { buildCommand } from "../../src/cli/commands/build";
import { processIO, type CliIO } from "../../src/cli/io";
import { readGeneratedSheetKeys } from "../../src/xlsx/generatedMarker";
import { readBack } from "./readBack";
import { userWorkbook, userWorkbookParts, VBA_BYTES } from "./userWorkbook";

const SJIS = join(__dirname, "..", "fixtures", "tables", "cs2024-combined-sjis.csv");
let dir: string;
let out: string[];
let err: string[];
let progress: string[];
const io: CliIO = {
  ...processIO,
  stdout: (t) => void out.push(t),
  stderr: (t) => void err.push(t),
  progress: (t) => void progress.push(t),
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "plan-tables-into-"));
  out = [];
  err = [];
  progress = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const UNCHANGED = (p: string) =>
  ![
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
  ].includes(p);

it("writes BOOK.plan-tables.xlsx next to BOOK, leaves BOOK alone, keeps the user's parts and reports each sheet", async () => {
  const book = join(dir, "照会.xlsx");
  const base = userWorkbook();
  writeFileSync(book, base);
  const code = await buildCommand.run([SJIS, "--into", book], io);
  expect(err.join("")).toBe("");
  expect(code).toBe(0);
  expect(Buffer.from(readFileSync(book)).equals(Buffer.from(base))).toBe(true);
  const written = join(dir, "照会.plan-tables.xlsx");
  expect(out.join("")).toContain(written);
  const bytes = new Uint8Array(readFileSync(written));
  const parts = unzipSync(bytes);
  for (const [p, data] of Object.entries(userWorkbookParts(false)).filter(([p]) => UNCHANGED(p)))
    expect([p, Buffer.from(parts[p]).equals(Buffer.from(data))]).toEqual([p, true]);
  const rb = readBack(bytes);
  expect(rb.book.SheetNames.slice(0, 3)).toEqual(["入力", "集計", "作業用"]);
  expect(rb.book.SheetNames).toContain("施策一覧");
  // Progress: every sheet in turn, then compressing, then cleared.
  const sheets = readGeneratedSheetKeys(bytes).size;
  expect(progress.filter((p) => p.startsWith("シート "))).toHaveLength(sheets);
  expect(progress[0]).toBe(`シート 1/${sheets}: ダッシュボード`);
  expect(progress.slice(-2)).toEqual(["圧縮しています", ""]);
});

it("--in-place replaces BOOK with the regenerated workbook, and a second run changes nothing", async () => {
  const book = join(dir, "照会.xlsx");
  writeFileSync(book, userWorkbook());
  expect(await buildCommand.run([SJIS, "--into", book, "--in-place"], io)).toBe(0);
  const once = readFileSync(book);
  expect(readGeneratedSheetKeys(new Uint8Array(once)).size).toBeGreaterThan(3);
  expect(await buildCommand.run([SJIS, "--into", book, "--in-place"], io)).toBe(0);
  expect(Buffer.from(readFileSync(book)).equals(once)).toBe(true);
  // No temporary file left behind.
  expect(readdirSync(dir)).toEqual(["照会.xlsx"]);
});

it("an .xlsm stays an .xlsm with its macros", async () => {
  const book = join(dir, "照会.xlsm");
  writeFileSync(book, userWorkbook(true));
  expect(await buildCommand.run([SJIS, "--into", book], io)).toBe(0);
  const parts = unzipSync(new Uint8Array(readFileSync(join(dir, "照会.plan-tables.xlsm"))));
  expect(Buffer.from(parts["xl/vbaProject.bin"]).equals(Buffer.from(VBA_BYTES))).toBe(true);
  expect(strFromU8(parts["[Content_Types].xml"])).toContain(
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
  );
  err = [];
  expect(await buildCommand.run([SJIS, "--into", book, "--out", join(dir, "x.xlsx")], io)).toBe(2);
  expect(err.join("")).toContain(".xlsm");
});

it("never overwrites BOOK without --in-place, and refuses what is not a workbook", async () => {
  const book = join(dir, "照会.xlsx");
  writeFileSync(book, userWorkbook());
  expect(await buildCommand.run([SJIS, "--into", book, "--out", book], io)).toBe(2);
  expect(err.join("")).toContain("--in-place");
  expect(
    await buildCommand.run([SJIS, "--into", book, "--out", join(dir, "a.xlsx"), "--in-place"], io)
  ).toBe(2);
  expect(await buildCommand.run([SJIS, "--in-place", "--out", join(dir, "a.xlsx")], io)).toBe(2);
  const csv = join(dir, "data.xlsx");
  writeFileSync(csv, "項番,担当府省庁\n");
  err = [];
  expect(await buildCommand.run([SJIS, "--into", csv], io)).toBe(2);
  expect(err.join("")).toContain("ブックとして読み込めません");
  expect(existsSync(join(dir, "data.plan-tables.xlsx"))).toBe(false);
});
