/**
 * Estimating the serialised size of a request before sending it. Excel on the web refuses a
 * request over 5 MB (RequestPayloadSizeLimitExceeded,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * office.js sends JSON: actions (each naming an object path and carrying its arguments) and the
 * object paths they use, each instantiated once per request. The estimate counts the UTF-8
 * bytes of every argument exactly and a fixed, slightly generous cost per action and per object
 * path; chunks are kept under 4 MB.
 */
/** "MB" read the strict way (10^6 bytes): the documentation does not say which is meant. */
export const CHUNK_LIMIT_BYTES = 4_000_000;
/** One action's envelope ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}). */
export const ACTION_BYTES = 110;
/** One object path (a getRangeByIndexes, a property navigation…) and its instantiation. */
export const PATH_BYTES = 190;
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

/** A request of `actions` actions on `paths` new object paths carrying `argumentBytes`. */
export function estimate(actions: number, paths: number, argumentBytes = 0): number {
  return actions * ACTION_BYTES + paths * PATH_BYTES + argumentBytes;
}

/** Every chunk may re-send the object paths of all sheets it touches (at most all of them). */
export function chunkOverhead(sheetCount: number): number {
  return CHUNK_BASE_BYTES + PATH_BYTES * (sheetCount + 2);
}
