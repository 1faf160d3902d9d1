/**
 * The upstream client's retry, deadline and body policies, with an injected
 * clock: sleeps advance virtual time, so the tests are exact and instant.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig } from "../../src/config";
import { type CallPolicy, type ClientDeps, MAX_ATTEMPTS, retryAfterSeconds, UpstreamClient } from "../../src/upstream/client";
import { ToolError } from "../../src/upstream/errors";

const READ: CallPolicy = { retryable: true, hasSideEffects: false };
const PAID: CallPolicy = { retryable: false, hasSideEffects: true };

function config(timeoutMs: number) {
  return parseConfig({ LEADMAGIC_API_KEY: "lm_unit_key_123456", SMARTLEAD_API_KEY: "sl_unit_key_654321", UPSTREAM_TIMEOUT_MS: String(timeoutMs) } as never);
}

/** A virtual clock; `replies` are answered in order (the last one repeats). */
function harness(replies: (() => Response | Promise<Response>)[], random = 0.999) {
  let now = 1_000_000;
  const sleeps: { start: number; ms: number }[] = [];
  const calls: { url: string; init: RequestInit }[] = [];
  const deps: ClientDeps = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push({ start: now, ms });
      now += ms;
    },
    random: () => random,
    fetch: async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return replies[Math.min(calls.length - 1, replies.length - 1)]!();
    },
  };
  return { deps, sleeps, calls, start: now, advance: (ms: number) => (now += ms) };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

async function failure(p: Promise<unknown>): Promise<ToolError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ToolError, `expected ToolError, got ${err}`);
    return err;
  }
  assert.fail("expected the call to fail");
}

describe("retries", () => {
  test("reads are retried after 5xx, at most 3 attempts, with backoff inside the deadline", async () => {
    const h = harness([json(503, { message: "down" })]);
    const client = new UpstreamClient(config(30_000), READ, h.deps);
    const err = await failure(client.request({ base: "leadmagic", method: "GET", path: "/v1/credits" }));
    assert.equal(err.code, "upstream_unavailable");
    assert.equal(h.calls.length, MAX_ATTEMPTS);
    assert.equal(h.sleeps.length, 2);
    assert.equal(err.details.attempts, 3);
  });

  test("paid and writing calls are never retried after a 5xx, and say so", async () => {
    const h = harness([json(500, {}), json(200, { ok: 1 })]);
    const client = new UpstreamClient(config(30_000), PAID, h.deps);
    const err = await failure(client.request({ base: "leadmagic", method: "POST", path: "/v1/people/email-finder", body: {} }));
    assert.equal(err.code, "upstream_unavailable");
    assert.equal(h.calls.length, 1);
    assert.match(err.message, /not retried/);
    assert.equal(err.details.may_have_acted, true);
  });

  test("a 429 is retried for any call after Retry-After, when it fits the deadline", async () => {
    const h = harness([json(429, {}, { "Retry-After": "2" }), json(200, { credits: 5 })]);
    const client = new UpstreamClient(config(30_000), PAID, h.deps);
    const res = await client.request({ base: "leadmagic", method: "POST", path: "/v1/people/email-finder", body: {} });
    assert.deepEqual(res.data, { credits: 5 });
    assert.equal(res.attempts, 2);
    assert.deepEqual(
      h.sleeps.map((s) => s.ms),
      [2000],
    );
  });

  test("a Retry-After that does not fit the deadline is not slept: the error says how long to wait", async () => {
    const h = harness([json(429, {}, { "Retry-After": "60" })]);
    const client = new UpstreamClient(config(5_000), READ, h.deps);
    const err = await failure(client.request({ base: "smartlead", method: "GET", path: "/campaigns" }));
    assert.equal(err.code, "rate_limited");
    assert.equal(err.details.retry_after_seconds, 60);
    assert.equal(h.sleeps.length, 0);
    assert.equal(h.calls.length, 1);
  });

  test("backoff never sleeps past the deadline", async () => {
    for (const timeout of [50, 200, 400, 700, 1_000]) {
      const h = harness([json(502, {})], 0.999);
      const client = new UpstreamClient(config(timeout), READ, h.deps);
      await failure(client.request({ base: "leadmagic", method: "GET", path: "/v1/credits" }));
      for (const s of h.sleeps) assert.ok(s.start + s.ms < h.start + timeout, `sleep past deadline at timeout ${timeout}`);
    }
  });

  test("retry-after parsing: seconds, HTTP date, RateLimit-Reset delta, X-RateLimit-Reset unix time", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    assert.equal(retryAfterSeconds(new Headers({ "retry-after": "7" }), now), 7);
    assert.equal(retryAfterSeconds(new Headers({ "retry-after": "Sun, 22 Nov 2026 10:00:30 GMT" }), now), 30);
    assert.equal(retryAfterSeconds(new Headers({ "ratelimit-reset": "12" }), now), 12);
    assert.equal(retryAfterSeconds(new Headers({ "x-ratelimit-reset": String(now / 1000 + 45) }), now), 45);
    assert.equal(retryAfterSeconds(new Headers({}), now), undefined);
  });
});

