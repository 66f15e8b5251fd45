/**
 * The output zip, written as it goes: each part is deflated once as its text arrives (fflate's
 * streaming Zip), so a sheet's XML is never held whole. Parts get a fixed time, so the same
 * input gives the same bytes. Deflate is fflate's (JavaScript, everywhere) unless a native
 * compressor is given (the CLI passes Node's zlib, several times faster on large sheets).
 */
import { strToU8, Zip, ZipDeflate, type ZipInputFile } from "fflate";

/**
 * Raw deflate of a part piece by piece: the pieces' outputs joined form one deflate stream
 * (each piece is deflated on its own and ends on a sync flush, the last one finishes the
 * stream), and the CRC-32 of the uncompressed bytes, continued from `crc`. A deflate that answers
 * later (Node's zlib on its thread pool) lets pieces be compressed side by side while the next
 * XML is written; their outputs are joined in order.
 */
export interface PartCompressor {
  deflate(piece: Uint8Array, final: boolean): Uint8Array | Promise<Uint8Array>;
  crc32(piece: Uint8Array, crc: number): number;
}

/** Pieces being compressed at once, at most (each ≤ 3 × FLUSH_AT bytes of UTF-8): bounds memory. */
const MAX_IN_FLIGHT = 4;

/** One part as fflate's Zip takes it, compressed by a PartCompressor. */
class CompressedPart implements ZipInputFile {
  size = 0;
  crc = 0;
  compression = 8;
  flag = 0 as const;
  mtime = FIXED_ZIP_TIME;
  ondata: NonNullable<ZipInputFile["ondata"]> = () => undefined;

  /** The last piece's delivery: outputs are handed to the zip in the order of their pieces. */
  private tail: Promise<void> | null = null;

  constructor(
    readonly filename: string,
    private readonly compressor: PartCompressor,
    private readonly track: (delivery: Promise<void>) => void
  ) {}

  push(piece: Uint8Array, final: boolean): void {
    this.crc = this.compressor.crc32(piece, this.crc);
    this.size += piece.length;
    const out = this.compressor.deflate(piece, final);
    if (out instanceof Uint8Array && this.tail === null) {
      this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
      return;
    }
    const previous = this.tail ?? Promise.resolve();
    this.tail = Promise.all([out, previous]).then(([data]) => {
      this.ondata(null, data as Uint8Array<ArrayBuffer>, final);
    });
    this.track(this.tail);
  }
}

const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;

/** `text` as UTF-8 into `target` (which has room for it); the bytes written. */
function encodeInto(text: string, target: Uint8Array): number {
  if (encoder) return encoder.encodeInto(text, target).written;
  const bytes = strToU8(text);
  target.set(bytes);
  return bytes.length;
}

/** Zip entry time for every part: a fixed instant makes the same plan give the same bytes. */
export const FIXED_ZIP_TIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Text is encoded and deflated in pieces of about this many bytes of UTF-8. */
const FLUSH_AT = 1 << 19;

export class ZipStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;
  private inFlight = 0;
  /** The encoding buffer of the last part ended, for the next one. */
  private spare: Uint8Array | null = null;
  private wake: (() => void) | null = null;

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
    // Each text is encoded straight into one buffer (encodeInto), not joined first and encoded
    // whole: joining then encoding 256 K characters at a time took ten times as long in Node.
    // One buffer for all parts written one after another: a new megabyte per part was garbage
    // outside the heap (≈ 12 MB more peak memory for 44 sheets).
    const buffer = this.spare ?? new Uint8Array(2 * FLUSH_AT);
    this.spare = null;
    let at = 0;
    const flush = (final: boolean) => {
      file.push(buffer.slice(0, at), final);
      at = 0;
      this.check();
    };
    return {
      write: (text) => {
        // UTF-8 takes at most 3 bytes per UTF-16 unit.
        if (at + 3 * text.length > buffer.length) {
          if (at > 0) flush(false);
          if (3 * text.length > buffer.length) {
            file.push(strToU8(text), false);
            this.check();
            return;
          }
        }
        at += encodeInto(text, buffer.subarray(at));
        if (at >= FLUSH_AT) flush(false);
      },
      end: () => {
        flush(true);
        this.spare = buffer;
      },
    };
  }

  /** Whether pieces are being compressed (elsewhere): their results come back on the event loop. */
  get compressing(): boolean {
    return this.inFlight > 0;
  }

  /** Whether enough pieces are being compressed that the writer should wait (`drain`) before more. */
  get busy(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT;
  }

  /** Waits until fewer than MAX_IN_FLIGHT pieces (or, with `all`, none) are being compressed. */
  async drain(all = false): Promise<void> {
    const limit = all ? 1 : MAX_IN_FLIGHT;
    while (this.inFlight >= limit) await new Promise<void>((resolve) => (this.wake = resolve));
    this.check();
  }

  async finish(): Promise<Uint8Array> {
    await this.drain(true);
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
      const part = new CompressedPart(path, this.compressor, (delivery) => this.track(delivery));
      this.zip.add(part);
      return part;
    }
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = FIXED_ZIP_TIME;
    this.zip.add(file);
    return file;
  }

  private track(delivery: Promise<void>): void {
    this.inFlight++;
    delivery
      .catch((e: unknown) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      })
      .finally(() => {
        this.inFlight--;
        const wake = this.wake;
        this.wake = null;
        wake?.();
      });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
