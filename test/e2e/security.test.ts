/**
 * Edge security, end to end against the Worker in workerd (wrangler dev):
 * bearer authentication on every MCP route, the 401 challenge, Origin checks,
 * CORS preflights, HTTPS enforcement, the request body cap, per-user and
 * per-IP rate limits, failing closed without tokens, and SSE session binding.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LEADMAGIC_TEST_KEY } from "../../dev/fakes/leadmagic";
import { newSessionId } from "../../src/auth/sse-session";
import { LIST, MCP_HEADERS, openSse, post, type RawResponse, raw, startOfFreshWindow } from "../helpers/http";
import { call, connect, TRANSPORTS } from "../helpers/mcp";
import { authHeaders, resetFakes, type Stack, startStack, TEST_ACCESS_TOKEN, TEST_USER } from "../helpers/stack";

const OTHER_USER = "mallory";
const OTHER_TOKEN = "mallory-token-abcdefghijklmnopqrstuvwxyz";
const ALLOWED_ORIGIN = "https://inspector.example";

/**
 * Streams a chunked body and returns the Worker's answer. When the Worker answers
 * (413) before the upload is finished, wrangler dev's local proxy sometimes drops
 * the connection instead of relaying it (a reset, or miniflare's own 500 "Network
 * connection lost"); that is a dev-server artifact, not an answer from the Worker,
 * so such attempts are repeated. Any real answer is returned as is.
 */
async function streamUntilAnswered(url: string, headers: Record<string, string>, bytes: number | string): Promise<RawResponse> {
  for (let attempt = 1; ; attempt++) {
    let res: RawResponse | undefined;
    try {
      res = await raw(url, { method: "POST", headers, ...(typeof bytes === "number" ? { streamBytes: bytes } : { body: bytes }) });
    } catch (e) {
      if (!["ECONNRESET", "EPIPE"].includes((e as NodeJS.ErrnoException).code ?? "") || attempt >= 25) throw e;
    }
    const devProxyDrop = res?.status === 500 && /Network connection lost/.test(res.text) && /miniflare/.test(res.text);
    if (res && !devProxyDrop) return res;
    if (attempt >= 25) throw new Error(`wrangler dev dropped ${attempt} uploads to ${url}`);
  }
}

/** Lines the Worker itself logged (JSON), not wrangler's own output. */
function workerLogLines(stack: Stack): string[] {
  return stack.worker
    .logs()
    .split("\n")
    .filter((l) => l.startsWith("{"));
}

