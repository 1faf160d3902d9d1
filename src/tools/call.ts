/**
 * Executes one tools/call: validate, confirm (two-step tools, each token once),
 * forward, shape, scrub, log. Nothing thrown here reaches the MCP SDK as a
 * protocol error: every failure becomes an isError result with a safe message.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { Config } from "../config";
import { sha256Hex } from "../crypto";
import { log } from "../log";
import { maxCost, reportedCharge } from "../policy/budgets";
import { cacheable, cachedOutcome, keepOutcome } from "../policy/enrichment-cache";
import { admit, checkBudget, failureCharge, holdBudget, type Spent } from "../policy/gate";
import { type ClientCampaigns, cachedClientCampaigns } from "../policy/scopes";
import type { Services } from "../policy/stores";
import { type ClientDeps, type Pacing, UpstreamClient } from "../upstream/client";
import { ToolError } from "../upstream/errors";
import { upstreamOf } from "../upstream/hosts";
import { CONFIRMATION_FIELD, type Confirmer, createConfirmer } from "./confirm";
import { type Args, type ListedTool, MAX_UPSTREAM_REQUESTS_PER_CALL, type Plan, type RunContext, type ToolDefinition, type ToolOutcome } from "./define";
import { fillPath, forward } from "./forward";
import { callPolicy, needsConfirmation } from "./kinds";
import { LISTED_BY_NAME } from "./listed";
import { definitionOf } from "./modules";
import { reachableTools, scopeRefusal } from "./registry";
import { errorResult, internalError, scrubbedResult, successResult } from "./results";
import { maskSecrets } from "./secrets";

export interface CallContext {
  config: Config;
  /** Identity of the caller (token name or OAuth user), for scopes, budgets, confirmation tokens and logs. */
  user: string;
  /** Key material for confirmation tokens. */
  confirmer: Confirmer;
  /** The state kept beyond one request (used tokens, budgets, the do-not-contact list, the enrichment cache). */
  services: Services;
  /** Test seam for the upstream client (clock, sleep, fetch). */
  deps?: ClientDeps;
  /** Read no answer from the enrichment cache (new answers are still kept): a job whose plan already took what the cache knew. */
  freshLookups?: boolean;
  /** The connection is read-only (?read_only or MCP_READ_ONLY): what gtm_call_tool may reach follows it. */
  readOnly: boolean;
}

/** The confirmer for a deployment: CONFIRMATION_SECRET, or a key derived from the configured secrets. */
export function confirmerFor(config: Config): Confirmer {
  const material = config.confirmationSecret ?? `derived\n${config.keys.smartlead ?? ""}\n${config.keys.leadmagic ?? ""}`;
  return createConfirmer(material);
}

