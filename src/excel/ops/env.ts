/** What planned operations see when they are applied: the context and the sheets of this run. */
import type { PlannedOp } from "../batching/packer";
import { estimate } from "../batching/payload";

export interface ApplyEnv {
  context: Excel.RequestContext;
  /** The worksheet proxy of a generated sheet, by plan key (set when its `add` is queued). */
  sheet(key: string): Excel.Worksheet;
  /** Final sheet name of a plan key (after collision suffixes). */
  sheetName(key: string): string;
  registerSheet(key: string, ws: Excel.Worksheet): void;
}

export type Op = PlannedOp<ApplyEnv>;

/** An operation of `actions` actions on `paths` object paths (`ranges` of them Ranges) with
 * `argumentBytes` of arguments. */
export function simpleOp(
  actions: number,
  paths: number,
  argumentBytes: number,
  apply: (env: ApplyEnv) => void,
  ranges = 1
): Op {
  return { bytes: estimate(actions, paths, argumentBytes, ranges), apply };
}