describe("authentication, Origin, CORS, body limit (default stack)", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({
      MCP_ACCESS_TOKENS: `${TEST_USER}:${TEST_ACCESS_TOKEN},${OTHER_USER}:${OTHER_TOKEN}`,
      ALLOWED_ORIGINS: ALLOWED_ORIGIN,
    });
  });
  after(async () => {
    await stack?.stop();
  });

  test("no credentials → 401 with a Bearer challenge naming the resource metadata, on /mcp, /sse and /sse/message", async () => {
    const sessionId = await newSessionId(TEST_USER);
    const answers = [
      await post(stack, "/mcp", {}),
      await fetch(`${stack.url}/sse`, { headers: { accept: "text/event-stream" } }),
      await post(stack, `/sse/message?sessionId=${sessionId}`, {}),
    ];
    const resources = ["/mcp", "/sse", "/sse"];
    for (const [i, res] of answers.entries()) {
      assert.equal(res.status, 401, res.url);
      const challenge = res.headers.get("www-authenticate") ?? "";
      assert.match(challenge, /^Bearer /);
      assert.ok(challenge.includes(`resource_metadata="${stack.url}/.well-known/oauth-protected-resource${resources[i]}"`), challenge);
      assert.doesNotMatch(challenge, /error=/, "no error code when no token was sent (RFC 6750 §3.1)");
      assert.match(res.headers.get("access-control-expose-headers") ?? "", /WWW-Authenticate/i);
      const body = (await res.json()) as { jsonrpc: string; error: { message: string } };
      assert.equal(body.jsonrpc, "2.0");
      assert.match(body.error.message, /Unauthorized/);
    }
  });

  test("a wrong, malformed or made-up OAuth-shaped token → 401 invalid_token, and the failure is logged without the token", async () => {
    const wrong = "not-the-right-token-0123456789";
    const attempts = [
      { authorization: `Bearer ${wrong}` },
      { authorization: `Bearer ${TEST_ACCESS_TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`${TEST_USER}:${TEST_ACCESS_TOKEN}`).toString("base64")}` },
      { authorization: `Bearer ${TEST_USER}:grant123:secret456` },
      { authorization: `Bearer ${OTHER_TOKEN} trailing` },
    ];
    for (const headers of attempts) {
      const res = await post(stack, "/mcp", headers);
      assert.equal(res.status, 401, headers.authorization);
      assert.match(res.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
      await res.text();
    }
    const sse = await fetch(`${stack.url}/sse`, { headers: { accept: "text/event-stream", authorization: `Bearer ${wrong}` } });
    assert.equal(sse.status, 401);
    await sse.text();

    await new Promise((r) => setTimeout(r, 200));
    const lines = workerLogLines(stack);
    const failures = lines.map((l) => JSON.parse(l)).filter((e) => e.event === "auth_failure");
    assert.ok(failures.some((e) => e.reason === "invalid_token" && e.route === "/mcp"));
    assert.ok(failures.some((e) => e.reason === "malformed_authorization"));
    assert.ok(failures.some((e) => e.reason === "missing_credentials" && e.route === "/sse"));
    const all = lines.join("\n");
    for (const secret of [wrong, TEST_ACCESS_TOKEN, OTHER_TOKEN, "secret456", LEADMAGIC_TEST_KEY]) assert.ok(!all.includes(secret), "a token reached the log");
    assert.doesNotMatch(all, /Bearer |Basic |sessionId=|\?/);
  });

  for (const kind of TRANSPORTS) {
    test(`a good token lists and calls tools over /${kind}, and the tool-call log names the token's user`, async () => {
      resetFakes(stack.fakes);
      const client = await connect(stack.url, kind, { token: OTHER_TOKEN });
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === "leadmagic_get_credits"));
      const result = await call(client, "leadmagic_get_credits");
      await client.close();
      assert.equal(result.isError, undefined);
      assert.equal(stack.fakes.leadmagic.requests.length, 1);
      await new Promise((r) => setTimeout(r, 200));
      const calls = workerLogLines(stack)
        .map((l) => JSON.parse(l))
        .filter((e) => e.event === "tool_call" && e.tool === "leadmagic_get_credits");
      assert.equal(calls.at(-1).user, OTHER_USER);
    });
  }

  test("an Origin that is neither this server's nor in ALLOWED_ORIGINS → 403, on MCP, OAuth and other routes", async () => {
    for (const [path, init] of [
      ["/mcp", { method: "POST", headers: { ...MCP_HEADERS, ...authHeaders(), origin: "https://evil.example" }, body: LIST }],
      [
        "/token",
        { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }, body: "grant_type=refresh_token" },
      ],
      ["/health", { headers: { origin: "null" } }],
      ["/mcp", { method: "OPTIONS", headers: { origin: "http://127.0.0.1.evil.example", "access-control-request-method": "POST" } }],
    ] as const) {
      const res = await fetch(`${stack.url}${path}`, init as RequestInit);
      assert.equal(res.status, 403, `${path} ${JSON.stringify(init.headers)}`);
      assert.match(await res.text(), /Origin/);
    }
  });

  test("this server's own origin and ALLOWED_ORIGINS pass, with CORS headers for that origin", async () => {
    for (const origin of [stack.url, ALLOWED_ORIGIN]) {
      const res = await post(stack, "/mcp", { ...authHeaders(), origin });
      assert.equal(res.status, 200, origin);
      assert.equal(res.headers.get("access-control-allow-origin"), origin);
      assert.match(res.headers.get("vary") ?? "", /Origin/);
      assert.equal(res.headers.get("access-control-allow-credentials"), null);
      await res.text();
    }
  });

  test("CORS preflights to MCP and OAuth endpoints → 204 with the MCP headers allowed, never 401", async () => {
    for (const path of ["/mcp", "/sse", "/sse/message", "/token", "/register", "/authorize", "/.well-known/oauth-protected-resource/mcp"]) {
      const res = await fetch(`${stack.url}${path}`, {
        method: "OPTIONS",
        headers: {
          origin: ALLOWED_ORIGIN,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type, mcp-protocol-version",
        },
      });
      assert.equal(res.status, 204, path);
      assert.equal(res.headers.get("access-control-allow-origin"), ALLOWED_ORIGIN);
      const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
      for (const h of ["authorization", "content-type", "mcp-session-id", "mcp-protocol-version", "last-event-id"])
        assert.ok(allowed.includes(h), `${path}: ${h}`);
      assert.match(res.headers.get("access-control-allow-methods") ?? "", /POST/);
    }
  });

  test("plain http for a public Host is refused (403, clear message) on MCP, OAuth and other routes; a browser GET of / is redirected to https", async () => {
    const base = stack.url; // same socket; the Host header below names a public host
    const cases: [string, string, Record<string, string>, string?][] = [
      ["/mcp", "POST", { ...MCP_HEADERS, ...authHeaders() }, LIST],
      ["/sse", "GET", { accept: "text/event-stream", ...authHeaders() }],
      ["/token", "POST", { "content-type": "application/x-www-form-urlencoded" }, "grant_type=refresh_token&refresh_token=x"],
      ["/.well-known/oauth-authorization-server", "GET", {}],
      ["/health", "GET", {}],
    ];
    for (const [path, method, headers, body] of cases) {
      const res = await raw(`${base}${path}`, { method, headers: { ...headers, host: "mcp.example.com" }, body });
      assert.equal(res.status, 403, path);
      assert.match(res.text, /HTTPS required/);
      if (path === "/mcp") assert.equal(JSON.parse(res.text).jsonrpc, "2.0");
    }
    const home = await raw(`${base}/`, { headers: { host: "mcp.example.com", accept: "text/html,application/xhtml+xml" } });
    assert.equal(home.status, 301);
    // wrangler dev's proxy rewrites URLs on the request's host in response headers to the scheme it was
    // reached with, so Location shows up here as http://; the body is not rewritten and names the Worker's target.
    assert.equal(new URL(String(home.headers.location)).host, "mcp.example.com");
    assert.match(home.text, /^Moved to https:\/\/mcp\.example\.com\/$/m);
    const api = await raw(`${base}/`, { headers: { host: "mcp.example.com", accept: "application/json" } });
    assert.equal(api.status, 403);
    // Loopback over http (wrangler dev) keeps working, with either spelling.
    const local = await raw(`${base}/health`, { headers: { host: "localhost" } });
    assert.equal(local.status, 200);
  });

  test("a 5 MiB body sent chunked without Content-Length → 413 before it is parsed, on /mcp, /sse/message and OAuth endpoints", async () => {
    const sessionId = await newSessionId(TEST_USER);
    const targets: [string, Record<string, string>, "mcp" | "oauth"][] = [
      ["/mcp", { ...MCP_HEADERS, ...authHeaders() }, "mcp"],
      [`/sse/message?sessionId=${sessionId}`, { "content-type": "application/json", ...authHeaders() }, "mcp"],
      ["/token", { "content-type": "application/x-www-form-urlencoded" }, "oauth"],
      ["/register", { "content-type": "application/json" }, "oauth"],
      ["/authorize", { "content-type": "application/x-www-form-urlencoded" }, "oauth"],
    ];
    for (const [path, headers, kind] of targets) {
      const res = await streamUntilAnswered(`${stack.url}${path}`, headers, 5 * 1024 * 1024);
      assert.equal(res.status, 413, `${path}: ${res.text.slice(0, 200)}`);
      assert.equal(res.headers["content-length"] === undefined || Number(res.headers["content-length"]) < 1000, true);
      const body = JSON.parse(res.text);
      if (kind === "mcp") assert.equal(body.jsonrpc, "2.0");
      else assert.equal(body.error, "invalid_request");
    }
    // A body just under the limit is fine (and then simply not valid JSON-RPC).
    const ok = await streamUntilAnswered(`${stack.url}/mcp`, { ...MCP_HEADERS, ...authHeaders() }, 512 * 1024);
    assert.equal(ok.status, 400);
  });

  test("a declared Content-Length over the limit is refused without reading the body", async () => {
    const body = "x=".padEnd(1024 * 1024 + 10, "y");
    const res = await streamUntilAnswered(
      `${stack.url}/token`,
      { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
      body,
    );
    assert.equal(res.status, 413);
  });

  test("SSE sessions are bound to their user: another user's message to the session → 404; a client-chosen session id is ignored", async () => {
    const { endpoint, close } = await openSse(stack, "/sse?sessionId=chosen-by-client");
    try {
      const sessionId = new URL(endpoint, stack.url).searchParams.get("sessionId")!;
      assert.notEqual(sessionId, "chosen-by-client");
      assert.match(sessionId, /^[0-9a-f]{32}-[0-9a-f]{32}$/);
      const init = {
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2024-11-05", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      };
      const mine = await post(stack, endpoint, authHeaders(), JSON.stringify(init));
      assert.equal(mine.status, 202);
      await mine.text();
      const theirs = await post(stack, endpoint, authHeaders(OTHER_TOKEN), JSON.stringify(init));
      assert.equal(theirs.status, 404);
      await theirs.text();
    } finally {
      close();
    }
  });

  test("/health reports authentication as configured, without names or tokens", async () => {
    const res = await fetch(`${stack.url}/health`);
    const text = await res.text();
    assert.equal(res.status, 200);
    const body = JSON.parse(text);
    assert.equal(body.auth.configured, true);
    assert.equal(body.auth.oauth, true);
    assert.equal(body.rate_limits.counters, "kv");
    for (const s of [TEST_USER, TEST_ACCESS_TOKEN, OTHER_USER, OTHER_TOKEN]) assert.ok(!text.includes(s));
  });
});

