/** Which paths are MCP transport routes and which belong to the OAuth authorization server. */

export const MCP_PATHS: ReadonlySet<string> = new Set(["/mcp", "/sse", "/sse/message"]);

export const AUTHORIZE_PATH = "/authorize";
export const TOKEN_PATH = "/token";
export const REGISTER_PATH = "/register";
export const AS_METADATA_PATH = "/.well-known/oauth-authorization-server";
export const PR_METADATA_PATH = "/.well-known/oauth-protected-resource";

/** The bare well-known path plus one suffix per MCP endpoint (RFC 8414 / RFC 9728 path-insertion discovery). */
const METADATA_SUFFIXES = ["", "/mcp", "/sse", "/sse/message"];

export type RouteKind = "mcp" | "oauth" | "other";

export function isAsMetadataPath(path: string): boolean {
  return METADATA_SUFFIXES.some((s) => path === AS_METADATA_PATH + s);
}

export function isPrMetadataPath(path: string): boolean {
  return METADATA_SUFFIXES.some((s) => path === PR_METADATA_PATH + s);
}

export function routeKind(path: string): RouteKind {
  if (MCP_PATHS.has(path)) return "mcp";
  if (path === AUTHORIZE_PATH || path === TOKEN_PATH || path === REGISTER_PATH || isAsMetadataPath(path) || isPrMetadataPath(path)) {
    return "oauth";
  }
  return "other";
}