/** zod issues → one sentence naming the fields at fault. */
function invalidInput(error: z.ZodError): ToolError {
  const issues = error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join(".") : "input"}: ${i.message}`);
  const field = error.issues[0]?.path.join(".") || undefined;
  return new ToolError("invalid_input", `Invalid arguments — ${issues.join("; ")}.`, { field });
}

/** What one request adds to a call: how to report progress, when the client sent a progress token. */
export interface CallExtras {
  progress?: (done: number, total: number, message: string) => Promise<void>;
  /** The delegating tool the call came through (gtm_call_tool), so a preview says how to confirm through it. */
  via?: string;
}

/** Calls a listed tool (its definition loaded on first use, ./modules.ts). */
export async function callTool(listed: ListedTool, rawArgs: unknown, ctx: CallContext, extras: CallExtras = {}): Promise<CallToolResult> {
  let tool: ToolDefinition;
  try {
    tool = await definitionOf(listed);
  } catch (err) {
    // A module that cannot load is this server's fault: an isError result like any other, never a protocol error.
    return scrubbedResult(errorResult(asToolError(err, listed.name)), ctx.config.scrub);
  }
  if (tool.delegate) return callNamed(tool, rawArgs, ctx, extras);
  const started = Date.now();
  const upstream = tool.base === "local" ? "local" : upstreamOf(tool.base);
  let outcome: "ok" | "error" | "preview" = "ok";
  let status: number | undefined;
  let attempts: number | undefined;
  let credits: number | undefined;
  let errorCode: string | undefined;
  try {
    const { [CONFIRMATION_FIELD]: token, ...input } = (rawArgs ?? {}) as Args;
    const confirm = needsConfirmation(tool, ctx.config);
    if (token !== undefined && !confirm) {
      throw new ToolError("invalid_input", `${CONFIRMATION_FIELD} is not an argument of this tool.`, { field: CONFIRMATION_FIELD });
    }
    const parsed = tool.input.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error);
    const args = parsed.data;

    const client = new UpstreamClient(ctx.config, callPolicy(tool), ctx.deps, pacingOf(ctx));
    let requests = 0;
    const spent: Spent = { answered: false };
    const run: RunContext = {
      user: ctx.user,
      config: ctx.config,
      services: ctx.services,
      reachable: () => [...reachableTools(ctx.config, ctx.user, ctx.readOnly).values()],
      progress: async (done, total, message) => {
        await extras.progress?.(done, total, message).catch(() => {});
      },
      call: async (request) => {
        if (++requests > MAX_UPSTREAM_REQUESTS_PER_CALL) {
          throw new ToolError(
            "invalid_input",
            `This call would make more than ${MAX_UPSTREAM_REQUESTS_PER_CALL} upstream requests; split it into smaller calls.`,
          );
        }
        const base = request.base ?? (tool.base === "local" ? undefined : tool.base);
        if (!base) throw new Error(`${tool.name} runs locally and must name the host of each request`);
        const response = await client.request({ ...request, base });
        status = response.status;
        attempts = (attempts ?? 0) + response.attempts;
        spent.answered = true;
        if (response.creditsCost !== undefined) spent.headerCost = (spent.headerCost ?? 0) + response.creditsCost;
        return response;
      },
    };

    // Scope and do-not-contact hold for previews too: a preview never offers what the call would refuse.
    const admitted = await admit(tool, args, ctx, clientCampaigns(ctx, client));
    // A plan is worked out afresh for the preview and for the call, and the token is bound to it.
    const plan = tool.confirm?.plan ? await tool.confirm.plan(admitted.args, run) : undefined;
    run.plan = plan;
    const signed = plan ? { ...args, plan_fingerprint: plan.fingerprint } : args;
    let result: ToolOutcome;
    if (confirm && token === undefined) {
      outcome = "preview";
      await checkBudget(tool, admitted.args, ctx);
      result = await preview(tool, signed, admitted.args, plan, ctx, extras.via);
    } else {
      let expiresAt: number | undefined;
      if (confirm) {
        if (typeof token !== "string") throw new ToolError("invalid_input", `${CONFIRMATION_FIELD} must be a string.`, { field: CONFIRMATION_FIELD });
        expiresAt = await verifyToken(token, tool, signed, Boolean(plan), ctx);
      }
      if (plan?.refusal) throw new ToolError("preflight_blocked", plan.refusal);
      const cache = ctx.config.enrichmentCacheDays > 0 && cacheable(tool) ? ctx.services.cache : undefined;
      const hit = cache && !ctx.freshLookups ? await cachedOutcome(cache, tool, admitted.args) : undefined;
      if (hit) {
        result = hit;
      } else {
        const settle = await holdBudget(tool, admitted.args, ctx);
        // What the call's own requests (not its plan's reads) saw decides what a failure is charged.
        Object.assign(spent, { answered: false, headerCost: undefined });
        try {
          if (expiresAt !== undefined) await useOnce(token as string, expiresAt, ctx);
          result = await forward(tool, admitted.args, run);
        } catch (err) {
          await afterTheFact(tool, "budget_settle", settle?.(failureCharge(err, spent)));
          throw err;
        }
        const charged = reportedCharge(tool, result.data, spent.headerCost);
        credits = charged;
        await afterTheFact(tool, "budget_settle", settle?.(charged));
        const kept = cache && keepOutcome(cache, ctx.config.enrichmentCacheDays, tool, admitted.args, result, charged ?? maxCost(tool, admitted.args));
        await afterTheFact(tool, "cache_put", kept || undefined);
      }
    }
    if (admitted.report) result = { ...result, data: { ...result.data, do_not_contact: admitted.report } };
    return scrubbedResult(successResult(result), ctx.config.scrub);
  } catch (err) {
    outcome = "error";
    const toolError = asToolError(err, tool.name);
    errorCode = toolError.code;
    status ??= toolError.details.status;
    attempts ??= toolError.details.attempts;
    return scrubbedResult(errorResult(toolError), ctx.config.scrub);
  } finally {
    log({
      event: "tool_call",
      user: ctx.user,
      tool: tool.name,
      kind: tool.kind,
      upstream,
      outcome,
      error_code: errorCode,
      http_status: status,
      attempts,
      latency_ms: Date.now() - started,
      credits,
    });
  }
}

/** A failure as the tool error a result carries: an unexpected one is logged (by name only) and answered as internal. */
function asToolError(err: unknown, where: string): ToolError {
  if (err instanceof ToolError) return err;
  log({ event: "internal_error", where, error_name: err instanceof Error ? err.name : typeof err });
  return internalError();
}

/** Every upstream request of a call takes its turn in its key's budget, as the caller. */
function pacingOf(ctx: CallContext): Pacing | undefined {
  return ctx.services.pacer ? { pacer: ctx.services.pacer, user: ctx.user } : undefined;
}

/**
 * A delegating tool (gtm_call_tool): its own input checked, then the tool it
 * names called through callTool as a direct call would be, so validation,
 * scope, do-not-contact, budgets, confirmation, errors and the audit log are
 * that tool's own. It reaches only what this connection could select.
 */
async function callNamed(tool: ToolDefinition, rawArgs: unknown, ctx: CallContext, extras: CallExtras): Promise<CallToolResult> {
  const started = Date.now();
  let target: { tool: ListedTool; args: Args };
  try {
    const parsed = tool.input.safeParse(rawArgs ?? {});
    if (!parsed.success) throw invalidInput(parsed.error);
    const named = tool.delegate!.target(parsed.data);
    target = { tool: reachableTool(tool, named.name, ctx), args: named.args };
  } catch (err) {
    const toolError = asToolError(err, tool.name);
    log({
      event: "tool_call",
      user: ctx.user,
      tool: tool.name,
      kind: tool.kind,
      upstream: "local",
      outcome: "error",
      error_code: toolError.code,
      latency_ms: Date.now() - started,
    });
    return scrubbedResult(errorResult(toolError), ctx.config.scrub);
  }
  return callTool(target.tool, target.args, ctx, { ...extras, via: tool.name });
}

/** The tool a delegating tool names, when this connection could run it; otherwise why not. */
function reachableTool(via: ToolDefinition, name: string, ctx: CallContext): ListedTool {
  const tool = reachableTools(ctx.config, ctx.user, ctx.readOnly).get(name);
  if (tool && (tool.delegate || tool.toolset === via.toolset)) {
    throw new ToolError("invalid_input", `${via.name} does not run ${name}: call ${name} directly.`, { field: "name" });
  }
  if (tool) return tool;
  const scope = scopeRefusal(name, ctx.config, ctx.user);
  if (scope) throw new ToolError("forbidden", scope);
  if (ctx.readOnly && LISTED_BY_NAME.get(name)?.annotations.readOnlyHint === false) {
    throw new ToolError("forbidden", `This connection is read-only; ${name} changes data, sends or spends, so ${via.name} cannot run it.`);
  }
  throw new ToolError(
    "invalid_input",
    `No tool named ${name} can run on this connection: it does not exist or this deployment does not offer it. Find tools with gtm_search_tools.`,
    { field: "name" },
  );
}

/** The campaigns of a SmartLead client, for a client-scoped token: a read with the call's own deadline. */
function clientCampaigns(ctx: CallContext, client: UpstreamClient): ClientCampaigns {
  return cachedClientCampaigns(ctx.config.baseUrls.smartlead, async (id) => {
    const response = await client.request({ base: "smartlead", method: "GET", path: "/campaigns", query: { client_id: String(id) } });
    return response.data;
  });
}

/**
 * Book-keeping after the fact (settling a budget, keeping a cache entry) must
 * not turn a call that happened into an error: a failure is logged, and an
 * unsettled hold counts in full when it expires.
 */
async function afterTheFact(tool: ToolDefinition, what: "budget_settle" | "cache_put", work: Promise<void> | undefined): Promise<void> {
  await work?.catch((err: unknown) =>
    log({ event: "internal_error", where: `${tool.name}:${what}`, error_name: err instanceof Error ? err.name : typeof err }),
  );
}

/** Checks the token against the call (and its plan, worked out again): when it was made for another plan, says so. */
async function verifyToken(token: string, tool: ToolDefinition, signed: Args, planned: boolean, ctx: CallContext): Promise<number> {
  try {
    return await ctx.confirmer.verify(token, tool.name, signed, ctx.user);
  } catch (err) {
    if (!planned || !(err instanceof ToolError) || !/does not match/.test(err.message)) throw err;
    throw new ToolError(
      "confirmation_invalid",
      `The confirmation token does not match these arguments and the current plan: what the call would do has changed since the preview (the upstream's state or a list moved). Call ${tool.name} again without ${CONFIRMATION_FIELD} for a fresh preview.`,
      { field: CONFIRMATION_FIELD },
    );
  }
}

