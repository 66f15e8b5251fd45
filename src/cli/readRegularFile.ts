/**
 * Reads a file given on the command line, and only a regular file: a directory, a named pipe, a
 * socket or a device is refused at once from its stat, never opened (opening a FIFO for reading
 * waits for a writer forever). The file is then opened non-blocking and checked again through its
 * descriptor, so a pipe swapped in between cannot hang the CLI either. A file over the size
 * budget is refused before it is read.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { Stats } from "node:fs";

/** What a path is when it is not a regular file. */
export type NotAFileKind = "directory" | "fifo" | "socket" | "device" | "other";

/** The system's name for each kind, kept in params.detail as an errno code would be. */
const KIND_CODES: Record<NotAFileKind, string> = {
  directory: "EISDIR",
  fifo: "S_IFIFO",
  socket: "S_IFSOCK",
  device: "S_IFCHR",
  other: "S_IFMT",
};

/** Thrown for a path that is not a regular file. */
export class NotARegularFile extends Error {
  readonly code: string;
  constructor(readonly kind: NotAFileKind) {
    super(`not a regular file (${kind})`);
    this.code = KIND_CODES[kind];
  }
}

/** Thrown for a file larger than the size budget, before reading it. */
export class FileTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly limit: number
  ) {
    super(`file of ${size} bytes, limit ${limit}`);
  }
}

function kindOf(s: Stats): NotAFileKind | null {
  if (s.isFile()) return null;
  if (s.isDirectory()) return "directory";
  if (s.isFIFO()) return "fifo";
  if (s.isSocket()) return "socket";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "device";
  return "other";
}

export async function readRegularFile(
  path: string,
  maxBytes = Number.POSITIVE_INFINITY
): Promise<Uint8Array> {
  const before = await stat(path);
  const kind = kindOf(before);
  if (kind) throw new NotARegularFile(kind);
  if (before.size > maxBytes) throw new FileTooLarge(before.size, maxBytes);
  // O_NONBLOCK: a FIFO put in the file's place after the stat opens at once instead of waiting.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const s = await handle.stat();
    const now = kindOf(s);
    if (now) throw new NotARegularFile(now);
    if (s.size > maxBytes) throw new FileTooLarge(s.size, maxBytes);
    const bytes = new Uint8Array(s.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file that shrank while read: what was there.
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}
