/**
 * context.sync() has been seen never to return on Excel on the web with large files
 * (office-js #4805, #6150): every sync gets a deadline and a clear error instead of a spinner
 * that never stops.
 */
import { ExcelApplyError } from "../errors";

export const DEFAULT_SYNC_TIMEOUT_MS = 120_000;

export function syncWithTimeout(
  context: { sync(): Promise<unknown> },
  timeoutMs: number
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ExcelApplyError("Timeout", null, "nothing-created", `no answer in ${timeoutMs} ms`)
        ),
      timeoutMs
    );
  });
  return Promise.race([context.sync().then(() => undefined), deadline]).finally(() =>
    clearTimeout(timer)
  );
}
