/**
 * Both protocol generations on the real Worker: MCP 2026-07-28 (the SDK v2
 * client on /mcp) beside 2025-11-25 (the SDK v1 client on /mcp and /sse),
 * with the same tools, annotations, confirmations and errors; the 2026-07-28
 * protocol edges (removed methods, the standard headers) as the spec says;
 * and confirmation through the client: input-required results on 2026-07-28,
 * form elicitation on an /sse session, both on top of the single-use token.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { CallToolResult as ModernResult } from "@modelcontextprotocol/client";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, PROTOCOL_VERSION_META_KEY, SERVER_INFO_META_KEY } from "@modelcontextprotocol/server";
import { call, connect, connectModern, errorOf } from "../helpers/mcp";
import { authHeaders, resetFakes, type Stack, startStack } from "../helpers/stack";

const MODERN = "2026-07-28";
const QUERY = "toolsets=smartlead_campaigns,leadmagic_account";

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const writes = () => stack.fakes.smartlead.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
/** The server's name as 2026-07-28 stamps it on every result. */
const serverName = (meta: Record<string, unknown> | undefined) => (meta?.[SERVER_INFO_META_KEY] as { name?: string } | undefined)?.name;
const data = (result: CallToolResult | ModernResult) => result.structuredContent as Record<string, unknown>;

