/**
 * SmartLead campaigns, sequences, schedule/settings, webhooks, clients, block list and
 * one-off send, driven through the MCP client against the fakes: what went over the wire,
 * input validation, the two-step confirmation and SmartLead's odd success/failure bodies.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { FAKE_CLIENT_KEY } from "../../../dev/fakes/smartlead/admin";
import type { InProcessStack } from "../../helpers/in-process";
import { call, errorOf } from "../../helpers/mcp";
import { type Fakes, resetFakes } from "../../helpers/stack";
import { expectInvalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const sl = (method: string, path: string, extra: { query?: Record<string, string>; body?: unknown } = {}) =>
  ({ host: "smartlead", method, path, ...extra }) as ToolCase["expect"];

const data = (r: { structuredContent?: unknown }) => r.structuredContent as Record<string, unknown>;

/** The four reads of a launch preflight, in order. */
const PREFLIGHT_103 = ["GET /campaigns/103", "GET /campaigns/103/sequences", "GET /campaigns/103/email-accounts", "GET /campaigns/103/analytics"];

const CASES: ToolCase[] = [
  // campaigns
  {
    tool: "smartlead_list_campaigns",
    args: {},
    expect: sl("GET", "/campaigns"),
    check: (r) => assert.equal(data(r).count, 3),
  },
  {
    tool: "smartlead_list_campaigns",
    args: { client_id: 301, include_tags: true },
    expect: sl("GET", "/campaigns", { query: { client_id: "301", include_tags: "true" } }),
    check: (r) => assert.equal(data(r).count, 1),
  },
  {
    tool: "smartlead_get_campaign",
    args: { campaign_id: 101 },
    expect: sl("GET", "/campaigns/101"),
    check: (r) => assert.equal(data(r).name, "Q3 SaaS founders"),
  },
  {
    tool: "smartlead_create_campaign",
    args: { name: "Q1 2026 CFOs", client_id: 301 },
    expect: sl("POST", "/campaigns/create", { body: { name: "Q1 2026 CFOs", client_id: 301 } }),
    check: (r) => assert.equal(data(r).id, 125),
  },
  {
    tool: "smartlead_delete_campaign",
    args: { campaign_id: 102 },
    expect: sl("DELETE", "/campaigns/102"),
  },
  {
    tool: "smartlead_duplicate_campaign",
    args: { campaign_id: 101, duplicate_sub_sequence: true, duplicate_client_label: false },
    expect: sl("POST", "/campaigns/101/duplicate", { body: { duplicate_sub_sequence: true, duplicate_client_label: false } }),
    check: (r) => assert.equal(data(r).newCampaignId, 842),
  },
  {
    tool: "smartlead_send_test_email",
    args: { campaign_id: 101, leadId: 789, sequenceNumber: 2, selectedEmailAccountId: 55, customEmailAddress: "me@mycompany.com" },
    expect: sl("POST", "/campaigns/101/send-test-email", {
      body: { leadId: 789, sequenceNumber: 2, selectedEmailAccountId: 55, customEmailAddress: "me@mycompany.com" },
    }),
  },
  {
    tool: "smartlead_update_campaign_status",
    args: { campaign_id: 103, status: "START" },
    // A start runs the launch preflight first (again at confirmation); SmartLead gets the status only.
    readsFirst: PREFLIGHT_103,
    expect: sl("POST", "/campaigns/103/status", { body: { status: "START" } }),
  },
  {
    tool: "smartlead_update_campaign_status",
    args: { campaign_id: 102, status: "START", override_preflight: true },
    readsFirst: PREFLIGHT_103.map((r) => r.replace("103", "102")),
    expect: sl("POST", "/campaigns/102/status", { body: { status: "START" } }),
  },
  {
    tool: "smartlead_launch_preflight",
    args: { campaign_id: 103 },
    readsFirst: PREFLIGHT_103.slice(0, 3),
    expect: sl("GET", "/campaigns/103/analytics"),
    check: (r) => assert.equal((r.structuredContent as { result: string }).result, "pass"),
  },
  {
    tool: "smartlead_update_campaign_status",
    args: { campaign_id: 101, status: "STOPPED" },
    expect: sl("POST", "/campaigns/101/status", { body: { status: "STOPPED" } }),
  },
  // sequences
  {
    tool: "smartlead_create_subsequence",
    args: { parent_campaign_id: 101, subsequence_name: "Interested follow-up", condition_events: [] },
    expect: sl("POST", "/campaigns/create-subsequence", {
      body: { parent_campaign_id: 101, subsequence_name: "Interested follow-up", condition_events: [] },
    }),
    check: (r) => assert.equal(data(r).subsequence_id, 456),
  },
  {
    tool: "smartlead_get_campaign_sequences",
    args: { campaign_id: 101 },
    expect: sl("GET", "/campaigns/101/sequences"),
    check: (r) => assert.equal(data(r).count, 2),
  },
  {
    tool: "smartlead_save_campaign_sequences",
    args: {
      campaign_id: 102,
      sequences: [
        { seq_number: 1, subject: "Hi {{first_name}}", email_body: "<p>A</p>", delay_in_days: 0 },
        { id: 1002, seq_number: 2, subject: "", email_body: "<p>Following up</p>", delay_in_days: 3 },
      ],
    },
    expect: sl("POST", "/campaigns/102/sequences", {
      body: {
        sequences: [
          { id: null, seq_number: 1, subject: "Hi {{first_name}}", email_body: "<p>A</p>", seq_delay_details: { delay_in_days: 0 } },
          { id: 1002, seq_number: 2, subject: "", email_body: "<p>Following up</p>", seq_delay_details: { delay_in_days: 3 } },
        ],
      },
    }),
  },
  // schedule / settings
  {
    tool: "smartlead_update_campaign_schedule",
    args: {
      campaign_id: 102,
      timezone: "America/New_York",
      days_of_the_week: [1, 2, 3, 4, 5],
      start_hour: "09:00",
      end_hour: "17:30",
      min_time_btw_emails: 12,
      max_new_leads_per_day: 40,
      schedule_start_time: "2026-02-02T14:00:00Z",
    },
    expect: sl("POST", "/campaigns/102/schedule", {
      body: {
        timezone: "America/New_York",
        days_of_the_week: [1, 2, 3, 4, 5],
        start_hour: "09:00",
        end_hour: "17:30",
        min_time_btw_emails: 12,
        max_new_leads_per_day: 40,
        schedule_start_time: "2026-02-02T14:00:00Z",
      },
    }),
  },
  {
    tool: "smartlead_update_campaign_settings",
    args: {
      campaign_id: 102,
      track_settings: ["DONT_EMAIL_OPEN", "DONT_TRACK_LINK_CLICK"],
      stop_lead_settings: "REPLY_TO_AN_EMAIL",
      send_as_plain_text: true,
      follow_up_percentage: 80,
      client_id: null,
      out_of_office_detection_settings: { ignoreOOOasReply: true, reactivateOOOwithDelay: 7 },
    },
    expect: sl("POST", "/campaigns/102/settings", {
      body: {
        track_settings: ["DONT_TRACK_EMAIL_OPEN", "DONT_TRACK_LINK_CLICK"],
        stop_lead_settings: "REPLY_TO_AN_EMAIL",
        send_as_plain_text: true,
        follow_up_percentage: 80,
        client_id: null,
        out_of_office_detection_settings: { ignoreOOOasReply: true, reactivateOOOwithDelay: 7 },
      },
    }),
  },
  {
    tool: "smartlead_assign_campaign_team_member",
    args: { campaign_id: 101, teamMemberId: 77 },
    expect: sl("POST", "/campaigns/101/team-member", { body: { teamMemberId: 77 } }),
    // SmartLead answers this write with the plain text "success".
    check: (r) => assert.deepEqual(data(r), { ok: true }),
  },
  // webhooks
  {
    tool: "smartlead_list_campaign_webhooks",
    args: { campaign_id: 101 },
    expect: sl("GET", "/campaigns/101/webhooks"),
    check: (r) => assert.equal(data(r).count, 1),
  },
  {
    tool: "smartlead_save_campaign_webhook",
    args: { campaign_id: 101, name: "CRM", webhook_url: "https://crm.example.com/hook", event_types: ["LEAD_REPLIED", "LEAD_BOUNCED"] },
    expect: sl("POST", "/campaigns/101/webhooks", {
      body: { id: null, name: "CRM", webhook_url: "https://crm.example.com/hook", event_types: ["LEAD_REPLIED", "LEAD_BOUNCED"] },
    }),
  },
  {
    tool: "smartlead_save_campaign_webhook",
    args: { campaign_id: 101, id: 456, name: "CRM v2", webhook_url: "https://crm.example.com/hook2", event_types: ["LEAD_UNSUBSCRIBED"] },
    expect: sl("POST", "/campaigns/101/webhooks", {
      body: { id: 456, name: "CRM v2", webhook_url: "https://crm.example.com/hook2", event_types: ["LEAD_UNSUBSCRIBED"] },
    }),
  },
  {
    tool: "smartlead_delete_campaign_webhook",
    args: { campaign_id: 101, webhook_id: 456 },
    expect: sl("DELETE", "/campaigns/101/webhooks/456"),
  },
  {
    tool: "smartlead_get_campaign_webhook_summary",
    args: { campaignId: 101, fromTime: "2026-01-01T00:00:00.000Z", toTime: "2026-01-31T23:59:59.999Z" },
    expect: sl("GET", "/campaigns/101/webhooks/summary", {
      query: { fromTime: "2026-01-01T00:00:00.000Z", toTime: "2026-01-31T23:59:59.999Z" },
    }),
  },
  {
    tool: "smartlead_retrigger_failed_webhooks",
    args: { campaignId: 101, fromTime: "2026-01-01T00:00:00Z", toTime: "2026-01-02T00:00:00Z" },
    expect: sl("POST", "/campaigns/101/webhooks/retrigger-failed-events", {
      body: { fromTime: "2026-01-01T00:00:00Z", toTime: "2026-01-02T00:00:00Z" },
    }),
  },
  {
    tool: "smartlead_create_webhook",
    args: {
      webhook_url: "https://hooks.example.com/sl",
      association_type: "campaign",
      email_campaign_id: 101,
      name: "Replies",
      event_type_map: { EMAIL_REPLY: true, LEAD_CATEGORY_UPDATED: true },
      category_id_map: { "5": true },
    },
    expect: sl("POST", "/webhook/create", {
      body: {
        webhook_url: "https://hooks.example.com/sl",
        association_type: "campaign",
        email_campaign_id: 101,
        name: "Replies",
        event_type_map: { EMAIL_REPLY: true, LEAD_CATEGORY_UPDATED: true },
        category_id_map: { "5": true },
      },
    }),
  },
  {
    tool: "smartlead_get_webhook",
    args: { webhook_id: 456 },
    expect: sl("GET", "/webhook/456"),
  },
  {
    tool: "smartlead_update_webhook",
    args: { webhook_id: 456, name: "Renamed", event_types: ["EMAIL_SENT", "EMAIL_BOUNCED"], categories: [] },
    expect: sl("PUT", "/webhook/update/456", { body: { name: "Renamed", event_types: ["EMAIL_SENT", "EMAIL_BOUNCED"], categories: [] } }),
  },
  {
    tool: "smartlead_delete_webhook",
    args: { id: 456 },
    expect: sl("DELETE", "/webhook/delete", { body: { id: 456 } }),
  },
  // clients (white-label)
  {
    tool: "smartlead_list_clients",
    args: {},
    expect: sl("GET", "/client"),
    check: (r) => assert.equal(data(r).count, 1),
  },
  {
    tool: "smartlead_create_client",
    args: { email: "admin@acme.example", name: "Acme Agency", permission: ["campaigns", "leads"], is_credit_assigned: true, email_credits: 10000 },
    expect: sl("POST", "/client/save", {
      body: { email: "admin@acme.example", name: "Acme Agency", permission: ["campaigns", "leads"], is_credit_assigned: true, email_credits: 10000 },
    }),
  },
  {
    tool: "smartlead_list_client_api_keys",
    args: { clientId: 301, status: "active", keyName: "Prod" },
    expect: sl("GET", "/client/api-key", { query: { clientId: "301", status: "active", keyName: "Prod" } }),
    check: (r) => {
      const items = data(r).items as { api_key: string }[];
      assert.equal(items[0]!.api_key, `…${FAKE_CLIENT_KEY.slice(-4)}`);
      assert.ok(!JSON.stringify(r).includes(FAKE_CLIENT_KEY), "the full key value is never shown by the list");
    },
  },
  {
    tool: "smartlead_create_client_api_key",
    args: { clientId: 301, keyName: "Production Key" },
    expect: sl("POST", "/client/api-key", { body: { clientId: 301, keyName: "Production Key" } }),
    check: (r) => assert.equal((data(r).data as { api_key: string }).api_key, "cl_live_new0000000000abcd"),
  },
  {
    tool: "smartlead_reset_client_api_key",
    args: { id: 45 },
    expect: sl("PUT", "/client/api-key/reset/45"),
  },
  {
    tool: "smartlead_delete_client_api_key",
    args: { id: 45 },
    expect: sl("DELETE", "/client/api-key/45"),
  },
  // block list
  {
    tool: "smartlead_list_block_list",
    args: { limit: 2, filter_email_or_domain: "example" },
    expect: sl("GET", "/leads/get-domain-block-list", { query: { offset: "0", limit: "2", filter_email_or_domain: "example" } }),
    check: (r) => {
      assert.equal(data(r).count, 2);
      assert.equal(data(r).next_offset, 2);
    },
  },
  {
    tool: "smartlead_add_to_block_list",
    args: { domain_block_list: ["competitor.com", "spam@example.com"], client_id: 301 },
    expect: sl("POST", "/leads/add-domain-block-list", { body: { domain_block_list: ["competitor.com", "spam@example.com"], client_id: 301 } }),
    check: (r) => assert.equal(data(r).uploadCount, 2),
  },
  {
    tool: "smartlead_remove_from_block_list",
    args: { id: 228361167 },
    expect: sl("DELETE", "/leads/delete-domain-block-list", { query: { id: "228361167" } }),
  },
  // one-off send
  {
    tool: "smartlead_send_single_email",
    args: {
      to: "recipient@example.com",
      subject: "Welcome",
      body: "<p>Hello!</p>",
      fromEmailId: 55,
      fromName: "Sales",
      replyTo: "support@example.com",
      attachments: [{ filename: "hello.txt", content: "aGVsbG8=", mimeType: "text/plain" }],
    },
    expect: sl("POST", "/send-email/initiate", {
      body: {
        to: "recipient@example.com",
        subject: "Welcome",
        body: "<p>Hello!</p>",
        fromEmailId: 55,
        fromName: "Sales",
        replyTo: "support@example.com",
        attachments: [{ filename: "hello.txt", content: "aGVsbG8=", mimeType: "text/plain" }],
      },
    }),
  },
];

