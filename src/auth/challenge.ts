/** The 401 an MCP client sees without valid credentials: a Bearer challenge pointing at the RFC 9728 metadata of the route's resource. */
import { jsonRpcError } from "../edge/responses";
import { PR_METADATA_PATH, type ResourcePath } from "../edge/routes";

export function protectedResourceMetadataUrl(origin: string, resource: ResourcePath): string {
  return `${origin}${PR_METADATA_PATH}${resource}`;
}

export function bearerChallenge(origin: string, resource: ResourcePath, oauthEnabled: boolean, tokenPresented: boolean): string {
  const parts = [`Bearer realm="mcp"`];
  if (oauthEnabled) parts.push(`resource_metadata="${protectedResourceMetadataUrl(origin, resource)}"`);
  if (tokenPresented) parts.push(`error="invalid_token"`, `error_description="The access token is missing, invalid, expired or revoked"`);
  return parts.join(", ");
}

export function unauthorized(origin: string, resource: ResourcePath, oauthEnabled: boolean, tokenPresented: boolean): Response {
  const how = oauthEnabled
    ? "Send Authorization: Bearer <access token>, or sign in with OAuth (see WWW-Authenticate)."
    : "Send Authorization: Bearer <access token>.";
  return jsonRpcError(401, `Unauthorized: ${tokenPresented ? "the access token is not valid" : "no access token"}. ${how}`, -32001, {
    "WWW-Authenticate": bearerChallenge(origin, resource, oauthEnabled, tokenPresented),
    "Cache-Control": "no-store",
  });
}
