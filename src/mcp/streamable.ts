/**
 * /mcp: Streamable HTTP, stateless, for every revision. The dispatcher: a
 * request that claims 2026-07-28 (its `_meta` envelope or its
 * MCP-Protocol-Version header, as the SDK v2 classifies it) goes to the SDK v2
 * adapter (./modern.ts); everything else (2025-11-25 and earlier) stays on
 * the SDK v1 path below. Both serve the shared handlers of ./handlers.ts.
 *
 * The v1 path: each POST gets a fresh transport and a
 * light Server (handlers only; listings are cached per isolate) and answers
 * with plain JSON (or an event stream, when a request asks for progress notifications). No Durable Object hop, no session: the fastest path a
 * tool call can take through the Worker. The route (./routes.ts) has already
 * read the body under the cap and parsed it once.
 *
 * One shortcut: a lone tools/list request that the SDK transport would accept
 * is answered with the listing serialized once per isolate, instead of
 * re-serializing every tool per request. Everything else (and anything odd
 * about a tools/list) goes through the SDK transport unchanged.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isJsonContentType } from "@modelcontextprotocol/sdk/shared/mediaType.js";
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { isLegacyRequest } from "@modelcontextprotocol/server";
import { jsonRpcError } from "../edge/responses";
import { listingJson } from "../tools/registry";
import { progressTokenOf, type SessionState } from "./handlers";
import { handleModern } from "./modern";
import { createMcpServer } from "./server";

const JSON_HEADERS = { "Content-Type": "application/json" };

/** Headers the SDK transport accepts (it checks them before reading the body). */
function acceptedBySdk(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  const version = request.headers.get("mcp-protocol-version");
  return (
    accept.includes("application/json") &&
    accept.includes("text/event-stream") &&
    isJsonContentType(request.headers.get("content-type")) &&
    (version === null || SUPPORTED_PROTOCOL_VERSIONS.includes(version))
  );
}

/** A single, well-formed tools/list request (params, if any, an object: cursors are not used). */
function isListTools(message: unknown): message is { id: string | number } {
  if (!message || typeof message !== "object" || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  const params = m.params;
  return (
    m.jsonrpc === "2.0" &&
    m.method === "tools/list" &&
    (typeof m.id === "string" || Number.isInteger(m.id)) &&
    (params === undefined || (params !== null && typeof params === "object" && !Array.isArray(params)))
  );
}

/** A request that asked for progress notifications: its answer must be a stream they can travel on. */
function wantsProgress(message: unknown): boolean {
  const messages = Array.isArray(message) ? message : [message];
  return messages.some((m) => m && typeof m === "object" && progressTokenOf((m as { params?: unknown }).params) !== undefined);
}

async function viaSdk(request: Request, state: SessionState, parsedBody?: unknown): Promise<Response> {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !wantsProgress(parsedBody) });
  const server = createMcpServer(() => state);
  await server.connect(transport);
  return transport.handleRequest(request, parsedBody === undefined ? undefined : { parsedBody });
}

/** `body`: the POST body as read by the route, and its JSON (undefined when it did not parse). */
export async function handleStreamableHttp(request: Request, state: SessionState, body?: { bytes: Uint8Array; message: unknown }): Promise<Response> {
  if (request.method !== "POST" || !body) {
    // Stateless server: no standalone SSE stream (GET) and no session to delete.
    return jsonRpcError(405, "Method not allowed: this server is stateless; send JSON-RPC with POST.", -32000, { Allow: "POST" });
  }
  if (body.message !== undefined && !(await isLegacyRequest(request, body.message))) return handleModern(request, state, body.message);
  // Wrong headers or a body that is not JSON: the SDK answers (406, 415, 400 with -32700), from the same bytes.
  if (!acceptedBySdk(request) || body.message === undefined) return viaSdk(request, state);
  if (isListTools(body.message)) {
    const json = `{"result":${listingJson(state.selection, state.config)},"jsonrpc":"2.0","id":${JSON.stringify(body.message.id)}}`;
    return new Response(json, { status: 200, headers: JSON_HEADERS });
  }
  return viaSdk(request, state, body.message);
}
