/** The forwarder's request building and result shaping, and the confirmation tokens. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { canonicalJson, createConfirmer } from "../../src/tools/confirm";
import type { ToolDefinition } from "../../src/tools/define";
import { buildCall, fillPath } from "../../src/tools/forward";
import { defaultShape } from "../../src/tools/shape";
import { ToolError } from "../../src/upstream/errors";
import { redact, upstreamMessage } from "../../src/upstream/redact";

const tool = (over: Partial<ToolDefinition>): ToolDefinition => ({
  name: "t",
  title: "t",
  description: "t",
  toolset: "smartlead_leads",
  catalogId: "x",
  base: "smartlead",
  method: "GET",
  path: "/campaigns/{campaign_id}/leads",
  input: z.object({}),
  kind: "read",
  effect: "read",
  costsCredits: false,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  ...over,
});

describe("paths", () => {
  test("path values are encoded as one segment", () => {
    assert.equal(fillPath("/a/{x}/b", { x: "1/../../admin?y=1#z" }), "/a/1%2F..%2F..%2Fadmin%3Fy%3D1%23z/b");
    assert.equal(fillPath("/a/{x}", { x: 42 }), "/a/42");
  });

  test("dot segments and missing values are refused", () => {
    for (const x of [".", "..", "", undefined]) {
      assert.throws(
        () => fillPath("/a/{x}", { x }),
        (e: unknown) => e instanceof ToolError && e.code === "invalid_input",
      );
    }
  });
});

describe("buildCall", () => {
  test("GET: non-path inputs go to the query, arrays comma-joined, nothing in a body", () => {
    const call = buildCall(tool({}), { campaign_id: 7, offset: 0, limit: 10, ids: [1, 2], skip: undefined });
    assert.equal(call.path, "/campaigns/7/leads");
    assert.deepEqual(call.query, { offset: "0", limit: "10", ids: "1,2" });
    assert.equal(call.body, undefined);
  });

  test("POST: non-path inputs go to the JSON body unless listed as query", () => {
    const call = buildCall(tool({ method: "POST", query: ["dry"] }), { campaign_id: 7, dry: true, name: "x" });
    assert.deepEqual(call.query, { dry: "true" });
    assert.deepEqual(call.body, { name: "x" });
  });

  test("a custom body builder shapes the body", () => {
    const call = buildCall(tool({ method: "POST", body: (rest) => [rest.item] }), { campaign_id: 1, item: { a: 1 } });
    assert.deepEqual(call.body, [{ a: 1 }]);
  });
});

describe("shaping", () => {
  test("arrays become {items, count}; objects pass; null becomes {ok: true}", () => {
    assert.deepEqual(defaultShape([1, 2]), { items: [1, 2], count: 2 });
    assert.deepEqual(defaultShape({ a: 1 }), { a: 1 });
    assert.deepEqual(defaultShape(null), { ok: true });
    assert.deepEqual(defaultShape("text"), { value: "text" });
  });
});

describe("redaction", () => {
  test("keys, api_key params, bearer tokens, URLs and stack frames are removed; length capped", () => {
    const out = redact("bad key sk_live_abcdef api_key=zzz token: qqq Bearer a.b.c at https://x.io/a?api_key=zzz\n    at handler (/srv/app.js:10:5)", [
      "sk_live_abcdef",
    ]);
    for (const secret of ["sk_live_abcdef", "zzz", "qqq", "a.b.c", "x.io", "/srv/app.js"]) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    assert.ok(redact("x".repeat(5000), []).length <= 300);
  });

  test("messages are read from both LeadMagic error styles and SmartLead's", () => {
    assert.equal(upstreamMessage({ error: "bad_request", message: "email is required" }), "email is required");
    assert.equal(
      upstreamMessage({ success: false, errors: [{ type: "t", title: "Validation", status: 422, code: "invalid", detail: "profile_url is invalid" }] }),
      "profile_url is invalid",
    );
    assert.equal(upstreamMessage({ error: { code: "VALIDATION_ERROR", message: "too long", details: { field: "name" } } }), "name: too long");
    assert.equal(upstreamMessage("<html>"), undefined);
  });
});

describe("confirmation tokens", () => {
  test("canonical JSON ignores key order", () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 1 }] }), canonicalJson({ a: [{ c: 1, d: 2 }], b: 1 }));
  });

  test("a token is valid only for the same tool, arguments and user, and only until it expires", async () => {
    let now = Date.parse("2026-11-22T10:00:00Z");
    const c = createConfirmer("secret-material", () => now);
    const { token } = await c.issue("smartlead_delete_campaign", { campaign_id: 1 }, "alice");
    assert.equal(
      await c.verify(token, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"),
      Number(token.split(".")[0]) * 1000,
      "verify answers the expiry",
    );
    const refused = async (p: Promise<unknown>) => assert.rejects(p, (e: unknown) => e instanceof ToolError && e.code === "confirmation_invalid");
    await refused(c.verify(token, "smartlead_delete_campaign", { campaign_id: 2 }, "alice"));
    await refused(c.verify(token, "smartlead_delete_webhook", { campaign_id: 1 }, "alice"));
    await refused(c.verify(token, "smartlead_delete_campaign", { campaign_id: 1 }, "mallory"));
    await refused(createConfirmer("other-secret", () => now).verify(token, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
    await refused(c.verify("garbage", "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
    // Not base64url of any byte string (a lone trailing character): malformed, not an internal error.
    const [exp, nonce, sig] = token.split(".");
    await refused(c.verify(`${exp}.A`, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
    await refused(c.verify(`${exp}.${nonce}.A`, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
    await refused(c.verify(`${Number(exp) + 600}.${nonce}.${sig}`, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
    await refused(c.verify(`${exp}.${nonce}x.${sig}`, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
    const again = await c.issue("smartlead_delete_campaign", { campaign_id: 1 }, "alice");
    assert.notEqual(again.token, token, "two previews of the same call get different tokens");
    now += 301_000;
    await refused(c.verify(token, "smartlead_delete_campaign", { campaign_id: 1 }, "alice"));
  });
});
