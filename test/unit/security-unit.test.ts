/**
 * Unit tests for the edge-security building blocks: access-token parsing and
 * matching, allowed origins, HTTPS and Origin decisions, the capped body
 * reader, consent-page escaping, SSE session binding, and the KV rate limiter
 * (with an injected clock and an in-memory store standing in for KV).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ConsentDescription } from "@cloudflare/workers-oauth-provider";
import { constantTimeEqual, currentBinding, grantBinding, matchAccessToken } from "../../src/auth/access-tokens";
import { bearerToken } from "../../src/auth/bearer";
import { bearerChallenge } from "../../src/auth/challenge";
import { consentPage, escapeHtml, upstreamSummary } from "../../src/auth/consent-page";
import { newSessionId, sessionBelongsTo } from "../../src/auth/sse-session";
import { ConfigError, parseAccessTokens, parseAllowedOrigins, parseConfig, weakTokenNames } from "../../src/config";
import { requireHttps } from "../../src/edge/https";
import { originAllowed } from "../../src/edge/origin";
import { COUNTER_TTL_SECONDS, type CounterStore, FixedWindowLimiter } from "../../src/edge/rate-limit";
import { routeKind } from "../../src/edge/routes";
import { readCapped } from "../../src/streams";

const T1 = "alice-token-0123456789abcdef";
const T2 = "bot-token-ZYXWVUTSRQPONMLK";

describe("MCP_ACCESS_TOKENS", () => {
  test("parses name:token pairs, trimming whitespace and empty entries", () => {
    assert.deepEqual(parseAccessTokens(` alice:${T1} , ci-bot.v2:${T2},`), [
      { name: "alice", token: T1 },
      { name: "ci-bot.v2", token: T2 },
    ]);
    assert.deepEqual(parseAccessTokens(undefined), []);
    assert.deepEqual(parseAccessTokens("  "), []);
  });

  test("refuses names that would break the OAuth user id or logs, empty tokens, odd characters and duplicates — never echoing a token", () => {
    const bad: [string, RegExp][] = [
      [`no-colon-${T1}`, /name:token/],
      [`ali:ce:${T1}`, /token may only use/],
      [`al ice:${T1}`, /name must be/],
      [`${"n".repeat(65)}:${T1}`, /name must be/],
      [`:${T1}`, /name must be/],
      ["alice:", /token is empty/],
      [`alice:${T1} with space`, /token may only use/],
      [`alice:${T1},alice:${T2}`, /used twice/],
      [`alice:${T1},bob:${T1}`, /same token/],
    ];
    for (const [raw, why] of bad) {
      assert.throws(
        () => parseAccessTokens(raw),
        (e: Error) => e instanceof ConfigError && why.test(e.message) && !e.message.includes(T1),
        raw,
      );
    }
  });

  test("short tokens work but are named as weak", () => {
    const tokens = parseAccessTokens(`probe:secret,alice:${T1}`);
    assert.deepEqual(
      tokens.map((t) => t.name),
      ["probe", "alice"],
    );
    assert.deepEqual(weakTokenNames(tokens), ["probe"]);
  });

  test("config defaults for the new settings", () => {
    const c = parseConfig({} as never);
    assert.deepEqual(c.accessTokens, []);
    assert.deepEqual(c.allowedOrigins, []);
    assert.equal(c.maxRequestBytes, 1024 * 1024);
    assert.deepEqual(c.rateLimits, { userPerMinute: 120, ipPerMinute: 600 });
    assert.throws(() => parseConfig({ RATE_LIMIT_USER_PER_MINUTE: "0" } as never), /RATE_LIMIT_USER_PER_MINUTE/);
    assert.throws(() => parseConfig({ MAX_REQUEST_BYTES: "1e3x" } as never), /MAX_REQUEST_BYTES/);
  });

  test("matching is exact, by whole token, and names the user", async () => {
    const tokens = parseAccessTokens(`alice:${T1},bot:${T2}`);
    assert.equal(await matchAccessToken(tokens, T1), "alice");
    assert.equal(await matchAccessToken(tokens, T2), "bot");
    for (const wrong of ["", T1.slice(0, -1), `${T1}x`, T1.toUpperCase(), "alice"]) assert.equal(await matchAccessToken(tokens, wrong), undefined, wrong);
    assert.equal(await matchAccessToken([], T1), undefined);
  });

  test("constant-time comparison and grant bindings", async () => {
    assert.equal(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3])), true);
    assert.equal(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])), false);
    assert.equal(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3])), false);
    const tokens = parseAccessTokens(`alice:${T1}`);
    assert.equal(await currentBinding(tokens, "alice"), await grantBinding(T1));
    assert.notEqual(await grantBinding(T1), await grantBinding(T2));
    assert.equal(await currentBinding(tokens, "bob"), undefined);
    assert.ok(!(await grantBinding(T1)).includes(T1));
  });

  test("Authorization parsing and the challenge", () => {
    assert.equal(bearerToken(null), undefined);
    assert.equal(bearerToken(`Bearer ${T1}`), T1);
    assert.equal(bearerToken(`bearer\t${T1} `), T1);
    assert.equal(bearerToken(`Basic ${T1}`), null);
    assert.equal(bearerToken(`Bearer ${T1} extra`), null);
    assert.equal(bearerToken("Bearer"), null);
    assert.equal(
      bearerChallenge("https://x.example", "/mcp", true, false),
      `Bearer realm="mcp", resource_metadata="https://x.example/.well-known/oauth-protected-resource/mcp"`,
    );
    assert.equal(
      bearerChallenge("https://x.example", "/sse", true, false),
      `Bearer realm="mcp", resource_metadata="https://x.example/.well-known/oauth-protected-resource/sse"`,
    );
    assert.match(bearerChallenge("https://x.example", "/mcp", true, true), /error="invalid_token"/);
    assert.doesNotMatch(bearerChallenge("https://x.example", "/mcp", false, false), /resource_metadata/);
  });
});

describe("origins and HTTPS", () => {
  test("ALLOWED_ORIGINS are normalized origins; wildcards, paths and queries are refused", () => {
    assert.deepEqual(parseAllowedOrigins("https://App.Example.com/, http://localhost:6274"), ["https://app.example.com", "http://localhost:6274"]);
    for (const bad of ["*", "https://a.example/path", "https://a.example?x=1", "ftp://a.example", "a.example"]) {
      assert.throws(() => parseAllowedOrigins(bad), ConfigError, bad);
    }
  });

  test("Origin check: absent passes, own and listed pass, anything else fails", () => {
    assert.equal(originAllowed(null, "https://mcp.example", []), true);
    assert.equal(originAllowed("https://mcp.example", "https://mcp.example", []), true);
    assert.equal(originAllowed("https://app.example", "https://mcp.example", ["https://app.example"]), true);
    assert.equal(originAllowed("https://evil.example", "https://mcp.example", ["https://app.example"]), false);
    assert.equal(originAllowed("null", "https://mcp.example", []), false);
    assert.equal(originAllowed("https://mcp.example.evil.example", "https://mcp.example", []), false);
  });

  test("plain http is refused for public hosts, allowed on loopback, redirected only for a browser opening /", async () => {
    const req = (url: string, init: RequestInit = {}) => [new Request(url, init), new URL(url)] as const;
    for (const url of ["http://127.0.0.1:8787/mcp", "http://localhost:8787/mcp", "http://[::1]:8787/mcp", "https://mcp.example.com/mcp"]) {
      const [r, u] = req(url, { method: "POST" });
      assert.equal(requireHttps(r, u, "mcp"), null, url);
    }
    const [r1, u1] = req("http://mcp.example.com/mcp", { method: "POST" });
    const refused = requireHttps(r1, u1, "mcp")!;
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /HTTPS required/);
    const [r2, u2] = req("http://mcp.example.com/?a=1", { headers: { accept: "text/html" } });
    const moved = requireHttps(r2, u2, "other")!;
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get("location"), "https://mcp.example.com/?a=1");
    const [r3, u3] = req("http://mcp.example.com/health");
    assert.equal(requireHttps(r3, u3, "other")!.status, 403);
  });

  test("route classification", () => {
    assert.equal(routeKind("/mcp"), "mcp");
    assert.equal(routeKind("/sse/message"), "mcp");
    assert.equal(routeKind("/token"), "oauth");
    assert.equal(routeKind("/.well-known/oauth-protected-resource/mcp"), "oauth");
    assert.equal(routeKind("/.well-known/oauth-authorization-server/sse"), "oauth");
    assert.equal(routeKind("/.well-known/oauth-authorization-server/other"), "other");
    assert.equal(routeKind("/health"), "other");
  });
});

describe("request body cap", () => {
  function streamOf(chunks: number, size: number, counter: { pulled: number }): ReadableStream<Uint8Array> {
    return new ReadableStream({
      pull(controller) {
        if (counter.pulled >= chunks) return controller.close();
        counter.pulled++;
        controller.enqueue(new Uint8Array(size));
      },
    });
  }

  test("stops reading past the cap, whatever Content-Length says", async () => {
    const counter = { pulled: 0 };
    const request = new Request("https://x.example/mcp", { method: "POST", body: streamOf(80, 64 * 1024, counter), duplex: "half" } as RequestInit);
    const result = await readCapped(request, 1024 * 1024);
    assert.equal(result, undefined);
    assert.ok(counter.pulled <= 20, `read ${counter.pulled} chunks of a 5 MiB stream`);
  });

  test("a declared size over the cap is refused without reading; a body within the cap is returned whole", async () => {
    const counter = { pulled: 0 };
    const declared = new Request("https://x.example/token", {
      method: "POST",
      headers: { "content-length": String(2 * 1024 * 1024) },
      body: streamOf(2, 16, counter),
      duplex: "half",
    } as RequestInit);
    assert.equal(await readCapped(declared, 1024 * 1024), undefined);
    assert.equal(counter.pulled, 0);
    const small = await readCapped(new Request("https://x.example/token", { method: "POST", body: "a=1&b=2" }), 1024);
    assert.equal(new TextDecoder().decode(small), "a=1&b=2");
  });
});

describe("consent page", () => {
  const config = parseConfig({ SMARTLEAD_API_KEY: "sl_key_never_shown_123", LEADMAGIC_API_KEY: "lm_key_never_shown_456" } as never);
  const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
  const details: ConsentDescription = {
    clientId: "client-1",
    clientName: evil,
    redirectUri: `http://127.0.0.1:9/cb?x="><script>alert(3)</script>`,
    redirectHost: "127.0.0.1",
    redirectIsLoopback: true,
    scope: [`mcp"><b>`],
  };

  test("escapes every client-controlled string and shows the upstreams, never a key", () => {
    const html = consentPage(details, "handle-123", config);
    assert.ok(!/<script|<img|<b>/i.test(html));
    assert.ok(html.includes(escapeHtml(evil)));
    assert.ok(html.includes("&#60;script&#62;alert(3)"));
    assert.match(html, /SmartLead/);
    assert.match(html, /LeadMagic/);
    assert.match(html, /app on this computer/);
    assert.ok(!html.includes("sl_key_never_shown_123") && !html.includes("lm_key_never_shown_456"));
    assert.equal(escapeHtml(`&<>"'\`=`), "&#38;&#60;&#62;&#34;&#39;&#96;&#61;");
  });

  test("the upstream summary follows the configuration", () => {
    assert.match(upstreamSummary(parseConfig({} as never)).join(" "), /No upstream API is configured/);
    assert.match(upstreamSummary(parseConfig({ LEADMAGIC_API_KEY: "k", MCP_READ_ONLY: "true" } as never)).join(" "), /read-only/);
  });
});

describe("SSE session ids", () => {
  test("bound to the user who opened the stream", async () => {
    const id = await newSessionId("alice");
    assert.match(id, /^[0-9a-f]{32}-[0-9a-f]{32}$/);
    assert.notEqual(id, await newSessionId("alice"));
    assert.equal(await sessionBelongsTo(id, "alice"), true);
    assert.equal(await sessionBelongsTo(id, "bob"), false);
    assert.equal(await sessionBelongsTo(`${id.slice(0, 32)}-${"0".repeat(32)}`, "alice"), false);
    assert.equal(await sessionBelongsTo(null, "alice"), false);
    assert.equal(await sessionBelongsTo("does-not-exist", "alice"), false);
  });
});

/** An in-memory stand-in for KV that records every write. */
class MemoryStore implements CounterStore {
  data = new Map<string, string>();
  puts: { key: string; value: string; ttl: number; at: number }[] = [];
  gets = 0;
  failGet = false;
  failPut = false;
  constructor(private readonly clock: () => number) {}
  async get(key: string) {
    this.gets++;
    if (this.failGet) throw new Error("KV get failed");
    return this.data.get(key) ?? null;
  }
  async put(key: string, value: string, options: { expirationTtl: number }) {
    if (this.failPut) throw new Error("KV put failed");
    this.puts.push({ key, value, ttl: options.expirationTtl, at: this.clock() });
    this.data.set(key, value);
  }
}

