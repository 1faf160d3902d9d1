/**
 * OAuth 2.1 end to end, driven by the MCP SDK client's own OAuth support
 * (OAuthClientProvider + StreamableHTTPClientTransport authProvider):
 * discovery → dynamic registration → consent page (operator token + CSRF
 * handle) → code → finishAuth → tools → refresh → revoke → 401.
 * Plus: the discovery documents, the consent page's defences, and grants dying
 * when the access token that approved them is rotated.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { auth, type OAuthClientProvider, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { LEADMAGIC_TEST_KEY } from "../../dev/fakes/leadmagic";
import { SMARTLEAD_TEST_KEY } from "../../dev/fakes/smartlead/index";
import { call, connect } from "../helpers/mcp";
import { authorizationUrl, exchangeCode, openConsent, pkcePair, registerClient, submitConsent } from "../helpers/oauth";
import { freePort, type Stack, startStack, TEST_ACCESS_TOKEN, TEST_USER } from "../helpers/stack";

const REDIRECT = "http://127.0.0.1:53682/callback";
const EVIL_NAME = `Evil <script>alert("x")</script> & <img src=x onerror=alert(1)>`;
const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const LIST = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });

/** An in-memory OAuth client, as a desktop MCP client would keep it. */
class MemoryProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier?: string;
  authorizationUrl?: URL;
  readonly stateValue = `state-${Math.random().toString(36).slice(2)}`;

  get redirectUrl() {
    return REDIRECT;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: EVIL_NAME,
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  state() {
    return this.stateValue;
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(v: string) {
    this.verifier = v;
  }
  codeVerifier() {
    if (!this.verifier) throw new Error("no code verifier saved");
    return this.verifier;
  }
  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery") {
    if (scope === "all" || scope === "client") this.client = undefined;
    if (scope === "all" || scope === "tokens") this.saved = undefined;
    if (scope === "all" || scope === "verifier") this.verifier = undefined;
  }
}

/** Runs the interactive part as a person would: open the page, enter the operator token, allow. Returns the code. */
async function authorizeInBrowser(baseUrl: string, authorizationUrl: URL, token: string, state: string): Promise<string> {
  const { handle, cookie } = await openConsent(authorizationUrl);
  const res = await submitConsent(baseUrl, { handle, access_token: token, decision: "approve" }, cookie);
  assert.equal(res.status, 302);
  const location = new URL(res.headers.get("location")!);
  assert.equal(`${location.origin}${location.pathname}`, REDIRECT);
  assert.equal(location.searchParams.get("state"), state);
  assert.equal(location.searchParams.get("iss"), baseUrl);
  return location.searchParams.get("code")!;
}

/** Status of opening the legacy SSE stream with this token (the stream itself is dropped at once). */
async function sseStatus(baseUrl: string, accessToken: string): Promise<number> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/sse`, { headers: { accept: "text/event-stream", authorization: `Bearer ${accessToken}` }, signal: abort.signal });
  abort.abort();
  return res.status;
}

async function mcpStatus(baseUrl: string, accessToken: string): Promise<number> {
  const res = await fetch(`${baseUrl}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, authorization: `Bearer ${accessToken}` }, body: LIST });
  await res.text();
  return res.status;
}

