/** SmartLead lead tools through the MCP client against the fake: what went over the wire, bulk import, validation, confirmation. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { InProcessStack } from "../../helpers/in-process";
import { call, errorOf } from "../../helpers/mcp";
import { resetFakes } from "../../helpers/stack";
import { runCase, type ToolCase, useSuite } from "../../helpers/table";

const CAMPAIGN = 101;
const LEAD = 2995276770;

const CASES: ToolCase[] = [
  {
    tool: "smartlead_list_campaign_leads",
    args: { campaign_id: CAMPAIGN, status: "INPROGRESS", emailStatus: "is_replied", created_at_gt: "2025-11-25T00:00:00.000Z" },
    expect: {
      host: "smartlead",
      method: "GET",
      path: `/campaigns/${CAMPAIGN}/leads`,
      query: { offset: "0", limit: "100", status: "INPROGRESS", emailStatus: "is_replied", created_at_gt: "2025-11-25T00:00:00.000Z" },
    },
    check: (r) => {
      const d = r.structuredContent as Record<string, unknown>;
      assert.equal(d.count, 1);
      assert.equal(d.total_leads, "1");
      assert.equal(d.next_offset, null);
    },
  },
  {
    tool: "smartlead_add_leads_to_campaign",
    args: {
      campaign_id: CAMPAIGN,
      lead_list: [
        { email: "john@company.com", first_name: "John", last_name: "Doe", company_name: "ACME Corp", custom_fields: { job_title: "CEO" } },
        { email: "jane@startup.io", first_name: "Jane", linkedin_profile: "https://linkedin.com/in/janesmith" },
      ],
      settings: { ignore_duplicate_leads_in_other_campaign: false, return_lead_ids: true },
    },
    expect: {
      host: "smartlead",
      method: "POST",
      path: `/campaigns/${CAMPAIGN}/leads`,
      body: {
        lead_list: [
          { email: "john@company.com", first_name: "John", last_name: "Doe", company_name: "ACME Corp", custom_fields: { job_title: "CEO" } },
          { email: "jane@startup.io", first_name: "Jane", linkedin_profile: "https://linkedin.com/in/janesmith" },
        ],
        settings: { ignore_duplicate_leads_in_other_campaign: false, return_lead_ids: true },
      },
    },
    check: (r) => {
      const d = r.structuredContent as ImportResult;
      assert.equal(d.complete, true);
      assert.equal(d.chunks.length, 1);
      assert.equal(d.chunks[0]!.result.upload_count, 2);
      assert.deepEqual(Object.keys(d.chunks[0]!.result.emailToLeadIdMap), ["john@company.com", "jane@startup.io"]);
    },
  },
  {
    tool: "smartlead_get_lead_by_email",
    args: { email: "john@example.com" },
    expect: { host: "smartlead", method: "GET", path: "/leads", query: { email: "john@example.com" } },
    check: (r) => assert.equal((r.structuredContent as Record<string, unknown>).found, true),
  },
  {
    tool: "smartlead_get_lead",
    args: { lead_id: LEAD },
    expect: { host: "smartlead", method: "GET", path: `/leads/${LEAD}` },
  },
  {
    tool: "smartlead_list_lead_campaigns",
    args: { lead_id: LEAD },
    expect: { host: "smartlead", method: "GET", path: `/leads/${LEAD}/campaigns` },
    check: (r) => assert.equal((r.structuredContent as Record<string, unknown>).count, 2),
  },
  {
    tool: "smartlead_get_lead_message_history",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD, event_time_gt: "2025-11-01T00:00:00Z", show_plain_text_response: true },
    expect: {
      host: "smartlead",
      method: "GET",
      path: `/campaigns/${CAMPAIGN}/leads/${LEAD}/message-history`,
      query: { event_time_gt: "2025-11-01T00:00:00Z", show_plain_text_response: "true" },
    },
  },
  {
    tool: "smartlead_list_leads_activities",
    args: { limit: 500, event_time_from: "2025-11-01", event_time_to: "2025-11-30T23:59:59Z" },
    expect: {
      host: "smartlead",
      method: "GET",
      path: "/campaigns/all-leads-activities",
      query: { offset: "0", limit: "500", event_time_from: "2025-11-01", event_time_to: "2025-11-30T23:59:59Z" },
    },
    check: (r) => {
      const d = r.structuredContent as { count: number; items: { campaign_name: string }[]; hasMore: boolean };
      assert.equal(d.count, 1);
      assert.equal(d.items[0]!.campaign_name, "Q4 Outreach");
      assert.equal(d.hasMore, false);
    },
  },
  {
    tool: "smartlead_export_campaign_leads",
    args: { campaign_id: CAMPAIGN },
    expect: { host: "smartlead", method: "GET", path: `/campaigns/${CAMPAIGN}/leads-export` },
    check: (r) => {
      const d = r.structuredContent as Record<string, unknown>;
      assert.equal(d.format, "csv");
      assert.equal(d.row_count, 2);
      assert.match(String(d.csv), /^id,campaign_lead_map_id,/);
    },
  },
  {
    tool: "smartlead_update_campaign_lead",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD, email: "john@example.com", company_name: "Acme Inc", custom_fields: { tier: "hot" } },
    expect: {
      host: "smartlead",
      method: "POST",
      path: `/campaigns/${CAMPAIGN}/leads/${LEAD}`,
      body: { email: "john@example.com", company_name: "Acme Inc", custom_fields: { tier: "hot" } },
    },
  },
  {
    tool: "smartlead_set_campaign_lead_category",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD, category_id: null, pause_lead: true },
    expect: { host: "smartlead", method: "POST", path: `/campaigns/${CAMPAIGN}/leads/${LEAD}/category`, body: { category_id: null, pause_lead: true } },
  },
  {
    tool: "smartlead_pause_campaign_lead",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD },
    expect: { host: "smartlead", method: "POST", path: `/campaigns/${CAMPAIGN}/leads/${LEAD}/pause`, body: {} },
  },
  {
    tool: "smartlead_resume_campaign_lead",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD, resume_lead_with_delay_days: 3 },
    expect: { host: "smartlead", method: "POST", path: `/campaigns/${CAMPAIGN}/leads/${LEAD}/resume`, body: { resume_lead_with_delay_days: 3 } },
  },
  {
    tool: "smartlead_unsubscribe_campaign_lead",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD },
    expect: { host: "smartlead", method: "POST", path: `/campaigns/${CAMPAIGN}/leads/${LEAD}/unsubscribe`, body: {} },
  },
  {
    tool: "smartlead_unsubscribe_lead_globally",
    args: { lead_id: LEAD },
    expect: { host: "smartlead", method: "POST", path: `/leads/${LEAD}/unsubscribe`, body: {} },
  },
  {
    tool: "smartlead_complete_campaign_lead",
    args: { campaign_id: CAMPAIGN, lead_map_id: 2433664091 },
    expect: { host: "smartlead", method: "POST", path: `/campaigns/${CAMPAIGN}/leads/2433664091/manual-complete`, body: {} },
  },
  {
    tool: "smartlead_delete_campaign_lead",
    args: { campaign_id: CAMPAIGN, lead_id: LEAD },
    expect: { host: "smartlead", method: "DELETE", path: `/campaigns/${CAMPAIGN}/leads/${LEAD}` },
  },
  {
    tool: "smartlead_update_lead_email_account",
    args: { email_account_id: 999, email_campaign_id: CAMPAIGN, email_lead_id: LEAD, override_lead_email_account: true },
    expect: {
      host: "smartlead",
      method: "POST",
      path: "/campaigns/update-lead-email-account",
      body: { email_account_id: 999, email_campaign_id: CAMPAIGN, email_lead_id: LEAD, override_lead_email_account: true },
    },
  },
  {
    tool: "smartlead_list_lead_categories",
    args: {},
    expect: { host: "smartlead", method: "GET", path: "/leads/fetch-categories" },
    check: (r) => assert.equal((r.structuredContent as Record<string, unknown>).count, 4),
  },
  {
    tool: "smartlead_get_lead_notes",
    args: { id: 123 },
    expect: { host: "smartlead", method: "GET", path: "/crm/leads/notes/123" },
  },
  {
    tool: "smartlead_get_lead_tasks",
    args: { id: 123 },
    expect: { host: "smartlead", method: "GET", path: "/crm/leads/tasks/123" },
  },
  {
    tool: "smartlead_list_lead_tags",
    args: { leadId: 123 },
    expect: { host: "smartlead", method: "GET", path: "/crm/leads/tags", query: { leadId: "123" } },
  },
  {
    tool: "smartlead_add_lead_tags",
    args: { leadId: 123, tagIds: [1, 2, 3] },
    expect: { host: "smartlead", method: "POST", path: "/crm/leads/tags", body: { leadId: 123, tagIds: [1, 2, 3] } },
  },
  {
    tool: "smartlead_remove_lead_tag",
    args: { tagMappingId: 789 },
    expect: { host: "smartlead", method: "DELETE", path: "/crm/leads/tags/789" },
  },
  {
    tool: "smartlead_list_lead_lists",
    args: { listName: "enterprise", tagIds: [1, 2] },
    expect: { host: "smartlead", method: "GET", path: "/lead-list", query: { listName: "enterprise", tagIds: "1,2", limit: "10", offset: "0" } },
    check: (r) => {
      const d = r.structuredContent as Record<string, unknown>;
      assert.equal(d.count, 1);
      assert.equal(d.next_offset, null);
    },
  },
  {
    tool: "smartlead_get_lead_list",
    args: { id: 500 },
    expect: { host: "smartlead", method: "GET", path: "/lead-list/500" },
  },
  {
    tool: "smartlead_create_lead_list",
    args: { listName: "Q1 2025 Enterprise Prospects" },
    expect: { host: "smartlead", method: "POST", path: "/lead-list", body: { listName: "Q1 2025 Enterprise Prospects" } },
  },
  {
    tool: "smartlead_rename_lead_list",
    args: { id: 500, listName: "Q1 2025 Enterprise Prospects - Updated" },
    expect: { host: "smartlead", method: "PUT", path: "/lead-list/500", body: { listName: "Q1 2025 Enterprise Prospects - Updated" } },
  },
  {
    tool: "smartlead_delete_lead_list",
    args: { id: 500 },
    expect: { host: "smartlead", method: "DELETE", path: "/lead-list/500" },
  },
  {
    tool: "smartlead_tag_lead_lists",
    args: { listIds: [500, 501], tagIds: [1, 2], removeTagIds: [3] },
    expect: { host: "smartlead", method: "POST", path: "/lead-list/assign-tags", body: { listIds: [500, 501], tagIds: [1, 2], removeTagIds: [3] } },
  },
  {
    tool: "smartlead_import_leads_to_list",
    args: {
      id: 500,
      leadList: [
        { email: "john@company.com", first_name: "John", last_name: "Doe", company: "ACME Corp" },
        { email: "jane@startup.io", first_name: "Jane" },
      ],
      fileName: "enterprise-prospects-jan2025.csv",
      csvSettings: { ignoreGlobalBlockList: false },
    },
    expect: {
      host: "smartlead",
      method: "POST",
      path: "/lead-list/500/import",
      body: {
        leadList: [
          { email: "john@company.com", first_name: "John", last_name: "Doe", company: "ACME Corp" },
          { email: "jane@startup.io", first_name: "Jane" },
        ],
        fileName: "enterprise-prospects-jan2025.csv",
        csvSettings: { ignoreGlobalBlockList: false },
      },
    },
  },
  {
    tool: "smartlead_transfer_leads_between_lists",
    args: { action: "move", fromListId: 500, toListId: 501 },
    expect: { host: "smartlead", method: "POST", path: "/leads/leads/push-between-lists", body: { action: "move", fromListId: 500, toListId: 501 } },
  },
  {
    tool: "smartlead_push_leads_to_campaign",
    args: { campaignId: 12345, action: "copy", leadList: { listId: 500 } },
    expect: { host: "smartlead", method: "POST", path: "/leads/push-to-campaign", body: { campaignId: 12345, action: "copy", leadList: { listId: 500 } } },
  },
];

/**
 * The export answers CSV text (text/csv), and the shared upstream client currently turns any
 * non-JSON text into upstream_bad_response; this case passes once the client can be told a
 * tool expects text (requested as a shared change).
 */
