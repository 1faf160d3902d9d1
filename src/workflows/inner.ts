/**
 * How a job calls the tools it is made of: through callTool, as the job's user,
 * so every policy (scope, budget, pacing, do-not-contact) holds for each step
 * exactly as for a call from a client. The cache is not read: the plan already
 * took what the cache answered within the caller's age limit.
 */
import { type CallContext, callTool } from "../tools/call";
import { LISTED_BY_NAME } from "../tools/listed";
import type { InnerCall } from "./job";

export function innerCall(ctx: CallContext): InnerCall {
  const context: CallContext = { ...ctx, freshLookups: true };
  return (name, args) => callTool(LISTED_BY_NAME.get(name)!, args, context);
}
