/**
 * Toolset selection end to end, over both transports: the default selection,
 * named toolsets, all, read_only, unknown names, server-wide MCP_TOOLSETS /
 * MCP_READ_ONLY, and an upstream without a key.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ALL_TOOLS } from "../../src/tools/all";
import { DEFAULT_TOOL_NAMES, TOOLSETS } from "../../src/tools/registry";
import type { ToolsetId } from "../../src/tools/toolsets";
import { call, connect, TRANSPORTS } from "../helpers/mcp";
import { authHeaders, type Stack, startStack } from "../helpers/stack";

const namesOf = (toolset: string) => TOOLSETS.get(toolset as ToolsetId)!.map((t) => t.name);
const sorted = (names: Iterable<string>) => [...names].sort();

async function listed(stack: Stack, kind: "mcp" | "sse", query?: string): Promise<string[]> {
  const client = await connect(stack.url, kind, { query });
  try {
    return sorted((await client.listTools()).tools.map((t) => t.name));
  } finally {
    await client.close();
  }
}

describe("selection per connection", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  for (const kind of TRANSPORTS) {
    describe(`over /${kind}`, () => {
      test("no parameter: the curated default selection", async () => {
        assert.deepEqual(await listed(stack, kind), sorted(DEFAULT_TOOL_NAMES));
      });

      test("named toolsets: exactly their tools", async () => {
        const want = sorted(new Set([...namesOf("smartlead_campaigns"), ...namesOf("leadmagic_people")]));
        assert.deepEqual(await listed(stack, kind, "toolsets=smartlead_campaigns,leadmagic_people"), want);
      });

      test("toolsets=all: every tool", async () => {
        assert.deepEqual(await listed(stack, kind, "toolsets=all"), sorted(ALL_TOOLS.map((t) => t.name)));
      });

      test("read_only=true: only read-only tools (and gtm_call_tool, which then reaches only those)", async () => {
        const want = sorted(ALL_TOOLS.filter((t) => t.annotations.readOnlyHint || t.delegate).map((t) => t.name));
        assert.deepEqual(await listed(stack, kind, "toolsets=all&read_only=true"), want);
      });

      test("a tool outside the selection cannot be called", async () => {
        const client = await connect(stack.url, kind, { query: "toolsets=leadmagic_people" });
        await assert.rejects(call(client, "smartlead_delete_campaign", { campaign_id: 1 }), /Unknown tool/);
        await client.close();
        assert.equal(stack.fakes.smartlead.requests.length, 0);
      });

      test("unknown toolsets are a 400 naming them, not silently ignored", async () => {
        const init: RequestInit =
          kind === "mcp"
            ? {
                method: "POST",
                headers: { ...authHeaders(), "content-type": "application/json", accept: "application/json, text/event-stream" },
                body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
              }
            : { headers: { ...authHeaders(), accept: "text/event-stream" } };
        const res = await fetch(`${stack.url}/${kind}?toolsets=smartlead_campaigns,nope`, init);
        assert.equal(res.status, 400);
        const body = (await res.json()) as { error: { message: string } };
        assert.match(body.error.message, /Unknown toolset: nope/);
        await assert.rejects(connect(stack.url, kind, { query: "toolsets=nope" }));
      });
    });
  }
});

describe("server-wide settings", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ MCP_TOOLSETS: "smartlead_campaigns,leadmagic_people", MCP_READ_ONLY: "true", LEADMAGIC_API_KEY: null });
  });
  after(async () => {
    await stack?.stop();
  });

  for (const kind of TRANSPORTS) {
    test(`MCP_TOOLSETS, MCP_READ_ONLY and a missing LeadMagic key shape the default over /${kind}`, async () => {
      const want = sorted(
        TOOLSETS.get("smartlead_campaigns")!
          .filter((t) => t.annotations.readOnlyHint)
          .map((t) => t.name),
      );
      assert.ok(want.length > 0);
      assert.deepEqual(await listed(stack, kind), want);
      // read_only=false cannot undo the server's MCP_READ_ONLY.
      const all = await listed(stack, kind, "toolsets=all&read_only=false");
      assert.ok(all.length > 0);
      for (const name of all) {
        const tool = ALL_TOOLS.find((t) => t.name === name)!;
        // gtm_call_tool is offered too, reaching read-only tools only.
        assert.ok(tool.annotations.readOnlyHint || tool.delegate, name);
        assert.ok(!name.startsWith("leadmagic_"), name);
      }
    });
  }

  test("/health says LeadMagic is not configured", async () => {
    const health = (await (await fetch(`${stack.url}/health`)).json()) as { upstreams: Record<string, { configured: boolean }> };
    assert.deepEqual(health.upstreams, { smartlead: { configured: true }, leadmagic: { configured: false } });
  });
});
