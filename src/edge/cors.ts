/**
 * CORS for browser MCP clients. Only origins that passed the Origin check get
 * here, so the allowed origin is echoed; credentials (cookies) are never allowed,
 * bearer tokens are sent explicitly.
 */
export const ALLOWED_REQUEST_HEADERS = "Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID";
export const EXPOSED_HEADERS = "WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

export function preflight(origin: string | null): Response {
  const headers = new Headers({
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": ALLOWED_REQUEST_HEADERS,
    "Access-Control-Max-Age": "86400",
  });
  if (origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Vary", "Origin");
  }
  return new Response(null, { status: 204, headers });
}

/** Sets the CORS response headers (overriding any a library set more loosely). */
export function applyCors(headers: Headers, origin: string | null): void {
  headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  if (origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.delete("Access-Control-Allow-Credentials");
    const vary = headers.get("Vary");
    if (!vary || !/\borigin\b/i.test(vary)) headers.set("Vary", vary ? `${vary}, Origin` : "Origin");
  }
}
