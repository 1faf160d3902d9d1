/**
 * gtm_search_tools and gtm_call_tool through the MCP server, in process,
 * against the recording fakes: from the default connection every tool the
 * connection could select is found and run, with the very validation, scope,
 * budget and confirmation results a direct call gets; a read-only connection
 * reaches read-only tools only, and nothing it refuses reaches an upstream.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { RecordedRequest } from "../../dev/fakes/server";
import { type InProcessStack, startInProcess } from "../helpers/in-process";
import { call, errorOf } from "../helpers/mcp";
import { resetFakes } from "../helpers/stack";

const TOKENS = ["tester", "poor", "camp", "reader"].map((n) => `${n}:${n}-token-0123456789abcdef`).join(",");

let stack: InProcessStack;
before(async () => {
  stack = await startInProcess({
    MCP_ACCESS_TOKENS: TOKENS,
    CREDIT_BUDGETS: "poor:0",
    MCP_TOKEN_SCOPES: JSON.stringify({ camp: { smartlead_campaigns: [101] }, reader: { read_only: true } }),
  });
});
after(() => stack?.stop());

const data = (r: CallToolResult) => r.structuredContent as Record<string, unknown>;
const upstreamRequests = () => Object.values(stack.fakes).flatMap((f) => f.requests.map((r: RecordedRequest) => `${r.method} ${r.path}`));
const found = (r: CallToolResult) => (data(r).tools as { name: string; toolset: string; annotations: Record<string, boolean> }[]).map((t) => t.name);
const via = (name: string, args: Record<string, unknown>, token?: string) => ({ name, arguments: args, ...(token ? { confirmation_token: token } : {}) });

describe("gtm_search_tools", () => {
  test("ranks tools named by the words first, and answers each as listed (with its input schema and toolset)", async () => {
    const client = await stack.connect();
    const r = await call(client, "gtm_search_tools", { query: "webhooks", limit: 20 });
    assert.ok(!r.isError, JSON.stringify(r));
    const names = found(r);
    assert.ok(names.length >= 3);
    // Every tool with "webhook" in its name comes before any that only mentions it.
    const named = names.filter((n) => n.includes("webhook"));
    assert.deepEqual(names.slice(0, named.length), named);
    const all = (await (await stack.connect("toolsets=all")).listTools()).tools;
    const first = (data(r).tools as Record<string, unknown>[])[0]!;
    const listed = all.find((t) => t.name === first.name)!;
    assert.deepEqual(first.inputSchema, listed.inputSchema, "the same JSON Schema the listing advertises");
    assert.deepEqual(first.annotations, listed.annotations);
    assert.equal(first.toolset, "smartlead_webhooks");
  });

  test("two words: a name with both first, then tools with both anywhere, then tools with one", async () => {
    const client = await stack.connect();
    const names = found(await call(client, "gtm_search_tools", { query: "pause campaign", limit: 20 }));
    assert.equal(names[0], "smartlead_pause_campaign_lead");
    // Its description says PAUSED; smartlead_list_campaigns only has "campaign".
    assert.ok(names.includes("smartlead_update_campaign_status"));
    assert.ok(!names.includes("smartlead_list_campaigns") || names.indexOf("smartlead_update_campaign_status") < names.indexOf("smartlead_list_campaigns"));
  });

  test("filters by toolset and by effect; an unknown toolset is refused by name", async () => {
    const client = await stack.connect();
    const inSet = await call(client, "gtm_search_tools", { toolset: "smartlead_webhooks", limit: 20 });
    for (const t of data(inSet).tools as { toolset: string }[]) assert.equal(t.toolset, "smartlead_webhooks");
    const destroys = await call(client, "gtm_search_tools", { effect: "destroys", limit: 20 });
    assert.ok((data(destroys).total_matches as number) > 0);
    for (const t of data(destroys).tools as { annotations: Record<string, boolean> }[]) assert.equal(t.annotations.destructiveHint, true);
    const spends = found(await call(client, "gtm_search_tools", { effect: "spends", query: "email", limit: 20 }));
    assert.ok(spends.includes("leadmagic_find_email") && !spends.includes("smartlead_list_email_accounts"));
    const error = errorOf(await call(client, "gtm_search_tools", { toolset: "nope" }));
    assert.equal(error.code, "invalid_input");
    assert.match(error.message, /Unknown toolset nope\. Known: .*smartlead_webhooks/);
  });

  test("finds only what this connection could run: no write tool when read-only, none outside the token's scope", async () => {
    const readOnly = await stack.connect("read_only=true");
    const writes = await call(readOnly, "gtm_search_tools", { effect: "writes" });
    assert.equal(data(writes).total_matches, 0);
    const camp = await stack.connect("", "camp");
    // A campaign-scoped token: exactly what toolsets=all would list for it, so no tool that spans the whole account (the master inbox).
    const inbox = found(await call(camp, "gtm_search_tools", { toolset: "smartlead_inbox", limit: 20 }));
    const listed = (await (await stack.connect("toolsets=smartlead_inbox", "camp")).listTools()).tools.map((t) => t.name);
    assert.deepEqual(inbox, listed);
    assert.ok(inbox.length > 0 && !inbox.includes("smartlead_list_inbox_replies"));
  });
});

describe("gtm_call_tool", () => {
  test("runs a tool outside the default selection from the default connection, and the upstream gets its request", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect();
    assert.ok(!(await client.listTools()).tools.some((t) => t.name === "smartlead_get_campaign"), "not listed by default");
    const r = await call(client, "gtm_call_tool", via("smartlead_get_campaign", { campaign_id: 101 }));
    assert.ok(!r.isError, JSON.stringify(r));
    assert.equal(data(r).name, "Q3 SaaS founders");
    assert.deepEqual(upstreamRequests(), ["GET /campaigns/101"]);
    const direct = await call(await stack.connect("toolsets=smartlead_campaigns"), "smartlead_get_campaign", { campaign_id: 101 });
    assert.deepEqual(r, direct, "the same result as a direct call");
  });

  test("invalid arguments give exactly the direct call's error, and nothing is sent", async () => {
    resetFakes(stack.fakes);
    const args = { campaign_id: -4, include_tags: "yes" };
    const through = await call(await stack.connect(), "gtm_call_tool", via("smartlead_get_campaign", args));
    const direct = await call(await stack.connect("toolsets=all"), "smartlead_get_campaign", args);
    assert.equal(errorOf(through).code, "invalid_input");
    assert.deepEqual(through, direct);
    assert.deepEqual(upstreamRequests(), []);
  });

  test("a two-step tool: the preview says how to confirm through gtm_call_tool, its token carries it out once", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect();
    const preview = await call(client, "gtm_call_tool", via("smartlead_delete_campaign", { campaign_id: 102 }));
    assert.equal(data(preview).confirmation_required, true, JSON.stringify(preview));
    assert.equal(data(preview).tool, "smartlead_delete_campaign");
    const token = data(preview).confirmation_token as string;
    assert.match(
      (preview.content[0] as { text: string }).text,
      /call gtm_call_tool again with name "smartlead_delete_campaign", the same arguments and confirmation_token=/,
    );
    assert.ok(!upstreamRequests().includes("DELETE /campaigns/102"), "the preview deletes nothing");
    const done = await call(client, "gtm_call_tool", via("smartlead_delete_campaign", { campaign_id: 102 }, token));
    assert.ok(!done.isError, JSON.stringify(done));
    assert.equal(upstreamRequests().filter((r) => r === "DELETE /campaigns/102").length, 1);
    const again = await call(client, "gtm_call_tool", via("smartlead_delete_campaign", { campaign_id: 102 }, token));
    assert.equal(errorOf(again).code, "confirmation_invalid");
    assert.equal(upstreamRequests().filter((r) => r === "DELETE /campaigns/102").length, 1, "a token carries out one call");
  });

  test("a token from a direct preview also works through gtm_call_tool (inside arguments too), and a token given twice is refused", async () => {
    resetFakes(stack.fakes);
    const all = await stack.connect("toolsets=all");
    const token = data(await call(all, "smartlead_delete_campaign", { campaign_id: 102 })).confirmation_token as string;
    const client = await stack.connect();
    const twice = await call(client, "gtm_call_tool", via("smartlead_delete_campaign", { campaign_id: 102, confirmation_token: token }, token));
    assert.equal(errorOf(twice).code, "invalid_input");
    const done = await call(client, "gtm_call_tool", via("smartlead_delete_campaign", { campaign_id: 102, confirmation_token: token }));
    assert.ok(!done.isError, JSON.stringify(done));
    assert.deepEqual(
      upstreamRequests().filter((r) => r.startsWith("DELETE")),
      ["DELETE /campaigns/102"],
    );
  });

  test("budgets and scopes refuse exactly as for a direct call, before any request", async () => {
    resetFakes(stack.fakes);
    const company = { company_domain: "example.com" };
    const poorThrough = await call(await stack.connect("", "poor"), "gtm_call_tool", via("leadmagic_search_company", company));
    const poorDirect = await call(await stack.connect("toolsets=leadmagic_companies", "poor"), "leadmagic_search_company", company);
    assert.equal(errorOf(poorThrough).code, "budget_exceeded");
    assert.deepEqual(poorThrough, poorDirect);
    const campThrough = await call(await stack.connect("", "camp"), "gtm_call_tool", via("smartlead_get_campaign", { campaign_id: 202 }));
    const campDirect = await call(await stack.connect("toolsets=smartlead_campaigns", "camp"), "smartlead_get_campaign", { campaign_id: 202 });
    assert.equal(errorOf(campThrough).code, "forbidden");
    assert.deepEqual(campThrough, campDirect);
    // A tool the scope rules out altogether: the direct call's refusal, word for word.
    const inboxThrough = await call(await stack.connect("", "camp"), "gtm_call_tool", via("smartlead_list_inbox_replies", {}));
    const inboxDirect = await call(await stack.connect("", "camp"), "smartlead_list_inbox_replies", {});
    assert.equal(errorOf(inboxThrough).code, "forbidden");
    assert.deepEqual(inboxThrough, inboxDirect);
    assert.deepEqual(upstreamRequests(), []);
  });

  test("a read-only connection offers it with read-only hints, runs reads, and refuses every write before the upstream", async () => {
    resetFakes(stack.fakes);
    const client = await stack.connect("read_only=true");
    const listed = (await client.listTools()).tools.find((t) => t.name === "gtm_call_tool");
    assert.deepEqual(listed?.annotations, { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    const read = await call(client, "gtm_call_tool", via("smartlead_get_campaign", { campaign_id: 101 }));
    assert.ok(!read.isError, JSON.stringify(read));
    for (const [name, args] of [
      ["smartlead_update_campaign_status", { campaign_id: 101, status: "PAUSED" }],
      ["smartlead_delete_campaign", { campaign_id: 102 }],
      ["smartlead_create_campaign", { name: "x" }],
    ] as const) {
      const error = errorOf(await call(client, "gtm_call_tool", via(name, args)));
      assert.equal(error.code, "forbidden", name);
      assert.match(error.message, /read-only/);
    }
    assert.deepEqual(upstreamRequests(), ["GET /campaigns/101"]);
    // A read-only token is held to the same, with its own refusal.
    const reader = await stack.connect("", "reader");
    assert.equal((await reader.listTools()).tools.find((t) => t.name === "gtm_call_tool")?.annotations?.readOnlyHint, true);
    assert.equal(errorOf(await call(reader, "gtm_call_tool", via("smartlead_create_campaign", { name: "x" }))).code, "forbidden");
    assert.deepEqual(upstreamRequests(), ["GET /campaigns/101"]);
  });

  test("its own hints are the most cautious on a connection that may write", async () => {
    const listed = (await (await stack.connect()).listTools()).tools.find((t) => t.name === "gtm_call_tool");
    assert.deepEqual(listed?.annotations, { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
  });

  test("refuses to run itself or gtm_search_tools, and an unknown name points at gtm_search_tools", async () => {
    const client = await stack.connect();
    for (const name of ["gtm_call_tool", "gtm_search_tools"]) {
      const error = errorOf(await call(client, "gtm_call_tool", via(name, {})));
      assert.equal(error.code, "invalid_input");
      assert.match(error.message, new RegExp(`does not run ${name}: call ${name} directly`));
    }
    const unknown = errorOf(await call(client, "gtm_call_tool", via("smartlead_nope", {})));
    assert.equal(unknown.code, "invalid_input");
    assert.match(unknown.message, /No tool named smartlead_nope .*gtm_search_tools/);
    const bad = errorOf(await call(client, "gtm_call_tool", { arguments: {} }));
    assert.equal(bad.code, "invalid_input");
    assert.match(bad.message, /name/);
  });
});
