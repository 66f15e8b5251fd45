/**
 * The report's appendix table (別添2) from text extracted from its PDF.
 * pages.ts (page headers) → classify.ts (headings, strategy box, table header, labels, owners;
 * its stages in splitMarkers.ts, zones.ts, owners.ts, events.ts) → rows.ts with columns.ts
 * (column de-interleaving, row assembly) → labels.ts (labels to rows) → importReportText.ts
 * (editionYears, rowDraft: drafts, confidence, located warnings; textLedger.ts places every
 * line); parts.ts reads several files as one. lineRules.ts asks rules.ts's patterns of a line,
 * for this reader and the PDF's. */
export { importReportText } from "./importReportText";
export { importReportTexts } from "./parts";
export { looksLikeReportText } from "./sniff";
export type { LayoutReason } from "./problems";