const MY_TOOLS = [
  "smartlead_launch_preflight",
  "smartlead_list_campaigns",
  "smartlead_get_campaign",
  "smartlead_create_campaign",
  "smartlead_delete_campaign",
  "smartlead_duplicate_campaign",
  "smartlead_send_test_email",
  "smartlead_update_campaign_status",
  "smartlead_create_subsequence",
  "smartlead_get_campaign_sequences",
  "smartlead_save_campaign_sequences",
  "smartlead_update_campaign_schedule",
  "smartlead_update_campaign_settings",
  "smartlead_assign_campaign_team_member",
  "smartlead_list_campaign_webhooks",
  "smartlead_save_campaign_webhook",
  "smartlead_delete_campaign_webhook",
  "smartlead_get_campaign_webhook_summary",
  "smartlead_retrigger_failed_webhooks",
  "smartlead_create_webhook",
  "smartlead_get_webhook",
  "smartlead_update_webhook",
  "smartlead_delete_webhook",
  "smartlead_list_clients",
  "smartlead_create_client",
  "smartlead_list_client_api_keys",
  "smartlead_create_client_api_key",
  "smartlead_reset_client_api_key",
  "smartlead_delete_client_api_key",
  "smartlead_list_block_list",
  "smartlead_add_to_block_list",
  "smartlead_remove_from_block_list",
  "smartlead_send_single_email",
];

