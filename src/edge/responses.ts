/** Error bodies in the shape each kind of route speaks: JSON-RPC on MCP routes, RFC 6749 JSON on OAuth routes. */
import type { RouteKind } from "./routes";

export function jsonRpcError(status: number, message: string, code = -32000, headers?: HeadersInit): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers });
}

export function oauthError(status: number, error: string, description: string, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("Cache-Control", "no-store");
  return Response.json({ error, error_description: description }, { status, headers: h });
}

/** A refusal in the right dialect for the route. */
export function refusal(kind: RouteKind, status: number, message: string, headers?: HeadersInit): Response {
  if (kind === "mcp") return jsonRpcError(status, message, -32000, headers);
  const error = status === 429 || status === 503 ? "temporarily_unavailable" : status === 413 ? "invalid_request" : "access_denied";
  if (kind === "oauth") return oauthError(status, error, message, headers);
  return Response.json({ error: message }, { status, headers });
}