let stack: InProcessStack;
let client: Client;
useSuite((s) => ({ stack, client } = s));

describe("every lead tool sends exactly the documented request", () => {
  for (const c of CASES) test(c.tool, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("the table covers every tool of the smartlead_leads toolset", async () => {
    const { tools } = await client.listTools();
    const names = new Set(CASES.map((c) => c.tool));
    const listed = tools.map((t) => t.name).filter((n) => names.has(n));
    assert.equal(listed.length, CASES.length);
    assert.equal(CASES.length, 32);
  });
});

type Lead = { email: string; first_name?: string; custom_fields?: Record<string, string> };

function leads(n: number, from = 0): Lead[] {
  return Array.from({ length: n }, (_, i) => ({ email: `lead${from + i}@example.com`, first_name: `Lead ${from + i}` }));
}

function posts() {
  return stack.fakes.smartlead.requests.filter((r) => r.method === "POST");
}

function allRequests() {
  return Object.values(stack.fakes).flatMap((f) => f.requests);
}

/** The bulk import's result, as far as these tests read it. */
interface ImportResult {
  complete: boolean;
  chunks: {
    status: string;
    first_index: number;
    last_index: number;
    result: { upload_count: number; emailToLeadIdMap: Record<string, number> };
    error: { code: string; may_have_acted?: boolean };
  }[];
  duplicates_dropped: { count: number; leads: unknown[] };
  totals: { upload_count: number };
  error: { code: string; message: string };
  not_sent?: { count: number; lead_indexes: number[]; emails: string[] };
  [key: string]: unknown;
}

const data = (r: CallToolResult) => r.structuredContent as ImportResult;
const text = (r: CallToolResult) => (r.content as { type: string; text: string }[]).map((c) => c.text).join("\n");

const okChunk = (n: number) => ({
  body: {
    ok: true,
    upload_count: n,
    total_leads: n,
    block_count: 0,
    duplicate_count: 0,
    invalid_email_count: 0,
    invalid_emails: [],
    already_added_to_campaign: 0,
    unsubscribed_leads: [],
    is_lead_limit_exhausted: false,
    lead_import_stopped_count: 0,
    bounce_count: 0,
  },
});

describe("bulk lead import", () => {
  test("2,000 leads with case-only duplicates: duplicates dropped, 5 sequential POSTs of ≤400, per-chunk results", async () => {
    resetFakes(stack.fakes);
    const list = leads(2000);
    // Ten leads repeat earlier emails in another case.
    for (let i = 0; i < 10; i++) list[1990 + i] = { email: `LEAD${i * 7}@Example.COM`, first_name: "dup" };
    const result = await call(client, "smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: list });
    assert.ok(!result.isError, text(result));

    const sent = posts();
    assert.equal(sent.length, 5);
    const sizes = sent.map((r) => (r.body as { lead_list: Lead[] }).lead_list.length);
    assert.deepEqual(sizes, [400, 400, 400, 400, 390]);
    const emails = sent.flatMap((r) => (r.body as { lead_list: Lead[] }).lead_list.map((l) => l.email));
    assert.equal(emails.length, 1990);
    assert.equal(new Set(emails.map((e) => e.toLowerCase())).size, 1990);
    assert.deepEqual(
      emails,
      list.slice(0, 1990).map((l) => l.email),
      "order kept, first occurrence wins",
    );
    for (const r of sent) {
      assert.equal(r.path, `/campaigns/${CAMPAIGN}/leads`);
      assert.deepEqual(Object.keys(r.body as object), ["lead_list"], "no settings key when none was given");
    }

    const d = data(result);
    assert.equal(d.complete, true);
    assert.equal(d.leads_received, 2000);
    assert.equal(d.leads_sent, 1990);
    assert.equal(d.duplicates_dropped.count, 10);
    assert.deepEqual(d.duplicates_dropped.leads[0], { index: 1990, email: "LEAD0@Example.COM", duplicate_of: 0 });
    assert.equal(d.chunks.length, 5);
    for (const c of d.chunks) {
      assert.equal(c.status, "sent");
      assert.equal(typeof c.result.upload_count, "number");
    }
    assert.equal(d.chunks[4]!.first_index, 1600);
    assert.equal(d.chunks[4]!.last_index, 1989);
    assert.equal(d.totals.upload_count, 1990);
    assert.equal(d.not_sent, undefined);
    assert.match(text(result), /1,990 lead\(s\) sent in 5 chunk\(s\)/);
  });

  test("a failing 3rd chunk stops the import: 3 POSTs, chunks 1–2 reported, the rest listed as not sent", async () => {
    resetFakes(stack.fakes);
    stack.fakes.smartlead.next(okChunk(400), okChunk(400), { status: 500, body: { error: "Internal server error" } });
    const list = leads(2000);
    const result = await call(client, "smartlead_add_leads_to_campaign", {
      campaign_id: CAMPAIGN,
      lead_list: list,
      settings: { ignore_global_block_list: true },
    });
    assert.ok(!result.isError, text(result));
    assert.equal(posts().length, 3, "no retry of the failed write, nothing after it");
    for (const r of posts()) assert.deepEqual((r.body as { settings: unknown }).settings, { ignore_global_block_list: true });

    const d = data(result);
    assert.equal(d.complete, false);
    assert.equal(d.failed_chunk, 3);
    assert.deepEqual(
      d.chunks.map((c: { status: string }) => c.status),
      ["sent", "sent", "failed", "not_sent", "not_sent"],
    );
    assert.equal(d.chunks[0]!.result.upload_count, 400);
    assert.equal(d.chunks[1]!.result.upload_count, 400);
    assert.equal(d.chunks[2]!.error.code, "upstream_unavailable");
    assert.equal(d.chunks[2]!.error.may_have_acted, true);
    assert.equal(d.error.code, "upstream_unavailable");
    assert.equal(d.leads_sent, 800);
    assert.equal(d.not_sent!.count, 1200);
    assert.equal(d.not_sent!.lead_indexes[0], 800);
    assert.equal(d.not_sent!.lead_indexes.at(-1), 1999);
    assert.equal(d.not_sent!.emails[0], "lead800@example.com");
    assert.match(String(d.resume), /not_sent\.lead_indexes/);
    assert.match(text(result), /^Partial import/);
    assert.match(text(result), /1,200 lead\(s\) were not sent/);
  });

  test("a 4xx on a later chunk is reported the same way", async () => {
    resetFakes(stack.fakes);
    stack.fakes.smartlead.next(okChunk(400), { status: 400, body: { error: "lead_list[12].email is invalid" } });
    const result = await call(client, "smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: leads(900) });
    assert.ok(!result.isError);
    assert.equal(posts().length, 2);
    const d = data(result);
    assert.equal(d.failed_chunk, 2);
    assert.equal(d.error.code, "invalid_input");
    assert.match(d.error.message, /lead_list\[12\]\.email is invalid/);
    assert.equal(d.not_sent!.count, 500);
  });

  test("a failing first chunk is an error result: nothing was imported", async () => {
    resetFakes(stack.fakes);
    stack.fakes.smartlead.next({ status: 404, body: { error: "Campaign not found - Invalid campaign_id." } });
    const result = await call(client, "smartlead_add_leads_to_campaign", { campaign_id: 999999, lead_list: leads(900) });
    const err = errorOf(result);
    assert.equal(err.code, "not_found");
    assert.match(err.message, /None of the 3 chunks was imported/);
    assert.equal(posts().length, 1);
  });

  test("a chunk that exhausts the lead limit stops the import", async () => {
    resetFakes(stack.fakes);
    stack.fakes.smartlead.next({ body: { ...okChunk(100).body, is_lead_limit_exhausted: true, lead_import_stopped_count: 300 } });
    const result = await call(client, "smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: leads(800) });
    assert.ok(!result.isError);
    assert.equal(posts().length, 1);
    const d = data(result);
    assert.equal(d.complete, false);
    assert.equal(d.stop_reason, "lead_limit_exhausted");
    assert.equal(d.not_sent!.count, 400);
  });

  test("chunk_size lowers the per-request count", async () => {
    resetFakes(stack.fakes);
    const result = await call(client, "smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: leads(250), chunk_size: 100 });
    assert.ok(!result.isError);
    assert.deepEqual(
      posts().map((r) => (r.body as { lead_list: unknown[] }).lead_list.length),
      [100, 100, 50],
    );
  });
});

describe("bad input is refused before anything is sent", () => {
  async function rejected(tool: string, args: Record<string, unknown>, field: RegExp) {
    resetFakes(stack.fakes);
    const result = await call(client, tool, args);
    const err = errorOf(result);
    assert.equal(err.code, "invalid_input");
    assert.match(String(err.field), field);
    assert.match(err.message, new RegExp(field.source.replace(/^\^/, "")));
    assert.deepEqual(allRequests(), [], "no upstream request");
  }

  test("2,001 leads", () => rejected("smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: leads(2001) }, /^lead_list/));

  test("a lead with 201 custom fields", () => {
    const custom = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`field_${i}`, "x"]));
    return rejected(
      "smartlead_add_leads_to_campaign",
      { campaign_id: CAMPAIGN, lead_list: [...leads(3), { email: "many@example.com", custom_fields: custom }] },
      /lead_list\.3\.custom_fields/,
    );
  });

  test("a bad email names the field path", () =>
    rejected(
      "smartlead_add_leads_to_campaign",
      { campaign_id: CAMPAIGN, lead_list: [{ email: "ok@example.com" }, { email: "not-an-email" }] },
      /lead_list\.1\.email/,
    ));

  test("an unknown lead field", () =>
    rejected("smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: [{ email: "a@example.com", company: "Acme" }] }, /lead_list\.0/));

  test("chunk_size above 400", () =>
    rejected("smartlead_add_leads_to_campaign", { campaign_id: CAMPAIGN, lead_list: leads(2), chunk_size: 401 }, /chunk_size/));

  test("limit 101 on campaign leads", () => rejected("smartlead_list_campaign_leads", { campaign_id: CAMPAIGN, limit: 101 }, /limit/));

  test("negative offset", () => rejected("smartlead_list_campaign_leads", { campaign_id: CAMPAIGN, offset: -1 }, /offset/));

  test("an unknown lead status", () => rejected("smartlead_list_campaign_leads", { campaign_id: CAMPAIGN, status: "BLOCKED" }, /status/));

  test("a non-ISO date", () => rejected("smartlead_list_campaign_leads", { campaign_id: CAMPAIGN, created_at_gt: "last week" }, /created_at_gt/));

  for (const bad of ["not a url", "acme", "ftp://acme.com"]) {
    test(`updating a lead with company_url ${JSON.stringify(bad)}`, () =>
      rejected("smartlead_update_campaign_lead", { campaign_id: CAMPAIGN, lead_id: LEAD, email: "john@example.com", company_url: bad }, /^company_url\b/));
  }
  test("a non-integer campaign id", () => rejected("smartlead_list_campaign_leads", { campaign_id: "../campaigns" }, /campaign_id/));

  test("an invalid lookup email", () => rejected("smartlead_get_lead_by_email", { email: "john at example" }, /email/));

  test("activities: event_time_to without event_time_from", () =>
    rejected("smartlead_list_leads_activities", { event_time_to: "2025-11-30" }, /event_time_from/));

  test("activities: limit 1001", () => rejected("smartlead_list_leads_activities", { limit: 1001 }, /limit/));

  test("lead lists: limit 1001", () => rejected("smartlead_list_lead_lists", { limit: 1001 }, /limit/));

  test("tagging more than 10 lists", () =>
    rejected("smartlead_tag_lead_lists", { listIds: Array.from({ length: 11 }, (_, i) => i + 1), tagIds: [1] }, /listIds/));

  test("transfer between lists needs exactly one source", () =>
    rejected("smartlead_transfer_leads_between_lists", { action: "copy", leadIds: [1], fromListId: 500, toListId: 501 }, /leadIds/));

  test("push to campaign needs a campaign", () => rejected("smartlead_push_leads_to_campaign", { action: "copy", leadList: { listId: 500 } }, /campaignId/));

  test("resume delay above a year", () =>
    rejected("smartlead_resume_campaign_lead", { campaign_id: CAMPAIGN, lead_id: LEAD, resume_lead_with_delay_days: 1000 }, /resume_lead_with_delay_days/));
});

describe("confirmation", () => {
  test("unsubscribe from a campaign: preview first (no write), then the token carries it out", async () => {
    resetFakes(stack.fakes);
    const args = { campaign_id: CAMPAIGN, lead_id: LEAD };
    const preview = await call(client, "smartlead_unsubscribe_campaign_lead", args);
    assert.ok(!preview.isError, text(preview));
    const p = data(preview);
    assert.equal(p.confirmation_required, true);
    assert.match(String(p.action), /Lead 2995276770 will be unsubscribed from campaign 101/);
    assert.equal(typeof p.confirmation_token, "string");
    assert.ok(p.target || p.target_lookup_error, "the preview names the campaign or says why it could not");
    assert.deepEqual(posts(), [], "no write on preview");
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /campaigns/${CAMPAIGN}`],
    );

    resetFakes(stack.fakes);
    const done = await call(client, "smartlead_unsubscribe_campaign_lead", { ...args, confirmation_token: p.confirmation_token });
    assert.ok(!done.isError, text(done));
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`),
      [`POST /campaigns/${CAMPAIGN}/leads/${LEAD}/unsubscribe`],
    );

    resetFakes(stack.fakes);
    const other = await call(client, "smartlead_unsubscribe_campaign_lead", {
      campaign_id: CAMPAIGN,
      lead_id: LEAD + 1,
      confirmation_token: p.confirmation_token,
    });
    assert.equal(errorOf(other).code, "confirmation_invalid");
    assert.deepEqual(posts(), []);
  });

  test("global unsubscribe preview shows who the lead is", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_unsubscribe_lead_globally", { lead_id: LEAD });
    const p = data(preview);
    assert.equal(p.confirmation_required, true);
    assert.deepEqual(p.target, {
      id: LEAD,
      email: "john@example.com",
      first_name: "John",
      last_name: "Doe",
      company_name: "Acme Corp",
      is_unsubscribed: false,
    });
    assert.deepEqual(posts(), []);
  });

  test("every destructive or email-sending lead tool asks for confirmation; the others do not", async () => {
    const { tools } = await client.listTools();
    const confirmed = tools
      .filter((t) => CASES.some((c) => c.tool === t.name) && "confirmation_token" in (t.inputSchema.properties ?? {}))
      .map((t) => t.name)
      .sort();
    assert.deepEqual(confirmed, [
      "smartlead_delete_campaign_lead",
      "smartlead_delete_lead_list",
      "smartlead_remove_lead_tag",
      "smartlead_resume_campaign_lead",
      "smartlead_unsubscribe_campaign_lead",
      "smartlead_unsubscribe_lead_globally",
    ]);
    for (const t of tools.filter((t) => confirmed.includes(t.name))) {
      assert.equal(t.annotations?.destructiveHint, true, t.name);
      assert.equal(t.annotations?.readOnlyHint, false, t.name);
    }
  });
});

describe("result shapes", () => {
  test("an unknown email is found: false, not an error", async () => {
    resetFakes(stack.fakes);
    const result = await call(client, "smartlead_get_lead_by_email", { email: "nobody@example.com" });
    assert.ok(!result.isError);
    assert.deepEqual(data(result), { found: false });
  });

  test("a full page of campaign leads offers next_offset", async () => {
    resetFakes(stack.fakes);
    const result = await call(client, "smartlead_list_campaign_leads", { campaign_id: CAMPAIGN, limit: 1 });
    const d = data(result);
    assert.equal(d.count, 1);
    assert.equal(d.next_offset, 1);
  });
});
