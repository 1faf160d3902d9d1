/**
 * /mcp: Streamable HTTP, stateless. Each POST gets a fresh transport and a
 * light Server (handlers only; listings are cached per isolate) and answers
 * with plain JSON. No Durable Object hop, no session: the fastest path a
 * tool call can take through the Worker.
 *
 * One shortcut: a lone tools/list request that the SDK transport would accept
 * is answered with the listing serialized once per isolate, instead of
 * re-serializing every tool per request. Everything else (and anything odd
 * about a tools/list) goes through the SDK transport unchanged.
 */
import { requestBodyTooLargeMessage } from "@modelcontextprotocol/sdk/server/requestBody.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isJsonContentType } from "@modelcontextprotocol/sdk/shared/mediaType.js";
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { jsonRpcError } from "../edge/responses";
import { readCapped } from "../streams";
import { listingJson } from "../tools/registry";
import { createMcpServer, type SessionState } from "./server";

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

async function viaSdk(request: Request, state: SessionState, maxRequestBytes: number, parsedBody?: unknown): Promise<Response> {
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: maxRequestBytes,
  });
  const server = createMcpServer(() => state);
  await server.connect(transport);
  return transport.handleRequest(request, parsedBody === undefined ? undefined : { parsedBody });
}

export async function handleStreamableHttp(request: Request, state: SessionState, maxRequestBytes: number): Promise<Response> {
  if (request.method !== "POST") {
    // Stateless server: no standalone SSE stream (GET) and no session to delete.
    return jsonRpcError(405, "Method not allowed: this server is stateless; send JSON-RPC with POST.", -32000, { Allow: "POST" });
  }
  if (!acceptedBySdk(request)) return viaSdk(request, state, maxRequestBytes);

  // Read under the cap while streaming (as the SDK would), then look at the message.
  const bytes = await readCapped(request, maxRequestBytes);
  if (!bytes) return jsonRpcError(413, requestBodyTooLargeMessage(maxRequestBytes));
  let message: unknown;
  try {
    message = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Let the SDK answer its own parse error, from the same bytes.
    return viaSdk(new Request(request, { body: bytes }), state, maxRequestBytes);
  }
  if (isListTools(message)) {
    const body = `{"result":${listingJson(state.selection, state.config)},"jsonrpc":"2.0","id":${JSON.stringify(message.id)}}`;
    return new Response(body, { status: 200, headers: JSON_HEADERS });
  }
  return viaSdk(request, state, maxRequestBytes, message);
}
