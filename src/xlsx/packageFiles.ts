/** The parts of an .xlsx zip, readable and writable as text or bytes, in a stable order. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** Zip entry time for every part: a fixed instant makes the same plan give the same bytes. */
export const FIXED_ZIP_TIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export class PackageFiles {
  private readonly parts = new Map<string, Uint8Array | string>();

  constructor(zip: Uint8Array) {
    for (const [path, data] of Object.entries(unzipSync(zip))) {
      if (path.endsWith("/")) continue; // folder entries: not parts
      this.parts.set(path, data);
    }
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  paths(): string[] {
    return [...this.parts.keys()];
  }

  get(path: string): string | undefined {
    const p = this.parts.get(path);
    if (p === undefined) return undefined;
    if (typeof p === "string") return p;
    const s = strFromU8(p);
    this.parts.set(path, s);
    return s;
  }

  bytes(path: string): Uint8Array | undefined {
    const p = this.parts.get(path);
    return typeof p === "string" ? strToU8(p) : p;
  }

  set(path: string, data: string | Uint8Array): void {
    this.parts.set(path, data);
  }

  delete(path: string): void {
    this.parts.delete(path);
  }

  /** First free "prefix{N}suffix" (N from 1), e.g. xl/charts/chart3.xml. */
  freeName(prefix: string, suffix: string): string {
    return this.freeNames(prefix, suffix, 1)[0];
  }

  /** The first `count` free "prefix{N}suffix" names, for parts written together. */
  freeNames(prefix: string, suffix: string, count: number): string[] {
    const out: string[] = [];
    for (let n = 1; out.length < count; n++)
      if (!this.parts.has(`${prefix}${n}${suffix}`)) out.push(`${prefix}${n}${suffix}`);
    return out;
  }

  toZip(): Uint8Array {
    const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 | 6 }]> = {};
    // [Content_Types].xml first, as Office writes it; then every part in insertion order.
    const order = [
      "[Content_Types].xml",
      ...[...this.parts.keys()].filter((p) => p !== "[Content_Types].xml"),
    ];
    for (const path of order) {
      const data = this.bytes(path);
      if (data) entries[path] = [data, { mtime: FIXED_ZIP_TIME, level: 6 }];
    }
    return zipSync(entries);
  }
}