let stack: InProcessStack;
let client: Client;
useSuite((s) => ({ stack, client } = s));

const requestCount = (fakes: Fakes) => Object.values(fakes).reduce((n, f) => n + f.requests.length, 0);

describe("wire format", () => {
  for (const c of CASES) test(`${c.tool} ${JSON.stringify(c.args).slice(0, 80)}`, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("every tool of this domain has a case", () => {
    const covered = new Set(CASES.map((c) => c.tool));
    assert.deepEqual(
      MY_TOOLS.filter((t) => !covered.has(t)),
      [],
    );
  });
});

describe("listing", () => {
  test("confirmation and annotations", async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    const confirmed = [
      "smartlead_delete_campaign",
      "smartlead_send_test_email",
      "smartlead_update_campaign_status",
      "smartlead_delete_campaign_webhook",
      "smartlead_delete_webhook",
      "smartlead_delete_client_api_key",
      "smartlead_reset_client_api_key",
      "smartlead_remove_from_block_list",
      "smartlead_send_single_email",
    ];
    // Admin tools create lasting access: two-step, though not destructive.
    const admin = [
      "smartlead_save_campaign_webhook",
      "smartlead_create_webhook",
      "smartlead_update_webhook",
      "smartlead_create_client",
      "smartlead_create_client_api_key",
    ];
    for (const name of MY_TOOLS) {
      const t = byName.get(name);
      assert.ok(t, `${name} is listed`);
      const a = t.annotations!;
      assert.equal(a.openWorldHint, true, name);
      assert.ok(!(a.readOnlyHint && a.destructiveHint), `${name}: never both read-only and destructive`);
      const hasToken = "confirmation_token" in (t.inputSchema.properties ?? {});
      assert.equal(hasToken, confirmed.includes(name) || admin.includes(name), `${name}: confirmation`);
      if (confirmed.includes(name)) assert.equal(a.destructiveHint, true, `${name}: destructiveHint`);
    }
  });
});

