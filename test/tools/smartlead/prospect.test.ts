/**
 * SmartProspect tools against the fake prospect host: every request on the
 * wire, the credit-spending calls behind confirmation, refused inputs, and the
 * toolset staying out of the default selection.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ALL_TOOLS } from "../../../src/tools/all";
import { DEFAULT_TOOL_NAMES, TOOLSETS } from "../../../src/tools/registry";
import type { InProcessStack } from "../../helpers/in-process";
import { call } from "../../helpers/mcp";
import { resetFakes } from "../../helpers/stack";
import { expectInvalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const get = (tool: string, args: Record<string, unknown>, path: string, query?: Record<string, string>): ToolCase => ({
  tool,
  args,
  expect: { host: "smartprospect", method: "GET", path, query },
});

const FILTERS = { title: ["Director of Sales"], country: ["Germany"], companyHeadCount: ["1K - 10K"], dontDisplayOwnedContact: true };

const CASES: ToolCase[] = [
  get("smartlead_prospect_list_countries", { limit: 100, offset: 0, search: "Ger" }, "/countries", { limit: "100", offset: "0", search: "Ger" }),
  get("smartlead_prospect_list_states", { search: "Tex", country: "usa,canada" }, "/states", { search: "Tex", country: "usa,canada" }),
  get("smartlead_prospect_list_cities", { state: "texas", country: "usa" }, "/cities", { state: "texas", country: "usa" }),
  get("smartlead_prospect_list_departments", {}, "/departments"),
  get("smartlead_prospect_list_levels", { limit: 5 }, "/levels", { limit: "5" }),
  get("smartlead_prospect_list_head_counts", {}, "/head-counts"),
  get("smartlead_prospect_list_industries", { withSubIndustry: true }, "/industries", { withSubIndustry: "true" }),
  get("smartlead_prospect_list_sub_industries", { industry_id: 1 }, "/sub-industries", { industry_id: "1" }),
  get("smartlead_prospect_list_revenue_ranges", {}, "/revenue"),
  get("smartlead_prospect_list_companies", { search: "Exam" }, "/company", { search: "Exam" }),
  get("smartlead_prospect_list_domains", { search: "example" }, "/domain", { search: "example" }),
  get("smartlead_prospect_list_job_titles", { search: "Director", offset: 100 }, "/job-title", { search: "Director", offset: "100" }),
  get("smartlead_prospect_list_keywords", { search: "pay" }, "/keywords", { search: "pay" }),
  {
    tool: "smartlead_prospect_search_contacts",
    args: { limit: 25, ...FILTERS },
    expect: { host: "smartprospect", method: "POST", path: "/search-contacts", body: { limit: 25, ...FILTERS } },
    check: (r) => assert.equal((r.structuredContent as { data: { filter_id: number } }).data.filter_id, 327105),
  },
  {
    tool: "smartlead_prospect_get_contacts",
    args: { filter_id: 327105, limit: 50, offset: 0, verification_status: "valid" },
    expect: {
      host: "smartprospect",
      method: "POST",
      path: "/get-contacts",
      body: { filter_id: 327105, limit: 50, offset: 0, verification_status: "valid" },
    },
  },
  {
    tool: "smartlead_prospect_fetch_contacts",
    args: { filter_id: 327105, limit: 200, visual_limit: 10 },
    expect: { host: "smartprospect", method: "POST", path: "/fetch-contacts", body: { filter_id: 327105, limit: 200, visual_limit: 10 } },
  },
  {
    tool: "smartlead_prospect_find_emails",
    args: { contacts: [{ firstName: "Orhan", lastName: "Demiri", companyDomain: "example.com" }] },
    expect: {
      host: "smartprospect",
      method: "POST",
      path: "/search-contacts/find-emails",
      body: { contacts: [{ firstName: "Orhan", lastName: "Demiri", companyDomain: "example.com" }] },
    },
  },
  {
    tool: "smartlead_prospect_review_contacts",
    args: { filter_id: 327105 },
    expect: { host: "smartprospect", method: "PATCH", path: "/review-contacts/327105", body: {} },
  },
  get("smartlead_prospect_list_saved_searches", { limit: 20 }, "/search-filters/saved-searches", { limit: "20" }),
  get("smartlead_prospect_list_recent_searches", {}, "/search-filters/recent-searches"),
  get("smartlead_prospect_list_fetched_searches", { offset: 10 }, "/search-filters/fetched-searches", { offset: "10" }),
  {
    tool: "smartlead_prospect_save_search",
    args: { search_string: "Directors in Germany", limit: 500, ...FILTERS },
    expect: {
      host: "smartprospect",
      method: "POST",
      path: "/search-filters/save-search",
      body: { search_string: "Directors in Germany", limit: 500, ...FILTERS },
    },
  },
  {
    tool: "smartlead_prospect_rename_saved_search",
    args: { id: 327105, search_string: "DACH directors" },
    expect: { host: "smartprospect", method: "PUT", path: "/search-filters/save-search/327105", body: { search_string: "DACH directors" } },
  },
  {
    tool: "smartlead_prospect_rename_fetched_search",
    args: { id: 327107, search_string: "DACH directors (fetched)" },
    expect: { host: "smartprospect", method: "PUT", path: "/search-filters/fetched-searches/327107", body: { search_string: "DACH directors (fetched)" } },
  },
  get("smartlead_prospect_get_search_analytics", { filter_id: 327105 }, "/search-analytics", { filter_id: "327105" }),
  get("smartlead_prospect_get_reply_analytics", {}, "/reply-analytics"),
];

describe("the SmartProspect toolset", () => {
  const mine = ALL_TOOLS.filter((t) => t.toolset === "smartlead_prospect");

  test("is never in the default selection", () => {
    assert.ok(mine.length > 0);
    for (const t of mine) assert.ok(!DEFAULT_TOOL_NAMES.includes(t.name), t.name);
    assert.ok(TOOLSETS.get("default")!.every((t) => t.toolset !== "smartlead_prospect"));
  });

  test("every tool has a case here and talks to the prospect host", () => {
    const covered = new Set(CASES.map((c) => c.tool));
    assert.deepEqual(
      mine.filter((t) => !covered.has(t.name)).map((t) => t.name),
      [],
    );
    for (const t of mine) assert.equal(t.base, "smartprospect", t.name);
  });

  test("the calls that spend credits say so, are confirmed and are not idempotent", () => {
    const spending = mine
      .filter((t) => t.costsCredits)
      .map((t) => t.name)
      .sort();
    assert.deepEqual(spending, ["smartlead_prospect_fetch_contacts", "smartlead_prospect_find_emails"]);
    for (const t of mine.filter((x) => x.costsCredits)) {
      assert.ok(t.confirm, t.name);
      assert.equal(t.annotations.idempotentHint, false, t.name);
      assert.match(t.description, /spends .*credits/i, t.name);
    }
  });
});

describe("SmartProspect tools over MCP", () => {
  let stack: InProcessStack;
  let client: Client;
  useSuite((s) => ({ stack, client } = s));

  for (const c of CASES) test(c.tool, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("find-emails previews the credit spend and sends nothing before the token", async () => {
    resetFakes(stack.fakes);
    const args = { contacts: [{ firstName: "Orhan", lastName: "Demiri", companyDomain: "example.com" }] };
    const preview = await call(client, "smartlead_prospect_find_emails", args);
    const data = preview.structuredContent as Record<string, unknown>;
    assert.equal(data.confirmation_required, true);
    assert.match(String(data.action), /spending SmartProspect credits/);
    assert.equal(stack.fakes.smartprospect.requests.length, 0);
  });

  const BAD: { why: string; tool: string; args: Record<string, unknown>; field: string }[] = [
    { why: "search limit over 500", tool: "smartlead_prospect_search_contacts", args: { limit: 501 }, field: "limit" },
    { why: "lookup limit over 100", tool: "smartlead_prospect_list_countries", args: { limit: 101 }, field: "limit" },
    {
      why: "more than 10 people",
      tool: "smartlead_prospect_find_emails",
      args: { contacts: Array.from({ length: 11 }, () => ({ firstName: "A", lastName: "B", companyDomain: "example.com" })) },
      field: "contacts",
    },
    {
      why: "a company domain with a scheme",
      tool: "smartlead_prospect_find_emails",
      args: { contacts: [{ firstName: "A", lastName: "B", companyDomain: "https://example.com" }] },
      field: "contacts.0.companyDomain",
    },
    { why: "fetch with neither limit nor ids", tool: "smartlead_prospect_fetch_contacts", args: { filter_id: 1 }, field: "limit" },
    { why: "both filter_id and ids", tool: "smartlead_prospect_get_contacts", args: { filter_id: 1, id: ["abc"] }, field: "filter_id" },
    { why: "more than 200 ids", tool: "smartlead_prospect_get_contacts", args: { id: Array.from({ length: 201 }, (_, i) => `id${i}`) }, field: "id" },
    { why: "country without state", tool: "smartlead_prospect_list_cities", args: { country: "usa" }, field: "state" },
    {
      why: "a saved-search name over 255 characters",
      tool: "smartlead_prospect_rename_saved_search",
      args: { id: 1, search_string: "x".repeat(256) },
      field: "search_string",
    },
  ];
  for (const b of BAD) {
    test(`refused before sending: ${b.why}`, () => expectInvalid(client, stack.fakes, b.tool, b.args, b.field));
  }
});
