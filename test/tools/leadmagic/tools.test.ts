/** Every LeadMagic tool, driven through the MCP client against the fake: what went over the wire. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ALL_TOOLS } from "../../../src/tools/all";

const LEADMAGIC_TOOLS = ALL_TOOLS.filter((t) => t.base === "leadmagic");

import type { InProcessStack } from "../../helpers/in-process";
import { runCase, type ToolCase, useSuite } from "../../helpers/table";

const data = (r: CallToolResult) => r.structuredContent as Record<string, unknown>;
const summary = (r: CallToolResult) => (r.content[0] as { text: string }).text;

/** A paid finder that found something: found flag, the upstream's credits_consumed, the header's cost. */
const foundCharged = (credits: number) => (r: CallToolResult) => {
  assert.equal(data(r).found, true);
  assert.equal(data(r).credits_consumed, credits);
  assert.equal(data(r).credits_cost, credits);
  assert.match(summary(r), new RegExp(`${credits} credits? (was|were) charged\\.$`));
};

const lm = (method: string, path: string, body?: unknown): ToolCase["expect"] => ({ host: "leadmagic", method, path, body });

const CASES: ToolCase[] = [
  // account
  { tool: "leadmagic_get_credits", args: {}, expect: lm("GET", "/v1/credits") },
  { tool: "leadmagic_refresh_credits", args: {}, expect: lm("POST", "/v1/credits/refresh", {}) },
  { tool: "leadmagic_get_credits_health", args: {}, expect: lm("GET", "/v1/credits/health") },
  { tool: "leadmagic_get_analytics_dashboard", args: {}, expect: lm("GET", "/v1/analytics/dashboard") },
  { tool: "leadmagic_get_analytics_usage", args: {}, expect: lm("GET", "/v1/analytics/usage") },
  { tool: "leadmagic_get_analytics_products", args: {}, expect: lm("GET", "/v1/analytics/products") },
  { tool: "leadmagic_get_analytics_credits", args: {}, expect: lm("GET", "/v1/analytics/credits") },
  { tool: "leadmagic_get_analytics_summary", args: {}, expect: lm("GET", "/v1/analytics/summary") },
  {
    tool: "leadmagic_get_analytics_daily",
    args: {},
    expect: lm("GET", "/v1/analytics/daily"),
    check: (r) => assert.equal(data(r).count, 2),
  },
  { tool: "leadmagic_get_analytics_day", args: { date: "2026-01-31" }, expect: lm("GET", "/v1/analytics/day/2026-01-31") },

  // people
  {
    tool: "leadmagic_validate_email",
    args: { email: "jane@example.com" },
    expect: lm("POST", "/v1/people/email-validation", { email: "jane@example.com" }),
    check: (r) => assert.equal(summary(r), "jane@example.com is valid; 0.25 credits were charged."),
  },
  {
    tool: "leadmagic_validate_email",
    args: { email: "jane@example.com", first_name: "Jane", last_name: "Doe" },
    expect: lm("POST", "/v1/people/email-validation", { email: "jane@example.com", first_name: "Jane", last_name: "Doe" }),
  },
  {
    tool: "leadmagic_find_email",
    args: { first_name: "Jane", last_name: "Doe", domain: "Example.com" },
    expect: lm("POST", "/v1/people/email-finder", { first_name: "Jane", last_name: "Doe", domain: "example.com" }),
    check: (r) => {
      foundCharged(1)(r);
      assert.equal(summary(r), "Found jane@example.com (valid) for Jane Doe at example.com; 1 credit was charged.");
    },
  },
  {
    tool: "leadmagic_find_email",
    args: { first_name: "Jane", last_name: "Doe", company_name: "Example" },
    expect: lm("POST", "/v1/people/email-finder", { first_name: "Jane", last_name: "Doe", company_name: "Example" }),
  },
  {
    tool: "leadmagic_find_personal_email",
    args: { profile_url: "https://profiles.example.com/janedoe" },
    expect: lm("POST", "/v1/people/personal-email-finder", { profile_url: "https://profiles.example.com/janedoe" }),
    check: foundCharged(2),
  },
  {
    tool: "leadmagic_profile_to_work_email",
    args: { profile_url: "https://profiles.example.com/janedoe" },
    expect: lm("POST", "/v1/people/b2b-profile-email", { profile_url: "https://profiles.example.com/janedoe" }),
    check: foundCharged(5),
  },
  {
    tool: "leadmagic_search_profile",
    args: { profile_url: "https://profiles.example.com/janedoe" },
    expect: lm("POST", "/v1/people/profile-search", { profile_url: "https://profiles.example.com/janedoe" }),
    check: foundCharged(1),
  },
  {
    tool: "leadmagic_email_to_profile",
    args: { work_email: "jane@example.com" },
    expect: lm("POST", "/v1/people/b2b-profile", { work_email: "jane@example.com" }),
    check: foundCharged(10),
  },
  {
    tool: "leadmagic_find_mobile",
    args: { profile_url: "https://profiles.example.com/janedoe" },
    expect: lm("POST", "/v1/people/mobile-finder", { profile_url: "https://profiles.example.com/janedoe" }),
    check: foundCharged(5),
  },
  {
    tool: "leadmagic_find_mobile",
    args: { work_email: "jane@example.com", personal_email: "jane.doe.home@gmail.com" },
    expect: lm("POST", "/v1/people/mobile-finder", { work_email: "jane@example.com", personal_email: "jane.doe.home@gmail.com" }),
  },
  {
    tool: "leadmagic_find_role",
    args: { job_title: "VP Marketing", company_domain: "example.com" },
    expect: lm("POST", "/v1/people/role-finder", { job_title: "VP Marketing", company_domain: "example.com" }),
    check: foundCharged(2),
  },
  {
    tool: "leadmagic_find_role",
    args: { job_title: "CTO", company_name: "Example", company_profile_url: "https://profiles.example.com/company/example" },
    expect: lm("POST", "/v1/people/role-finder", {
      job_title: "CTO",
      company_name: "Example",
      company_profile_url: "https://profiles.example.com/company/example",
    }),
  },
  {
    tool: "leadmagic_find_role",
    args: { job_title: "CTO", company_domain: "microsoft.com" },
    expect: lm("POST", "/v1/people/role-finder", { job_title: "CTO", company_domain: "microsoft.com" }),
    // The published spec's hit: only company fields and the message.
    reply: { body: { message: "Role found.", credits_consumed: 2, company_name: "Microsoft", company_website: "microsoft.com" } },
    check: (r) => {
      assert.equal(data(r).found, true);
      assert.equal(summary(r), "Found a match as CTO at Microsoft; 2 credits were charged.");
    },
  },
  {
    tool: "leadmagic_find_employees",
    args: { company_name: "Example", limit: 2 },
    expect: lm("POST", "/v1/people/employee-finder", { company_name: "Example", limit: 2 }),
    check: (r) => {
      assert.equal(data(r).returned_count, 2);
      assert.equal(data(r).credits_consumed, 0.1);
    },
  },
  {
    // Without a limit the default is sent, so the charge is capped at 20 employees.
    tool: "leadmagic_find_employees",
    args: { company_name: "Example" },
    expect: lm("POST", "/v1/people/employee-finder", { company_name: "Example", limit: 20 }),
  },
  {
    tool: "leadmagic_detect_job_change",
    args: { profile_url: "https://profiles.example.com/janedoe", company_domain: "example.com" },
    expect: lm("POST", "/v1/people/job-change-detector", { profile_url: "https://profiles.example.com/janedoe", company_domain: "example.com" }),
    check: (r) => {
      assert.equal(data(r).job_change_detected, true);
      assert.equal(summary(r), "Job change detected from example.com for https://profiles.example.com/janedoe; 3 credits were charged.");
    },
  },

  // companies
  {
    tool: "leadmagic_search_company",
    args: { company_domain: "example.com" },
    expect: lm("POST", "/v1/companies/company-search", { company_domain: "example.com" }),
    check: (r) => {
      foundCharged(1)(r);
      assert.equal(data(r).employeeCount, 212);
    },
  },
  {
    tool: "leadmagic_search_company",
    args: { profile_url: "https://profiles.example.com/company/example" },
    expect: lm("POST", "/v1/companies/company-search", { profile_url: "https://profiles.example.com/company/example" }),
  },
  {
    tool: "leadmagic_get_company_funding",
    args: { company_domain: "example.com" },
    expect: lm("POST", "/v1/companies/company-funding", { company_domain: "example.com" }),
    check: foundCharged(4),
  },
  {
    tool: "leadmagic_search_competitors",
    args: { company_url: "https://www.example.com" },
    expect: lm("POST", "/v1/companies/competitors-search", { company_url: "https://www.example.com" }),
    check: foundCharged(5),
  },
  {
    tool: "leadmagic_get_technographics",
    args: { company_domain: "example.com" },
    expect: lm("POST", "/v1/companies/technographics", { company_domain: "example.com" }),
    check: (r) => {
      assert.equal(data(r).count, 2);
      assert.equal(data(r).found, true);
      assert.equal(summary(r), "Found 2 technologies used by example.com; 1 credit was charged.");
    },
  },

  // jobs
  {
    tool: "leadmagic_find_jobs",
    args: { company_name: "Example", job_title: "Data Engineer", experience_level: "senior", country_id: "US", page: 2, per_page: 5 },
    expect: lm("POST", "/v1/jobs/jobs-finder", {
      company_name: "Example",
      job_title: "Data Engineer",
      experience_level: "senior",
      country_id: "US",
      page: 2,
      per_page: 5,
    }),
    check: foundCharged(1),
  },
  {
    tool: "leadmagic_find_jobs",
    args: { company_website: "example.com", location: "New York", job_description: 'python "data engineer"' },
    expect: lm("POST", "/v1/jobs/jobs-finder", { company_website: "example.com", location: "New York", job_description: 'python "data engineer"' }),
  },
  {
    tool: "leadmagic_list_job_countries",
    args: {},
    expect: lm("GET", "/v1/jobs/countries"),
    check: (r) => assert.equal(data(r).count, 3),
  },
  { tool: "leadmagic_list_job_types", args: {}, expect: lm("GET", "/v1/jobs/job-types") },
  { tool: "leadmagic_list_job_regions", args: {}, expect: lm("GET", "/v1/jobs/regions") },
  { tool: "leadmagic_list_job_industries", args: {}, expect: lm("GET", "/v1/jobs/industries") },
  { tool: "leadmagic_list_job_company_types", args: {}, expect: lm("GET", "/v1/jobs/company-types") },

  // ads
  {
    tool: "leadmagic_search_google_ads",
    args: { company_domain: "example.com" },
    expect: lm("POST", "/v1/ads/google-ads-search", { company_domain: "example.com" }),
    check: foundCharged(2),
  },
  {
    tool: "leadmagic_search_meta_ads",
    args: { company_name: "Example" },
    expect: lm("POST", "/v1/ads/meta-ads-search", { company_name: "Example" }),
    check: foundCharged(1),
  },
  {
    tool: "leadmagic_search_b2b_ads",
    args: { company_domain: "example.com", company_name: "Example" },
    expect: lm("POST", "/v1/ads/b2b-ads-search", { company_domain: "example.com", company_name: "Example" }),
    check: foundCharged(2),
  },
  {
    tool: "leadmagic_get_b2b_ad_details",
    args: { ad_url: "https://www.linkedin.com/ad-library/detail/633872143" },
    expect: lm("POST", "/v1/ads/b2b-ads-details", { ad_url: "https://www.linkedin.com/ad-library/detail/633872143" }),
    check: foundCharged(2),
  },
];

let stack: InProcessStack;
let client: Client;
useSuite((s) => ({ stack, client } = s));

for (const [i, c] of CASES.entries()) test(`${c.tool} #${i}`, () => runCase(client, stack.fakes, c).then(() => undefined));

test("every LeadMagic tool has a case and an output schema; paid lookups state what they charge", async () => {
  const { tools } = await client.listTools();
  const lmTools = tools.filter((t) => t.name.startsWith("leadmagic_"));
  const covered = new Set(CASES.map((c) => c.tool));
  assert.deepEqual(
    lmTools.map((t) => t.name).filter((n) => !covered.has(n)),
    [],
  );
  assert.equal(lmTools.length, 34);
  for (const t of lmTools) assert.ok(t.outputSchema, `${t.name} has an output schema`);
  for (const t of LEADMAGIC_TOOLS) {
    assert.ok(t.kind === "read" || t.kind === "paid_read", `${t.name} only reads`);
    if (t.kind === "paid_read") assert.ok(typeof t.cost?.credits === "number" && t.description.endsWith(t.cost.text), `${t.name} states its charge`);
  }
});