/** A confirmation token carries out one call: the second presentation is refused, across isolates. */
async function useOnce(token: string, expiresAt: number, ctx: CallContext): Promise<void> {
  const usedTokens = ctx.services.usedTokens;
  if (!usedTokens) {
    throw new ToolError("not_configured", "Confirmed calls need the CONFIRM_LEDGER Durable Object binding, which this deployment lacks.");
  }
  if (!(await usedTokens.consume(await sha256Hex(token), expiresAt))) {
    throw new ToolError(
      "confirmation_invalid",
      `This confirmation token has already been used: each one carries out a single call. Call the tool again without ${CONFIRMATION_FIELD} for a fresh preview.`,
      { field: CONFIRMATION_FIELD },
    );
  }
}

/**
 * First step of a two-step tool: say what would happen, to what, and hand out
 * a token. No write is made. The token is for the arguments as given (`args`);
 * the preview shows what would be sent (`sent`: after the do-not-contact lists).
 */
async function preview(tool: ToolDefinition, args: Args, sent: Args, plan: Plan | undefined, ctx: CallContext, via?: string): Promise<ToolOutcome> {
  const spec = tool.confirm!;
  const data: Record<string, unknown> = {
    confirmation_required: true,
    tool: tool.name,
    action: spec.action(sent),
    // What will be sent, less any credential (a mailbox password is withheld, not echoed).
    arguments: maskSecrets(sent),
  };
  if (plan) data.plan = plan.details;
  if (plan?.refusal) data.blocked = plan.refusal;
  if (spec.lookup) {
    try {
      const client = new UpstreamClient(ctx.config, { retryable: true, hasSideEffects: false }, ctx.deps, pacingOf(ctx));
      const base = spec.lookup.base ?? (tool.base === "local" ? undefined : tool.base);
      if (!base) throw new ToolError("upstream_bad_response", "This preview's lookup names no host.");
      const found = await client.request({ base, method: "GET", path: fillPath(spec.lookup.path, args) });
      if (found.data && typeof found.data === "object" && !Array.isArray(found.data)) {
        const record = found.data as Record<string, unknown>;
        data.target = Object.fromEntries(spec.lookup.pick.filter((k) => k in record).map((k) => [k, record[k]]));
      }
    } catch (err) {
      // The preview still stands without it; say why the details are missing.
      data.target_lookup_error = err instanceof ToolError ? err.code : "unavailable";
    }
  }
  const { token, expiresAt } = await ctx.confirmer.issue(tool.name, args, ctx.user);
  data[CONFIRMATION_FIELD] = token;
  data.expires_at = expiresAt;
  return {
    data,
    summary: `Not done yet — confirmation required. ${data.action as string} To proceed, call ${via ? `${via} again with name "${tool.name}",` : `${tool.name} again with`} the same arguments and ${CONFIRMATION_FIELD}="${token}" (valid 5 minutes).`,
  };
}
