/**
 * What the server answers, whichever protocol generation carries the request:
 * the SDK v1 Server (2025-era revisions, both transports: ./server.ts) and the
 * SDK v2 Server (2026-07-28 on /mcp: ./modern.ts) are thin adapters that
 * register these functions. A new method (resources/list, …) is added here
 * once and registered by both.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { listResources, readResource } from "../apps/resources";
import type { Config } from "../config";
import type { Services } from "../policy/services";
import { type CallContext, type CallExtras, confirmerFor } from "../tools/call";
import type { ListedTool } from "../tools/define";
import { listing, type Selection, scopeRefusal } from "../tools/registry";
import { errorResult } from "../tools/results";
import { ToolError } from "../upstream/errors";
import { SERVER_NAME, VERSION } from "../version";
import { PLAYBOOKS, playbookText } from "../workflows/prompts";

export interface SessionState {
  config: Config;
  selection: Selection;
  call: CallContext;
}

/**
 * What one connection works with, for either transport: the deployment's
 * config, the tools it selected, who is calling, and the state kept beyond one
 * request (Durable Objects and KV in the Worker: see src/policy/services.ts).
 */
export function sessionState(config: Config, selection: Selection, user: string, services: Services): SessionState {
  return { config, selection, call: { config, user, confirmer: confirmerFor(config), services, readOnly: selection.readOnly } };
}

export const SERVER_INFO = { name: SERVER_NAME, version: VERSION, title: "GTM edge MCP (SmartLead + LeadMagic)" };

export const CAPABILITIES = { tools: { listChanged: false }, prompts: { listChanged: false }, resources: { listChanged: false } };

export const INSTRUCTIONS =
  "Tools for SmartLead (cold-email campaigns, leads, mailboxes, inbox, analytics, deliverability) and LeadMagic (B2B enrichment). " +
  "Tools that delete, stop, or send email return a preview and a confirmation_token first; call again with the token to carry it out " +
  "(clients that can ask the person are asked directly instead). " +
  "Tools that spend credits say so in their description; a daily budget may bound them (gtm_get_budget shows what is left). " +
  "Tools this connection does not list can still be found with gtm_search_tools and run with gtm_call_tool. " +
  "Leads and recipients on the do-not-contact list are never imported or emailed.";

/**
 * A JSON-RPC error both SDK generations pass on as it is (each reads a numeric
 * `code`): its `code`, and its message without the "MCP error -326xx:" prefix
 * that the v1 SDK's McpError bakes into the message (a client adds that prefix
 * itself, so it would show twice).
 */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** The error's `data` member, when the spec asks for one (e.g. the uri of a resource not found). */
    readonly data?: unknown,
  ) {
    super(message);
  }
}

export function listPrompts() {
  return { prompts: PLAYBOOKS.map(({ name, title, description, arguments: args }) => ({ name, title, description, arguments: args })) };
}

export function getPrompt(name: string, args: Record<string, string> | undefined) {
  let text: string;
  try {
    text = playbookText(name, args);
  } catch (err) {
    throw new ProtocolError(ErrorCode.InvalidParams, (err as Error).message);
  }
  const playbook = PLAYBOOKS.find((p) => p.name === name)!;
  return { description: playbook.description, messages: [{ role: "user" as const, content: { type: "text" as const, text } }] };
}

/** The MCP Apps views (src/apps/): the same for every user and selection. */
export { listResources };

/** No templates, but clients that see the resources capability ask. */
export function listResourceTemplates() {
  return { resourceTemplates: [] };
}

export function getResource(uri: string) {
  const found = readResource(uri);
  if (!found) {
    throw new ProtocolError(ErrorCode.InvalidParams, `Unknown resource: ${uri.slice(0, 200)}. resources/list names the views this server serves.`, {
      uri,
    });
  }
  return found;
}

export function listTools(s: SessionState) {
  return listing(s.selection, s.config);
}

/** A tools/call's params, checked here so a malformed call says what is wrong (not a schema dump, not -32603). */
export function callParams(params: unknown): { name: string; arguments?: Record<string, unknown> } {
  const invalid = (why: string) => new ProtocolError(ErrorCode.InvalidParams, `Invalid tools/call request: ${why}.`);
  if (!params || typeof params !== "object" || Array.isArray(params)) throw invalid("params must be an object with the tool's name");
  const { name, arguments: args } = params as Record<string, unknown>;
  if (typeof name !== "string" || name === "") throw invalid("params.name must be the tool's name (a string)");
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) {
    throw invalid(
      `params.arguments must be an object of named arguments, not ${args === null ? "null" : Array.isArray(args) ? "an array" : `a ${typeof args}`}`,
    );
  }
  return { name, arguments: args as Record<string, unknown> | undefined };
}

/**
 * The tool a tools/call names, or the result that refuses it: a tool the
 * token's scope rules out is a tool error (as when a scope check fails in a
 * call); one that is not in this connection at all is a protocol error.
 */
export function toolFor(s: SessionState, name: string): { tool: ListedTool } | { refused: CallToolResult } {
  const tool = s.selection.tools.get(name);
  if (tool) return { tool };
  const refusal = scopeRefusal(name, s.config, s.call.user);
  if (refusal) return { refused: errorResult(new ToolError("forbidden", refusal)) };
  throw new ProtocolError(
    ErrorCode.InvalidParams,
    `Unknown tool: ${name}. It does not exist, or it is not in this connection's toolsets (see ?toolsets=, ?read_only=).`,
  );
}

/** The progress token a request carries in params._meta, when the client wants progress notifications. */
export function progressTokenOf(params: unknown): string | number | undefined {
  const token = (params as { _meta?: { progressToken?: unknown } } | undefined)?._meta?.progressToken;
  return typeof token === "string" || typeof token === "number" ? token : undefined;
}

type ProgressNotification = {
  method: "notifications/progress";
  params: { progressToken: string | number; progress: number; total: number; message: string };
};

/** What a tools/call request adds to the call: progress notifications, sent with `notify`, when it carries a progress token. */
export function extrasFor(params: unknown, notify: (notification: ProgressNotification) => Promise<void>): CallExtras {
  const progressToken = progressTokenOf(params);
  if (progressToken === undefined) return {};
  return {
    progress: (done, total, message) => notify({ method: "notifications/progress", params: { progressToken, progress: done, total, message } }),
  };
}