/**
 * A limiter world with a fake clock: sleeps wait until the test advances time,
 * and settle() runs every pending flush to completion (advancing to each timer).
 */
function harness(start = Date.UTC(2026, 0, 1, 12, 0, 5)) {
  let now = start;
  let scheduled = 0;
  let finished = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const errors: string[] = [];
  const fire = () => {
    for (const t of [...timers]) {
      if (t.at <= now) {
        timers.splice(timers.indexOf(t), 1);
        t.resolve();
      }
    }
  };
  const deps = {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })),
    onStoreError: (op: string) => void errors.push(op),
  };
  const store = new MemoryStore(() => now);
  const tick = () => new Promise((r) => setImmediate(r));
  return {
    store,
    errors,
    limiter: () => new FixedWindowLimiter(deps),
    advance: (ms: number) => {
      now += ms;
      fire();
    },
    /** `s` null: no KV binding. */
    check: (l: FixedWindowLimiter, id: string, limit: number, s: CounterStore | null = store) =>
      l.check({
        scope: "user",
        id,
        limit,
        store: s ?? undefined,
        waitUntil: (p) => {
          scheduled++;
          void p.finally(() => finished++);
        },
      }),
    settle: async () => {
      for (let i = 0; i < 10_000; i++) {
        await tick();
        if (timers.length) {
          now = Math.max(now, Math.min(...timers.map((t) => t.at)));
          fire();
        } else if (finished === scheduled) {
          return;
        }
      }
      throw new Error("flushes did not settle");
    },
  };
}

