/**
 * Confirmation through the client: for a client that can ask the person
 * (2026-07-28 input-required results; form elicitation on an /sse session),
 * a two-step tool's preview becomes a question — what will happen, to what —
 * and the person's answer replaces the agent's second call.
 *
 * It is built on the token, not beside it: the preview still mints the
 * single-use HMAC token, and an approval carries the call out by presenting
 * that token to callTool, which verifies and consumes it exactly as on the
 * token path (scopes, budgets, do-not-contact and preflight run again there).
 * A decline or cancel spends the token, so a refused action cannot be carried
 * out later with it.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { sha256Hex } from "../crypto";
import { type CallContext, type CallExtras, callTool } from "../tools/call";
import { CONFIRMATION_FIELD, CONFIRMATION_TTL_SECONDS } from "../tools/confirm";
import type { ListedTool } from "../tools/define";
import { successResult } from "../tools/results";

/** The one field the person answers: approve (true) or not. */
export const APPROVAL_FIELD = "approve";

/** A form elicitation, as both SDK generations send it. */
export interface ApprovalQuestion {
  mode: "form";
  message: string;
  requestedSchema: {
    type: "object";
    properties: Record<string, { type: "boolean"; title: string; description: string; default: boolean }>;
    required: string[];
  };
}

/** What the client sent back for the question (an elicitation result). */
export interface ApprovalAnswer {
  action: "accept" | "decline" | "cancel";
  content?: Record<string, unknown>;
}

/** Whether declared client capabilities cover a form elicitation (an empty `elicitation` object means form). */
export function canAskForm(capabilities: { elicitation?: object } | undefined): boolean {
  const elicitation = capabilities?.elicitation as { form?: unknown; url?: unknown } | undefined;
  if (!elicitation) return false;
  return elicitation.form !== undefined || elicitation.url === undefined;
}

/**
 * The question for a preview the person can answer, with the token an approval
 * presents; undefined for any other result (an error, a done call, a preview
 * the preflight already blocks: approving that would only be refused).
 */
export function pendingApproval(result: CallToolResult): { token: string; question: ApprovalQuestion } | undefined {
  const data = result.structuredContent as Record<string, unknown> | undefined;
  if (result.isError || data?.confirmation_required !== true || data.blocked !== undefined) return undefined;
  const token = data[CONFIRMATION_FIELD];
  if (typeof token !== "string") return undefined;
  const target = data.target && typeof data.target === "object" ? describeTarget(data.target as Record<string, unknown>) : "";
  const message = `${String(data.action)}${target ? ` Target: ${target}.` : ""} Approve this action? (${String(data.tool)})`;
  return {
    token,
    question: {
      mode: "form",
      message,
      requestedSchema: {
        type: "object",
        properties: {
          [APPROVAL_FIELD]: { type: "boolean", title: "Approve", description: "Carry this out now.", default: false },
        },
        required: [APPROVAL_FIELD],
      },
    },
  };
}

function describeTarget(target: Record<string, unknown>): string {
  return Object.entries(target)
    .filter(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/** Approval is an accepted answer whose approve field is exactly true; anything else is not. */
export function isApproved(answer: ApprovalAnswer | undefined): boolean {
  return answer?.action === "accept" && answer.content?.[APPROVAL_FIELD] === true;
}

/** The arguments that carry out an approved preview: the same call, presenting its token. */
export function withToken(args: Record<string, unknown> | undefined, token: string): Record<string, unknown> {
  return { ...args, [CONFIRMATION_FIELD]: token };
}

/** What the person's answer to a preview's question does: approved, the call presenting the token; otherwise nothing. */
export function answered(
  tool: ListedTool,
  args: Record<string, unknown> | undefined,
  token: string,
  answer: ApprovalAnswer,
  ctx: CallContext,
  extras: CallExtras,
): Promise<CallToolResult> {
  return isApproved(answer) ? callTool(tool, withToken(args, token), ctx, extras) : notDone(tool.name, token, answer, ctx);
}

/**
 * A call on a session that can put a question to the client while the call
 * waits (form elicitation on /sse): a preview is asked, and the answer decides.
 * When the question cannot be put or gets no answer (`ask` throws), the
 * preview stands, with its token.
 */
export async function callAsking(
  tool: ListedTool,
  args: Record<string, unknown> | undefined,
  ctx: CallContext,
  extras: CallExtras,
  ask: (question: ApprovalQuestion) => Promise<ApprovalAnswer>,
): Promise<CallToolResult> {
  const result = await callTool(tool, args, ctx, extras);
  const pending = pendingApproval(result);
  if (!pending) return result;
  let answer: ApprovalAnswer;
  try {
    answer = await ask(pending.question);
  } catch {
    return result;
  }
  return answered(tool, args, pending.token, answer, ctx, extras);
}

/**
 * The answer when the person did not approve: nothing was done (not an error:
 * the call worked, the person said no), and the token is spent so that the
 * refused action cannot be carried out with it afterwards.
 */
export async function notDone(tool: string, token: string, answer: ApprovalAnswer | undefined, ctx: CallContext): Promise<CallToolResult> {
  await spend(token, ctx);
  const approval = answer?.action === "cancel" ? "cancelled" : "declined";
  return successResult({
    data: { done: false, tool, approval },
    summary: `Not done: the person ${approval === "cancelled" ? "cancelled the request" : "did not approve it"}. Nothing was changed. Call ${tool} again for a new preview if it should still happen.`,
  });
}

/**
 * Marks the token used. Only a token of the shape callTool mints, whose expiry
 * lies within one lifetime from now, is recorded: the ledger holds nothing
 * longer than a real token would, whatever a client echoes back.
 */
async function spend(token: string, ctx: CallContext): Promise<void> {
  const expiresAt = Number(token.split(".")[0]) * 1000;
  const now = Date.now();
  if (!Number.isInteger(expiresAt) || expiresAt <= now || expiresAt > now + (CONFIRMATION_TTL_SECONDS + 60) * 1000) return;
  await ctx.services.usedTokens?.consume(await sha256Hex(token), expiresAt).catch(() => false);
}
