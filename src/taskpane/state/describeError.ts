import { UserFacingError } from "../gateway/WorkbookGateway";
import type { PaneStrings } from "../strings";

/** Turns anything thrown into plain words: a UserFacingError as it is, anything else wrapped. */
export function describeError(e: unknown, t: PaneStrings): string {
  if (e instanceof UserFacingError) return e.message;
  const detail = e instanceof Error ? e.message || e.name : String(e);
  return t.errors.unexpected(detail);
}
