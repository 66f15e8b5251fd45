/** Where a command writes and how it reads files: the process by default, a capture in tests. */
import { readRegularFile } from "./readRegularFile";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A regular file's bytes; refuses other kinds of path, and files over `maxBytes`, before reading. */
  readFile: (path: string, maxBytes?: number) => Promise<Uint8Array>;
  /** One line of progress on long work, replaced by the next; "" clears it. Optional. */
  progress?: (text: string) => void;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readFile: (p, maxBytes) => readRegularFile(p, maxBytes),
  // Only on a terminal: a log or a pipe gets the result lines alone.
  progress: (t) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${t ? `plan-tables: ${t}` : ""}`);
  },
};

/** Exit codes: 0 no errors, 1 errors in the data, 2 unusable arguments or unreadable files. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNUSABLE = 2;
