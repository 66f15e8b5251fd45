/** The parts of an .xlsx package, readable as text or bytes, in their original order. */
import { strFromU8, strToU8, unzipSync } from "fflate";

/**
 * Budget for a workbook read as a base, decided before unpacking (a zip bomb is refused, not
 * inflated): the parts' declared sizes together, and their number.
 */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;
export const MAX_PACKAGE_PARTS = 20000;

export class PackageFiles {
  private readonly parts = new Map<string, Uint8Array | string>();
  /** Names given to parts that are written later (streamed sheets): never handed out twice. */
  private readonly reserved = new Set<string>();
  /** Parts changed since reading (set), by path. */
  private readonly changed = new Set<string>();

  constructor(zip?: Uint8Array) {
    if (!zip) return;
    let total = 0;
    let count = 0;
    const parts = unzipSync(zip, {
      filter: (f) => {
        total += f.originalSize;
        if (++count > MAX_PACKAGE_PARTS || total > MAX_PACKAGE_BYTES)
          throw new Error(
            `the workbook unpacks to more than ${MAX_PACKAGE_BYTES / 1024 / 1024} MB or ${MAX_PACKAGE_PARTS} parts`
          );
        return true;
      },
    });
    for (const [path, data] of Object.entries(parts)) {
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
    return typeof p === "string" ? p : strFromU8(p);
  }

  /** The part's bytes: for a part never set, exactly the bytes read from the zip. */
  bytes(path: string): Uint8Array | undefined {
    const p = this.parts.get(path);
    return typeof p === "string" ? strToU8(p) : p;
  }

  set(path: string, data: string | Uint8Array): void {
    const before = this.parts.get(path);
    if (before === data) return;
    this.parts.set(path, data);
    this.changed.add(path);
  }

  delete(path: string): void {
    this.parts.delete(path);
  }

  /** Whether the part was set since reading (a kept part of the user's is not). */
  isChanged(path: string): boolean {
    return this.changed.has(path);
  }

  /** Marks a name as taken by a part that is written later. */
  reserve(path: string): void {
    this.reserved.add(path);
  }

  isReserved(path: string): boolean {
    return this.reserved.has(path);
  }

  /** First free "prefix{N}suffix" (N from 1), e.g. xl/charts/chart3.xml; reserved for the caller. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.parts.has(name) && !this.reserved.has(name)) {
        this.reserved.add(name);
        return name;
      }
    }
  }
}
