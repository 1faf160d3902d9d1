/**
 * How a job calls the tools it is made of: through callTool, as the job's user,
 * so every policy (scope, budget, pacing, do-not-contact) holds for each step
 * exactly as for a call from a client. The cache is not read: the plan already
 * took what the cache answered within the caller's age limit.
 */
import { type CallContext, callTool } from "../tools/call";
import { ALL_TOOLS } from "../tools/registry";
import type { InnerCall } from "./job";

const byName = new Map(ALL_TOOLS.map((t) => [t.name, t]));

export function innerCall(ctx: CallContext): InnerCall {
  const context: CallContext = { ...ctx, freshLookups: true };
  return (name, args) => callTool(byName.get(name)!, args, context);
}
