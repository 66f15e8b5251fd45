/**
 * The pane's state as one value and the one pure function that changes it. Nothing here is a
 * translated word: busy states, notices and errors are typed facts, and the words are made when
 * rendering (derive.ts), so a message can never outlive the state it describes.
 */
import type { PlanTable, Status } from "../../domain/model";
import type { ImportResult } from "../../domain/importResult";
import type { GenerateOutcome, GenerateProgress } from "../gateway/WorkbookGateway";
import type { PlanEngine } from "../services/engine";

export type SourceKind = "sheet" | "file" | "paste" | "sample";

export interface Source {
  id: number;
  name: string;
  kind: SourceKind;
  /** For sheet sources: the worksheet read (re-read by "validate again"). */
  sheet?: string;
  result: ImportResult;
}

export type NewSource = Omit<Source, "id">;

/** What the pane is reading right now. */
export type Busy =
  | { kind: "files"; names: readonly string[] }
  | { kind: "sheet" }
  | { kind: "paste"; name: string }
  | { kind: "sample" }
  | { kind: "revalidate" };

/** Where generation is: planning (in the worker), then the gateway's own steps. */
export type GenerationStep = { kind: "planning" } | { kind: "writing"; progress: GenerateProgress };

export type Generation =
  | { phase: "idle" }
  | { phase: "running"; run: number; step: GenerationStep; cancelling: boolean }
  | { phase: "done"; run: number; outcome: GenerateOutcome; statusCounts: Record<Status, number>; total: number }
  | { phase: "cancelled"; run: number }
  | { phase: "failed"; run: number; message: string };

/** A failure of an import action: the source's name (when there is one) and plain words. */
export interface ImportError {
  name?: string;
  message: string;
}

/** The last thing said about an action; words are made from it when rendering. */
export type Notice =
  | { kind: "revalidated"; version: number }
  | { kind: "selected"; sheet: string; row: number; column?: number }
  | { kind: "not-in-workbook"; file: string }
  | { kind: "error"; message: string };

export interface PaneState {
  sources: Source[];
  nextId: number;
  /** Pastes so far, for the names 貼り付け, 貼り付け 2, … */
  pastes: number;
  busy: Busy | null;
  importErrors: ImportError[];
  /** Bumped whenever the sources change or are validated again; the table is built for one version. */
  version: number;
  /** The table built for `builtVersion`; older than `version` while a build runs. */
  table: PlanTable | null;
  builtVersion: number | null;
  buildError: { version: number; message: string } | null;
  generation: Generation;
  notice: Notice | null;
  engine: PlanEngine | null;
  /** Bumped by every action the user finishes, so the pane can move focus to its result. */
  completed: { action: CompletedAction; seq: number } | null;
}

export type CompletedAction = "import" | "revalidate" | "generate" | "select";

export type PaneAction =
  | { type: "engine-loaded"; engine: PlanEngine }
  | { type: "busy"; busy: Busy }
  | { type: "idle" }
  | { type: "sources-added"; sources: NewSource[]; errors: ImportError[] }
  | { type: "import-failed"; errors: ImportError[] }
  | { type: "source-removed"; id: number }
  | { type: "sources-cleared" }
  | { type: "sheet-reread"; source: NewSource }
  /** Validate again; `reread` is the current sheet read again (it may have been fixed by hand). */
  | { type: "revalidate"; reread?: NewSource }
  | { type: "table-built"; version: number; table: PlanTable }
  | { type: "table-failed"; version: number; message: string }
  | { type: "notice"; notice: Notice }
  | { type: "notice-dismissed" }
  | { type: "generation-started"; run: number }
  | { type: "generation-progress"; run: number; step: GenerationStep }
  | { type: "generation-cancel" }
  | { type: "generation-done"; run: number; outcome: GenerateOutcome; statusCounts: Record<Status, number>; total: number }
  | { type: "generation-cancelled"; run: number }
  | { type: "generation-failed"; run: number; message: string };

export const initialPaneState: PaneState = {
  sources: [],
  nextId: 1,
  pastes: 0,
  busy: null,
  importErrors: [],
  version: 0,
  table: null,
  builtVersion: null,
  buildError: null,
  generation: { phase: "idle" },
  notice: null,
  engine: null,
  completed: null,
};

