/**
 * The client side of OAuth 2.1 as a public MCP client performs it by hand:
 * dynamic registration (RFC 7591), a PKCE S256 pair, the authorization URL with
 * an RFC 8707 resource, and the code exchange. Used where a test drives the
 * consent page itself (from fetch or from a real browser).
 */
import { createHash, randomBytes } from "node:crypto";

export interface OAuthTokensWire {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in?: number;
  resource?: string;
}

/** Registers a public client (no secret) for one redirect URI; returns its client_id. */
export async function registerClient(baseUrl: string, redirectUri: string, name = "browser-test client"): Promise<string> {
  const res = await fetch(`${baseUrl}/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: name,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    }),
  });
  const body = (await res.json()) as { client_id?: string };
  if (res.status !== 201 || !body.client_id) throw new Error(`registration failed: HTTP ${res.status}`);
  return body.client_id;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizationUrl(baseUrl: string, p: { clientId: string; redirectUri: string; challenge: string; state: string; resource?: string }): URL {
  const url = new URL(`${baseUrl}/authorize`);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", p.clientId);
  url.searchParams.set("redirect_uri", p.redirectUri);
  url.searchParams.set("code_challenge", p.challenge);
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("state", p.state);
  if (p.resource !== undefined) url.searchParams.set("resource", p.resource);
  return url;
}

/** Exchanges an authorization code (with its PKCE verifier) for tokens. */
export async function exchangeCode(
  baseUrl: string,
  p: { clientId: string; redirectUri: string; code: string; verifier: string; resource?: string },
): Promise<OAuthTokensWire> {
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    code: p.code,
    redirect_uri: p.redirectUri,
    client_id: p.clientId,
    code_verifier: p.verifier,
  });
  if (p.resource !== undefined) form.set("resource", p.resource);
  const res = await fetch(`${baseUrl}/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
  const body = (await res.json()) as OAuthTokensWire & { error?: string };
  if (res.status !== 200) throw new Error(`token exchange failed: HTTP ${res.status} ${body.error ?? ""}`);
  return body;
}

/** The consent page's form handle and the browser-binding cookie that came with it. */
export async function openConsent(url: URL | string): Promise<{ res: Response; html: string; handle: string; cookie: string }> {
  const res = await fetch(url, { redirect: "manual" });
  const html = await res.text();
  const handle = /name="handle" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { res, html, handle, cookie };
}

export async function submitConsent(baseUrl: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${baseUrl}/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * A whole grant as a person gives it: register, open the consent page, approve
 * with `token`, exchange the code. Returns the OAuth access token.
 */
export async function grantApprovedWith(baseUrl: string, token: string): Promise<string> {
  const redirectUri = "http://127.0.0.1:53682/callback";
  const clientId = await registerClient(baseUrl, redirectUri, "policy-test client");
  const { verifier, challenge } = pkcePair();
  const page = await openConsent(authorizationUrl(baseUrl, { clientId, redirectUri, challenge, state: "s1" }));
  const res = await submitConsent(baseUrl, { handle: page.handle, access_token: token, decision: "approve" }, page.cookie);
  const code = new URL(res.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (res.status !== 302 || !code) throw new Error(`consent failed: HTTP ${res.status}`);
  return (await exchangeCode(baseUrl, { clientId, redirectUri, code, verifier })).access_token;
}
