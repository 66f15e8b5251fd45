/** What comparing two editions of the report gives: pairs, added, removed, counts, things to review. */
import type { FiscalYears } from "../model";

/** What differs between a measure and its continuation. */
export type PairChange = "label" | "owners" | "section" | "wording";
export const PAIR_CHANGES: readonly PairChange[] = ["label", "owners", "section", "wording"];

/** A measure of the older edition followed to the newer one. Indexes are into each edition's measures. */
export interface MeasurePair {
  before: number;
  after: number;
  /** 0..1: text similarity weighted with owners, section and label. */
  score: number;
  changes: PairChange[];
  /** "auto" by the matcher; "confirmed"/"linked" by a person (see decisions.ts). */
  origin: "auto" | "confirmed" | "linked";
}

export interface RemovedMeasure {
  before: number;
  /** Its next-year plan said 終了/完了/廃止; false = silently absent from the newer edition. */
  declaredEnded: boolean;
}

export interface MinistryComparison {
  name: string;
  /** Measures of this ministry in both editions (it owns them before and after). */
  continued: number;
  added: number;
  removed: number;
  /** Continued measures this ministry owns now but did not before. */
  movedIn: number;
  /** Continued measures this ministry owned before but no longer does. */
  movedOut: number;
}

/** A decision the matcher would not take alone. */
export interface ReviewItem {
  /**
   * low-score: paired, but weakly; tie: paired, but a rival scored nearly as well; possible: not
   * paired (too weak to decide), yet the best candidate of an added measure among the removed.
   */
  kind: "low-score" | "tie" | "possible";
  /** The pair concerned (for a tie: the pair chosen; for possible: the pair not made). */
  before: number;
  after: number;
  score: number;
  /** For a tie: the other measure of the older edition that scored as well. */
  rival?: number;
}

export interface EditionComparison {
  pairs: MeasurePair[];
  added: number[];
  removed: RemovedMeasure[];
  byMinistry: MinistryComparison[];
  review: ReviewItem[];
  /** Indexes of (再掲) measures, left out of matching on both sides (they are counted once, where first listed). */
  skipped: { before: number[]; after: number[] };
}

export interface EditionInfo {
  fiscalYears: FiscalYears | null;
}
