/**
 * The transport contract: both /mcp (Streamable HTTP) and /sse (legacy SSE)
 * serve the same tools to the MCP SDK's own Client, across protocol versions,
 * and the protocol edges clients depend on behave as the spec says.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { LEADMAGIC_TEST_KEY } from "../../dev/fakes/leadmagic";
import { call, connect, errorOf, TRANSPORTS } from "../helpers/mcp";
import { authHeaders, resetFakes, type Stack, startStack } from "../helpers/stack";

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const PROTOCOL_VERSIONS = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];

async function rpc(body: unknown, init: { accept?: string; path?: string; protocol?: string } = {}) {
  const res = await fetch(`${stack.url}${init.path ?? "/mcp"}`, {
    method: "POST",
    headers: {
      ...authHeaders(),
      "content-type": "application/json",
      accept: init.accept ?? "application/json, text/event-stream",
      ...(init.protocol ? { "mcp-protocol-version": init.protocol } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe("routes", () => {
  test("/health reports status, version and configured upstreams, never a key", async () => {
    const res = await fetch(`${stack.url}/health`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const body = JSON.parse(text);
    assert.equal(body.status, "ok");
    assert.match(body.version, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(body.upstreams, { smartlead: { configured: true }, leadmagic: { configured: true } });
    assert.ok(!text.includes(LEADMAGIC_TEST_KEY));
  });

  test("/ is a landing page naming the MCP URL", async () => {
    const res = await fetch(`${stack.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    const html = await res.text();
    assert.ok(html.includes(`${stack.url}/mcp`));
    assert.ok(html.includes("mcp-remote"));
  });
});

for (const kind of TRANSPORTS) {
  describe(`MCP over /${kind}`, () => {
    test("lists the same tools as the other transport, each with all four annotations", async () => {
      const client = await connect(stack.url, kind);
      const other = await connect(stack.url, kind === "mcp" ? "sse" : "mcp");
      const { tools } = await client.listTools();
      const { tools: otherTools } = await other.listTools();
      await client.close();
      await other.close();
      assert.deepEqual(tools, otherTools);
      const names = tools.map((t) => t.name);
      assert.ok(names.includes("leadmagic_get_credits"));
      assert.ok(names.includes("leadmagic_validate_email"));
      for (const t of tools) {
        for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
          assert.equal(typeof t.annotations?.[hint], "boolean", `${t.name} ${hint}`);
        }
      }
    });

    test("leadmagic_get_credits forwards GET /v1/credits with the key only in X-API-Key", async () => {
      resetFakes(stack.fakes);
      const client = await connect(stack.url, kind);
      const result = await call(client, "leadmagic_get_credits");
      await client.close();
      assert.equal(result.isError, undefined);
      assert.equal((result.structuredContent as { credits: number }).credits, 1000);
      assert.equal((result.structuredContent as { credits_remaining: number }).credits_remaining, 1000);
      assert.deepEqual(JSON.parse((result.content as { text: string }[]).at(-1)!.text), result.structuredContent);
      const [req, ...rest] = stack.fakes.leadmagic.requests;
      assert.equal(rest.length, 0);
      assert.equal(req!.method, "GET");
      assert.equal(req!.path, "/v1/credits");
      assert.deepEqual(req!.query, {});
      assert.equal(req!.headers["x-api-key"], LEADMAGIC_TEST_KEY);
      assert.match(req!.headers["user-agent"]!, /^gtm-edge-mcp\/\d/);
      const elsewhere = JSON.stringify({ ...req, headers: { ...req!.headers, "x-api-key": undefined } });
      assert.ok(!elsewhere.includes(LEADMAGIC_TEST_KEY));
    });

    test("leadmagic_validate_email POSTs a JSON body and returns structured content", async () => {
      resetFakes(stack.fakes);
      const client = await connect(stack.url, kind);
      const result = await call(client, "leadmagic_validate_email", { email: "jane@example.com", first_name: "Jane" });
      await client.close();
      assert.equal(result.isError, undefined);
      const data = result.structuredContent as Record<string, unknown>;
      assert.equal(data.email_status, "valid");
      assert.equal(data.credits_consumed, 0.25);
      assert.equal(data.credits_cost, 0.25);
      const [req] = stack.fakes.leadmagic.requests;
      assert.equal(req!.method, "POST");
      assert.equal(req!.path, "/v1/people/email-validation");
      assert.match(req!.headers["content-type"]!, /application\/json/);
      assert.deepEqual(req!.body, { email: "jane@example.com", first_name: "Jane" });
    });

    test("bad arguments are an isError result naming the field, and nothing is sent upstream", async () => {
      resetFakes(stack.fakes);
      const client = await connect(stack.url, kind);
      const result = await call(client, "leadmagic_validate_email", { email: "not-an-email" });
      const extra = await call(client, "leadmagic_get_credits", { surprise: 1 });
      await client.close();
      const error = errorOf(result);
      assert.equal(error.code, "invalid_input");
      assert.equal(error.field, "email");
      assert.match(error.message, /email/);
      assert.equal(errorOf(extra).code, "invalid_input");
      assert.equal(stack.fakes.leadmagic.requests.length, 0);
    });

    test("an unknown tool is a JSON-RPC invalid-params error, its message prefixed once", async () => {
      const client = await connect(stack.url, kind);
      await assert.rejects(call(client, "leadmagic_nope"), (err: Error & { code?: number }) => {
        assert.equal(err.code, -32602);
        assert.match(err.message, /^MCP error -32602: Unknown tool: leadmagic_nope\. /);
        assert.equal(err.message.split("MCP error").length - 1, 1, err.message);
        return true;
      });
      await client.close();
    });
  });
}

describe("Streamable HTTP protocol edges", () => {
  for (const version of PROTOCOL_VERSIONS) {
    test(`initialize with protocol ${version}`, async () => {
      const { status, json } = await rpc({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      });
      assert.equal(status, 200);
      assert.equal(json.result.protocolVersion, version);
      assert.equal(json.result.serverInfo.name, "gtm-edge-mcp");
      assert.ok(json.result.capabilities.tools);
      const list = await rpc({ jsonrpc: "2.0", id: 2, method: "tools/list" }, { protocol: version });
      assert.equal(list.status, 200);
      assert.ok(list.json.result.tools.length > 0);
    });
  }

  test("the SDK negotiates the latest protocol version", () => {
    assert.ok(PROTOCOL_VERSIONS.includes(LATEST_PROTOCOL_VERSION));
  });

  test("tools/list answers the same whether served from the cached listing or by the SDK (batch)", async () => {
    const single = await rpc({ jsonrpc: "2.0", id: "a", method: "tools/list" });
    const batch = await rpc([
      { jsonrpc: "2.0", id: "b", method: "tools/list" },
      { jsonrpc: "2.0", id: "c", method: "tools/list" },
    ]);
    assert.equal(single.status, 200);
    assert.equal(single.json.id, "a");
    assert.equal(batch.status, 200);
    assert.deepEqual(batch.json.map((r: { id: string }) => r.id).sort(), ["b", "c"]);
    assert.deepEqual(batch.json[0].result, single.json.result);
  });

  test("an unsupported mcp-protocol-version is refused, tools/list included", async () => {
    const { status, json } = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list" }, { protocol: "1999-01-01" });
    assert.equal(status, 400);
    assert.match(json.error.message, /Unsupported protocol version/);
  });

  test("tools/call whose arguments are not an object → -32602 with a one-line reason, nothing sent upstream", async () => {
    resetFakes(stack.fakes);
    const cases: [unknown, RegExp][] = [
      ["x", /arguments must be an object of named arguments, not a string/],
      [[1, 2], /not an array/],
      [null, /not null/],
      [7, /not a number/],
    ];
    for (const [args, reason] of cases) {
      const { status, json } = await rpc({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "leadmagic_get_credits", arguments: args } });
      assert.equal(status, 200);
      assert.equal(json.error.code, -32602, JSON.stringify(json));
      assert.match(json.error.message, /^Invalid tools\/call request: params\.arguments /);
      assert.match(json.error.message, reason);
      assert.ok(!json.error.message.includes("\n"), "one line");
    }
    const noName = await rpc({ jsonrpc: "2.0", id: 10, method: "tools/call", params: { arguments: {} } });
    assert.equal(noName.json.error.code, -32602);
    assert.match(noName.json.error.message, /params\.name must be the tool's name/);
    assert.equal(stack.fakes.leadmagic.requests.length, 0);
  });

  test("wrong Accept → 406", async () => {
    const { status, json } = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list" }, { accept: "text/html" });
    assert.equal(status, 406);
    assert.equal(json.jsonrpc, "2.0");
  });

  test("malformed JSON → 400 with a JSON-RPC parse error", async () => {
    const { status, json } = await rpc("{not json");
    assert.equal(status, 400);
    assert.equal(json.error.code, -32700);
  });

  test("GET /mcp → 405 (stateless server, no standalone stream)", async () => {
    const res = await fetch(`${stack.url}/mcp`, { headers: { ...authHeaders(), accept: "text/event-stream" } });
    assert.equal(res.status, 405);
    await res.text();
  });

  test("unknown SSE session → 404", async () => {
    const res = await fetch(`${stack.url}/sse/message?sessionId=does-not-exist`, {
      method: "POST",
      headers: { ...authHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    await res.text();
    assert.equal(res.status, 404);
  });
});