describe("input validation", () => {
  const BAD: { tool: string; args: Record<string, unknown>; field: string }[] = [
    { tool: "smartlead_get_campaign", args: { campaign_id: 1.5 }, field: "campaign_id" },
    { tool: "smartlead_get_campaign", args: { campaign_id: "101/../../client" }, field: "campaign_id" },
    { tool: "smartlead_delete_campaign", args: { campaign_id: -3 }, field: "campaign_id" },
    { tool: "smartlead_update_campaign_status", args: { campaign_id: 101, status: "ACTIVE" }, field: "status" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), timezone: "Mars/Olympus_Mons" }, field: "timezone" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), start_hour: "9:00" }, field: "start_hour" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), end_hour: "24:00" }, field: "end_hour" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), days_of_the_week: [1, 7] }, field: "days_of_the_week.1" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), days_of_the_week: [] }, field: "days_of_the_week" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), days_of_the_week: [1, 1] }, field: "days_of_the_week" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), max_new_leads_per_day: 0 }, field: "max_new_leads_per_day" },
    { tool: "smartlead_update_campaign_schedule", args: { ...schedule(), schedule_start_time: "tomorrow" }, field: "schedule_start_time" },
    // All six scheduling fields are required: the backend refuses a schedule without any of them.
    ...(["timezone", "days_of_the_week", "start_hour", "end_hour", "min_time_btw_emails", "max_new_leads_per_day"] as const).map((field) => ({
      tool: "smartlead_update_campaign_schedule",
      args: Object.fromEntries(Object.entries(schedule()).filter(([k]) => k !== field)),
      field,
    })),
    { tool: "smartlead_update_campaign_settings", args: { campaign_id: 101 }, field: "name" },
    // No closed list (the docs disagree), but a setting name is one upper-case token.
    { tool: "smartlead_update_campaign_settings", args: { campaign_id: 101, stop_lead_settings: "when they reply" }, field: "stop_lead_settings" },
    { tool: "smartlead_update_campaign_settings", args: { campaign_id: 101, stop_lead_settings: "never" }, field: "stop_lead_settings" },
    { tool: "smartlead_update_campaign_settings", args: { campaign_id: 101, track_settings: ["TRACK_OPENS"] }, field: "track_settings.0" },
    {
      tool: "smartlead_save_campaign_sequences",
      args: { campaign_id: 101, sequences: [{ seq_number: 0, email_body: "x", delay_in_days: 0 }] },
      field: "sequences.0.seq_number",
    },
    {
      tool: "smartlead_save_campaign_sequences",
      args: { campaign_id: 101, sequences: [{ seq_number: 1, email_body: "x", delay_in_days: -1 }] },
      field: "sequences.0.delay_in_days",
    },
    {
      tool: "smartlead_save_campaign_sequences",
      args: { campaign_id: 101, sequences: [{ seq_number: 1, delay_in_days: 0 }] },
      field: "sequences.0.email_body",
    },
    {
      // Variants are not sent until the docs settle their field names.
      tool: "smartlead_save_campaign_sequences",
      args: {
        campaign_id: 101,
        sequences: [{ seq_number: 1, email_body: "x", delay_in_days: 0, seq_variants: [{ subject: "s", email_body: "b", variant_label: "A" }] }],
      },
      field: "sequences.0",
    },
    {
      tool: "smartlead_save_campaign_sequences",
      args: { campaign_id: 101, sequences: Array.from({ length: 21 }, (_, i) => ({ seq_number: (i % 20) + 1, email_body: "x", delay_in_days: 1 })) },
      field: "sequences",
    },
    {
      tool: "smartlead_save_campaign_webhook",
      args: { campaign_id: 101, name: "CRM", webhook_url: "http://crm.example.com/hook", event_types: ["EMAIL_REPLY"] },
      field: "webhook_url",
    },
    {
      tool: "smartlead_save_campaign_webhook",
      // This route's page names events LEAD_*; the backend names of webhooks/create.mdx are not its names.
      args: { campaign_id: 101, name: "CRM", webhook_url: "https://crm.example.com/hook", event_types: ["EMAIL_REPLY"] },
      field: "event_types.0",
    },
    { tool: "smartlead_update_webhook", args: { webhook_id: 4, event_types: ["EMAIL_REPLY"] }, field: "event_types.0" },
    {
      // Configured per user outside the webhook API (webhooks/events.mdx).
      tool: "smartlead_create_webhook",
      args: { webhook_url: "https://h.example.com", association_type: "user", event_type_map: { EMAIL_ACCOUNT_DISCONNECTED: true } },
      field: "event_type_map",
    },
    {
      tool: "smartlead_create_webhook",
      args: { webhook_url: "https://h.example.com", association_type: "user", event_type: "LEAD_REPLIED" },
      field: "event_type",
    },
    { tool: "smartlead_update_webhook", args: { webhook_id: 4, webhook_url: "http://x.example.com" }, field: "webhook_url" },
    {
      tool: "smartlead_create_webhook",
      args: { webhook_url: "https://h.example.com", association_type: "campaign", event_type: "EMAIL_SENT" },
      field: "email_campaign_id",
    },
    {
      tool: "smartlead_get_campaign_webhook_summary",
      args: { campaignId: 101, fromTime: "2026-02-01T00:00:00Z", toTime: "2026-01-01T00:00:00Z" },
      field: "toTime",
    },
    { tool: "smartlead_create_client_api_key", args: { clientId: 301, keyName: "prod; drop" }, field: "keyName" },
    { tool: "smartlead_list_block_list", args: { limit: 1001 }, field: "limit" },
    { tool: "smartlead_add_to_block_list", args: { domain_block_list: ["not a domain"] }, field: "domain_block_list.0" },
    { tool: "smartlead_send_single_email", args: { to: "a@example.com", subject: "s", body: "b" }, field: "fromEmail" },
    { tool: "smartlead_send_test_email", args: { campaign_id: 101, leadId: 1, sequenceNumber: 1, customEmailAddress: "nope" }, field: "customEmailAddress" },
  ];
  for (const b of BAD) {
    test(`${b.tool} rejects ${b.field}`, () => expectInvalid(client, stack.fakes, b.tool, b.args, b.field));
  }
});

