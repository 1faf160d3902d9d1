/**
 * /mcp: Streamable HTTP, stateless. Each POST gets a fresh transport and a
 * light Server (handlers only; listings are cached per isolate) and answers
 * with plain JSON. No Durable Object hop, no session: the fastest path a
 * tool call can take through the Worker.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createMcpServer, type SessionState } from "./server";

export async function handleStreamableHttp(request: Request, state: SessionState, maxRequestBytes: number): Promise<Response> {
  if (request.method !== "POST") {
    // Stateless server: no standalone SSE stream (GET) and no session to delete.
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless; send JSON-RPC with POST." }, id: null },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: maxRequestBytes,
  });
  const server = createMcpServer(() => state);
  await server.connect(transport);
  return transport.handleRequest(request);
}