describe("per-user rate limit (wrangler dev --var MCP_ACCESS_TOKENS:probe:secret --var RATE_LIMIT_USER_PER_MINUTE:20)", () => {
  // Exactly the issue's probe: a short token works (and /health calls it weak).
  const PROBE_TOKEN = "secret";
  let stack: Stack;
  before(async () => {
    stack = await startStack({ MCP_ACCESS_TOKENS: `probe:${PROBE_TOKEN}`, RATE_LIMIT_USER_PER_MINUTE: "20" });
  });
  after(async () => {
    await stack?.stop();
  });

  test("the 21st MCP request from that user within a minute → 429 with Retry-After, RateLimit-* and a JSON-RPC error", async () => {
    await startOfFreshWindow();
    for (let i = 1; i <= 20; i++) {
      // Different client IPs: only the per-user limit can stop these.
      const res = await post(stack, "/mcp", { ...authHeaders(PROBE_TOKEN), "cf-connecting-ip": `198.51.100.${i}` });
      assert.equal(res.status, 200, `request ${i}`);
      await res.text();
    }
    const res = await post(stack, "/mcp", { ...authHeaders(PROBE_TOKEN), "cf-connecting-ip": "198.51.100.99" });
    assert.equal(res.status, 429);
    const healthText = await (await fetch(`${stack.url}/health`)).text();
    assert.equal((JSON.parse(healthText) as { auth: { weak_tokens?: number } }).auth.weak_tokens, 1);
    assert.ok(!healthText.includes("probe"), "/health never names a token's user");
    const retryAfter = Number(res.headers.get("retry-after"));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
    assert.equal(res.headers.get("ratelimit-limit"), "20");
    assert.equal(res.headers.get("ratelimit-remaining"), "0");
    assert.equal(res.headers.get("ratelimit-reset"), String(retryAfter));
    assert.match(res.headers.get("access-control-expose-headers") ?? "", /Retry-After/);
    const body = (await res.json()) as { jsonrpc: string; error: { message: string } };
    assert.equal(body.jsonrpc, "2.0");
    assert.match(body.error.message, /Rate limit exceeded/);

    // The SSE transport shares the same per-user budget.
    const sse = await fetch(`${stack.url}/sse`, { headers: { accept: "text/event-stream", ...authHeaders(PROBE_TOKEN) } });
    assert.equal(sse.status, 429);
    await sse.text();
    // Unauthenticated requests are not counted against (or stopped by) the user's budget: they are 401s.
    const anon = await post(stack, "/mcp", {});
    assert.equal(anon.status, 401);
    await anon.text();
  });
});

