/**
 * Upstream pacing through the Worker in workerd (the UpstreamPacer Durable
 * Object under wrangler dev), judged by a SmartLead fake that enforces the same
 * budget and counts the 429s it sends. Counts only, never milliseconds.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { enforceSmartLeadLimits } from "../../dev/stack";
import { call, connect, errorOf } from "../helpers/mcp";
import { type Stack, startStack, TEST_ACCESS_TOKEN, TEST_USER } from "../helpers/stack";

const token = (name: string) => `${name}-token-0123456789abcdefghij`;
/** How many calls each user fires at once: alice is the busy one. */
const LOAD = { alice: 16, bob: 8, carol: 4 } as const;
const LIMITS = { perSecond: 5, perMinute: 20, perHour: 1000 };

let stack: Stack;
const clients: Client[] = [];

before(async () => {
  stack = await startStack({
    MCP_ACCESS_TOKENS: [`${TEST_USER}:${TEST_ACCESS_TOKEN}`, ...Object.keys(LOAD).map((u) => `${u}:${token(u)}`)].join(","),
    SMARTLEAD_RATE_LIMIT: `${LIMITS.perMinute}/${LIMITS.perHour}/${LIMITS.perSecond}`,
    // A short deadline, so that some calls cannot get a turn in time and must be refused.
    UPSTREAM_TIMEOUT_MS: "3000",
  });
});
after(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  await stack?.stop();
});

test("concurrent calls from three users: no upstream 429, every call answered or refused with rate_limited, every user served", async () => {
  const enforcer = enforceSmartLeadLimits(stack.fakes, LIMITS);
  const users = Object.keys(LOAD) as (keyof typeof LOAD)[];
  const byUser = new Map<string, Client>();
  for (const user of users) {
    const client = await connect(stack.url, "mcp", { token: token(user) });
    clients.push(client);
    byUser.set(user, client);
  }
  // Interleaved, as independent clients would send them.
  const calls: { user: string; result: Promise<CallToolResult> }[] = [];
  for (let i = 0; i < Math.max(...Object.values(LOAD)); i++) {
    for (const user of users) if (i < LOAD[user]) calls.push({ user, result: call(byUser.get(user)!, "smartlead_list_campaigns") });
  }
  const results = await Promise.all(calls.map(async (c) => ({ user: c.user, result: await c.result })));

  assert.equal(enforcer.rejected, 0, "the upstream never had to answer 429");
  const ok = results.filter((r) => !r.result.isError);
  const refused = results.filter((r) => r.result.isError);
  for (const r of refused) {
    const error = errorOf(r.result);
    assert.equal(error.code, "rate_limited", JSON.stringify(error));
    assert.ok(Number.isInteger(error.retry_after_seconds) && (error.retry_after_seconds as number) >= 1, JSON.stringify(error));
  }
  // Each answered call made one upstream request, and together they stayed within the minute's budget.
  assert.equal(ok.length, enforcer.admitted);
  assert.ok(ok.length >= LIMITS.perSecond && ok.length <= LIMITS.perMinute, `${ok.length} answered`);
  assert.ok(refused.length >= results.length - LIMITS.perMinute, `${refused.length} refused`);
  for (const user of users)
    assert.ok(
      ok.some((r) => r.user === user),
      `${user} got no turn: ${ok.map((r) => r.user).join(",")}`,
    );
  // Round-robin: the lightest user is not starved by the busiest (coarse: at least half its calls answered).
  assert.ok(ok.filter((r) => r.user === "carol").length >= LOAD.carol / 2, ok.map((r) => r.user).join(","));

  const health = (await (await fetch(`${stack.url}/health`)).json()) as { policy?: { upstream_pacing?: unknown } };
  assert.deepEqual(health.policy?.upstream_pacing, { smartlead: "20/1000/5", leadmagic: "off", store: "durable_object" });
});
