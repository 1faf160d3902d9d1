/**
 * LeadMagic-specific behaviour: validation before any credit is spent, "not
 * found" as a plain result, and how upstream errors and rate limits surface.
 */
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { leadmagicError, leadmagicLegacyError } from "../../../dev/fakes/leadmagic";
import type { InProcessStack } from "../../helpers/in-process";
import { call, errorOf } from "../../helpers/mcp";
import { resetFakes } from "../../helpers/stack";
import { expectInvalid, useSuite } from "../../helpers/table";

let stack: InProcessStack;
let client: Client;
useSuite((s) => ({ stack, client } = s));
beforeEach(() => resetFakes(stack.fakes));

const data = (r: CallToolResult) => r.structuredContent as Record<string, unknown>;
const summary = (r: CallToolResult) => (r.content[0] as { text: string }).text;

/** The call is refused before anything goes upstream, naming the field. */
async function rejected(tool: string, args: Record<string, unknown>, field: string, message?: RegExp): Promise<void> {
  await expectInvalid(client, stack.fakes, tool, args, field);
  if (message) assert.match(errorOf(await call(client, tool, args)).message, message, tool);
}

describe("'at least one of' rules are enforced before any credit is spent", () => {
  const rules: [string, Record<string, unknown>, string[]][] = [
    ["leadmagic_find_email", { first_name: "Jane", last_name: "Doe" }, ["domain", "company_name"]],
    ["leadmagic_find_mobile", {}, ["profile_url", "work_email", "personal_email"]],
    ["leadmagic_search_company", {}, ["company_domain", "company_name", "profile_url"]],
    ["leadmagic_get_company_funding", {}, ["company_domain", "company_name"]],
    ["leadmagic_search_competitors", {}, ["company_domain", "company_name", "company_url"]],
    ["leadmagic_search_google_ads", {}, ["company_domain", "company_name"]],
    ["leadmagic_search_meta_ads", {}, ["company_domain", "company_name"]],
    ["leadmagic_search_b2b_ads", {}, ["company_domain", "company_name"]],
  ];
  for (const [tool, args, fields] of rules) {
    test(`${tool} needs one of ${fields.join(", ")}`, async () => {
      await rejected(tool, args, fields[0]!, new RegExp(`provide at least one of: ${fields.join(", ")}`));
    });
  }
  test("an empty string does not count as given", async () => {
    await rejected("leadmagic_search_google_ads", { company_name: "" }, "company_name");
  });
});

describe("field formats are checked", () => {
  test("bad email addresses name the field", async () => {
    await rejected("leadmagic_validate_email", { email: "not-an-email" }, "email");
    await rejected("leadmagic_email_to_profile", { work_email: "jane@" }, "work_email");
    await rejected("leadmagic_find_mobile", { personal_email: "jane.example.com" }, "personal_email");
  });
  test("bad URLs name the field", async () => {
    await rejected("leadmagic_search_profile", { profile_url: "profiles.example.com/janedoe" }, "profile_url");
    await rejected("leadmagic_find_personal_email", { profile_url: "javascript:alert(1)" }, "profile_url");
    await rejected("leadmagic_get_b2b_ad_details", { ad_url: "633872143" }, "ad_url");
    await rejected("leadmagic_search_competitors", { company_url: "ftp://example.com" }, "company_url");
  });
  test("domains must be bare domains", async () => {
    await rejected("leadmagic_find_email", { first_name: "Jane", last_name: "Doe", domain: "https://example.com/" }, "domain");
    await rejected("leadmagic_get_technographics", { company_domain: "not a domain" }, "company_domain");
  });
  test("enums, page bounds, dates, lengths and unknown fields", async () => {
    await rejected("leadmagic_find_jobs", { experience_level: "junior" }, "experience_level");
    await rejected("leadmagic_find_jobs", { per_page: 51 }, "per_page");
    await rejected("leadmagic_find_jobs", { page: 0 }, "page");
    await rejected("leadmagic_find_employees", { company_name: "Example", limit: 0 }, "limit");
    await rejected("leadmagic_find_employees", { company_name: "Example", limit: 51 }, "limit");
    await rejected("leadmagic_find_employees", { company_name: "Example", limit: 2.5 }, "limit");
    // The employee finder takes no page offsets: page and per_page are not arguments of it.
    await expectInvalid(client, stack.fakes, "leadmagic_find_employees", { company_name: "Example", page: 2 }, /"page"/);
    await expectInvalid(client, stack.fakes, "leadmagic_find_employees", { company_name: "Example", per_page: 10 }, /"per_page"/);
    await rejected("leadmagic_get_analytics_day", { date: "31/01/2026" }, "date");
    await rejected("leadmagic_find_email", { first_name: "J".repeat(101), last_name: "Doe", domain: "example.com" }, "first_name");
    await rejected("leadmagic_find_role", { company_name: "Example" }, "job_title");
    const extra = errorOf(await call(client, "leadmagic_search_profile", { profile_url: "https://profiles.example.com/jane", limit: 5 }));
    assert.equal(extra.code, "invalid_input");
    assert.match(extra.message, /limit/);
    assert.equal(stack.fakes.leadmagic.requests.length, 0);
  });
  test("the current /v1 ad-details route takes ad_url, not ad_id", async () => {
    await rejected("leadmagic_get_b2b_ad_details", { ad_id: "633872143" }, "ad_url");
  });
});

