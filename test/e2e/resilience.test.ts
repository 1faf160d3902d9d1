/**
 * Upstream failure modes end to end: for a free LeadMagic read, a paid
 * LeadMagic call and a SmartLead read, each failure gives an isError result
 * with the right code, the right number of upstream attempts (paid calls are
 * never repeated except after a 429), and nothing secret or internal in the
 * result or in the Worker's log.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { LEADMAGIC_TEST_KEY } from "../../dev/fakes/leadmagic";
import type { FakeReply, RecordedRequest } from "../../dev/fakes/server";
import { SMARTLEAD_TEST_KEY } from "../../dev/fakes/smartlead/index";
import { call, connect } from "../helpers/mcp";
import { type Fakes, resetFakes, type Stack, startStack } from "../helpers/stack";

const DEADLINE_MS = 2500;
const INTERNAL = "TRACE-7f3a internal detail";

interface Kind {
  label: string;
  tool: string;
  args: Record<string, unknown>;
  host: keyof Fakes;
  /** Reads are retried after 5xx; paid calls are not. */
  retried: boolean;
}

const KINDS: Kind[] = [
  { label: "free LeadMagic read", tool: "leadmagic_get_credits", args: {}, host: "leadmagic", retried: true },
  {
    label: "paid LeadMagic call",
    tool: "leadmagic_find_email",
    args: { first_name: "Jane", last_name: "Doe", domain: "example.com" },
    host: "leadmagic",
    retried: false,
  },
  { label: "SmartLead read", tool: "smartlead_list_campaigns", args: {}, host: "smartlead", retried: true },
];

interface Scenario {
  name: string;
  replies: (host: keyof Fakes, stack: Stack) => FakeReply[];
  code: string | null;
  /** Attempts for a read, and for a paid call. */
  attempts: [number, number];
}

const html502: FakeReply = { status: 502, body: `<html><body><h1>502 Bad Gateway</h1>${INTERNAL}</body></html>`, headers: { "content-type": "text/html" } };
const fail500: FakeReply = {
  status: 500,
  body: { message: `Internal server error ${INTERNAL}`, stack: `Error: boom\n    at handler (/srv/app.js:1:1) ${INTERNAL}` },
};

const SCENARIOS: Scenario[] = [
  {
    name: "429 with Retry-After, then success",
    replies: () => [{ status: 429, body: { message: "Too many requests" }, headers: { "Retry-After": "1" } }],
    code: null,
    attempts: [2, 2],
  },
  { name: "500", replies: () => [fail500, fail500, fail500], code: "upstream_unavailable", attempts: [3, 1] },
  { name: "401", replies: () => [{ status: 401, body: { message: `Invalid API key ${INTERNAL}` } }], code: "upstream_auth", attempts: [1, 1] },
  { name: "HTML 502", replies: () => [html502, html502, html502], code: "upstream_unavailable", attempts: [3, 1] },
  {
    name: "400 echoing the key and the URL",
    replies: (host, stack) => [
      {
        status: 400,
        body: {
          message: `Bad request for ${stack.fakes[host].baseUrl}/x?api_key=${host === "leadmagic" ? LEADMAGIC_TEST_KEY : SMARTLEAD_TEST_KEY} with key ${LEADMAGIC_TEST_KEY} ${SMARTLEAD_TEST_KEY}`,
        },
      },
    ],
    code: "invalid_input",
    attempts: [1, 1],
  },
  { name: "empty 200 body", replies: () => [{ status: 200, body: "" }], code: "upstream_bad_response", attempts: [1, 1] },
  {
    name: "non-JSON 200",
    replies: () => [{ status: 200, body: `OK ${INTERNAL}`, headers: { "content-type": "text/plain" } }],
    code: "upstream_bad_response",
    attempts: [1, 1],
  },
  { name: "20 MB body", replies: () => [{ status: 200, streamBytes: 20 * 1024 * 1024 }], code: "response_too_large", attempts: [1, 1] },
  { name: "302 to another path", replies: () => [{ status: 302, headers: { location: "/steal-the-key" } }], code: "upstream_bad_response", attempts: [1, 1] },
  { name: "a hang past the deadline", replies: () => [{ hang: true }], code: "timeout", attempts: [1, 1] },
];

