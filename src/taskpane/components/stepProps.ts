/** What the pane gives each of its steps (取り込み, 検証, 集計). */
import type { Lang } from "../../domain/model";
import type { WorkbookGateway } from "../gateway/WorkbookGateway";
import type { PlanTablesActions, PlanTablesState } from "../state/usePlanTables";
import type { PaneStrings } from "../strings";

export interface StepProps {
  t: PaneStrings;
  lang: Lang;
  gateway: WorkbookGateway;
  state: PlanTablesState;
  actions: PlanTablesActions;
  /** Moves the pane to the following step. */
  onNext(): void;
}