describe("KV rate limiter", () => {
  test("exact within an isolate: the N+1-th request in a window is refused, with the time to the window's end", async () => {
    const h = harness();
    const l = h.limiter();
    for (let i = 1; i <= 5; i++) {
      const d = await h.check(l, "alice", 5);
      assert.equal(d.allowed, true);
      assert.equal(d.remaining, 5 - i);
    }
    const refused = await h.check(l, "alice", 5);
    assert.equal(refused.allowed, false);
    assert.equal(refused.remaining, 0);
    assert.equal(refused.resetSeconds, 55);
    assert.equal((await h.check(l, "bob", 5)).allowed, true, "counters are per identity");
    h.advance(55_000);
    assert.equal((await h.check(l, "alice", 5)).allowed, true, "a new window starts fresh");
  });

  test("a burst is coalesced into few writes, at most one per second per key, with hashed keys and a TTL of at least 60 s", async () => {
    const h = harness();
    const l = h.limiter();
    await Promise.all(Array.from({ length: 50 }, () => h.check(l, "alice", 1000)));
    await h.settle();
    assert.ok(h.store.puts.length <= 2, `${h.store.puts.length} writes for one burst`);
    assert.equal(h.store.puts.at(-1)!.value, "50");
    for (let i = 1; i < h.store.puts.length; i++) assert.ok(h.store.puts[i]!.at - h.store.puts[i - 1]!.at >= 1000);
    for (const p of h.store.puts) {
      assert.ok(p.ttl >= 60 && p.ttl === COUNTER_TTL_SECONDS);
      assert.match(p.key, /^rl:user:\d+:[0-9a-f]{32}$/);
      assert.ok(!p.key.includes("alice"));
    }
  });

  test("requests over the limit write nothing", async () => {
    const h = harness();
    const l = h.limiter();
    for (let i = 0; i < 3; i++) await h.check(l, "alice", 3);
    await h.settle();
    const writes = h.store.puts.length;
    for (let i = 0; i < 20; i++) assert.equal((await h.check(l, "alice", 3)).allowed, false);
    await h.settle();
    assert.equal(h.store.puts.length, writes);
  });

  test("another isolate sees the shared count through KV (the cross-isolate approximation)", async () => {
    const h = harness();
    const a = h.limiter();
    const b = h.limiter();
    for (let i = 0; i < 7; i++) await h.check(a, "alice", 10);
    await h.settle();
    let admitted = 0;
    for (let i = 0; i < 10; i++) if ((await h.check(b, "alice", 10)).allowed) admitted++;
    assert.equal(admitted, 3);
    await h.settle();
    assert.equal(h.store.data.values().next().value, "10", "flushes merge with what other isolates wrote");
  });

  test("KV failures fail open only to the in-isolate count: the limit still holds in this isolate", async () => {
    const h = harness();
    h.store.failGet = true;
    h.store.failPut = true;
    const l = h.limiter();
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await h.check(l, "alice", 4)).allowed);
    await h.settle();
    assert.deepEqual(results, [true, true, true, true, false, false]);
    assert.ok(h.errors.includes("get") && h.errors.includes("put"));
  });

  test("without a KV binding the limiter counts per isolate and never touches a store", async () => {
    const h = harness();
    const l = h.limiter();
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await h.check(l, "alice", 2, null)).allowed);
    assert.deepEqual(results, [true, true, false]);
    assert.equal(h.store.gets + h.store.puts.length, 0);
  });

  test("the hot path reads KV once per key per window", async () => {
    const h = harness();
    const l = h.limiter();
    for (let i = 0; i < 30; i++) await h.check(l, "alice", 100);
    const hotReads = h.store.gets;
    await h.settle();
    assert.ok(hotReads <= 2, `${hotReads} reads before any flush`);
  });
});
