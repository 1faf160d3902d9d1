/**
 * The OAuth 2.1 authorization server (workers-oauth-provider, role-based API).
 * The issuer is this server's origin. Three protected resources are registered
 * (RFC 8707): the origin, which covers both transports and is the default for
 * clients that name none, and the endpoint URLs `/mcp` and `/sse`, which
 * clients given that URL ask for. Every token is bound to exactly one of them.
 * The provider is built per origin (one in production) because its issuer and
 * resources are fixed at construction.
 */
import { OAuthAuthorizationServer } from "@cloudflare/workers-oauth-provider";
import type { Env } from "../config";
import { AS_METADATA_PATH, AUTHORIZE_PATH, OAUTH_RESOURCE_PATHS, REGISTER_PATH, type ResourcePath, TOKEN_PATH } from "../edge/routes";
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
      resources: OAUTH_RESOURCE_PATHS.map((r) => `${origin}${r}`),
      defaultResource: origin,
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

/**
 * RFC 9728 metadata of one resource. Served at the well-known path with that
 * resource's path as suffix, and §3.3 requires `resource` to be exactly the URL the suffix names.
 */
export function protectedResourceMetadata(origin: string, resource: ResourcePath) {
  return {
    resource: `${origin}${resource}`,
    authorization_servers: [origin],
    bearer_methods_supported: ["header"],
    resource_name: "GTM edge MCP server (SmartLead, LeadMagic)",
    resource_documentation: `${origin}/`,
  };
}

/**
 * Validates an OAuth access token presented at an MCP route: one issued for
 * that route's transport resource, or for the whole origin. Null when neither.
 */
export async function validateOAuthToken(origin: string, resource: ResourcePath, token: string, env: Env) {
  const server = oauthServer(origin);
  return (await server.validateToken<GrantProps>(`${origin}${resource}`, token, env)) ?? (await server.validateToken<GrantProps>(origin, token, env));
}

/** Serves the provider's RFC 8414 document for any of the accepted discovery paths. */
export function authorizationServerMetadata(request: Request, env: Env, ctx: ExecutionContext, origin: string): Promise<Response> {
  const canonical = new Request(`${origin}${AS_METADATA_PATH}`, { method: request.method, headers: request.headers });
  return oauthServer(origin).fetch(canonical, env, ctx);
}
