/** Which paths are MCP transport routes and which belong to the OAuth authorization server. */

export const MCP_PATHS: ReadonlySet<string> = new Set(["/mcp", "/sse", "/sse/message"]);

export const AUTHORIZE_PATH = "/authorize";
export const TOKEN_PATH = "/token";
export const REGISTER_PATH = "/register";
export const AS_METADATA_PATH = "/.well-known/oauth-authorization-server";
export const PR_METADATA_PATH = "/.well-known/oauth-protected-resource";

/** The bare well-known path plus one suffix per MCP endpoint (RFC 8414 path-insertion discovery). */
const METADATA_SUFFIXES = ["", "/mcp", "/sse", "/sse/message"];

/**
 * OAuth protected resources (RFC 8707 / RFC 9728), as paths below the origin:
 * the origin itself covers every MCP route; /mcp and /sse each cover their own
 * transport (/sse/message belongs to /sse). A token is bound to the one it was issued for.
 */
export const OAUTH_RESOURCE_PATHS = ["", "/mcp", "/sse"] as const;
export type ResourcePath = (typeof OAUTH_RESOURCE_PATHS)[number];

/** The transport resource an MCP route belongs to. */
export function resourcePathOf(mcpPath: string): ResourcePath {
  return mcpPath === "/mcp" ? "/mcp" : "/sse";
}

/** The resource whose RFC 9728 document this path is (the suffix names it), or undefined. */
export function prMetadataResource(path: string): ResourcePath | undefined {
  return OAUTH_RESOURCE_PATHS.find((r) => path === PR_METADATA_PATH + r);
}

export type RouteKind = "mcp" | "oauth" | "other";

export function isAsMetadataPath(path: string): boolean {
  return METADATA_SUFFIXES.some((s) => path === AS_METADATA_PATH + s);
}

export function routeKind(path: string): RouteKind {
  if (MCP_PATHS.has(path)) return "mcp";
  if (path === AUTHORIZE_PATH || path === TOKEN_PATH || path === REGISTER_PATH || isAsMetadataPath(path) || prMetadataResource(path) !== undefined) {
    return "oauth";
  }
  return "other";
}