describe("'not found' is a normal result with a plain summary", () => {
  const misses: [string, Record<string, unknown>, string][] = [
    [
      "leadmagic_find_email",
      { first_name: "Nobody", last_name: "Doe", domain: "example.com" },
      "No email found for Nobody Doe at example.com; no credits were charged.",
    ],
    ["leadmagic_find_mobile", { work_email: "nobody@example.com" }, "No mobile number found for nobody@example.com; no credits were charged."],
    [
      "leadmagic_search_profile",
      { profile_url: "https://profiles.example.com/nobody" },
      "No profile found at https://profiles.example.com/nobody; no credits were charged.",
    ],
    ["leadmagic_search_company", { company_domain: "nobody.example" }, "No company found for nobody.example; no credits were charged."],
    [
      "leadmagic_find_personal_email",
      { profile_url: "https://profiles.example.com/nobody" },
      "No personal email found for https://profiles.example.com/nobody; no credits were charged.",
    ],
    [
      "leadmagic_profile_to_work_email",
      { profile_url: "https://profiles.example.com/nobody" },
      "No work email found for https://profiles.example.com/nobody; no credits were charged.",
    ],
    ["leadmagic_email_to_profile", { work_email: "nobody@example.com" }, "No profile found for nobody@example.com; no credits were charged."],
    ["leadmagic_find_role", { job_title: "CTO", company_name: "Unknown Corp" }, "No CTO found at Unknown Corp; no credits were charged."],
    ["leadmagic_find_employees", { company_name: "Unknown Corp" }, "No employees found for Unknown Corp; no credits were charged."],
    ["leadmagic_get_company_funding", { company_name: "Unknown Corp" }, "No funding data found for Unknown Corp; no credits were charged."],
    ["leadmagic_search_competitors", { company_name: "Unknown Corp" }, "No competitors found for Unknown Corp; no credits were charged."],
    ["leadmagic_get_technographics", { company_domain: "nobody.example" }, "No technologies found for nobody.example; no credits were charged."],
    ["leadmagic_find_jobs", { company_name: "Unknown Corp" }, "No job postings matched; no credits were charged."],
    ["leadmagic_search_google_ads", { company_domain: "nobody.example" }, "No Google ads found for nobody.example; no credits were charged."],
    ["leadmagic_search_meta_ads", { company_name: "Nobody" }, "No Meta (Facebook/Instagram) ads found for Nobody; no credits were charged."],
    ["leadmagic_search_b2b_ads", { company_name: "Nobody" }, "No B2B ads found for Nobody; no credits were charged."],
    [
      "leadmagic_get_b2b_ad_details",
      { ad_url: "https://www.linkedin.com/ad-library/detail/unknown" },
      "No details found for ad https://www.linkedin.com/ad-library/detail/unknown; no credits were charged.",
    ],
  ];
  for (const [tool, args, text] of misses) {
    test(tool, async () => {
      const result = await call(client, tool, args);
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.equal(summary(result), text);
      assert.equal(data(result).found, false);
      assert.equal(data(result).credits_consumed ?? data(result).credits_cost, 0);
      assert.equal(stack.fakes.leadmagic.requests.length, 1, "a miss is not retried");
    });
  }

  test("the miss keeps the upstream's fields unchanged", async () => {
    const result = await call(client, "leadmagic_find_email", { first_name: "Nobody", last_name: "Doe", domain: "example.com" });
    const { found, credits_remaining, credits_cost, ...upstream } = data(result);
    assert.equal(found, false);
    assert.equal(credits_remaining, 1000);
    assert.equal(credits_cost, 0);
    assert.deepEqual(upstream, {
      email: null,
      status: "not_found",
      message: "No valid email found.",
      first_name: "Nobody",
      last_name: "Doe",
      domain: "example.com",
      credits_consumed: 0,
    });
  });

  test("job-change detection says when it was charged although nothing changed", async () => {
    const result = await call(client, "leadmagic_detect_job_change", { profile_url: "https://profiles.example.com/nobody", company_name: "Example" });
    assert.ok(!result.isError);
    assert.equal(summary(result), "No job change detected from Example for https://profiles.example.com/nobody (NO_CHANGE); 3 credits were charged.");
  });

  test("a validation with an unknown result is free and says so", async () => {
    const result = await call(client, "leadmagic_validate_email", { email: "unknown@example.com" });
    assert.equal(summary(result), "unknown@example.com is unknown; no credits were charged.");
  });
});

