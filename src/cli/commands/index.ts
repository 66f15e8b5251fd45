/** The command registry: one file per command, listed here in the order `--help` shows them. */
import { buildCommand } from "./build";
import { compareCommand } from "./compare";
import { measuresCommand } from "./measures";
import { summarizeCommand } from "./summarize";
import { templateCommand } from "./template";
import type { Command } from "./types";
import { validateCommand } from "./validate";

export type { Command } from "./types";

export const COMMANDS: readonly Command[] = [
  validateCommand,
  measuresCommand,
  summarizeCommand,
  compareCommand,
  buildCommand,
  templateCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
