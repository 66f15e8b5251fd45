/**
 * The output zip, written as it goes: each part is deflated once as its text arrives (fflate's
 * streaming Zip), so a sheet's XML is never held whole. Parts get a fixed time, so the same
 * input gives the same bytes.
 */
import { strToU8, Zip, ZipDeflate } from "fflate";

/** Zip entry time for every part: a fixed instant makes the same plan give the same bytes. */
export const FIXED_ZIP_TIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Text is encoded and deflated in pieces of about this many UTF-16 units. */
const FLUSH_AT = 1 << 16;

export class ZipStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor() {
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else this.chunks.push(data);
    });
  }

  /** One whole part. */
  add(path: string, data: string | Uint8Array): void {
    const file = this.open(path);
    file.push(typeof data === "string" ? strToU8(data) : data, true);
    this.check();
  }

  /** A part written piece by piece: `write` as often as needed, then `end`. */
  part(path: string): { write(text: string): void; end(): void } {
    const file = this.open(path);
    let pending: string[] = [];
    let length = 0;
    const flush = (final: boolean) => {
      file.push(strToU8(pending.join("")), final);
      pending = [];
      length = 0;
      this.check();
    };
    return {
      write: (text) => {
        pending.push(text);
        length += text.length;
        if (length >= FLUSH_AT) flush(false);
      },
      end: () => flush(true),
    };
  }

  finish(): Uint8Array {
    this.zip.end();
    this.check();
    let size = 0;
    for (const c of this.chunks) size += c.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return out;
  }

  private open(path: string): ZipDeflate {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = FIXED_ZIP_TIME;
    this.zip.add(file);
    return file;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
