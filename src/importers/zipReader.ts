/**
 * A zip package read under budgets: the central directory first (sizes and ratios checked before
 * anything is inflated), then only the parts asked for, inflated in small steps by fflate's
 * streaming Inflate that stop as soon as the output passes the part's declared size or a budget,
 * whatever the directory claimed. PKWARE APPNOTE 6.3.x: end of central directory (4.3.16), central
 * directory headers (4.3.12), local headers (4.3.7), Zip64 extra field (4.5.3).
 */
import { Inflate } from "fflate";
import { BudgetExceeded, Deadline, RATIO_FLOOR_BYTES, type ImportBudgets } from "./budgets";

/** The package is not a zip we can read (damaged, truncated, encrypted, unknown compression). */
export class ZipDamaged extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Compressed bytes given to the inflater at a time: deflate expands at most 1032:1, so one step yields ≤ 17 MB. */
const STEP = 16 * 1024;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function findEocd(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  throw new ZipDamaged("no end of central directory (truncated?)");
}

/** The central directory's entries, checked against the file: nothing is inflated here. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  if (b.length < 22) throw new ZipDamaged("too short for a zip");
  const eocd = findEocd(b);
  let count = u16(b, eocd + 10);
  let dirSize = u32(b, eocd + 12);
  let dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR) throw new ZipDamaged("zip64 locator missing");
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD)
      throw new ZipDamaged("zip64 directory missing");
    count = u64(b, z + 32);
    dirSize = u64(b, z + 40);
    dirOffset = u64(b, z + 48);
  }
  if (dirOffset + dirSize > b.length)
    throw new ZipDamaged("central directory outside the file (truncated?)");
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  // Each header is at least 46 bytes, so a lying count cannot make this loop long.
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL)
      throw new ZipDamaged("central directory damaged");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen > b.length) throw new ZipDamaged("central directory damaged");
    const name = new TextDecoder().decode(b.subarray(p + 46, nameEnd));
    // Zip64: the sizes and offset saturated at 0xFFFFFFFF are in extra field 0x0001, in this order.
    for (let e = nameEnd; e + 4 <= nameEnd + extraLen;) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    p = nameEnd + extraLen + commentLen;
  }
  return entries;
}

/** Reads parts of one package, counting everything inflated against the budgets. */
export class ZipPackage {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private expanded = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budgets: ImportBudgets,
    private readonly deadline: Deadline
  ) {
    const list = readZipDirectory(bytes);
    const map = new Map<string, ZipEntry>();
    for (const e of list) map.set(e.name.replace(/^\/+/u, ""), e);
    this.entries = map;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The declared sizes of the parts that will be read, checked before any is inflated. */
  checkDeclared(names: readonly string[]): void {
    let total = 0;
    for (const name of names) {
      const e = this.entries.get(name);
      if (!e) continue;
      this.checkEntry(e);
      total += e.size;
      if (total > this.budgets.maxExpandedBytes)
        throw new BudgetExceeded("maxExpandedBytes", this.budgets.maxExpandedBytes, total);
    }
  }

  private checkEntry(e: ZipEntry): void {
    if (e.flags & 1) throw new ZipDamaged(`${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8)
      throw new ZipDamaged(`${e.name}: compression method ${e.method}`);
    if (e.size > this.budgets.maxPartBytes)
      throw new BudgetExceeded("maxPartBytes", this.budgets.maxPartBytes, e.size, e.name);
    if (e.size > RATIO_FLOOR_BYTES && e.size > e.compressedSize * this.budgets.maxRatio)
      throw new BudgetExceeded(
        "maxRatio",
        this.budgets.maxRatio,
        e.size / Math.max(1, e.compressedSize),
        e.name
      );
  }

  /**
   * A part's bytes, given to `onChunk` as they are inflated. Stops with ZipDamaged when the output
   * passes the declared size (the directory lied) and with BudgetExceeded at a budget.
   */
  read(name: string, onChunk: (chunk: Uint8Array) => void): void {
    const e = this.entries.get(name);
    if (!e) throw new ZipDamaged(`${name} missing`);
    this.checkEntry(e);
    const b = this.bytes;
    const at = e.localOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL)
      throw new ZipDamaged(`${name}: local header damaged`);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new ZipDamaged(`${name}: data outside the file (truncated?)`);
    let produced = 0;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.expanded += chunk.length;
      if (produced > e.size) throw new ZipDamaged(`${name}: more data than the directory declares`);
      if (this.expanded > this.budgets.maxExpandedBytes)
        throw new BudgetExceeded("maxExpandedBytes", this.budgets.maxExpandedBytes);
      this.deadline.checkNow();
      onChunk(chunk);
    };
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipDamaged(`${name}: stored sizes differ`);
      for (let p = start; p < end; p += STEP * 16)
        take(b.subarray(p, Math.min(end, p + STEP * 16)));
      return;
    }
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      if (chunk.length) take(chunk);
      if (final) done = true;
    });
    try {
      for (let p = start; p < end && !done; p += STEP)
        inflate.push(b.subarray(p, Math.min(end, p + STEP)), p + STEP >= end);
    } catch (err) {
      if (err instanceof BudgetExceeded || err instanceof ZipDamaged) throw err;
      throw new ZipDamaged(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!done) throw new ZipDamaged(`${name}: deflate data ends early`);
    if (produced !== e.size)
      throw new ZipDamaged(`${name}: ${produced} bytes, the directory declares ${e.size}`);
  }

  /** A whole (small) part as text: for the workbook, its relationships, styles. */
  readText(name: string): string {
    const decoder = new TextDecoder();
    const parts: string[] = [];
    this.read(name, (c) => parts.push(decoder.decode(c, { stream: true })));
    parts.push(decoder.decode());
    return parts.join("");
  }

  /** A part as text in pieces, decoded as it is inflated. */
  readTextChunks(name: string, onText: (text: string) => void): void {
    const decoder = new TextDecoder();
    this.read(name, (c) => onText(decoder.decode(c, { stream: true })));
    onText(decoder.decode());
  }
}