describe("upstream errors", () => {
  const findEmail = { first_name: "Jane", last_name: "Doe", domain: "example.com" };

  test("402 (credits exhausted) → insufficient_credits, not retried", async () => {
    stack.fakes.leadmagic.next(leadmagicError(402, "insufficient_credits", "Payment Required", "Your account has 0 credits left."));
    const error = errorOf(await call(client, "leadmagic_find_email", findEmail));
    assert.equal(error.code, "insufficient_credits");
    assert.equal(error.status, 402);
    assert.match(error.message, /credits/);
    assert.equal(stack.fakes.leadmagic.requests.length, 1);
  });

  test("403 (plan gate) → forbidden", async () => {
    stack.fakes.leadmagic.next(leadmagicError(403, "plan_required", "Forbidden", "Technographics is not included in your plan."));
    const error = errorOf(await call(client, "leadmagic_get_technographics", { company_domain: "example.com" }));
    assert.equal(error.code, "forbidden");
    assert.equal(error.status, 403);
    assert.equal(stack.fakes.leadmagic.requests.length, 1);
  });

  test("422 in the legacy {error, message} style → invalid_input with the upstream message", async () => {
    stack.fakes.leadmagic.next(leadmagicLegacyError(422, "Unprocessable Entity", "The domain could not be resolved."));
    const error = errorOf(await call(client, "leadmagic_find_email", findEmail));
    assert.equal(error.code, "invalid_input");
    assert.equal(error.status, 422);
    assert.match(error.message, /The domain could not be resolved\./);
  });

  test("422 in the RFC 9457 style → invalid_input with the upstream detail", async () => {
    stack.fakes.leadmagic.next(leadmagicError(422, "validation_error", "Unprocessable Entity", "first_name must contain letters."));
    const error = errorOf(await call(client, "leadmagic_find_email", findEmail));
    assert.equal(error.code, "invalid_input");
    assert.match(error.message, /first_name must contain letters\./);
  });

  test("429 with Retry-After: 1 is waited out once, then the answer comes through", async () => {
    stack.fakes.leadmagic.next({
      status: 429,
      headers: { "Retry-After": "1" },
      body: {
        success: false,
        errors: [{ type: "https://docs.leadmagic.io/errors/rate_limited", title: "Too Many Requests", status: 429, code: "rate_limited" }],
      },
    });
    const started = Date.now();
    const result = await call(client, "leadmagic_find_email", findEmail);
    assert.ok(!result.isError, JSON.stringify(result.content));
    assert.equal(data(result).email, "jane@example.com");
    assert.equal(stack.fakes.leadmagic.requests.length, 2);
    assert.ok(Date.now() - started >= 900, "waited for Retry-After");
  });

  test("a 5xx on a paid lookup is not retried (it may already have charged); a free read is", async () => {
    stack.fakes.leadmagic.next({ status: 503, body: "" });
    const paid = errorOf(await call(client, "leadmagic_find_email", findEmail));
    assert.equal(paid.code, "upstream_unavailable");
    assert.equal(stack.fakes.leadmagic.requests.length, 1);

    resetFakes(stack.fakes);
    stack.fakes.leadmagic.next({ status: 503, body: "" });
    const free = await call(client, "leadmagic_get_credits");
    assert.ok(!free.isError);
    assert.equal(stack.fakes.leadmagic.requests.length, 2);
  });

  test("HTTP 200 with success:false is an error, not a result", async () => {
    stack.fakes.leadmagic.next({ body: { success: false, errors: [{ title: "Lookup failed", detail: "Upstream provider error." }] } });
    const error = errorOf(await call(client, "leadmagic_search_company", { company_domain: "example.com" }));
    assert.equal(error.code, "upstream_rejected");
  });
});
