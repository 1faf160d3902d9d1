/**
 * Who is calling an MCP route. Static tokens are checked first, in memory;
 * only a token in the OAuth provider's own `user:grant:secret` shape costs a
 * KV read. Either way the result is a user name: the token's name, or the
 * name of the access token that approved the OAuth grant.
 */
import type { Config, Env } from "../config";
import type { ResourcePath } from "../edge/routes";
import { currentBinding, matchAccessToken } from "./access-tokens";
import { bearerToken } from "./bearer";
import { validateOAuthToken } from "./oauth-server";

export type AuthResult =
  | { ok: true; user: string; method: "token" | "oauth" }
  | { ok: false; reason: "missing_credentials" | "malformed_authorization" | "invalid_token" | "oauth_grant_stale"; presented: boolean };

/** `resource` is the OAuth resource of the route (its transport): an OAuth token must be bound to it or to the origin. */
export async function authenticate(request: Request, env: Env, config: Config, origin: string, resource: ResourcePath): Promise<AuthResult> {
  const token = bearerToken(request.headers.get("authorization"));
  if (token === undefined) return { ok: false, reason: "missing_credentials", presented: false };
  if (token === null) return { ok: false, reason: "malformed_authorization", presented: true };

  const name = await matchAccessToken(config.accessTokens, token);
  if (name) return { ok: true, user: name, method: "token" };

  if (env.OAUTH_KV && token.split(":").length === 3) {
    const validated = await validateOAuthToken(origin, resource, token, env);
    if (validated) {
      const binding = await currentBinding(config.accessTokens, validated.userId);
      if (binding && validated.props?.binding === binding && validated.props.user === validated.userId) {
        return { ok: true, user: validated.userId, method: "oauth" };
      }
      return { ok: false, reason: "oauth_grant_stale", presented: true };
    }
  }
  return { ok: false, reason: "invalid_token", presented: true };
}
