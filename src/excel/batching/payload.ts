/**
 * Estimating the serialised size of a request before sending it. Excel on the web refuses a
 * request over 5 MB (RequestPayloadSizeLimitExceeded,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * office.js sends JSON: actions (each naming an object path and carrying its arguments, with an
 * `L` list of path ids) and the object paths they use, each instantiated once per request; every
 * Range also gets a second instantiation and a `_KeepReference`; array writes over 1,500 cells go
 * in row pieces (two GetRow paths and a GetBoundingRect each). The estimate counts the UTF-8
 * bytes of every argument exactly and an upper bound of the rest, with ids of up to 7 digits
 * (the library numbers them across the session). Tests hold it above the real serialised body of
 * the real client library (test/excel/requestSize.test.ts); chunks are kept under 4 MB of
 * estimate, so every request stays under 4,000,000 real bytes: a margin of 1,000,000 bytes (20 %)
 * below Excel's 5,000,000.
 */
/** "MB" read the strict way (10^6 bytes): the documentation does not say which is meant. */
export const CHUNK_LIMIT_BYTES = 4_000_000;
/** One action's envelope ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]},"L":[…]}). */
export const ACTION_BYTES = 130;
/** One object path (a getRangeByIndexes, a property navigation…) and its instantiation. */
export const PATH_BYTES = 190;
/** What a Range costs besides its path: a second instantiation and a `_KeepReference` (≈ 60 + 105
 * bytes with 7-digit ids), and its indexes (up to 4 × 7 digits). */
export const RANGE_BYTES = 200;
/** Row pieces of a big array write: ≈ 900 bytes of paths and actions per 1,500 cells and array. */
export const PIECE_BYTES_PER_CELL = 0.8;
/** The request's own envelope and the per-chunk suspend calls. */
export const CHUNK_BASE_BYTES = 4096;

/** UTF-8 length without allocating (works in the pane and in Node). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

/** A request of `actions` actions on `paths` new object paths, `ranges` of them Ranges, carrying `argumentBytes`. */
export function estimate(actions: number, paths: number, argumentBytes = 0, ranges = 0): number {
  return actions * ACTION_BYTES + paths * PATH_BYTES + ranges * RANGE_BYTES + argumentBytes;
}

/** Every chunk may re-send the object paths of all sheets it touches (at most all of them). */
export function chunkOverhead(sheetCount: number): number {
  return CHUNK_BASE_BYTES + PATH_BYTES * (sheetCount + 2);
}
