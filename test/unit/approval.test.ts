/**
 * Confirmation through the client (src/mcp/approval.ts): which previews become
 * a question and what it says, which answers approve, which client
 * capabilities can ask, and that a refusal spends a real token but records
 * nothing for a string no preview could have minted.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { parseConfig } from "../../src/config";
import { sha256Hex } from "../../src/crypto";
import { canAskForm, isApproved, notDone, pendingApproval, withToken } from "../../src/mcp/approval";
import { memoryServices } from "../../src/policy/services";
import { confirmerFor } from "../../src/tools/call";
import { errorResult, successResult } from "../../src/tools/results";
import { ToolError } from "../../src/upstream/errors";

const preview = (extra: Record<string, unknown> = {}): CallToolResult =>
  successResult({
    data: {
      confirmation_required: true,
      tool: "smartlead_delete_campaign",
      action: "Campaign 102 will be deleted permanently.",
      arguments: { campaign_id: 102 },
      target: { id: 102, name: "Webinar follow-up", nested: { x: 1 } },
      confirmation_token: "tok",
      ...extra,
    },
    summary: "Not done yet",
  });

describe("pendingApproval", () => {
  test("a preview becomes a question naming the action, its target and the tool, with its token", () => {
    const pending = pendingApproval(preview());
    assert.equal(pending?.token, "tok");
    assert.equal(
      pending?.question.message,
      "Campaign 102 will be deleted permanently. Target: id=102, name=Webinar follow-up. Approve this action? (smartlead_delete_campaign)",
    );
    assert.deepEqual(pending?.question.requestedSchema.required, ["approve"]);
    assert.equal(pending?.question.requestedSchema.properties.approve?.type, "boolean");
    assert.equal(pending?.question.requestedSchema.properties.approve?.default, false);
  });

  test("errors, done calls and previews the preflight blocks are not asked", () => {
    assert.equal(pendingApproval(errorResult(new ToolError("invalid_input", "no"))), undefined);
    assert.equal(pendingApproval(successResult({ data: { done: true } })), undefined);
    assert.equal(pendingApproval(preview({ blocked: "the campaign has no sequence" })), undefined);
    assert.equal(pendingApproval(preview({ confirmation_token: undefined })), undefined);
  });
});

test("only an accepted answer with approve exactly true approves", () => {
  assert.equal(isApproved({ action: "accept", content: { approve: true } }), true);
  assert.equal(isApproved({ action: "accept", content: { approve: "true" } }), false);
  assert.equal(isApproved({ action: "accept", content: { approve: false } }), false);
  assert.equal(isApproved({ action: "accept" }), false);
  assert.equal(isApproved({ action: "decline", content: { approve: true } }), false);
  assert.equal(isApproved({ action: "cancel" }), false);
  assert.equal(isApproved(undefined), false);
});

test("form elicitation: declared as form, or as an empty object (the spec's default); not url-only, not absent", () => {
  assert.equal(canAskForm({ elicitation: { form: {} } }), true);
  assert.equal(canAskForm({ elicitation: {} }), true);
  assert.equal(canAskForm({ elicitation: { form: {}, url: {} } }), true);
  assert.equal(canAskForm({ elicitation: { url: {} } }), false);
  assert.equal(canAskForm({}), false);
  assert.equal(canAskForm(undefined), false);
});

test("withToken presents the token with the call's own arguments", () => {
  assert.deepEqual(withToken({ campaign_id: 102 }, "tok"), { campaign_id: 102, confirmation_token: "tok" });
  assert.deepEqual(withToken(undefined, "tok"), { confirmation_token: "tok" });
});

describe("notDone", () => {
  const config = parseConfig({} as never);

  test("says nothing was done, without isError, and spends a minted token", async () => {
    const services = memoryServices();
    const ctx = { config, user: "u", confirmer: confirmerFor(config), services, readOnly: false };
    const { token } = await ctx.confirmer.issue("smartlead_delete_campaign", { campaign_id: 102 }, "u");
    const result = await notDone("smartlead_delete_campaign", token, { action: "cancel" }, ctx);
    assert.equal(result.isError, undefined);
    assert.deepEqual(result.structuredContent, { done: false, tool: "smartlead_delete_campaign", approval: "cancelled" });
    assert.equal(await services.usedTokens!.consume(await sha256Hex(token), Date.now() + 60_000), false, "the token is used");
    const declined = await notDone("smartlead_delete_campaign", token, { action: "decline" }, ctx);
    assert.equal((declined.structuredContent as { approval: string }).approval, "declined");
  });

  test("records nothing for a string shaped like no live token (far-future or past expiry, no expiry)", async () => {
    const services = memoryServices();
    const ctx = { config, user: "u", confirmer: confirmerFor(config), services, readOnly: false };
    const now = Math.floor(Date.now() / 1000);
    for (const forged of [`${now + 10 * 365 * 86400}.n.s`, `${now - 10}.n.s`, "garbage"]) {
      await notDone("t", forged, { action: "decline" }, ctx);
      assert.equal(await services.usedTokens!.consume(await sha256Hex(forged), Date.now() + 60_000), true, `${forged} was not recorded`);
    }
  });
});