/** A raw 2026-07-28 request: the envelope in params._meta and the standard headers, each overridable. */
async function modernRpc(
  method: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  capabilities: Record<string, unknown> = {},
) {
  const envelope = {
    [PROTOCOL_VERSION_META_KEY]: MODERN,
    [CLIENT_INFO_META_KEY]: { name: "raw", version: "1.0.0" },
    [CLIENT_CAPABILITIES_META_KEY]: capabilities,
  };
  const res = await fetch(`${stack.url}/mcp?${QUERY}`, {
    method: "POST",
    headers: {
      ...authHeaders(),
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": MODERN,
      "mcp-method": method,
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 7, method, params: { ...params, _meta: envelope } }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

describe("2026-07-28 beside 2025-11-25 on /mcp", () => {
  test("the SDK v2 client negotiates 2026-07-28 through server/discover", async () => {
    const client = await connectModern(stack.url, { query: QUERY });
    try {
      assert.equal(client.getProtocolEra(), "modern");
      assert.equal(client.getNegotiatedProtocolVersion(), MODERN);
      const discovered = client.getDiscoverResult();
      assert.ok(discovered?.supportedVersions.includes(MODERN));
      assert.equal(serverName(discovered?._meta), "gtm-edge-mcp");
      assert.ok(discovered?.capabilities.tools);
    } finally {
      await client.close();
    }
  });

  test("a client that probes server/discover and would fall back to initialize gets 2026-07-28", async () => {
    const client = await connectModern(stack.url, { query: QUERY, negotiation: "auto" });
    try {
      assert.equal(client.getProtocolEra(), "modern");
      assert.equal(client.getNegotiatedProtocolVersion(), MODERN);
      assert.ok((await client.listTools()).tools.some((t) => t.name === "smartlead_delete_campaign"));
    } finally {
      await client.close();
    }
  });

  test("both generations list the same tools, annotations included", async () => {
    const modern = await connectModern(stack.url, { query: "toolsets=all" });
    const legacy = await connect(stack.url, "mcp", { query: "toolsets=all" });
    try {
      assert.equal(legacy.getServerVersion()?.name, "gtm-edge-mcp");
      const { tools: modernTools } = await modern.listTools();
      const { tools: legacyTools } = await legacy.listTools();
      assert.ok(legacyTools.length > 50);
      assert.deepEqual(modernTools, legacyTools);
      const del = modernTools.find((t) => t.name === "smartlead_delete_campaign");
      assert.equal(del?.annotations?.destructiveHint, true);
    } finally {
      await modern.close();
      await legacy.close();
    }
  });

  test("tools/list on 2026-07-28 carries cache hints: private, five minutes", async () => {
    const { status, json } = await modernRpc("tools/list");
    assert.equal(status, 200);
    assert.equal(json.result.ttlMs, 300_000);
    assert.equal(json.result.cacheScope, "private");
    assert.ok(json.result.tools.length > 0);
  });

  test("a read tool answers the same on both generations", async () => {
    const modern = await connectModern(stack.url, { query: QUERY });
    const legacy = await connect(stack.url, "mcp", { query: QUERY });
    try {
      const a = await modern.callTool({ name: "leadmagic_get_credits", arguments: {} });
      const b = await call(legacy, "leadmagic_get_credits");
      assert.ok(!a.isError, JSON.stringify(a.content));
      assert.deepEqual(a.structuredContent, b.structuredContent);
      assert.deepEqual(a.content, b.content);
    } finally {
      await modern.close();
      await legacy.close();
    }
  });

  test("errors are the same tool errors on both generations", async () => {
    const modern = await connectModern(stack.url, { query: QUERY });
    const legacy = await connect(stack.url, "mcp", { query: QUERY });
    try {
      const a = await modern.callTool({ name: "smartlead_get_campaign", arguments: { campaign_id: "x" } });
      const b = await call(legacy, "smartlead_get_campaign", { campaign_id: "x" });
      assert.equal(errorOf(a as CallToolResult).code, "invalid_input");
      assert.deepEqual(a.structuredContent, b.structuredContent);
      await assert.rejects(modern.callTool({ name: "no_such_tool", arguments: {} }), /Unknown tool: no_such_tool/);
    } finally {
      await modern.close();
      await legacy.close();
    }
  });

  test("a 2026-07-28 client without elicitation confirms with the token, once", async () => {
    const client = await connectModern(stack.url, { query: QUERY });
    try {
      resetFakes(stack.fakes);
      const preview = await client.callTool({ name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } });
      const token = data(preview).confirmation_token;
      assert.equal(typeof token, "string");
      assert.deepEqual(writes(), []);
      const done = await client.callTool({ name: "smartlead_delete_campaign", arguments: { campaign_id: 102, confirmation_token: token } });
      assert.ok(!done.isError, JSON.stringify(done.content));
      const again = await client.callTool({ name: "smartlead_delete_campaign", arguments: { campaign_id: 102, confirmation_token: token } });
      assert.equal(errorOf(again as CallToolResult).code, "confirmation_invalid");
      assert.deepEqual(writes(), ["DELETE /campaigns/102"]);
    } finally {
      await client.close();
    }
  });

  test("a 2025-11-25 client confirms with the token as before", async () => {
    const client = await connect(stack.url, "mcp", { query: QUERY });
    try {
      resetFakes(stack.fakes);
      const preview = await call(client, "smartlead_delete_campaign", { campaign_id: 102 });
      assert.equal(data(preview).confirmation_required, true);
      const done = await call(client, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: data(preview).confirmation_token });
      assert.ok(!done.isError, JSON.stringify(done.content));
      assert.deepEqual(writes(), ["DELETE /campaigns/102"]);
    } finally {
      await client.close();
    }
  });

  test("prompts list and render on 2026-07-28 as on 2025-11-25", async () => {
    const modern = await connectModern(stack.url);
    const legacy = await connect(stack.url, "mcp");
    try {
      const { prompts } = await modern.listPrompts();
      assert.deepEqual(prompts, (await legacy.listPrompts()).prompts);
      assert.ok(prompts.length > 0);
      const name = prompts[0]!.name;
      const args = Object.fromEntries((prompts[0]!.arguments ?? []).filter((a) => a.required).map((a) => [a.name, "1"]));
      // 2026-07-28 names the server on every result (_meta serverInfo); the rest is the same.
      const { _meta, ...rendered } = await modern.getPrompt({ name, arguments: args });
      assert.equal(serverName(_meta), "gtm-edge-mcp");
      assert.deepEqual(rendered, await legacy.getPrompt({ name, arguments: args }));
    } finally {
      await modern.close();
      await legacy.close();
    }
  });
});

describe("2026-07-28 protocol edges", () => {
  test("a method the revision removed (initialize) is 404 with -32601", async () => {
    const { status, json } = await modernRpc("initialize", { protocolVersion: MODERN, capabilities: {}, clientInfo: { name: "x", version: "1" } });
    assert.equal(status, 404);
    assert.equal(json.error.code, -32601);
  });

  test("an unknown method is 404 with -32601", async () => {
    const { status, json } = await modernRpc("tasks/list");
    assert.equal(status, 404);
    assert.equal(json.error.code, -32601);
  });

  test("an Mcp-Method header that does not match the body is refused before anything runs", async () => {
    resetFakes(stack.fakes);
    const { status, json } = await modernRpc(
      "tools/call",
      { name: "leadmagic_get_credits", arguments: {} },
      { "mcp-method": "tools/list", "mcp-name": "leadmagic_get_credits" },
    );
    assert.equal(status, 400);
    assert.ok(json.error.code < -32000, JSON.stringify(json));
    assert.equal(stack.fakes.leadmagic.requests.length, 0);
  });

  test("an Mcp-Name header that does not match the tool is refused before anything runs", async () => {
    resetFakes(stack.fakes);
    const { status, json } = await modernRpc("tools/call", { name: "leadmagic_get_credits", arguments: {} }, { "mcp-name": "smartlead_delete_campaign" });
    assert.equal(status, 400);
    assert.match(json.error.message, /Mcp-Name/);
    assert.equal(stack.fakes.leadmagic.requests.length, 0);
  });

  test("a missing Mcp-Method header is refused", async () => {
    const res = await fetch(`${stack.url}/mcp`, {
      method: "POST",
      headers: { ...authHeaders(), "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": MODERN },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/list",
        params: { _meta: { [PROTOCOL_VERSION_META_KEY]: MODERN, [CLIENT_INFO_META_KEY]: { name: "raw", version: "1" }, [CLIENT_CAPABILITIES_META_KEY]: {} } },
      }),
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /Mcp-Method/);
  });

  test("a matching raw tools/call runs, and the auth and rate limits in front of it still apply", async () => {
    const ok = await modernRpc("tools/call", { name: "leadmagic_get_credits", arguments: {} }, { "mcp-name": "leadmagic_get_credits" });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.result.isError, undefined);
    const anonymous = await modernRpc("tools/list", {}, { authorization: "" });
    assert.equal(anonymous.status, 401);
  });
});

