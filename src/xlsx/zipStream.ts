/**
 * The output zip, written as it goes: each part is deflated once as its text arrives (fflate's
 * streaming Zip), so a sheet's XML is never held whole. Parts get a fixed time, so the same
 * input gives the same bytes. Deflate is fflate's (JavaScript, everywhere) unless a native
 * compressor is given (the CLI passes Node's zlib, several times faster on large sheets).
 */
import { strToU8, Zip, ZipDeflate, type ZipInputFile } from "fflate";

/**
 * Raw deflate of a part piece by piece: the pieces' outputs joined form one deflate stream
 * (each piece ends on a sync flush, the last one finishes the stream), and the CRC-32 of the
 * uncompressed bytes, continued from `crc`.
 */
export interface PartCompressor {
  deflate(piece: Uint8Array, final: boolean): Uint8Array;
  crc32(piece: Uint8Array, crc: number): number;
}

/** One part as fflate's Zip takes it, compressed by a PartCompressor. */
class CompressedPart implements ZipInputFile {
  size = 0;
  crc = 0;
  compression = 8;
  flag = 0 as const;
  mtime = FIXED_ZIP_TIME;
  ondata: NonNullable<ZipInputFile["ondata"]> = () => undefined;

  constructor(
    readonly filename: string,
    private readonly compressor: PartCompressor
  ) {}

  push(piece: Uint8Array, final: boolean): void {
    this.crc = this.compressor.crc32(piece, this.crc);
    this.size += piece.length;
    this.ondata(null, this.compressor.deflate(piece, final) as Uint8Array<ArrayBuffer>, final);
  }
}

/** Zip entry time for every part: a fixed instant makes the same plan give the same bytes. */
export const FIXED_ZIP_TIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Text is encoded and deflated in pieces of about this many UTF-16 units. */
const FLUSH_AT = 1 << 18;

export class ZipStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(private readonly compressor?: PartCompressor) {
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
      file.push(strToU8(pending.length === 1 ? pending[0] : pending.join("")), final);
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

  private open(path: string): { push(piece: Uint8Array, final: boolean): void } {
    if (this.compressor) {
      const part = new CompressedPart(path, this.compressor);
      this.zip.add(part);
      return part;
    }
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = FIXED_ZIP_TIME;
    this.zip.add(file);
    return file;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
