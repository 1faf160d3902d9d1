/**
 * The recorded wire contract, replayed through the real Worker (wrangler dev):
 * every tool, called with its fixture's arguments over /mcp, sends exactly the
 * recorded requests. Then a smoke pass per toolset over /sse: the toolset's own
 * selection lists its tools and its first tool sends the same requests there.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ALL_TOOLS } from "../../src/tools/all";
import { TOOLSETS } from "../../src/tools/registry";
import { connect } from "../helpers/mcp";
import { type Stack, startStack } from "../helpers/stack";
import { loadWire, replay } from "../helpers/wire";

const wire = loadWire();

describe("the wire contract, through the Worker", () => {
  let stack: Stack;
  let client: Client;
  before(async () => {
    stack = await startStack();
    client = await connect(stack.url, "mcp", { query: "toolsets=all" });
  });
  after(async () => {
    await client?.close();
    await stack?.stop();
  });

  test("every tool has an entry, and every entry a tool", async () => {
    // Local tools (gtm_*) send nothing upstream and have no entry.
    const upstream = new Set(ALL_TOOLS.filter((t) => t.base !== "local").map((t) => t.name));
    const listed = (await client.listTools()).tools
      .map((t) => t.name)
      .filter((n) => upstream.has(n))
      .sort();
    assert.deepEqual(Object.keys(wire.tools).sort(), listed);
  });

  for (const [tool, entry] of Object.entries(wire.tools)) {
    test(tool, async () => {
      assert.deepEqual(await replay(client, stack.fakes, tool, entry.args), entry.requests);
    });
  }

  for (const [toolset, tools] of TOOLSETS) {
    if (tools.every((t) => t.base === "local")) continue;
    test(`toolset ${toolset} over /sse`, async () => {
      const sse = await connect(stack.url, "sse", { query: `toolsets=${toolset}` });
      try {
        const listed = (await sse.listTools()).tools.map((t) => t.name);
        assert.deepEqual(
          listed,
          tools.map((t) => t.name),
        );
        const first = tools.find((t) => t.base !== "local")!.name;
        assert.deepEqual(await replay(sse, stack.fakes, first, wire.tools[first]!.args), wire.tools[first]!.requests);
      } finally {
        await sse.close();
      }
    });
  }
});
