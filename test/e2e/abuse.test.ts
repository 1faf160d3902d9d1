/**
 * Abuse resistance, end to end against the Worker in workerd: each test plays
 * an attack seen against the server and asserts the refusal — the status or
 * error code, how many requests the recording fakes received, and that no
 * form of a key reaches a result or the Worker's log.
 */
import assert from "node:assert/strict";
import { connect as tcpConnect } from "node:net";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { CONSENT_FAILURES_PER_MINUTE, REQUEST_BODY_TIMEOUT_MS } from "../../src/edge/limits";
import { MAX_UPSTREAM_REQUESTS_PER_CALL } from "../../src/tools/define";
import { secretVariants } from "../../src/upstream/redact";
import { LIST, MCP_HEADERS, openSse, post, raw, startOfFreshWindow } from "../helpers/http";
import { call, connect, errorOf } from "../helpers/mcp";
import { authorizationUrl, pkcePair, registerClient } from "../helpers/oauth";
import { authHeaders, resetFakes, type Stack, startStack, TEST_ACCESS_TOKEN } from "../helpers/stack";
import { loadWire } from "../helpers/wire";

const REDIRECT = "http://127.0.0.1:53682/callback";
const SECOND_TOKEN = "second-user-token-0123456789abcdef";
const THIRD_TOKEN = "third-user-token-0123456789abcdefgh";

/** Every upstream request the fakes received since the last reset. */
const upstreamRequests = (stack: Stack) => Object.values(stack.fakes).reduce((n, f) => n + f.requests.length, 0);

/** The Worker's JSON log lines so far. */
const logLines = (stack: Stack) =>
  stack.worker
    .logs()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("the per-IP limit sees every spelling of a path, and the consent form is no token oracle", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ RATE_LIMIT_IP_PER_MINUTE: "20" });
  });
  after(async () => {
    await stack?.stop();
  });

  test("percent-encoded spellings of /mcp and /authorize are refused before authentication; the plain path meets the per-IP limit", async () => {
    await startOfFreshWindow();
    const ip = "198.51.100.10";
    const wrong = { authorization: "Bearer wrong-token-0123456789abcdefgh", "cf-connecting-ip": ip };
    for (const path of ["/%6dcp", "/m%63p", "/%6D%63%70", "/%61uthorize", "/sse/%6dessage"]) {
      const res = await post(stack, path, wrong);
      assert.equal(res.status, 400, `${path} is refused as non-canonical`);
      assert.match(await res.text(), /without percent-encoding/);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await post(stack, "/mcp", wrong);
      await res.text();
      statuses.push(res.status);
    }
    assert.ok(statuses.includes(429), "token guessing on /mcp meets the per-IP limit");
    assert.equal(statuses.filter((s) => s === 401).length, 20, "20 guesses per minute get an answer, the rest 429");
  });

  test("IPv6 clients are counted per /64: twenty-one addresses of one /64 share one bucket", async () => {
    await startOfFreshWindow();
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) {
      const res = await post(stack, "/mcp", { ...authHeaders(), "cf-connecting-ip": `2001:db8:aa:bb::${i.toString(16)}` });
      await res.text();
      statuses.push(res.status);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
    assert.equal(statuses[20], 429);
    const other = await post(stack, "/mcp", { ...authHeaders(), "cf-connecting-ip": "2001:db8:aa:cc::1" });
    assert.equal(other.status, 200, "another /64 has its own bucket");
    await other.text();
  });
});