describe("per-IP rate limit, before authentication", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ RATE_LIMIT_IP_PER_MINUTE: "5" });
  });
  after(async () => {
    await stack?.stop();
  });

  test("the 6th request from one CF-Connecting-IP → 429 on MCP and OAuth routes; X-Forwarded-For does not matter; other IPs pass", async () => {
    await startOfFreshWindow();
    const ip = "203.0.113.7";
    for (let i = 1; i <= 5; i++) {
      // Unauthenticated: a password-guessing client is counted before it is rejected.
      const res = await post(stack, "/mcp", { "cf-connecting-ip": ip, "x-forwarded-for": `192.0.2.${i}` });
      assert.equal(res.status, 401, `request ${i}`);
      await res.text();
    }
    const limited = await post(stack, "/mcp", { ...authHeaders(), "cf-connecting-ip": ip, "x-forwarded-for": "192.0.2.200" });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) >= 1);
    assert.equal(limited.headers.get("ratelimit-limit"), "5");
    assert.equal(((await limited.json()) as { jsonrpc: string }).jsonrpc, "2.0");

    const oauth = await fetch(`${stack.url}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip },
      body: "grant_type=refresh_token&refresh_token=x",
    });
    assert.equal(oauth.status, 429);
    assert.equal(((await oauth.json()) as { error: string }).error, "temporarily_unavailable");

    const other = await post(stack, "/mcp", { ...authHeaders(), "cf-connecting-ip": "203.0.113.8" });
    assert.equal(other.status, 200);
    await other.text();
    // The landing page and /health are not rate limited.
    const health = await fetch(`${stack.url}/health`, { headers: { "cf-connecting-ip": ip } });
    assert.equal(health.status, 200);
    await health.text();
  });
});

describe("no access token configured: fail closed", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ MCP_ACCESS_TOKENS: null });
  });
  after(async () => {
    await stack?.stop();
  });

  test("MCP and OAuth routes → 503 with a clear message, even with a token; /health and / say why", async () => {
    for (const [path, init] of [
      ["/mcp", { method: "POST", headers: { ...MCP_HEADERS, ...authHeaders() }, body: LIST }],
      ["/sse", { headers: { accept: "text/event-stream", ...authHeaders() } }],
      ["/authorize", {}],
      ["/.well-known/oauth-protected-resource", {}],
    ] as const) {
      const res = await fetch(`${stack.url}${path}`, init as RequestInit);
      assert.equal(res.status, 503, path);
      assert.match(await res.text(), /MCP_ACCESS_TOKENS/);
    }
    const health = await fetch(`${stack.url}/health`);
    assert.equal(health.status, 503);
    const body = (await health.json()) as { auth: { configured: boolean; reason: string } };
    assert.equal(body.auth.configured, false);
    assert.match(body.auth.reason, /MCP_ACCESS_TOKENS/);
    const home = await fetch(`${stack.url}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Not available:.*MCP_ACCESS_TOKENS/);
  });
});