function complete(state: PaneState, action: CompletedAction): PaneState["completed"] {
  return { action, seq: (state.completed?.seq ?? 0) + 1 };
}

/** New sources change what would be generated: an earlier generation's summary no longer describes them. */
function withSources(state: PaneState, sources: Source[]): PaneState {
  return {
    ...state,
    sources,
    version: state.version + 1,
    table: sources.length === 0 ? null : state.table,
    builtVersion: sources.length === 0 ? null : state.builtVersion,
    buildError: null,
    generation: state.generation.phase === "running" ? state.generation : { phase: "idle" },
    notice: null,
  };
}

function addSources(state: PaneState, added: readonly NewSource[]): PaneState {
  if (added.length === 0) return state;
  let nextId = state.nextId;
  const pastes = state.pastes + added.filter((a) => a.kind === "paste").length;
  const sources = [...state.sources, ...added.map((a) => ({ ...a, id: nextId++ }))];
  return { ...withSources(state, sources), nextId, pastes };
}

/** A sheet read again replaces its earlier read, in place, so the list keeps its order. */
function rereadSheet(state: PaneState, source: NewSource): PaneState {
  const at = state.sources.findIndex((s) => s.kind === "sheet" && s.sheet === source.sheet);
  if (at < 0) return addSources(state, [source]);
  return withSources(
    state,
    state.sources.map((s, i) => (i === at ? { ...source, id: s.id } : s)),
  );
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "engine-loaded":
      return { ...state, engine: action.engine };
    case "busy":
      return { ...state, busy: action.busy, importErrors: action.busy.kind === "revalidate" ? state.importErrors : [] };
    case "idle":
      return { ...state, busy: null };
    case "sources-added":
      return { ...addSources(state, action.sources), importErrors: action.errors, completed: complete(state, "import") };
    case "import-failed":
      return { ...state, importErrors: action.errors, completed: complete(state, "import") };
    case "source-removed":
      return withSources(
        state,
        state.sources.filter((s) => s.id !== action.id),
      );
    case "sources-cleared":
      return { ...withSources(state, []), importErrors: [] };
    case "sheet-reread":
      return { ...rereadSheet(state, action.source), importErrors: [], completed: complete(state, "import") };
    case "revalidate": {
      const next = action.reread ? rereadSheet(state, action.reread) : { ...state, version: state.version + 1, buildError: null };
      return { ...next, notice: { kind: "revalidated", version: next.version }, completed: complete(state, "revalidate") };
    }
    case "table-built":
      if (action.version !== state.version) return state; // a newer build is on its way
      return { ...state, table: action.table, builtVersion: action.version, buildError: null };
    case "table-failed":
      if (action.version !== state.version) return state;
      return { ...state, buildError: { version: action.version, message: action.message } };
    case "notice":
      return { ...state, notice: action.notice, completed: action.notice.kind === "selected" ? complete(state, "select") : state.completed };
    case "notice-dismissed":
      return { ...state, notice: null };
    case "generation-started":
      return { ...state, generation: { phase: "running", run: action.run, step: { kind: "planning" }, cancelling: false } };
    case "generation-progress":
      if (state.generation.phase !== "running" || state.generation.run !== action.run) return state;
      return { ...state, generation: { ...state.generation, step: action.step } };
    case "generation-cancel":
      if (state.generation.phase !== "running") return state;
      return { ...state, generation: { ...state.generation, cancelling: true } };
    case "generation-done":
      if (state.generation.phase !== "running" || state.generation.run !== action.run) return state;
      return {
        ...state,
        generation: { phase: "done", run: action.run, outcome: action.outcome, statusCounts: action.statusCounts, total: action.total },
        completed: complete(state, "generate"),
      };
    case "generation-cancelled":
      if (state.generation.phase !== "running" || state.generation.run !== action.run) return state;
      return { ...state, generation: { phase: "cancelled", run: action.run }, completed: complete(state, "generate") };
    case "generation-failed":
      if (state.generation.phase !== "running" || state.generation.run !== action.run) return state;
      return { ...state, generation: { phase: "failed", run: action.run, message: action.message }, completed: complete(state, "generate") };
  }
}