let stack: Stack;
let client: Client;
before(async () => {
  stack = await startStack({ UPSTREAM_TIMEOUT_MS: String(DEADLINE_MS) });
  client = await connect(stack.url, "mcp", { query: "toolsets=all" });
});
after(async () => {
  await client?.close();
  await stack?.stop();
});

function assertClean(text: string, where: string): void {
  for (const secret of [LEADMAGIC_TEST_KEY, SMARTLEAD_TEST_KEY, "api_key=", INTERNAL, "/srv/app.js", "127.0.0.1:"]) {
    assert.ok(!text.includes(secret), `${where} contains ${secret}`);
  }
}

for (const kind of KINDS) {
  describe(kind.label, () => {
    for (const s of SCENARIOS) {
      test(s.name, async () => {
        resetFakes(stack.fakes);
        const logStart = stack.worker.logs().length;
        stack.fakes[kind.host].next(...s.replies(kind.host, stack));
        const started = Date.now();
        const result: CallToolResult = await call(client, kind.tool, kind.args);
        const elapsed = Date.now() - started;
        const attempts = stack.fakes[kind.host].requests.length;
        assert.equal(attempts, kind.retried ? s.attempts[0] : s.attempts[1], "upstream attempts");
        if (s.code === null) {
          assert.ok(!result.isError, JSON.stringify(result.content));
        } else {
          assert.equal(result.isError, true);
          const error = (result.structuredContent as { error: { code: string; message: string; may_have_acted?: boolean } }).error;
          assert.equal(error.code, s.code);
          if (s.code === "upstream_unavailable" && !kind.retried) assert.match(error.message, /not retried/);
          if (s.code === "timeout") {
            assert.ok(elapsed < DEADLINE_MS + 1500, `timeout took ${elapsed} ms`);
            if (!kind.retried) {
              assert.equal(error.may_have_acted, true);
              assert.match(error.message, /may already have acted/);
            }
          }
        }
        if (s.name.startsWith("302")) {
          assert.ok(Object.values(stack.fakes).every((f) => f.requests.every((r: RecordedRequest) => !r.path.includes("steal"))));
        }
        assertClean(JSON.stringify(result), "result");
        await new Promise((r) => setTimeout(r, 50));
        assertClean(stack.worker.logs().slice(logStart), "worker log");
      });
    }
  });
}

describe("rate-limit awareness", () => {
  test("an exhausted SmartLead budget (X-RateLimit-Remaining: 0) is reported in the result", async () => {
    resetFakes(stack.fakes);
    const reset = Math.floor(Date.now() / 1000) + 30;
    stack.fakes.smartlead.next({
      body: [{ id: 1, name: "Q4", status: "ACTIVE" }],
      headers: { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(reset) },
    });
    const result = await call(client, "smartlead_list_campaigns", {});
    assert.ok(!result.isError, JSON.stringify(result.content));
    const data = result.structuredContent as { count: number; rate_limit?: { remaining: number; reset_seconds: number } };
    assert.equal(data.count, 1);
    assert.equal(data.rate_limit?.remaining, 0);
    assert.ok(data.rate_limit!.reset_seconds > 0 && data.rate_limit!.reset_seconds <= 31, String(data.rate_limit!.reset_seconds));
  });

  test("an exhausted LeadMagic budget (RateLimit-Remaining: 0) is reported beside the credit headers", async () => {
    resetFakes(stack.fakes);
    stack.fakes.leadmagic.next({
      body: { credits: 42 },
      headers: { "RateLimit-Limit": "300", "RateLimit-Remaining": "0", "RateLimit-Reset": "12", "X-Credits-Remaining": "42" },
    });
    const result = await call(client, "leadmagic_get_credits", {});
    const data = result.structuredContent as { credits_remaining: number; rate_limit?: { remaining: number; reset_seconds: number } };
    assert.equal(data.credits_remaining, 42);
    assert.deepEqual(data.rate_limit, { remaining: 0, reset_seconds: 12 });
  });

  test("a budget that is not exhausted adds nothing", async () => {
    resetFakes(stack.fakes);
    const result = await call(client, "leadmagic_get_credits", {});
    assert.equal((result.structuredContent as { rate_limit?: unknown }).rate_limit, undefined);
  });
});