describe("over HTTPS (wrangler dev --local-protocol https)", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({}, { protocol: "https" });
  });
  after(async () => {
    await stack?.stop();
  });

  test("a public Host over https is served, with Strict-Transport-Security, and discovery names the https origin", async () => {
    const host = { host: "mcp.example.com" };
    const health = await raw(`${stack.url}/health`, { headers: host });
    assert.equal(health.status, 200);
    assert.match(String(health.headers["strict-transport-security"]), /max-age=\d+/);

    const mcp = await raw(`${stack.url}/mcp`, { method: "POST", headers: { ...host, ...MCP_HEADERS, ...authHeaders() }, body: LIST });
    assert.equal(mcp.status, 200);
    assert.ok(JSON.parse(mcp.text).result.tools.length > 0);
    assert.match(String(mcp.headers["strict-transport-security"]), /max-age=/);

    const challenge = await raw(`${stack.url}/mcp`, { method: "POST", headers: { ...host, ...MCP_HEADERS }, body: LIST });
    assert.equal(challenge.status, 401);
    assert.ok(String(challenge.headers["www-authenticate"]).includes('resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"'));

    const prm = JSON.parse((await raw(`${stack.url}/.well-known/oauth-protected-resource/mcp`, { headers: host })).text);
    assert.equal(prm.resource, "https://mcp.example.com/mcp");
    assert.deepEqual(prm.authorization_servers, ["https://mcp.example.com"]);
    const asm = JSON.parse((await raw(`${stack.url}/.well-known/oauth-authorization-server`, { headers: host })).text);
    assert.equal(asm.issuer, "https://mcp.example.com");
    assert.equal(asm.token_endpoint, "https://mcp.example.com/token");
  });
});
