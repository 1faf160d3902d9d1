/**
 * Every tool reachable from the default connection, end to end in workerd over
 * both transports: gtm_call_tool runs a tool the default selection does not
 * list (its request reaches the fake upstream), carries a two-step tool through
 * its preview and token, and on a read-only connection writes nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { call, connect, errorOf, TRANSPORTS } from "../helpers/mcp";
import { resetFakes, type Stack, startStack } from "../helpers/stack";

const data = (r: CallToolResult) => r.structuredContent as Record<string, unknown>;

describe("gtm_call_tool and gtm_search_tools in the Worker", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });
  const requests = () => stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`);

  for (const kind of TRANSPORTS) {
    describe(`over /${kind}`, () => {
      test("the default connection finds and runs a tool outside its selection", async () => {
        resetFakes(stack.fakes);
        const client = await connect(stack.url, kind);
        try {
          const names = (await client.listTools()).tools.map((t) => t.name);
          assert.ok(names.includes("gtm_call_tool") && names.includes("gtm_search_tools") && !names.includes("smartlead_get_campaign"));
          const search = await call(client, "gtm_search_tools", { query: "get campaign", toolset: "smartlead_campaigns" });
          assert.ok(
            (data(search).tools as { name: string }[]).some((t) => t.name === "smartlead_get_campaign"),
            JSON.stringify(search),
          );
          const r = await call(client, "gtm_call_tool", { name: "smartlead_get_campaign", arguments: { campaign_id: 101 } });
          assert.ok(!r.isError, JSON.stringify(r));
          assert.equal(data(r).name, "Q3 SaaS founders");
          assert.deepEqual(requests(), ["GET /campaigns/101"]);
        } finally {
          await client.close();
        }
      });

      test("a two-step tool through gtm_call_tool: preview, then its token carries it out", async () => {
        resetFakes(stack.fakes);
        const client = await connect(stack.url, kind);
        try {
          const preview = await call(client, "gtm_call_tool", { name: "smartlead_delete_campaign", arguments: { campaign_id: 102 } });
          const token = data(preview).confirmation_token;
          assert.equal(typeof token, "string", JSON.stringify(preview));
          assert.ok(!requests().includes("DELETE /campaigns/102"));
          const done = await call(client, "gtm_call_tool", { name: "smartlead_delete_campaign", arguments: { campaign_id: 102 }, confirmation_token: token });
          assert.ok(!done.isError, JSON.stringify(done));
          assert.equal(requests().filter((r) => r === "DELETE /campaigns/102").length, 1);
        } finally {
          await client.close();
        }
      });

      test("a read-only connection cannot write through it: refused, and the upstream hears nothing", async () => {
        resetFakes(stack.fakes);
        const client = await connect(stack.url, kind, { query: "read_only=true" });
        try {
          const listed = (await client.listTools()).tools.find((t) => t.name === "gtm_call_tool");
          assert.equal(listed?.annotations?.readOnlyHint, true);
          for (const [name, args] of [
            ["smartlead_update_campaign_status", { campaign_id: 101, status: "STOPPED" }],
            ["smartlead_delete_campaign", { campaign_id: 102 }],
          ] as const) {
            const error = errorOf(await call(client, "gtm_call_tool", { name, arguments: args }));
            assert.equal(error.code, "forbidden", name);
          }
          assert.deepEqual(requests(), []);
        } finally {
          await client.close();
        }
      });
    });
  }
});
