import type { Lang } from "../../domain/model";
import type { CliIO } from "../io";

export interface Command {
  name: string;
  /** `plan-tables <usage>` */
  usage: string;
  summary: Record<Lang, string>;
  /** argv after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