function schedule(): Record<string, unknown> {
  return {
    campaign_id: 101,
    timezone: "Europe/London",
    days_of_the_week: [1, 2, 3],
    start_hour: "08:00",
    end_hour: "16:00",
    min_time_btw_emails: 10,
    max_new_leads_per_day: 50,
  };
}

describe("confirmation", () => {
  const nonGet = () => stack.fakes.smartlead.requests.filter((r) => r.method !== "GET");

  test("delete campaign: preview, then the DELETE only with the matching token", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_delete_campaign", { campaign_id: 102 });
    assert.ok(!preview.isError);
    const p = data(preview);
    assert.equal(p.confirmation_required, true);
    assert.deepEqual(p.target, { id: 102, name: "Webinar follow-up", status: "DRAFTED" });
    assert.match(String(p.action), /cannot be undone/);
    assert.equal(typeof p.confirmation_token, "string");
    assert.deepEqual(nonGet(), [], "the preview sends no write");
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`),
      ["GET /campaigns/102"],
    );

    resetFakes(stack.fakes);
    const other = await call(client, "smartlead_delete_campaign", { campaign_id: 103, confirmation_token: p.confirmation_token });
    assert.equal(errorOf(other).code, "confirmation_invalid");
    assert.equal(requestCount(stack.fakes), 0, "no DELETE for another campaign");

    const garbage = await call(client, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: "not-a-token" });
    assert.equal(errorOf(garbage).code, "confirmation_invalid");
    const forged = await call(client, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: "9999999999.AAAA" });
    assert.equal(errorOf(forged).code, "confirmation_invalid");
    assert.equal(requestCount(stack.fakes), 0);

    const done = await call(client, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: p.confirmation_token });
    assert.ok(!done.isError, JSON.stringify(done.content));
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`),
      ["DELETE /campaigns/102"],
    );
  });

  test("a token from another tool is refused", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_delete_campaign_webhook", { campaign_id: 102, webhook_id: 456 });
    const token = data(preview).confirmation_token;
    const r = await call(client, "smartlead_delete_campaign", { campaign_id: 102, confirmation_token: token });
    assert.equal(errorOf(r).code, "confirmation_invalid");
    assert.deepEqual(nonGet(), []);
  });

  test("status preview says what START, PAUSED and STOPPED do", async () => {
    const action = async (status: string) => String(data(await call(client, "smartlead_update_campaign_status", { campaign_id: 103, status })).action);
    resetFakes(stack.fakes);
    assert.match(await action("START"), /start sending/);
    assert.match(await action("PAUSED"), /paused/);
    assert.match(await action("STOPPED"), /permanently.*cannot be undone/);
    assert.deepEqual(nonGet(), []);
  });

  test("the preview survives a failed lookup", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_delete_campaign", { campaign_id: 999 });
    assert.ok(!preview.isError);
    assert.equal(data(preview).target_lookup_error, "not_found");
    assert.equal(typeof data(preview).confirmation_token, "string");
    assert.deepEqual(nonGet(), []);
  });
});

