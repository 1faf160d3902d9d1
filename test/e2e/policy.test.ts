/**
 * The spend and send policy through the Worker in workerd (wrangler dev, real
 * local Durable Objects and KV), as clients use it, judged by what the
 * recording fakes received: a budget is exact across transports and under
 * concurrency, a read-only token (and an OAuth grant it approved) cannot delete
 * on either transport, a blocked lead never reaches SmartLead, and the
 * enrichment cache answers a repeated lookup without spending.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { call, connect, errorOf, TRANSPORTS } from "../helpers/mcp";
import { grantApprovedWith } from "../helpers/oauth";
import { resetFakes, type Stack, startStack, TEST_ACCESS_TOKEN, TEST_USER } from "../helpers/stack";

const token = (name: string) => `${name}-token-0123456789abcdefghij`;
const USERS = ["alice", "bob", "reader", "carol"];
const FIND = { last_name: "Doe", domain: "example.com" };

let stack: Stack;
const clients: Client[] = [];
async function open(kind: "mcp" | "sse", user: string, query = "toolsets=all"): Promise<Client> {
  const client = await connect(stack.url, kind, { token: user === TEST_USER ? TEST_ACCESS_TOKEN : token(user), query });
  clients.push(client);
  return client;
}

before(async () => {
  stack = await startStack({
    MCP_ACCESS_TOKENS: [`${TEST_USER}:${TEST_ACCESS_TOKEN}`, ...USERS.map((u) => `${u}:${token(u)}`)].join(","),
    CREDIT_BUDGETS: "alice:5,bob:5",
    MCP_TOKEN_SCOPES: JSON.stringify({ reader: { read_only: true } }),
    DO_NOT_CONTACT: "rival.io",
    ENRICHMENT_CACHE_TTL_DAYS: "7",
    MCP_ADMIN_TOOLS: "true",
  });
});
after(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  await stack?.stop();
});

describe("daily credit budgets (CREDIT_LEDGER)", () => {
  test("the sixth paid call of a 5-credit budget never reaches the upstream, whichever transport carries it", async () => {
    resetFakes(stack.fakes);
    const mcp = await open("mcp", "alice");
    const sse = await open("sse", "alice");
    for (let i = 0; i < 5; i++) {
      const r = await call(i % 2 ? sse : mcp, "leadmagic_find_email", { ...FIND, first_name: `Budget${i}` });
      assert.ok(!r.isError, JSON.stringify(r));
    }
    const sixth = await call(sse, "leadmagic_find_email", { ...FIND, first_name: "Budget5" });
    assert.equal(errorOf(sixth).code, "budget_exceeded");
    assert.equal(stack.fakes.leadmagic.requests.length, 5);
    const report = (await call(mcp, "gtm_get_budget")).structuredContent as { budgets: Record<string, Record<string, number>> };
    assert.equal(report.budgets.leadmagic_credits!.used, 5);
    assert.equal(report.budgets.leadmagic_credits!.remaining, 0);
  });

  test("twelve concurrent paid calls against 5 credits: exactly five are sent", async () => {
    resetFakes(stack.fakes);
    const mcp = await open("mcp", "bob");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(mcp, "leadmagic_find_email", { ...FIND, first_name: `Race${i}` })));
    const refused = results.filter((r) => r.isError && errorOf(r).code === "budget_exceeded").length;
    assert.equal(stack.fakes.leadmagic.requests.length, 5);
    assert.equal(refused, 7);
  });
});

describe("token scopes (MCP_TOKEN_SCOPES)", () => {
  for (const kind of TRANSPORTS) {
    test(`a read-only token cannot delete over ${kind}: not listed, refused as forbidden, nothing sent`, async () => {
      resetFakes(stack.fakes);
      const client = await open(kind, "reader");
      const names = (await client.listTools()).tools.map((t) => t.name);
      assert.ok(names.length > 0 && !names.includes("smartlead_delete_campaign"));
      const refused = await call(client, "smartlead_delete_campaign", { campaign_id: 101 });
      assert.equal(errorOf(refused).code, "forbidden");
      assert.equal(stack.fakes.smartlead.requests.length, 0);
    });
  }

  test("an OAuth grant approved with the read-only token is read-only too", async () => {
    const oauthToken = await grantApprovedWith(stack.url, token("reader"));
    resetFakes(stack.fakes);
    const client = await connect(stack.url, "mcp", { token: oauthToken, query: "toolsets=all" });
    clients.push(client);
    assert.equal(errorOf(await call(client, "smartlead_delete_campaign", { campaign_id: 101 })).code, "forbidden");
    assert.ok(!(await call(client, "smartlead_list_campaigns")).isError, "reads still work");
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => r.method),
      ["GET"],
    );
  });
});

describe("do-not-contact (DO_NOT_CONTACT and CONTACT_LIST)", () => {
  test("a blocked lead never appears in the upstream body; the managed list holds on the other transport at once", async () => {
    resetFakes(stack.fakes);
    const mcp = await open("mcp", "carol");
    const sse = await open("sse", "carol");
    const added = await call(mcp, "gtm_add_do_not_contact", { entries: ["blocked@example.com"] });
    assert.ok(!added.isError, JSON.stringify(added));
    const r = await call(sse, "smartlead_add_leads_to_campaign", {
      campaign_id: 101,
      lead_list: [{ email: "a@example.com" }, { email: "vp@eu.rival.io" }, { email: "BLOCKED@example.com" }, { email: "b@example.com" }],
    });
    assert.ok(!r.isError, JSON.stringify(r));
    assert.deepEqual((r.structuredContent as Record<string, unknown>).do_not_contact, { dropped: 2, positions: ["lead_list[1]", "lead_list[2]"] });
    const sent = JSON.stringify(stack.fakes.smartlead.requests.map((q) => q.body)).toLowerCase();
    assert.ok(!sent.includes("rival.io") && !sent.includes("blocked@example.com"), sent);
    assert.ok(sent.includes("a@example.com") && sent.includes("b@example.com"));
  });
});

describe("enrichment cache (ENRICHMENT_CACHE)", () => {
  test("a repeated lookup is answered from KV, marked cached, and spends nothing", async () => {
    resetFakes(stack.fakes);
    const client = await open("mcp", "carol");
    const first = await call(client, "leadmagic_find_email", { first_name: "Kv", ...FIND });
    const again = await call(client, "leadmagic_find_email", { first_name: "KV ", last_name: "doe", domain: "EXAMPLE.com" });
    assert.ok(!first.isError && !again.isError);
    assert.deepEqual(
      { cached: (again.structuredContent as Record<string, unknown>).cached, saved: (again.structuredContent as Record<string, unknown>).credits_saved },
      { cached: true, saved: 1 },
    );
    assert.equal(stack.fakes.leadmagic.requests.length, 1);
  });
});
