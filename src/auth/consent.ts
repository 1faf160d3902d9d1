/**
 * GET/POST /authorize. The person proves who they are with an access token from
 * MCP_ACCESS_TOKENS; the grant's user id is that token's name. CSRF: the form
 * carries the provider's consent handle — 256 random bits, single use, ten
 * minutes, stored server-side with the parsed request and bound to this
 * browser by a __Host- cookie.
 *
 * The handle and cookie are checked (and the handle used up) before the access
 * token is, so the form is no oracle for guessing tokens: every guess costs a
 * fresh consent page, and failed guesses are counted per IP (`failures`);
 * past the limit the form answers 429 without looking at the token.
 */
import { AuthorizationError, type AuthRequest, CimdFetchError } from "@cloudflare/workers-oauth-provider";
import type { Config, Env } from "../config";
import type { RateDecision } from "../edge/rate-limit";
import { log } from "../log";
import { grantBinding, matchAccessToken } from "./access-tokens";
import { consentPage, messagePage, pageHeaders } from "./consent-page";
import { type GrantProps, oauthServer } from "./oauth-server";

/** Counting failed consent attempts: whether the limit is reached (counts nothing), and one more failure. */
export interface ConsentFailures {
  exhausted(): Promise<RateDecision>;
  record(): Promise<RateDecision>;
}

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

function tooManyFailures(d: RateDecision): Response {
  const headers = pageHeaders();
  headers.set("Retry-After", String(d.resetSeconds));
  return page(429, messagePage("Too many attempts", `Too many wrong access tokens from your network. Try again in ${d.resetSeconds} s.`), headers);
}

export async function showConsent(request: Request, env: Env, config: Config, origin: string): Promise<Response> {
  const oauth = oauthServer(origin).getOAuthApi(env);
  let authRequest: AuthRequest;
  try {
    authRequest = await oauth.parseAuthRequest(request);
    // The provider lets confidential clients skip PKCE; this server requires S256 from every client.
    if (!authRequest.codeChallenge || authRequest.codeChallengeMethod !== "S256") {
      throw new AuthorizationError("invalid_request", {
        description: "PKCE with code_challenge_method=S256 is required",
        redirectUri: authRequest.redirectUri,
        state: authRequest.state,
        issuer: authRequest.issuer,
      });
    }
  } catch (error) {
    return authorizationFailure(error);
  }
  const details = await oauth.describeConsent(authRequest);
  const consent = await oauth.beginConsent(authRequest);
  const headers = pageHeaders(redirectOrigin(details.redirectUri));
  for (const cookie of consent.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return page(200, consentPage(details, consent.handle, config), headers);
}

export async function submitConsent(request: Request, env: Env, config: Config, origin: string, failures: ConsentFailures): Promise<Response> {
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
    const limit = await failures.exhausted();
    if (!limit.allowed) return tooManyFailures(limit);
    // The handle and this browser's cookie first: a forged or replayed form is refused without the token being looked at.
    const approved = await oauth.approveConsent(request, handle);
    const token = form.get("access_token") ?? "";
    const user = await matchAccessToken(config.accessTokens, token);
    if (!user) {
      log({ event: "auth_failure", reason: "consent_invalid_token", route: "/authorize" });
      const counted = await failures.record();
      if (!counted.allowed) return tooManyFailures(counted);
      return page(
        403,
        messagePage(
          "Wrong access token",
          "That access token is not valid here. Go back and reload the sign-in page (or start signing in again from your app), then enter the access token the server operator gave you.",
        ),
      );
    }
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
