/**
 * Everything a tool's kind decides, in one table: its MCP annotations, its
 * effect in the catalogs' words, whether it spends, whether it asks for
 * confirmation, and whether a failed call may be retried. openWorldHint is
 * always true: every tool talks to an upstream API.
 */
import type { Config } from "../config";
import type { CallPolicy } from "../upstream/client";
import type { Annotations, Effect, Kind, ToolDefinition } from "./define";

interface KindInfo {
  annotations: Annotations;
  effect: Effect;
  costsCredits: boolean;
  /** Two-step: a preview and a confirmation token before anything happens. */
  confirmed: boolean;
}

const hints = (readOnly: boolean, destructive: boolean, idempotent: boolean): Annotations => ({
  readOnlyHint: readOnly,
  destructiveHint: destructive,
  idempotentHint: idempotent,
  openWorldHint: true,
});

export const KINDS: Readonly<Record<Kind, KindInfo>> = {
  // Safe to repeat.
  read: { annotations: hints(true, false, true), effect: "read", costsCredits: false, confirmed: false },
  // Repeating it may charge again.
  paid_read: { annotations: hints(true, false, false), effect: "read", costsCredits: true, confirmed: false },
  // Repeating it does it twice.
  create: { annotations: hints(false, false, false), effect: "write", costsCredits: false, confirmed: false },
  // Repeating it changes nothing more.
  update: { annotations: hints(false, false, true), effect: "write", costsCredits: false, confirmed: false },
  // Repeating it is harmless; the first call is not.
  delete: { annotations: hints(false, true, true), effect: "destructive", costsCredits: false, confirmed: true },
  // Cannot be recalled, and repeating it sends again.
  send: { annotations: hints(false, true, false), effect: "sends_email", costsCredits: false, confirmed: true },
  // Spends credits or money; repeating it spends again.
  spend: { annotations: hints(false, false, false), effect: "write", costsCredits: true, confirmed: true },
};

/** Reads that spend nothing may be retried after a 5xx or a dropped connection; nothing else may. */
export function callPolicy(tool: ToolDefinition): CallPolicy {
  const read = tool.kind === "read";
  return { retryable: read, hasSideEffects: !read };
}

/** Whether this tool asks for a confirmation token on this deployment. */
export function needsConfirmation(tool: { confirm?: unknown }, config: Config): boolean {
  return Boolean(tool.confirm) && config.confirmActions;
}