describe("requests and bodies", () => {
  test("SmartLead gets the key as api_key; LeadMagic as X-API-Key; redirects are not followed", async () => {
    const h = harness([json(200, [])]);
    await new UpstreamClient(config(1000), READ, h.deps).request({ base: "smartlead", method: "GET", path: "/campaigns", query: { client_id: "3" } });
    const sl = new URL(h.calls[0]!.url);
    assert.equal(sl.searchParams.get("api_key"), "sl_unit_key_654321");
    assert.equal(sl.searchParams.get("client_id"), "3");
    assert.equal((h.calls[0]!.init.headers as Record<string, string>)["X-API-Key"], undefined);
    assert.equal(h.calls[0]!.init.redirect, "manual");

    const h2 = harness([json(200, { credits: 1 })]);
    await new UpstreamClient(config(1000), READ, h2.deps).request({ base: "leadmagic", method: "GET", path: "/v1/credits" });
    assert.ok(!h2.calls[0]!.url.includes("lm_unit_key"));
    assert.equal((h2.calls[0]!.init.headers as Record<string, string>)["X-API-Key"], "lm_unit_key_123456");
  });

  test("a 3xx is an error and is not followed", async () => {
    const h = harness([() => new Response(null, { status: 302, headers: { location: "https://evil.example/steal" } })]);
    const err = await failure(new UpstreamClient(config(1000), READ, h.deps).request({ base: "leadmagic", method: "GET", path: "/v1/credits" }));
    assert.equal(err.code, "upstream_bad_response");
    assert.equal(h.calls.length, 1);
  });

  test("bodies over the cap stop the read; declared lengths over the cap are refused unread", async () => {
    const cfg = { ...config(1000), maxResponseBytes: 1024 };
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512));
        if (pulled > 100) controller.close();
      },
    });
    const h = harness([() => new Response(stream, { status: 200, headers: { "content-type": "application/json" } })]);
    const err = await failure(new UpstreamClient(cfg, READ, h.deps).request({ base: "leadmagic", method: "GET", path: "/v1/credits" }));
    assert.equal(err.code, "response_too_large");
    assert.ok(pulled < 10, `read ${pulled} chunks after the cap`);
  });

  test("HTML, broken JSON and success:false become clean errors naming the status", async () => {
    const cases: [() => Response, string][] = [
      [() => new Response("<html><body>Bad gateway</body></html>", { status: 200, headers: { "content-type": "text/html" } }), "upstream_bad_response"],
      [() => new Response("{not json", { status: 200, headers: { "content-type": "application/json" } }), "upstream_bad_response"],
      [json(200, { success: false, message: "Campaign is archived" }), "upstream_rejected"],
    ];
    for (const [reply, code] of cases) {
      const h = harness([reply]);
      const err = await failure(new UpstreamClient(config(1000), READ, h.deps).request({ base: "smartlead", method: "GET", path: "/campaigns" }));
      assert.equal(err.code, code);
      assert.match(err.message, /SmartLead/);
    }
  });

  test("plain-text success becomes {ok: true}", async () => {
    const h = harness([() => new Response("success", { status: 200, headers: { "content-type": "text/plain" } })]);
    const res = await new UpstreamClient(config(1000), PAID, h.deps).request({ base: "smartlead", method: "POST", path: "/campaigns/1/settings", body: {} });
    assert.deepEqual(res.data, { ok: true });
  });

  test("validation messages are passed on redacted; other statuses map to stable codes", async () => {
    const body = { message: "Invalid api_key=sl_unit_key_654321 for https://server.smartlead.ai/api/v1/campaigns?api_key=sl_unit_key_654321 Bearer abc.def" };
    const h = harness([json(400, body)]);
    const err = await failure(new UpstreamClient(config(1000), READ, h.deps).request({ base: "smartlead", method: "GET", path: "/campaigns" }));
    assert.equal(err.code, "invalid_input");
    assert.ok(!err.message.includes("sl_unit_key_654321"));
    assert.ok(!err.message.includes("server.smartlead.ai"));
    assert.ok(!err.message.includes("abc.def"));
    const expected: Record<number, string> = {
      401: "upstream_auth",
      402: "insufficient_credits",
      403: "forbidden",
      404: "not_found",
      409: "conflict",
      422: "invalid_input",
    };
    for (const [status, code] of Object.entries(expected)) {
      const h2 = harness([json(Number(status), { error: "x", message: "y" })]);
      const e = await failure(new UpstreamClient(config(1000), READ, h2.deps).request({ base: "leadmagic", method: "GET", path: "/v1/credits" }));
      assert.equal(e.code, code);
      assert.equal(h2.calls.length, 1);
    }
  });

  test("a missing key is not_configured and nothing is sent", async () => {
    const h = harness([json(200, {})]);
    const cfg = parseConfig({} as never);
    const err = await failure(new UpstreamClient(cfg, READ, h.deps).request({ base: "leadmagic", method: "GET", path: "/v1/credits" }));
    assert.equal(err.code, "not_configured");
    assert.equal(h.calls.length, 0);
  });
});
