/**
 * The OAuth 2.1 authorization server (workers-oauth-provider, role-based API).
 * Issuer and protected resource are this server's origin: with 1.x a resource
 * covers its path descendants, and only the bare origin covers both /mcp and /sse.
 * The provider is built per origin (one in production) because its issuer and
 * resource are fixed at construction.
 */
import { OAuthAuthorizationServer } from "@cloudflare/workers-oauth-provider";
import type { Env } from "../config";
import { AS_METADATA_PATH, AUTHORIZE_PATH, REGISTER_PATH, TOKEN_PATH } from "../edge/routes";
import { log } from "../log";

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** What a grant stores (encrypted by the provider). Never an upstream key. */
export interface GrantProps {
  user: string;
  /** grantBinding() of the access token used at consent. */
  binding: string;
}

const servers = new Map<string, OAuthAuthorizationServer<Env>>();

export function oauthServer(origin: string): OAuthAuthorizationServer<Env> {
  let server = servers.get(origin);
  if (!server) {
    if (servers.size >= 8) servers.clear();
    server = new OAuthAuthorizationServer<Env>({
      issuer: origin,
      resources: [origin],
      authorizeEndpoint: AUTHORIZE_PATH,
      tokenEndpoint: TOKEN_PATH,
      clientRegistrationEndpoint: REGISTER_PATH,
      accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTTL: REFRESH_TOKEN_TTL_SECONDS,
      // Only the stable slug is logged: never the description's context, a token or a body.
      onError: ({ internal }) => {
        log({ event: "auth_failure", reason: `oauth:${internal.category}:${internal.reason}`, route: "oauth" });
      },
    });
    servers.set(origin, server);
  }
  return server;
}

/** RFC 9728 metadata; served at the bare well-known path and its /mcp, /sse suffixes. */
export function protectedResourceMetadata(origin: string) {
  return {
    resource: origin,
    authorization_servers: [origin],
    bearer_methods_supported: ["header"],
    resource_name: "GTM edge MCP server (SmartLead, LeadMagic)",
    resource_documentation: `${origin}/`,
  };
}

/** Serves the provider's RFC 8414 document for any of the accepted discovery paths. */
export function authorizationServerMetadata(request: Request, env: Env, ctx: ExecutionContext, origin: string): Promise<Response> {
  const canonical = new Request(`${origin}${AS_METADATA_PATH}`, { method: request.method, headers: request.headers });
  return oauthServer(origin).fetch(canonical, env, ctx);
}