describe("batches count every message, one call makes at most a few upstream requests, admin tools are off by default", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({
      RATE_LIMIT_USER_PER_MINUTE: "20",
      MCP_ADMIN_TOOLS: null,
      MCP_ACCESS_TOKENS: `tester:${TEST_ACCESS_TOKEN},second:${SECOND_TOKEN},third:${THIRD_TOKEN}`,
    });
  });
  after(async () => {
    await stack?.stop();
  });

  const batch = (n: number) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        jsonrpc: "2.0",
        id: i + 1,
        method: "tools/call",
        params: { name: "leadmagic_find_email", arguments: { first_name: "Jane", last_name: "Doe", domain: "example.com" } },
      })),
    );

  test("a batch of 25 paid calls against a limit of 20 per minute is refused whole, and spends nothing", async () => {
    await startOfFreshWindow();
    resetFakes(stack.fakes);
    const res = await post(stack, "/mcp", authHeaders(), batch(25));
    assert.equal(res.status, 429);
    await res.text();
    assert.equal(stack.fakes.leadmagic.requests.length, 0);
  });

  test("a batch of 5 is five requests: 5 calls are made, and 14 more requests in the minute fit, not 15", async () => {
    await startOfFreshWindow();
    const headers = { ...authHeaders(SECOND_TOKEN) };
    resetFakes(stack.fakes);
    const res = await post(stack, "/mcp", headers, batch(5));
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as unknown[]).length, 5);
    assert.equal(stack.fakes.leadmagic.requests.length, 5);
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) {
      const r = await post(stack, "/mcp", headers);
      await r.text();
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [...Array(15).fill(200), 429]);
  });

  test(`a lead import in chunks of 1 would be 2,000 upstream requests: refused naming chunk_size, nothing sent (at most ${MAX_UPSTREAM_REQUESTS_PER_CALL} per call)`, async () => {
    const client = await connect(stack.url, "mcp", { query: "toolsets=smartlead_leads", token: THIRD_TOKEN });
    try {
      resetFakes(stack.fakes);
      const leads = Array.from({ length: 2000 }, (_, i) => ({ email: `lead${i}@example.com` }));
      const error = errorOf(await call(client, "smartlead_add_leads_to_campaign", { campaign_id: 101, lead_list: leads, chunk_size: 1 }));
      assert.equal(error.code, "invalid_input");
      assert.equal(error.field, "chunk_size");
      assert.match(error.message, /at least 200/);
      assert.equal(upstreamRequests(stack), 0);
    } finally {
      await client.close();
    }
  });

  test("admin tools (client API keys, webhooks, mailboxes) are not offered, nor callable, unless the operator opts in", async () => {
    const client = await connect(stack.url, "mcp", { query: "toolsets=all", token: THIRD_TOKEN });
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      for (const admin of ["smartlead_create_client_api_key", "smartlead_create_webhook", "smartlead_save_campaign_webhook", "smartlead_save_email_account"]) {
        assert.ok(!names.includes(admin), `${admin} is not listed`);
      }
      resetFakes(stack.fakes);
      await assert.rejects(call(client, "smartlead_create_client_api_key", { clientId: 301, keyName: "backdoor" }), /Unknown tool/);
      assert.equal(upstreamRequests(stack), 0);
    } finally {
      await client.close();
    }
  });
});