describe("OAuth 2.1 with the MCP SDK client", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test("discovery: RFC 9728 and RFC 8414 documents, at the bare and the path-suffixed well-known URLs", async () => {
    const get = async (path: string) => {
      const res = await fetch(`${stack.url}${path}`);
      assert.equal(res.status, 200, path);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // Each transport is its own resource (RFC 9728 §3.3: the document names exactly the URL its suffix names); the bare origin covers both.
    const prm = await get("/.well-known/oauth-protected-resource");
    assert.equal(prm.resource, stack.url);
    assert.deepEqual(prm.authorization_servers, [stack.url]);
    for (const suffix of ["/mcp", "/sse"])
      assert.deepEqual(await get(`/.well-known/oauth-protected-resource${suffix}`), { ...prm, resource: `${stack.url}${suffix}` });
    const none = await fetch(`${stack.url}/.well-known/oauth-protected-resource/sse/message`);
    assert.equal(none.status, 404, "/sse/message is part of the /sse resource, not one of its own");
    await none.text();

    const asm = await get("/.well-known/oauth-authorization-server");
    assert.equal(asm.issuer, stack.url);
    assert.equal(asm.authorization_endpoint, `${stack.url}/authorize`);
    assert.equal(asm.token_endpoint, `${stack.url}/token`);
    assert.equal(asm.registration_endpoint, `${stack.url}/register`);
    assert.equal(asm.revocation_endpoint, `${stack.url}/token`);
    assert.deepEqual(asm.code_challenge_methods_supported, ["S256"]);
    assert.ok((asm.grant_types_supported as string[]).includes("refresh_token"));
    assert.deepEqual(asm.protected_resources, [stack.url, `${stack.url}/mcp`, `${stack.url}/sse`]);
    for (const suffix of ["/mcp", "/sse"]) assert.deepEqual(await get(`/.well-known/oauth-authorization-server${suffix}`), asm);
  });

  test("full flow: 401 → discovery → registration → consent → code → finishAuth → tools → refresh → revoke → 401", async () => {
    const provider = new MemoryProvider();
    const url = new URL(`${stack.url}/mcp`);

    // 1. Unauthenticated connect: the SDK follows the 401 challenge, discovers, registers, and asks us to open the browser.
    const first = new Client({ name: "oauth-test", version: "1.0.0" });
    await assert.rejects(first.connect(new StreamableHTTPClientTransport(url, { authProvider: provider })), UnauthorizedError);
    assert.ok(provider.client?.client_id, "dynamic registration happened");
    const authUrl = provider.authorizationUrl!;
    assert.equal(`${authUrl.origin}${authUrl.pathname}`, `${stack.url}/authorize`);
    assert.equal(authUrl.searchParams.get("code_challenge_method"), "S256");
    assert.ok(authUrl.searchParams.get("code_challenge"));
    assert.equal(authUrl.searchParams.get("resource"), `${stack.url}/mcp`, "the SDK asks for the resource the 401 pointed at");

    // 2. The consent page: escaped client metadata, anti-framing, the upstreams on offer.
    const page = await openConsent(authUrl);
    assert.equal(page.res.status, 200);
    assert.equal(page.res.headers.get("x-frame-options"), "DENY");
    assert.match(page.res.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
    assert.match(page.res.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    assert.ok(!page.html.includes("<script"), "client name rendered unescaped");
    assert.ok(!page.html.includes("<img"), "client name rendered unescaped");
    assert.ok(page.html.includes("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;"));
    assert.ok(page.html.includes(REDIRECT.replace(/[/:=]/g, (c) => (c === "=" ? "&#61;" : c))));
    assert.match(page.html, /SmartLead/);
    assert.match(page.html, /LeadMagic/);
    assert.match(page.html, /not verified/);
    assert.ok(page.handle.length >= 32);
    assert.match(page.cookie, /^__Host-/);
    assert.ok(!page.html.includes(TEST_ACCESS_TOKEN) && !page.html.includes(LEADMAGIC_TEST_KEY));

    // 3. The form: no binding cookie is refused (the token is never looked at); a wrong token is refused and
    // uses the handle up, so the next try needs a fresh page; then allow.
    const forged = await submitConsent(stack.url, { handle: page.handle, access_token: TEST_ACCESS_TOKEN, decision: "approve" });
    assert.equal(forged.status, 400, "a handle without this browser's cookie must not work (CSRF)");
    await forged.text();
    const wrong = await submitConsent(stack.url, { handle: page.handle, access_token: "wrong-token-0123456789abcdef", decision: "approve" }, page.cookie);
    assert.equal(wrong.status, 403);
    assert.match(await wrong.text(), /Wrong access token/);
    const used = await submitConsent(stack.url, { handle: page.handle, access_token: TEST_ACCESS_TOKEN, decision: "approve" }, page.cookie);
    assert.equal(used.status, 400, "a handle that carried a wrong token is used up");
    await used.text();
    const fresh = await openConsent(authUrl);
    const ok = await submitConsent(stack.url, { handle: fresh.handle, access_token: TEST_ACCESS_TOKEN, decision: "approve" }, fresh.cookie);
    assert.equal(ok.status, 302);
    const location = new URL(ok.headers.get("location")!);
    assert.equal(location.searchParams.get("state"), provider.stateValue);
    const code = location.searchParams.get("code")!;
    assert.ok(code);
    const replay = await submitConsent(stack.url, { handle: fresh.handle, access_token: TEST_ACCESS_TOKEN, decision: "approve" }, fresh.cookie);
    assert.equal(replay.status, 400, "a consent handle works once");
    await replay.text();

    // 4. The client finishes: code + PKCE verifier → tokens.
    const transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
    await transport.finishAuth(code);
    const tokens = provider.saved!;
    assert.ok(tokens.access_token && tokens.refresh_token);
    assert.ok(tokens.access_token.startsWith(`${TEST_USER}:`), "the grant's user id is the access token's name");
    const wire = JSON.stringify(tokens);
    for (const secret of [LEADMAGIC_TEST_KEY, SMARTLEAD_TEST_KEY, TEST_ACCESS_TOKEN]) assert.ok(!wire.includes(secret));

    // 5. Tools over /mcp with the OAuth token, and over /sse too.
    const client = new Client({ name: "oauth-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(url, { authProvider: provider }));
    const result = await call(client, "leadmagic_get_credits");
    assert.equal(result.isError, undefined);
    await client.close();
    // The token is bound to /mcp (the resource it was issued for): /sse refuses it.
    assert.equal(await sseStatus(stack.url, tokens.access_token), 401);
    await new Promise((r) => setTimeout(r, 200));
    const logged = stack.worker
      .logs()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l))
      .filter((e) => e.event === "tool_call");
    assert.equal(logged.at(-1).user, TEST_USER);

    // 6. Refresh (what the SDK does when it has a refresh token): new tokens that work.
    const before = provider.saved!;
    assert.equal(await auth(provider, { serverUrl: url }), "AUTHORIZED");
    const refreshed = provider.saved!;
    assert.notEqual(refreshed.access_token, before.access_token);
    assert.notEqual(refreshed.refresh_token, before.refresh_token);
    assert.equal(await mcpStatus(stack.url, refreshed.access_token), 200);

    // 7. Revoke (RFC 7009) the refresh token: the whole grant goes, access tokens with it.
    const revoke = await fetch(`${stack.url}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: refreshed.refresh_token!, token_type_hint: "refresh_token", client_id: provider.client!.client_id }).toString(),
    });
    assert.equal(revoke.status, 200);
    await revoke.text();
    assert.equal(await mcpStatus(stack.url, refreshed.access_token), 401);
    const res = await fetch(`${stack.url}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, authorization: `Bearer ${refreshed.access_token}` }, body: LIST });
    assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
    await res.text();
    // …and the SDK client is sent back to sign in.
    const again = new Client({ name: "oauth-test", version: "1.0.0" });
    await assert.rejects(again.connect(new StreamableHTTPClientTransport(url, { authProvider: provider })), UnauthorizedError);
  });

  test("resource indicators: the origin, /mcp or /sse; each token works only where it is bound; another URL is refused", async () => {
    const where = async (resource: string | undefined) => {
      const clientId = await registerClient(stack.url, REDIRECT);
      const { verifier, challenge } = pkcePair();
      const url = authorizationUrl(stack.url, { clientId, redirectUri: REDIRECT, challenge, state: "s1", resource });
      const code = await authorizeInBrowser(stack.url, url, TEST_ACCESS_TOKEN, "s1");
      const tokens = await exchangeCode(stack.url, { clientId, redirectUri: REDIRECT, code, verifier, resource });
      return { resource: tokens.resource, mcp: await mcpStatus(stack.url, tokens.access_token), sse: await sseStatus(stack.url, tokens.access_token) };
    };
    assert.deepEqual(await where(undefined), { resource: stack.url, mcp: 200, sse: 200 }, "no resource: the origin, good for both");
    assert.deepEqual(await where(stack.url), { resource: stack.url, mcp: 200, sse: 200 });
    assert.deepEqual(await where(`${stack.url}/mcp`), { resource: `${stack.url}/mcp`, mcp: 200, sse: 401 });
    assert.deepEqual(await where(`${stack.url}/sse`), { resource: `${stack.url}/sse`, mcp: 401, sse: 200 });

    const clientId = await registerClient(stack.url, REDIRECT);
    const other = authorizationUrl(stack.url, {
      clientId,
      redirectUri: REDIRECT,
      challenge: pkcePair().challenge,
      state: "s2",
      resource: `${stack.url}/health`,
    });
    const res = await fetch(other, { redirect: "manual" });
    await res.text();
    assert.equal(res.status, 302);
    assert.equal(new URL(res.headers.get("location")!).searchParams.get("error"), "invalid_target");
  });

  test("Deny redirects to the client with access_denied; a bad handle is refused; PKCE is required", async () => {
    const provider = new MemoryProvider();
    const url = new URL(`${stack.url}/mcp`);
    await assert.rejects(
      new Client({ name: "t", version: "1" }).connect(new StreamableHTTPClientTransport(url, { authProvider: provider })),
      UnauthorizedError,
    );
    const page = await openConsent(provider.authorizationUrl!);
    const bogus = await submitConsent(stack.url, { handle: "A".repeat(43), access_token: TEST_ACCESS_TOKEN, decision: "approve" }, page.cookie);
    assert.equal(bogus.status, 400);
    await bogus.text();
    const denied = await submitConsent(stack.url, { handle: page.handle, decision: "deny" }, page.cookie);
    assert.equal(denied.status, 302);
    const location = new URL(denied.headers.get("location")!);
    assert.equal(location.searchParams.get("error"), "access_denied");
    assert.equal(location.searchParams.get("state"), provider.stateValue);

    const noPkce = new URL(provider.authorizationUrl!);
    noPkce.searchParams.delete("code_challenge");
    noPkce.searchParams.delete("code_challenge_method");
    const res = await fetch(noPkce, { redirect: "manual" });
    await res.text();
    assert.equal(res.status, 302);
    assert.equal(new URL(res.headers.get("location")!).searchParams.get("error"), "invalid_request");

    const unknownClient = new URL(provider.authorizationUrl!);
    unknownClient.searchParams.set("client_id", "no-such-client");
    const page2 = await fetch(unknownClient, { redirect: "manual" });
    assert.equal(page2.status, 400, "an unvalidated client is never redirected to");
    assert.equal(page2.headers.get("x-frame-options"), "DENY");
    await page2.text();
  });

  test("the OAuth endpoints refuse an untrusted Origin and answer a trusted client's CORS preflight", async () => {
    const evil = await fetch(`${stack.url}/register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ redirect_uris: [REDIRECT], client_name: "x", token_endpoint_auth_method: "none" }),
    });
    assert.equal(evil.status, 403);
    await evil.text();
    const own = await fetch(`${stack.url}/register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.url },
      body: JSON.stringify({ redirect_uris: [REDIRECT], client_name: "x", token_endpoint_auth_method: "none" }),
    });
    assert.equal(own.status, 201);
    assert.equal(own.headers.get("access-control-allow-origin"), stack.url);
    await own.text();
  });
});

