/**
 * The SDK v2 adapter: MCP 2026-07-28 on /mcp (stateless by design: no
 * initialize, server/discover, a `_meta` envelope on every request, the
 * Mcp-Method / Mcp-Name headers checked against the body, ttlMs / cacheScope
 * on list results, input-required results instead of server→client requests).
 * The SDK's createMcpHandler runs that protocol ladder; the handlers it serves
 * are the shared ones of ./handlers.ts, on a low-level v2 Server built per
 * request (handlers only; listings are cached per isolate).
 *
 * A two-step tool asks the person through the client when its request
 * declared form elicitation: the preview comes back as an input-required
 * result whose requestState is the preview's confirmation token, and the
 * client's retry carries the answer (./approval.ts).
 */
import {
  type CallToolResult,
  createMcpHandler,
  inputRequired,
  inputResponse,
  type ListToolsResult,
  type McpRequestContext,
  Server,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/server/validators/cf-worker";
import { callTool } from "../tools/call";
import { CONFIRMATION_FIELD } from "../tools/confirm";
import { answered, canAskForm, pendingApproval } from "./approval";
import * as shared from "./handlers";

/** The key of the one input request a confirmation asks (echoed back in inputResponses). */
export const APPROVAL_REQUEST = "approval";

/**
 * Lists may be cached by the client for five minutes: they change only with a
 * deployment. Private, because what a connection lists depends on the caller's
 * token (its scopes) and its ?toolsets=.
 */
const LIST_CACHE = { ttlMs: 300_000, cacheScope: "private" as const };

const jsonSchemaValidator = new CfWorkerJsonSchemaValidator();

/** The session of each request in flight, for the factory createMcpHandler calls with that request. */
const sessions = new WeakMap<Request, shared.SessionState>();

function modernServer(ctx: McpRequestContext): Server {
  const s = ctx.requestInfo && sessions.get(ctx.requestInfo);
  if (!s) throw new Error("2026-07-28 request without a session");
  return createModernServer(s);
}

/** The v2 Server for one request of this session (exported for bench/protocol.ts, which times it against v1). */
export function createModernServer(s: shared.SessionState): Server {
  const server = new Server(shared.SERVER_INFO, {
    capabilities: shared.CAPABILITIES,
    instructions: shared.INSTRUCTIONS,
    jsonSchemaValidator,
    cacheHints: {
      "tools/list": LIST_CACHE,
      "prompts/list": LIST_CACHE,
      "resources/list": LIST_CACHE,
      "resources/templates/list": LIST_CACHE,
      "server/discover": LIST_CACHE,
    },
  });
  server.setRequestHandler("resources/list", () => shared.listResources());
  server.setRequestHandler("resources/templates/list", () => shared.listResourceTemplates());
  server.setRequestHandler("resources/read", (request) => shared.getResource(request.params.uri));
  server.setRequestHandler("prompts/list", () => shared.listPrompts());
  server.setRequestHandler("prompts/get", (request) => shared.getPrompt(request.params.name, request.params.arguments));
  // The listing is the v1 SDK's Tool type; the wire shape is the same (v2 types JSON Schema more narrowly).
  server.setRequestHandler("tools/list", () => shared.listTools(s) as unknown as ListToolsResult);
  server.setRequestHandler("tools/call", (request, rctx) => toolsCall(server, s, request.params, rctx));
  return server;
}

async function toolsCall(server: Server, s: shared.SessionState, rawParams: unknown, ctx: ServerContext) {
  const params = shared.callParams(rawParams);
  const found = shared.toolFor(s, params.name);
  if ("refused" in found) return found.refused as CallToolResult;
  const { tool } = found;
  const extras = shared.extrasFor(rawParams, (notification) => ctx.mcpReq.notify(notification));

  // The retry of an approval question: the echoed state is the preview's token, the answer says what to do with it.
  const token = ctx.mcpReq.requestState<unknown>();
  if (typeof token === "string" && !(CONFIRMATION_FIELD in (params.arguments ?? {}))) {
    const view = inputResponse(ctx.mcpReq.inputResponses, APPROVAL_REQUEST);
    if (view.kind === "elicit") {
      const answer = { action: view.action, content: view.content };
      return (await answered(tool, params.arguments, token, answer, s.call, extras)) as CallToolResult;
    }
    // Without an answer to our question, start over with a fresh preview (and a fresh question).
  }
  const result = await callTool(tool, params.arguments, s.call, extras);
  const pending = canAskForm(server.getClientCapabilities()) ? pendingApproval(result) : undefined;
  if (!pending) return result as CallToolResult;
  return inputRequired({ inputRequests: { [APPROVAL_REQUEST]: inputRequired.elicit(pending.question) }, requestState: pending.token });
}

/**
 * One handler per isolate. `legacy: "reject"`: 2025-era requests never reach
 * it (./streamable.ts routes them to the v1 adapter first).
 */
const handler = createMcpHandler(modernServer, { legacy: "reject" });

/** Serves one 2026-07-28 request (the route has read and parsed the body already). */
export async function handleModern(request: Request, state: shared.SessionState, parsedBody: unknown): Promise<Response> {
  sessions.set(request, state);
  return handler.fetch(request, { parsedBody });
}
