/**
 * The two-step confirmation across users and deployments: a token is bound to
 * the user who got the preview, and CONFIRM_ACTIONS=false (trusted automation)
 * runs the action in one call.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { call, connect, errorOf } from "../helpers/mcp";
import { resetFakes, type Stack, startStack, TEST_ACCESS_TOKEN, TEST_USER } from "../helpers/stack";

const BOB_TOKEN = "bob-token-abcdefghijklmnopqrstuvwxyz";
const writes = (stack: Stack) => stack.fakes.smartlead.requests.filter((r) => r.method !== "GET");

describe("a confirmation token belongs to the user who asked for the preview", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ MCP_ACCESS_TOKENS: `${TEST_USER}:${TEST_ACCESS_TOKEN},bob:${BOB_TOKEN}` });
  });
  after(async () => {
    await stack?.stop();
  });

  test("bob cannot use alice's token; alice can", async () => {
    const alice = await connect(stack.url, "mcp", { query: "toolsets=smartlead_campaigns" });
    const bob = await connect(stack.url, "mcp", { query: "toolsets=smartlead_campaigns", token: BOB_TOKEN });
    try {
      resetFakes(stack.fakes);
      const preview = await call(alice, "smartlead_delete_campaign", { campaign_id: 102 });
      const token = (preview.structuredContent as { confirmation_token: string }).confirmation_token;
      assert.equal(writes(stack).length, 0);

      const stolen = await call(bob, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: token });
      assert.equal(errorOf(stolen).code, "confirmation_invalid");
      assert.equal(writes(stack).length, 0);

      const done = await call(alice, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: token });
      assert.ok(!done.isError, JSON.stringify(done.content));
      assert.deepEqual(
        writes(stack).map((r) => `${r.method} ${r.path}`),
        ["DELETE /campaigns/102"],
      );
    } finally {
      await alice.close();
      await bob.close();
    }
  });
});

describe("CONFIRM_ACTIONS=false", () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ CONFIRM_ACTIONS: "false" });
  });
  after(async () => {
    await stack?.stop();
  });

  test("destructive tools run in one call and take no confirmation_token", async () => {
    const client = await connect(stack.url, "mcp", { query: "toolsets=smartlead_campaigns" });
    try {
      const { tools } = await client.listTools();
      const del = tools.find((t) => t.name === "smartlead_delete_campaign")!;
      assert.ok(!("confirmation_token" in (del.inputSchema.properties ?? {})));
      assert.equal(del.annotations?.destructiveHint, true);
      resetFakes(stack.fakes);
      const result = await call(client, "smartlead_delete_campaign", { campaign_id: 102 });
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.deepEqual(
        writes(stack).map((r) => `${r.method} ${r.path}`),
        ["DELETE /campaigns/102"],
      );
    } finally {
      await client.close();
    }
  });
});
