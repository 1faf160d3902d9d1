/**
 * The spend and send policy as one call meets it (src/tools/call.ts runs
 * these in order): the token's scope and the do-not-contact lists before a
 * preview or a call (`admit`), then the day's budget around the upstream
 * requests (`holdBudget`), with the enrichment cache in front of paid lookups.
 * Every refusal here happens before the call's own request is sent.
 */
import type { Config } from "../config";
import type { Args, ListedTool, ToolDefinition } from "../tools/define";
import { LISTED_BY_NAME } from "../tools/listed";
import { DEFAULT_TOOL_NAMES } from "../tools/toolsets";
import { ToolError } from "../upstream/errors";
import { type Budget, budgetExceeded, budgetFor, maxCost, reserve } from "./budgets";
import { applyDoNotContact, type ContactReport } from "./do-not-contact";
import { type ClientCampaigns, checkScope, type ToolFacts } from "./scopes";
import type { Services } from "./stores";

export interface PolicyContext {
  config: Config;
  user: string;
  services: Services;
}

/** The facts the scope rules judge a tool by (its argument names from the recorded listing, so no zod schema is read). */
export function factsOf(tool: ToolDefinition | ListedTool): ToolFacts {
  return {
    name: tool.name,
    toolset: tool.toolset,
    base: tool.base,
    readOnly: tool.annotations.readOnlyHint,
    inDefault: DEFAULT_TOOL_NAMES.includes(tool.name),
    inputs: Object.keys(("inputSchema" in tool ? tool : LISTED_BY_NAME.get(tool.name))?.inputSchema.properties ?? {}),
  };
}

/**
 * Scope, then do-not-contact: throws `forbidden` or `do_not_contact`, or
 * returns the arguments to send (blocked leads dropped) and what was dropped.
 */
export async function admit(
  tool: ToolDefinition,
  args: Args,
  ctx: PolicyContext,
  clientCampaigns: ClientCampaigns,
): Promise<{ args: Args; report?: ContactReport }> {
  await checkScope(ctx.config.scopes.get(ctx.user), factsOf(tool), args, clientCampaigns);
  return applyDoNotContact(tool, args, ctx.config.doNotContact, ctx.services.contactList);
}

function budgetOf(tool: ToolDefinition, ctx: PolicyContext): Budget | undefined {
  const budget = budgetFor(tool, ctx.user, ctx.config.budgets);
  if (budget && !ctx.services.ledger) {
    throw new ToolError(
      "not_configured",
      "Daily budgets are set but this deployment lacks the CREDIT_LEDGER Durable Object binding, so paid calls are refused.",
    );
  }
  return budget;
}

/** For a preview: refuses now, rather than after confirmation, a call the budget cannot cover. Reserves nothing. */
export async function checkBudget(tool: ToolDefinition, args: Args, ctx: PolicyContext): Promise<void> {
  const budget = budgetOf(tool, ctx);
  if (!budget) return;
  const needed = maxCost(tool, args);
  const use = (await ctx.services.ledger!.status(ctx.user))[budget.meter];
  if (use.used + use.reserved + needed > budget.limit) throw budgetExceeded(budget, needed, use, Date.now());
}

/** What a call has seen of the upstream, to settle its reservation when it fails. */
export interface Spent {
  /** A response came back with 2xx: the upstream acted. */
  answered: boolean;
  /** The sum of X-Credits-Cost over the responses, when any carried it. */
  headerCost?: number;
}

/**
 * What a failed call is charged: nothing when the upstream cannot have acted,
 * what it reported when it answered, and the whole reservation (undefined)
 * when it may have acted without saying what it cost.
 */
export function failureCharge(error: unknown, spent: Spent): number | undefined {
  if (spent.answered) return spent.headerCost;
  if (error instanceof ToolError && !error.details.may_have_acted) return 0;
  return undefined;
}

/**
 * Reserves the call's maximum cost against the caller's budget (throws
 * `budget_exceeded`); returns the settle function, or undefined when the call
 * is free or unlimited for this caller.
 */
export async function holdBudget(tool: ToolDefinition, args: Args, ctx: PolicyContext): Promise<((actual: number | undefined) => Promise<void>) | undefined> {
  const budget = budgetOf(tool, ctx);
  if (!budget) return undefined;
  // An unsettled hold outlives the call's deadline by a minute before it counts as spent.
  return reserve(ctx.services.ledger!, budget, maxCost(tool, args), ctx.config.timeoutMs + 60_000);
}