describe("rotating an access token revokes the OAuth grants it approved", () => {
  const state = mkdtempSync(join(tmpdir(), "gtm-mcp-oauth-state-"));
  const ROTATED = "rotated-token-abcdefghijklmnopqrstu";
  const SECOND = "second-user-token-abcdefghijklmnopq";
  after(() => rmSync(state, { recursive: true, force: true }));

  async function grantFor(stack: Stack, token: string): Promise<string> {
    const provider = new MemoryProvider();
    const url = new URL(`${stack.url}/mcp`);
    await assert.rejects(
      new Client({ name: "t", version: "1" }).connect(new StreamableHTTPClientTransport(url, { authProvider: provider })),
      UnauthorizedError,
    );
    const code = await authorizeInBrowser(stack.url, provider.authorizationUrl!, token, provider.stateValue);
    await new StreamableHTTPClientTransport(url, { authProvider: provider }).finishAuth(code);
    return provider.saved!.access_token;
  }

  test("grants die when their approving token is rotated or its name removed; static tokens keep working", async () => {
    // Same port both times: a grant is bound to the origin (its OAuth resource).
    const port = await freePort();
    let stack = await startStack({ MCP_ACCESS_TOKENS: `${TEST_USER}:${TEST_ACCESS_TOKEN},second:${SECOND}` }, { stateDir: state, port });
    let testerGrant: string;
    let secondGrant: string;
    try {
      testerGrant = await grantFor(stack, TEST_ACCESS_TOKEN);
      secondGrant = await grantFor(stack, SECOND);
      assert.ok(secondGrant.startsWith("second:"));
      assert.equal(await mcpStatus(stack.url, testerGrant), 200);
      assert.equal(await mcpStatus(stack.url, secondGrant), 200);
    } finally {
      await stack.stop();
    }

    // Same KV; tester's token rotated, "second" removed.
    stack = await startStack({ MCP_ACCESS_TOKENS: `${TEST_USER}:${ROTATED}` }, { stateDir: state, port });
    try {
      assert.equal(await mcpStatus(stack.url, testerGrant), 401);
      assert.equal(await mcpStatus(stack.url, secondGrant), 401);
      const client = await connect(stack.url, "mcp", { token: ROTATED });
      assert.ok((await client.listTools()).tools.length > 0);
      await client.close();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(stack.worker.logs().split(`"reason":"oauth_grant_stale"`).length - 1, 2);
    } finally {
      await stack.stop();
    }
  });
});
