/**
 * How big a request is. Excel on the web refuses a request or a response over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins:
 * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error is
 * thrown if that limit is exceeded"). The documentation does not say how the 5 MB are counted; the
 * simulator counts the UTF-8 bytes of the JSON request (actions and object paths) that office.js
 * builds, which for Japanese text (3 bytes a character) is the cautious reading.
 */
/** "5MB" read the strict way (5,000,000 bytes), since the documentation does not say. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** UTF-8 length of a string without TextEncoder allocations (runs in browsers and Node alike). */
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
