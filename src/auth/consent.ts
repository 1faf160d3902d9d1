/**
 * GET/POST /authorize. The person proves who they are with an access token from
 * MCP_ACCESS_TOKENS; the grant's user id is that token's name. CSRF: the form
 * carries the provider's consent handle — 256 random bits, single use, ten
 * minutes, stored server-side with the parsed request and bound to this
 * browser by a __Host- cookie — and, besides, the form is useless without a
 * valid access token.
 */
import { AuthorizationError, type AuthRequest, CimdFetchError } from "@cloudflare/workers-oauth-provider";
import type { Config, Env } from "../config";
import { log } from "../log";
import { grantBinding, matchAccessToken } from "./access-tokens";
import { consentPage, messagePage, pageHeaders } from "./consent-page";
import { type GrantProps, oauthServer } from "./oauth-server";

function page(status: number, html: string, headers: Headers = pageHeaders()): Response {
  return new Response(html, { status, headers });
}

function redirectOrigin(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

function authorizationFailure(error: unknown): Response {
  if (error instanceof AuthorizationError && error.redirectTo) {
    return new Response(null, { status: 302, headers: { Location: error.redirectTo, "Cache-Control": "no-store" } });
  }
  if (error instanceof AuthorizationError) return page(400, messagePage("Authorization failed", error.description));
  if (error instanceof CimdFetchError) return page(400, messagePage("Authorization failed", "This app could not be verified."));
  throw error;
}

export async function showConsent(request: Request, env: Env, config: Config, origin: string): Promise<Response> {
  const oauth = oauthServer(origin).getOAuthApi(env);
  let authRequest: AuthRequest;
  try {
    authRequest = await oauth.parseAuthRequest(request);
  } catch (error) {
    return authorizationFailure(error);
  }
  const details = await oauth.describeConsent(authRequest);
  const consent = await oauth.beginConsent(authRequest);
  const headers = pageHeaders(redirectOrigin(details.redirectUri));
  for (const cookie of consent.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return page(200, consentPage(details, consent.handle, config), headers);
}

export async function submitConsent(request: Request, env: Env, config: Config, origin: string): Promise<Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return page(415, messagePage("Authorization failed", "Submit the consent form."));
  const form = new URLSearchParams(await request.clone().text());
  const handle = form.get("handle") ?? "";
  const oauth = oauthServer(origin).getOAuthApi(env);
  try {
    if (form.get("decision") !== "approve") {
      const denied = await oauth.denyConsent(request, handle);
      return new Response(null, { status: 302, headers: denied.headers });
    }
    const token = form.get("access_token") ?? "";
    const user = await matchAccessToken(config.accessTokens, token);
    if (!user) {
      log({ event: "auth_failure", reason: "consent_invalid_token", route: "/authorize" });
      // The handle is not consumed: going back and entering the right token still works.
      return page(
        403,
        messagePage("Wrong access token", "That access token is not valid here. Go back and enter the access token the server operator gave you."),
      );
    }
    const approved = await oauth.approveConsent(request, handle);
    const props: GrantProps = { user, binding: await grantBinding(token) };
    const { redirectTo } = await oauth.completeAuthorization({
      request: approved.request,
      userId: user,
      metadata: { approvedBy: user },
      scope: approved.request.scope,
      props,
    });
    const headers = new Headers(approved.headers);
    headers.set("Location", redirectTo);
    return new Response(null, { status: 302, headers });
  } catch (error) {
    return authorizationFailure(error);
  }
}
