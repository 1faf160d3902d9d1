/**
 * The spend and send policy through the MCP server, in process, against the
 * recording fakes (the Durable Objects and KV replaced by their in-memory
 * twins; test/e2e/policy.test.ts runs the same rules in workerd): budgets,
 * scopes, do-not-contact and the enrichment cache, each judged by what the
 * upstream received.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type InProcessStack, startInProcess } from "../helpers/in-process";
import { call, callConfirmed, errorOf } from "../helpers/mcp";
import { resetFakes } from "../helpers/stack";

const TOKENS = ["tester", "alice", "reader", "acme", "camp", "shared"].map((n) => `${n}:${n}-token-0123456789abcdef`).join(",");
const FIND = { first_name: "Jane", last_name: "Doe", domain: "example.com" };

let stack: InProcessStack;
before(async () => {
  stack = await startInProcess({
    MCP_ACCESS_TOKENS: TOKENS,
    CREDIT_BUDGETS: "alice:5,reader:0,*:1000",
    PROSPECT_BUDGETS: "alice:3",
    MCP_TOKEN_SCOPES: JSON.stringify({
      reader: { read_only: true },
      acme: { toolsets: ["smartlead_campaigns", "smartlead_leads", "gtm_policy"], smartlead_clients: [301] },
      camp: { smartlead_campaigns: [101] },
    }),
    DO_NOT_CONTACT: "rival.io,ceo@competitor.com",
    ENRICHMENT_CACHE_TTL_DAYS: "30",
  });
});
after(() => stack?.stop());

const data = (r: Awaited<ReturnType<typeof call>>) => r.structuredContent as Record<string, unknown>;

describe("daily credit budgets", () => {
  test("the sixth 1-credit lookup of a 5-credit budget is refused before the upstream sees it", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=leadmagic_people,gtm_policy", "alice");
    for (let i = 0; i < 5; i++) {
      // Distinct lookups, so the enrichment cache cannot answer them.
      const r = await call(client, "leadmagic_find_email", { ...FIND, first_name: `Jane${i}` });
      assert.ok(!r.isError, JSON.stringify(r));
    }
    const sixth = await call(client, "leadmagic_find_email", { ...FIND, first_name: "Jane5" });
    const error = errorOf(sixth);
    assert.equal(error.code, "budget_exceeded");
    assert.match(error.message, /up to 1 LeadMagic credits, more than the 0 left of alice's daily budget of 5/);
    assert.match(error.message, /resets at \d{4}-\d\d-\d\dT00:00:00\.000Z/);
    assert.equal(stack.fakes.leadmagic.requests.length, 5, "the sixth call never reached LeadMagic");
    const budget = data(await call(client, "gtm_get_budget")).budgets as Record<string, Record<string, unknown>>;
    assert.deepEqual(
      { limit: budget.leadmagic_credits!.limit, used: budget.leadmagic_credits!.used, reserved: budget.leadmagic_credits!.reserved },
      { limit: 5, used: 5, reserved: 0 },
    );
    assert.equal(budget.purchases!.limit, null, "no purchase budget is set");
  });

  test("a free miss is settled at what LeadMagic charged (0), so it spends nothing", async () => {
    const client = await stack.connect("toolsets=leadmagic_people,gtm_policy", "shared");
    const r = await call(client, "leadmagic_find_email", { first_name: "Nobody", last_name: "Unknown", domain: "example.com" });
    assert.ok(!r.isError);
    const budget = data(await call(client, "gtm_get_budget")).budgets as Record<string, Record<string, unknown>>;
    assert.equal(budget.leadmagic_credits!.used, 0);
    assert.equal(budget.leadmagic_credits!.remaining, 1000);
  });

  test("a budget of 0 refuses every paid call, and a per-result tool reserves for the page it asks for", async () => {
    resetFakes(stack.fakes);
    const reader = await stack.connect("toolsets=leadmagic_people", "reader");
    assert.equal(errorOf(await call(reader, "leadmagic_find_email", FIND)).code, "budget_exceeded");
    const alice = await stack.connect("toolsets=smartlead_prospect", "alice");
    // 4 contacts to unlock against a SmartProspect budget of 3: refused at the preview, before a token is handed out.
    const refused = await call(alice, "smartlead_prospect_fetch_contacts", { filter_id: 7, limit: 4 });
    assert.equal(errorOf(refused).code, "budget_exceeded");
    assert.match(errorOf(refused).message, /up to 4 SmartProspect credits/);
    assert.equal(stack.fakes.leadmagic.requests.length + stack.fakes.smartprospect.requests.length, 0);
  });
});

describe("token scopes", () => {
  test("a read-only token lists no write tool and cannot delete: forbidden, nothing sent", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=all", "reader");
    const names = (await client.listTools()).tools.map((t) => t.name);
    assert.ok(names.includes("smartlead_list_campaigns"));
    assert.ok(!names.includes("smartlead_delete_campaign"));
    const refused = await call(client, "smartlead_delete_campaign", { campaign_id: 101 });
    assert.equal(errorOf(refused).code, "forbidden");
    assert.match(errorOf(refused).message, /may only read/);
    assert.equal(stack.fakes.smartlead.requests.length, 0);
  });

  test("a client scope admits its own campaigns and refuses others and account-wide tools", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=all", "acme");
    const names = (await client.listTools()).tools.map((t) => t.name);
    assert.ok(names.includes("smartlead_get_campaign"), "a tool that names a campaign is offered");
    assert.ok(!names.includes("smartlead_list_lead_lists"), "account-wide lead lists are not");
    assert.ok(!names.includes("leadmagic_find_email"), "toolsets outside the scope are not");
    // Campaign 102 belongs to client 301 in the fake; 101 to no client.
    const own = await call(client, "smartlead_get_campaign", { campaign_id: 102 });
    assert.ok(!own.isError, JSON.stringify(own));
    const other = await call(client, "smartlead_get_campaign", { campaign_id: 101 });
    assert.equal(errorOf(other).code, "forbidden");
    assert.match(errorOf(other).message, /campaign 101 is outside it/);
    const unnamed = await call(client, "smartlead_list_campaigns", {});
    assert.match(errorOf(unnamed).message, /without client_id, smartlead_list_campaigns would reach the whole account/);
    const listed = await call(client, "smartlead_list_campaigns", { client_id: 301 });
    assert.ok(!listed.isError);
    const sent = stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, "")} ${r.query.client_id ?? ""}`.trim());
    // The client's campaigns are read once (then cached) and only campaign 102 itself is fetched.
    assert.deepEqual(sent, ["GET /campaigns 301", "GET /campaigns/102", "GET /campaigns 301", "GET /campaigns 301"]);
  });

  test("a campaign scope refuses a delete of another campaign before any request", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=all", "camp");
    const refused = await call(client, "smartlead_delete_campaign", { campaign_id: 103 });
    assert.equal(errorOf(refused).code, "forbidden");
    assert.equal(stack.fakes.smartlead.requests.length, 0);
  });
});

describe("do-not-contact", () => {
  test("blocked leads are dropped from an import and reported by position; the rest are sent", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=smartlead_leads");
    const r = await call(client, "smartlead_add_leads_to_campaign", {
      campaign_id: 101,
      lead_list: [{ email: "ok@example.com" }, { email: "Someone@Sales.Rival.io" }, { email: "ceo@competitor.com" }, { email: "fine@example.org" }],
    });
    assert.ok(!r.isError, JSON.stringify(r));
    assert.deepEqual(data(r).do_not_contact, { dropped: 2, positions: ["lead_list[1]", "lead_list[2]"] });
    const body = JSON.stringify(stack.fakes.smartlead.requests.map((q) => q.body));
    assert.ok(!/rival\.io|competitor\.com/i.test(body), "no blocked lead reached SmartLead");
    assert.match(body, /ok@example\.com/);
  });

  test("a one-off send to a blocked address is refused; a managed entry applies at once", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=smartlead_inbox,gtm_policy");
    const send = { to: "cto@rival.io", subject: "Hi", body: "Hello", fromEmail: "me@ours.com" };
    assert.equal(errorOf(await call(client, "smartlead_send_single_email", send)).code, "do_not_contact");
    const added = await call(client, "gtm_add_do_not_contact", { entries: ["@newblock.com"] });
    assert.equal(data(added).added, 1);
    const refused = await call(client, "smartlead_send_single_email", { ...send, to: "x@newblock.com" });
    assert.deepEqual(errorOf(refused).do_not_contact, { positions: ["to"] });
    const reply = await call(client, "smartlead_reply_to_lead", { campaign_id: 101, email_stats_id: "abc-1", email_body: "Thanks" });
    assert.equal(errorOf(reply).code, "invalid_input", "a reply must name its recipient while a list is in force");
    assert.equal(stack.fakes.smartlead.requests.filter((q) => q.method !== "GET").length, 0);
    const { result } = await callConfirmed(client, "gtm_remove_do_not_contact", { entries: ["newblock.com"] });
    assert.equal(data(result).removed, 1);
  });
});

describe("enrichment cache", () => {
  test("the same lookup (differently spelled) is answered from the cache, free, and the upstream sees it once", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("toolsets=leadmagic_people", "shared");
    const first = await call(client, "leadmagic_find_email", { first_name: "Cache", last_name: "Me", domain: "example.com" });
    const second = await call(client, "leadmagic_find_email", { first_name: " cache ", last_name: "ME", domain: "Example.COM" });
    assert.ok(!first.isError, JSON.stringify(first));
    assert.ok(!second.isError, JSON.stringify(second));
    assert.equal(data(second).cached, true);
    assert.equal(data(second).credits_saved, 1);
    assert.equal(data(second).credits_consumed, 0);
    assert.equal(data(second).email, data(first).email);
    assert.equal(stack.fakes.leadmagic.requests.length, 1);
  });
});