describe("redaction: a key with + / = ~ leaks in no encoding, from errors or successes, into results or the log", () => {
  const SL_KEY = "sl+Key/With=Signs~0123456789abc";
  const LM_KEY = "lm+Key/With=Signs~9876543210xyz";
  let stack: Stack;
  let client: Client;
  before(async () => {
    stack = await startStack({ SMARTLEAD_API_KEY: SL_KEY, LEADMAGIC_API_KEY: LM_KEY });
    client = await connect(stack.url, "mcp", { query: "toolsets=all" });
  });
  after(async () => {
    await client?.close();
    await stack?.stop();
  });

  /** How an upstream or a proxy may echo a key back: the variants the server must scrub, as they would really appear. */
  const echoes = (key: string) => [
    key,
    encodeURIComponent(key),
    encodeURIComponent(key).toLowerCase(),
    encodeURIComponent(encodeURIComponent(key)),
    new URLSearchParams({ k: key }).toString().slice(2),
    key.replace(/\+/g, " "),
    key.toUpperCase(),
    key.toLowerCase(),
    JSON.stringify(key).slice(1, -1),
    btoa(key),
  ];

  test("400 errors and 200 bodies that echo the key, in every encoding, reach neither result nor log", async () => {
    for (const key of [SL_KEY, LM_KEY]) assert.equal(secretVariants(key).length > 5, true);
    const leaks: string[] = [];
    const cases: [string, Record<string, unknown>, "smartlead" | "leadmagic", string][] = [
      ["smartlead_list_campaigns", {}, "smartlead", SL_KEY],
      ["leadmagic_get_credits", {}, "leadmagic", LM_KEY],
    ];
    for (const [tool, args, host, key] of cases) {
      for (const echo of echoes(key)) {
        stack.fakes[host].next({ status: 400, body: { message: `Invalid api key: ${echo}` } });
        const failed = await call(client, tool, args);
        stack.fakes[host].next({ status: 200, body: { note: `your key is ${echo}`, link: `https://x.example/hook?api_key=${echo}&b=1` } });
        const succeeded = await call(client, tool, args);
        for (const result of [failed, succeeded]) {
          const text = JSON.stringify(result);
          for (const form of echoes(key)) if (text.includes(form)) leaks.push(`${tool} result (${echo}) shows ${form}`);
        }
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    const log = stack.worker.logs();
    for (const key of [SL_KEY, LM_KEY]) for (const form of echoes(key)) if (log.includes(form)) leaks.push(`log shows ${form}`);
    assert.deepEqual(leaks, []);
  });

  test("mailbox credentials are stripped from any tool's answer, not only the email-account tools'", async () => {
    stack.fakes.smartlead.next({
      body: [{ id: 1, name: "Q3", smtp_password: "hunter2-secret-pass", oauth_access_token: "ya29.secret", next_page_token: "p2" }],
    });
    const result = await call(client, "smartlead_list_campaigns", {});
    const text = JSON.stringify(result);
    assert.ok(!text.includes("hunter2-secret-pass") && !text.includes("ya29.secret"), text);
    assert.ok(text.includes("next_page_token"), "paging tokens are kept");
  });
});

describe("confirmations work once; sessions, bodies and sockets end cleanly", () => {
  let stack: Stack;
  before(async () => {
    // A short keep-alive, so a vanished SSE client is noticed within the test.
    stack = await startStack({ SSE_KEEPALIVE_SECONDS: "1" });
  });
  after(async () => {
    await stack?.stop();
  });

  test("one preview buys one order: the token is refused the second time, on /mcp and on /sse", async () => {
    const client = await connect(stack.url, "mcp", { query: "toolsets=smartlead_senders" });
    const sse = await connect(stack.url, "sse", { query: "toolsets=smartlead_senders" });
    try {
      const args = loadWire().tools.smartlead_senders_place_order!.args;
      resetFakes(stack.fakes);
      const preview = await call(client, "smartlead_senders_place_order", args);
      const token = (preview.structuredContent as { confirmation_token?: string }).confirmation_token;
      assert.equal(typeof token, "string", JSON.stringify(preview.content).slice(0, 300));
      assert.equal((await call(client, "smartlead_senders_place_order", { ...args, confirmation_token: token })).isError, undefined);
      for (const c of [client, client, sse]) {
        const again = errorOf(await call(c, "smartlead_senders_place_order", { ...args, confirmation_token: token }));
        assert.equal(again.code, "confirmation_invalid");
        assert.match(again.message, /already been used/);
      }
      assert.equal(stack.fakes.smartsenders.requests.filter((r) => r.method === "POST").length, 1, "one order placed");
    } finally {
      await client.close();
      await sse.close();
    }
  });

  test("fifty sends in one batch with one token send one email", async () => {
    const client = await connect(stack.url, "mcp", { query: "toolsets=smartlead_inbox" });
    try {
      const args = { to: "recipient@example.com", subject: "Hi", body: "<p>Hello</p>", fromEmailId: 55 };
      const preview = await call(client, "smartlead_send_single_email", args);
      const fresh = (preview.structuredContent as { confirmation_token: string }).confirmation_token;
      resetFakes(stack.fakes);
      const messages = Array.from({ length: 50 }, (_, i) => ({
        jsonrpc: "2.0",
        id: i + 1,
        method: "tools/call",
        params: { name: "smartlead_send_single_email", arguments: { ...args, confirmation_token: fresh } },
      }));
      const res = await post(stack, "/mcp?toolsets=smartlead_inbox", authHeaders(), JSON.stringify(messages));
      const answers = (await res.json()) as { result: { isError?: boolean; structuredContent: { error?: { code: string } } } }[];
      assert.equal(answers.filter((a) => !a.result.isError).length, 1, "one of the fifty goes through");
      assert.ok(answers.filter((a) => a.result.isError).every((a) => a.result.structuredContent.error?.code === "confirmation_invalid"));
      assert.equal(stack.fakes.smartlead.requests.filter((r) => r.method === "POST").length, 1, "one email sent");
    } finally {
      await client.close();
    }
  });

  test("a malformed token (<expiry>.A) is confirmation_invalid, not an internal error", async () => {
    const client = await connect(stack.url, "mcp", { query: "toolsets=smartlead_campaigns" });
    try {
      const exp = Math.floor(Date.now() / 1000) + 200;
      for (const token of [`${exp}.A`, `${exp}.AAAA.A`, `${exp}..`, "x.y.z"]) {
        assert.equal(
          errorOf(await call(client, "smartlead_delete_campaign", { campaign_id: 101, confirmation_token: token })).code,
          "confirmation_invalid",
          token,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(!logLines(stack).some((l) => l.event === "internal_error"));
    } finally {
      await client.close();
    }
  });

  test("5 MB bodies get 413, reliably, on /mcp and /register: never a reset, a 500 or a stack trace", async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, 0x20);
    for (const [path, type] of [
      ["/mcp", "application/json"],
      ["/register", "application/json"],
      ["/token", "application/x-www-form-urlencoded"],
    ] as const) {
      for (let i = 0; i < 5; i++) {
        const res = await raw(`${stack.url}${path}`, {
          method: "POST",
          headers: { ...MCP_HEADERS, "content-type": type, ...authHeaders(), "content-length": String(body.length) },
          body: body.toString(),
        });
        assert.equal(res.status, 413, `${path} #${i}: ${res.status} ${res.text.slice(0, 200)}`);
        assert.doesNotMatch(res.text, /miniflare|\bat \w|node_modules/i);
      }
    }
  });

  test(`a body that trickles in is cut off at ${REQUEST_BODY_TIMEOUT_MS / 1000} s with 408; a client that hangs up mid-body is not an internal error`, async () => {
    const port = Number(new URL(stack.url).port);
    const slow = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(port, "127.0.0.1", () => {
        socket.write(
          `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TEST_ACCESS_TOKEN}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n{"jsonrpc":`,
        );
      });
      let answer = "";
      socket.on("data", (d) => (answer += d.toString()));
      socket.on("close", () => resolve(answer));
      socket.on("error", reject);
      setTimeout(() => socket.destroy(), REQUEST_BODY_TIMEOUT_MS + 5000);
    });
    assert.match(slow, /^HTTP\/1\.1 408/);

    await new Promise<void>((resolve) => {
      const socket = tcpConnect(port, "127.0.0.1", () => {
        socket.write(
          `POST /sse/message?sessionId=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TEST_ACCESS_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"js`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 300);
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!logLines(stack).some((l) => l.event === "internal_error"), "no internal_error logged");
  });

  test("an SSE session whose client went away answers 404 once the next keep-alive finds it gone, and its Durable Object lets go of it", async () => {
    const { endpoint, close } = await openSse(stack);
    const live = await post(stack, endpoint, authHeaders());
    assert.equal(live.status, 202, "the open session takes messages");
    await live.text();
    close();
    let status = 0;
    for (let i = 0; i < 20 && status !== 404; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const res = await post(stack, endpoint, authHeaders());
      await res.text();
      status = res.status;
    }
    assert.equal(status, 404);
  });

  test("an open SSE stream carries keep-alive comments while idle", async () => {
    const controller = new AbortController();
    const res = await fetch(`${stack.url}/sse`, { headers: { accept: "text/event-stream", ...authHeaders() }, signal: controller.signal });
    const reader = res.body!.getReader();
    let text = "";
    const deadline = Date.now() + 5000;
    while (!text.includes(": keepalive") && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    assert.match(text, /event: endpoint/);
    assert.match(text, /: keepalive\n\n/);
  });

  test("a JSON-RPC batch over SSE gets a clean 400, not a 500; GET /sse asking for a WebSocket gets 400 at once", async () => {
    const { endpoint, close } = await openSse(stack);
    try {
      const res = await post(stack, endpoint, authHeaders(), JSON.stringify([JSON.parse(LIST), JSON.parse(LIST)]));
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: { code: number; message: string } };
      assert.equal(body.error.code, -32600);
      assert.match(body.error.message, /one JSON-RPC message per POST/);
    } finally {
      close();
    }
    const started = Date.now();
    const ws = await raw(`${stack.url}/sse`, {
      headers: {
        ...authHeaders(),
        upgrade: "websocket",
        connection: "Upgrade",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        "sec-websocket-version": "13",
      },
    });
    assert.equal(ws.status, 400);
    assert.ok(Date.now() - started < 3000, "answered at once");
  });

  test("a refused Origin gets no Access-Control-Allow-Origin", async () => {
    const res = await post(stack, "/mcp", { ...authHeaders(), origin: "https://evil.example" });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get("access-control-allow-origin"), null);
    await res.text();
  });

  test("a consent POST checks the handle and this browser's cookie before the token, and counts wrong tokens per IP", async () => {
    await startOfFreshWindow();
    const ip = "198.51.100.20";
    const clientId = await registerClient(stack.url, REDIRECT);
    const consentPage = async () => {
      const url = authorizationUrl(stack.url, { clientId, redirectUri: REDIRECT, challenge: pkcePair().challenge, state: "s" });
      const res = await fetch(url, { headers: { "cf-connecting-ip": ip } });
      const html = await res.text();
      return {
        handle: /name="handle" value="([^"]+)"/.exec(html)![1]!,
        cookie: res.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      };
    };
    const submit = (fields: Record<string, string>, cookie?: string) =>
      fetch(`${stack.url}/authorize`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip, ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams({ decision: "approve", ...fields }).toString(),
      });

    // A forged form (made-up handle, or a real one without its cookie) learns nothing about the token.
    const page = await consentPage();
    for (const token of [TEST_ACCESS_TOKEN, "wrong-token-0123456789abcdefgh"]) {
      const bogus = await submit({ handle: "A".repeat(43), access_token: token }, page.cookie);
      const cookieless = await submit({ handle: page.handle, access_token: token });
      assert.deepEqual([bogus.status, cookieless.status], [400, 400], "the same answer whatever the token");
      await Promise.all([bogus.text(), cookieless.text()]);
    }

    // Wrong tokens, each on a fresh page: counted, and past the limit refused before the token is looked at.
    const answers: number[] = [];
    for (let i = 0; i <= CONSENT_FAILURES_PER_MINUTE; i++) {
      const fresh = await consentPage();
      const res = await submit({ handle: fresh.handle, access_token: `wrong-token-${i}-0123456789abcdef` }, fresh.cookie);
      await res.text();
      answers.push(res.status);
    }
    assert.deepEqual(answers, [...Array(CONSENT_FAILURES_PER_MINUTE).fill(403), 429]);
    const fresh = await consentPage();
    const right = await submit({ handle: fresh.handle, access_token: TEST_ACCESS_TOKEN }, fresh.cookie);
    assert.equal(right.status, 429, "even the right token waits out the limit");
    assert.ok(right.headers.get("retry-after"));
    await right.text();
  });

  test("PKCE S256 is required of every client, confidential ones included", async () => {
    const reg = await fetch(`${stack.url}/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "confidential",
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      }),
    });
    const { client_id } = (await reg.json()) as { client_id: string };
    const url = authorizationUrl(stack.url, { clientId: client_id, redirectUri: REDIRECT, challenge: "x", state: "s" });
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const res = await fetch(url, { redirect: "manual" });
    await res.text();
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get("location")!);
    assert.equal(location.searchParams.get("error"), "invalid_request");
    assert.match(location.searchParams.get("error_description") ?? "", /PKCE/);
  });
});