describe("upstream answers", () => {
  test("HTTP 200 with success:false (deleting an ACTIVE campaign) is an error", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_delete_campaign", { campaign_id: 101 });
    assert.equal((data(preview).target as { status: string }).status, "ACTIVE");
    const r = await call(client, "smartlead_delete_campaign", { campaign_id: 101, confirmation_token: data(preview).confirmation_token });
    const err = errorOf(r);
    assert.equal(err.code, "upstream_rejected");
    assert.equal(stack.fakes.smartlead.requests.filter((q) => q.method === "DELETE").length, 1);
  });

  test("a campaign that does not exist is not_found", async () => {
    resetFakes(stack.fakes);
    const r = await call(client, "smartlead_get_campaign", { campaign_id: 999 });
    assert.equal(errorOf(r).code, "not_found");
  });
});

describe("launch preflight", () => {
  test("blocks a campaign with no email account, warns on a running one, and a blocked start is refused at confirmation", async () => {
    const verdicts: Record<number, string> = {};
    for (const id of [101, 102, 103]) {
      const r = await call(client, "smartlead_launch_preflight", { campaign_id: id });
      verdicts[id] = (r.structuredContent as { result: string }).result;
    }
    assert.deepEqual(verdicts, { 101: "warn", 102: "block", 103: "pass" });
    const blocked = await call(client, "smartlead_launch_preflight", { campaign_id: 102 });
    const checks = (blocked.structuredContent as { checks: { check: string; result: string }[] }).checks;
    assert.deepEqual(
      checks.filter((c) => c.result === "block").map((c) => c.check),
      ["email_accounts"],
    );

    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_update_campaign_status", { campaign_id: 102, status: "START" });
    const data = preview.structuredContent as { blocked?: string; plan?: { preflight?: { result: string } }; confirmation_token: string };
    assert.equal(data.plan?.preflight?.result, "block");
    assert.match(data.blocked ?? "", /email_accounts: No email account is attached.*override_preflight/);
    const refused = await call(client, "smartlead_update_campaign_status", { campaign_id: 102, status: "START", confirmation_token: data.confirmation_token });
    assert.equal(errorOf(refused).code, "preflight_blocked");
    assert.deepEqual(
      stack.fakes.smartlead.requests.filter((r) => r.method !== "GET"),
      [],
      "nothing was started",
    );
  });
});