describe("confirmation through the client", () => {
  test("2026-07-28: an input-required question, approved, carries the call out once", async () => {
    const asked: string[] = [];
    const client = await connectModern(stack.url, {
      query: QUERY,
      elicit: (params) => {
        asked.push(params.message);
        return { action: "accept", content: { approve: true } };
      },
    });
    try {
      resetFakes(stack.fakes);
      const done = await client.callTool({ name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } });
      assert.ok(!done.isError, JSON.stringify(done.content));
      assert.equal(data(done).confirmation_required, undefined);
      assert.equal(asked.length, 1);
      assert.match(asked[0]!, /102/);
      assert.match(asked[0]!, /Approve/);
      assert.deepEqual(writes(), ["DELETE /campaigns/102"]);
    } finally {
      await client.close();
    }
  });

  test("2026-07-28: declined, nothing is sent upstream and the answer says so", async () => {
    const client = await connectModern(stack.url, { query: QUERY, elicit: () => ({ action: "decline" }) });
    try {
      resetFakes(stack.fakes);
      const result = await client.callTool({ name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } });
      assert.ok(!result.isError);
      assert.deepEqual(data(result), { done: false, tool: "smartlead_delete_campaign", approval: "declined" });
      assert.deepEqual(writes(), []);
    } finally {
      await client.close();
    }
  });

  test("2026-07-28: an accepted form that does not approve is a decline", async () => {
    const client = await connectModern(stack.url, { query: QUERY, elicit: () => ({ action: "accept", content: { approve: false } }) });
    try {
      resetFakes(stack.fakes);
      const result = await client.callTool({ name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } });
      assert.equal(data(result).approval, "declined");
      assert.deepEqual(writes(), []);
    } finally {
      await client.close();
    }
  });

  test("2026-07-28: a forged requestState is refused by the token check, nothing is sent", async () => {
    resetFakes(stack.fakes);
    const { status, json } = await modernRpc(
      "tools/call",
      {
        name: "smartlead_delete_campaign",
        arguments: { campaign_id: 102 },
        requestState: `${Math.floor(Date.now() / 1000) + 60}.AAAAAAAAAAAAAAAA.AAAA`,
        inputResponses: { approval: { action: "accept", content: { approve: true } } },
      },
      { "mcp-name": "smartlead_delete_campaign" },
    );
    assert.equal(status, 200);
    assert.equal(json.result.isError, true);
    assert.equal(json.result.structuredContent.error.code, "confirmation_invalid");
    assert.deepEqual(writes(), []);
  });

  test("2026-07-28: a raw first call without elicitation gets the token preview, not a question", async () => {
    const { json } = await modernRpc(
      "tools/call",
      { name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } },
      { "mcp-name": "smartlead_delete_campaign" },
    );
    assert.equal(json.result.resultType, "complete");
    assert.equal(json.result.structuredContent.confirmation_required, true);
  });

  test("2026-07-28 on the wire: the question carries the preview's token as requestState; an approval uses it once", async () => {
    resetFakes(stack.fakes);
    const call = { name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } };
    const headers = { "mcp-name": "smartlead_delete_campaign" };
    const form = { elicitation: { form: {} } };
    const asked = await modernRpc("tools/call", call, headers, form);
    assert.equal(asked.status, 200);
    assert.equal(asked.json.result.resultType, "input_required");
    const state = asked.json.result.requestState as string;
    const question = asked.json.result.inputRequests.approval;
    assert.equal(question.method, "elicitation/create");
    assert.match(question.params.message, /Campaign 102 will be deleted permanently.*Target: id=102, name=Webinar follow-up/);
    assert.deepEqual(question.params.requestedSchema.required, ["approve"]);
    assert.deepEqual(writes(), []);

    const approve = { inputResponses: { approval: { action: "accept", content: { approve: true } } }, requestState: state };
    const done = await modernRpc("tools/call", { ...call, ...approve }, headers, form);
    assert.equal(done.json.result.resultType, "complete");
    assert.ok(!done.json.result.isError, JSON.stringify(done.json));
    const replayed = await modernRpc("tools/call", { ...call, ...approve }, headers, form);
    assert.equal(replayed.json.result.structuredContent.error.code, "confirmation_invalid");
    assert.match(replayed.json.result.structuredContent.error.message, /already been used/);
    assert.deepEqual(writes(), ["DELETE /campaigns/102"]);
  });

  test("2026-07-28 on the wire: a declined question spends the token, so it cannot carry the action out later", async () => {
    resetFakes(stack.fakes);
    const call = { name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } };
    const headers = { "mcp-name": "smartlead_delete_campaign" };
    const form = { elicitation: {} };
    const asked = await modernRpc("tools/call", call, headers, form);
    assert.equal(asked.json.result.resultType, "input_required", "an empty elicitation capability means form");
    const token = asked.json.result.requestState as string;
    const declined = await modernRpc("tools/call", { ...call, inputResponses: { approval: { action: "decline" } }, requestState: token }, headers, form);
    assert.equal(declined.json.result.structuredContent.approval, "declined");
    const later = await modernRpc("tools/call", { name: call.name, arguments: { ...call.arguments, confirmation_token: token } }, headers);
    assert.match(later.json.result.structuredContent.error.message, /already been used/);
    assert.deepEqual(writes(), []);
  });

  test("2026-07-28: a planned workflow approved in the client runs once, with progress", async () => {
    const client = await connectModern(stack.url, { query: "toolsets=gtm_workflows", elicit: () => ({ action: "accept", content: { approve: true } }) });
    try {
      resetFakes(stack.fakes);
      const progress: { progress: number; total?: number }[] = [];
      const result = await client.callTool(
        { name: "gtm_import_verified_leads", arguments: { campaign_id: 101, leads: [{ email: "proto0@example.com" }, { email: "proto1@example.com" }] } },
        { onprogress: (p) => progress.push(p) },
      );
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.equal(data(result).status, "done");
      assert.ok(progress.length >= 1, "progress was reported");
      const posts = stack.fakes.smartlead.requests.filter((r) => r.method === "POST");
      assert.deepEqual(
        posts.map((r) => (r.body as { lead_list: { email: string }[] }).lead_list.map((l) => l.email)),
        [["proto0@example.com", "proto1@example.com"]],
      );
    } finally {
      await client.close();
    }
  });

  test("/sse with form elicitation: approved, done once; declined, nothing sent upstream", async () => {
    let approve = true;
    const asked: string[] = [];
    const client = await connect(stack.url, "sse", {
      query: QUERY,
      elicit: (params) => {
        asked.push(params.message);
        return approve ? { action: "accept", content: { approve: true } } : { action: "decline" };
      },
    });
    try {
      resetFakes(stack.fakes);
      const done = await call(client, "smartlead_delete_campaign", { campaign_id: 102 });
      assert.ok(!done.isError, JSON.stringify(done.content));
      assert.equal(data(done).confirmation_required, undefined);
      assert.deepEqual(writes(), ["DELETE /campaigns/102"]);
      assert.match(asked[0]!, /102/);

      approve = false;
      resetFakes(stack.fakes);
      const declined = await call(client, "smartlead_delete_campaign", { campaign_id: 101 });
      assert.deepEqual(data(declined), { done: false, tool: "smartlead_delete_campaign", approval: "declined" });
      assert.deepEqual(writes(), []);
      assert.equal(asked.length, 2);
    } finally {
      await client.close();
    }
  });

  test("/sse without elicitation keeps the token preview", async () => {
    const client = await connect(stack.url, "sse", { query: QUERY });
    try {
      resetFakes(stack.fakes);
      const preview = await call(client, "smartlead_delete_campaign", { campaign_id: 102 });
      assert.equal(data(preview).confirmation_required, true);
      assert.deepEqual(writes(), []);
    } finally {
      await client.close();
    }
  });
});
