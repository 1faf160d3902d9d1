/**
 * The MCP server both transports share: one low-level SDK Server whose
 * tools/list answers from the registry's per-isolate listing cache and whose
 * tools/call goes through callTool. Using the low-level Server (not McpServer)
 * means no tool is registered per request: a request costs a lookup, not a rebuild.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { Protocol } from "@modelcontextprotocol/sdk/shared/protocol.js";
import { ErrorCode, GetPromptRequestSchema, ListPromptsRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { z } from "zod";
import type { Config } from "../config";
import type { Services } from "../policy/services";
import { type CallContext, callTool, confirmerFor } from "../tools/call";
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

const INSTRUCTIONS =
  "Tools for SmartLead (cold-email campaigns, leads, mailboxes, inbox, analytics, deliverability) and LeadMagic (B2B enrichment). " +
  "Tools that delete, stop, or send email return a preview and a confirmation_token first; call again with the token to carry it out. " +
  "Tools that spend credits say so in their description; a daily budget may bound them (gtm_get_budget shows what is left). " +
  "Tools this connection does not list can still be found with gtm_search_tools and run with gtm_call_tool. " +
  "Leads and recipients on the do-not-contact list are never imported or emailed.";

/**
 * One validator per isolate. Without it every Server builds its own Ajv
 * instance (slow, and Ajv's code generation cannot run in workerd anyway).
 */
const jsonSchemaValidator = new CfWorkerJsonSchemaValidator();

/**
 * A JSON-RPC error the SDK passes on as it is: its `code`, and its message
 * without the "MCP error -326xx:" prefix that the SDK's McpError bakes into
 * the message (a client adds that prefix itself, so it would show twice).
 */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * tools/call is registered with this loose schema, below the SDK Server's own
 * tools/call wrapper: that wrapper and the strict request schema answer a
 * malformed call (say `"arguments": "x"`) with a multi-line zod dump, and as an
 * internal error (-32603). We check the two fields ourselves and say what is wrong.
 */
const ToolsCallRequest = z.looseObject({ method: z.literal("tools/call"), params: z.unknown() });

function callParams(params: unknown): { name: string; arguments?: Record<string, unknown> } {
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

/** The progress token a request carries in params._meta, when the client wants progress notifications. */
export function progressTokenOf(params: unknown): string | number | undefined {
  const token = (params as { _meta?: { progressToken?: unknown } } | undefined)?._meta?.progressToken;
  return typeof token === "string" || typeof token === "number" ? token : undefined;
}

export function createMcpServer(state: () => SessionState): Server {
  const server = new Server(
    { name: SERVER_NAME, version: VERSION, title: "GTM edge MCP (SmartLead + LeadMagic)" },
    { capabilities: { tools: { listChanged: false }, prompts: { listChanged: false } }, instructions: INSTRUCTIONS, jsonSchemaValidator },
  );
  server.setRequestHandler(ListPromptsRequestSchema, () => ({
    prompts: PLAYBOOKS.map(({ name, title, description, arguments: args }) => ({ name, title, description, arguments: args })),
  }));
  server.setRequestHandler(GetPromptRequestSchema, (request) => {
    const { name, arguments: args } = request.params;
    let text: string;
    try {
      text = playbookText(name, args);
    } catch (err) {
      throw new ProtocolError(ErrorCode.InvalidParams, (err as Error).message);
    }
    const playbook = PLAYBOOKS.find((p) => p.name === name)!;
    return { description: playbook.description, messages: [{ role: "user" as const, content: { type: "text" as const, text } }] };
  });
  server.setRequestHandler(ListToolsRequestSchema, () => {
    const s = state();
    return listing(s.selection, s.config);
  });
  Protocol.prototype.setRequestHandler.call(server, ToolsCallRequest, (request, extra) => {
    const s = state();
    const params = callParams(request.params);
    const tool = s.selection.tools.get(params.name);
    const refusal = tool ? undefined : scopeRefusal(params.name, s.config, s.call.user);
    // A tool the token's scope rules out is refused as a tool error, the same as when a scope check fails in a call.
    if (refusal) return errorResult(new ToolError("forbidden", refusal));
    if (!tool) {
      throw new ProtocolError(
        ErrorCode.InvalidParams,
        `Unknown tool: ${params.name}. It does not exist, or it is not in this connection's toolsets (see ?toolsets=, ?read_only=).`,
      );
    }
    const progressToken = progressTokenOf(request.params);
    const progress =
      progressToken === undefined
        ? undefined
        : (done: number, total: number, message: string) =>
            extra.sendNotification({ method: "notifications/progress", params: { progressToken, progress: done, total, message } });
    return callTool(tool, params.arguments, s.call, { progress });
  });
  return server;
}
