/**
 * SmartLead analytics tools against the fake: every tool's request on the wire,
 * coverage of the catalog's analytics and Smart Delivery groups, and inputs
 * refused before anything is sent.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ALL_TOOLS } from "../../../src/tools/all";
import type { InProcessStack } from "../../helpers/in-process";
import { expectInvalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const RANGE = { start_date: "2026-01-01", end_date: "2026-01-31" };
const rangeQuery = { start_date: "2026-01-01", end_date: "2026-01-31" };

/** Account-wide reports with a date range and campaign/client filters: args in, query out. */
const ranged = (tool: string, path: string, extraArgs: Record<string, unknown> = {}, extraQuery: Record<string, string> = {}): ToolCase => ({
  tool,
  args: { ...RANGE, timezone: "America/New_York", campaign_ids: [12345, 12346], client_ids: [7], ...extraArgs },
  expect: {
    host: "smartlead",
    method: "GET",
    path,
    query: { ...rangeQuery, timezone: "America/New_York", campaign_ids: "12345,12346", client_ids: "7", ...extraQuery },
  },
});

const CASES: ToolCase[] = [
  ranged("smartlead_get_overall_analytics", "/analytics/overall-stats-v2", { is_agency: true, full_data: false }, { is_agency: "true", full_data: "false" }),
  {
    tool: "smartlead_get_overall_analytics",
    args: RANGE,
    expect: { host: "smartlead", method: "GET", path: "/analytics/overall-stats-v2", query: rangeQuery },
    check: (r) => {
      const stats = (r.structuredContent as { data: { overall_stats: Record<string, unknown> } }).data.overall_stats;
      assert.equal(stats.sent, "1250", "counts are kept exactly as SmartLead sent them");
      assert.equal(stats.positive_reply_rate, "4.2%");
    },
  },
  ranged("smartlead_get_daily_analytics", "/analytics/day-wise-overall-stats"),
  ranged("smartlead_get_daily_analytics_by_sent_time", "/analytics/day-wise-overall-stats-by-sent-time"),
  ranged("smartlead_get_daily_positive_replies", "/analytics/day-wise-positive-reply-stats"),
  ranged("smartlead_get_daily_positive_replies_by_sent_time", "/analytics/day-wise-positive-reply-stats-by-sent-time"),
  ranged(
    "smartlead_get_campaigns_performance",
    "/analytics/campaign/overall-stats",
    { limit: 50, offset: 100, full_data: true },
    { limit: "50", offset: "100", full_data: "true" },
  ),
  ranged("smartlead_get_campaigns_reply_sentiment", "/analytics/campaign/response-stats", { full_data: true }, { full_data: "true" }),
  {
    tool: "smartlead_get_campaign_status_counts",
    args: { client_ids: [7, 8] },
    expect: { host: "smartlead", method: "GET", path: "/analytics/campaign/status-stats", query: { client_ids: "7,8" } },
  },
  { tool: "smartlead_list_analytics_campaigns", args: {}, expect: { host: "smartlead", method: "GET", path: "/analytics/campaign/list" } },
  ranged("smartlead_get_follow_up_reply_rate", "/analytics/campaign/follow-up-reply-rate"),
  ranged("smartlead_get_time_to_reply", "/analytics/campaign/lead-to-reply-time"),
  ranged("smartlead_get_leads_per_first_reply", "/analytics/campaign/leads-take-for-first-reply"),
  {
    tool: "smartlead_list_analytics_clients",
    args: { client_ids: [7] },
    expect: { host: "smartlead", method: "GET", path: "/analytics/client/list", query: { client_ids: "7" } },
  },
  { tool: "smartlead_get_client_monthly_counts", args: {}, expect: { host: "smartlead", method: "GET", path: "/analytics/client/month-wise-count" } },
  {
    tool: "smartlead_get_clients_performance",
    args: { ...RANGE, timezone: "Europe/London", client_ids: [7], filter: "Acme", limit: 20, offset: 0, full_data: true },
    expect: {
      host: "smartlead",
      method: "GET",
      path: "/analytics/client/overall-stats",
      query: { ...rangeQuery, timezone: "Europe/London", client_ids: "7", filter: "Acme", limit: "20", offset: "0", full_data: "true" },
    },
  },
  ranged("smartlead_get_reply_categories", "/analytics/lead/category-wise-response"),
  ranged("smartlead_get_lead_analytics", "/analytics/lead/overall-stats"),
  ranged("smartlead_get_domain_health", "/analytics/mailbox/domain-wise-health-metrics", { limit: 10, offset: 10 }, { limit: "10", offset: "10" }),
  ranged("smartlead_get_mailbox_health", "/analytics/mailbox/name-wise-health-metrics", { is_bounced: false }, { is_bounced: "false" }),
  { tool: "smartlead_get_mailbox_overview", args: {}, expect: { host: "smartlead", method: "GET", path: "/analytics/mailbox/overall-stats" } },
  ranged("smartlead_get_provider_performance", "/analytics/mailbox/provider-wise-overall-performance"),
  ranged("smartlead_get_team_performance", "/analytics/team-board/overall-stats"),

  {
    tool: "smartlead_get_campaign_statistics",
    args: {
      campaign_id: 12345,
      offset: 0,
      limit: 2,
      email_sequence_number: 1,
      email_status: "replied",
      sent_time_start_date: "2026-01-10T09:00:00+01:00",
      sent_time_end_date: "2026-01-20T00:00:00Z",
    },
    expect: {
      host: "smartlead",
      method: "GET",
      path: "/campaigns/12345/statistics",
      query: {
        offset: "0",
        limit: "2",
        email_sequence_number: "1",
        email_status: "replied",
        sent_time_start_date: "2026-01-10 08:00:00.000Z",
        sent_time_end_date: "2026-01-20 00:00:00.000Z",
      },
    },
    check: (r) => {
      const data = r.structuredContent as { total_stats: unknown; data: { open_count: unknown }[]; next_offset: unknown };
      assert.equal(data.total_stats, "2");
      assert.equal(data.data[0]!.open_count, "2");
      assert.equal(data.next_offset, 2, "a full page points at the next one");
    },
  },
  {
    tool: "smartlead_get_campaign_analytics",
    args: { campaign_id: 12345 },
    expect: { host: "smartlead", method: "GET", path: "/campaigns/12345/analytics" },
    check: (r) => {
      const data = r.structuredContent as Record<string, unknown>;
      assert.equal(data.sent_count, "420", "string counts are passed through unchanged");
      assert.equal(data.reply_count, "31");
    },
  },
  {
    tool: "smartlead_get_campaign_analytics_by_date",
    args: { campaign_id: 12345, ...RANGE, time_zone: "Asia/Kolkata" },
    expect: { host: "smartlead", method: "GET", path: "/campaigns/12345/analytics-by-date", query: { ...rangeQuery, time_zone: "Asia/Kolkata" } },
  },
  {
    tool: "smartlead_get_campaign_top_level_analytics_by_date",
    args: { campaign_id: 12345, start_date: "2026-01-31", end_date: "2026-01-31" },
    expect: {
      host: "smartlead",
      method: "GET",
      path: "/campaigns/12345/top-level-analytics-by-date",
      query: { start_date: "2026-01-31", end_date: "2026-01-31" },
    },
  },
  {
    tool: "smartlead_get_campaign_lead_statistics",
    args: { campaign_id: 12345, limit: 100, offset: 200, event_time_gt: "2026-01-15" },
    expect: {
      host: "smartlead",
      method: "GET",
      path: "/campaigns/12345/leads-statistics",
      query: { limit: "100", offset: "200", event_time_gt: "2026-01-15" },
    },
  },
  {
    tool: "smartlead_get_campaign_mailbox_statistics",
    args: { campaign_id: 12345, client_id: 7, offset: 0, limit: 20, ...RANGE, time_zone: "America/Los_Angeles" },
    expect: {
      host: "smartlead",
      method: "GET",
      path: "/campaigns/12345/mailbox-statistics",
      query: { client_id: "7", offset: "0", limit: "20", ...rangeQuery, time_zone: "America/Los_Angeles" },
    },
  },
  {
    tool: "smartlead_get_campaign_sequence_analytics",
    args: { campaign_id: 12345, ...RANGE },
    expect: { host: "smartlead", method: "GET", path: "/campaigns/12345/sequence-analytics", query: rangeQuery },
  },
];

interface CatalogEntry {
  id: string;
  group: string;
  tier: string;
}
const catalog = JSON.parse(readFileSync(new URL("../../contract/smartlead-endpoints.json", import.meta.url), "utf8")) as {
  endpoints: CatalogEntry[];
};

describe("catalog coverage", () => {
  const offered = new Map(ALL_TOOLS.map((t) => [t.catalogId, t]));
  for (const [group, toolset] of [
    ["campaign analytics/statistics", "smartlead_analytics"],
    ["smart delivery", "smartlead_deliverability"],
  ] as const) {
    test(`every required "${group}" endpoint has a ${toolset} tool`, () => {
      const required = catalog.endpoints.filter((e) => e.group === group && e.tier === "required");
      assert.ok(required.length > 20);
      const missing = required.filter((e) => !offered.has(e.id)).map((e) => e.id);
      assert.deepEqual(missing, []);
      for (const e of required) assert.equal(offered.get(e.id)!.toolset, toolset, e.id);
    });
  }

  test("the default selection's analytics names map to the per-campaign endpoints", () => {
    const byName = new Map(ALL_TOOLS.map((t) => [t.name, t]));
    assert.equal(byName.get("smartlead_get_campaign_statistics")?.catalogId, "sl.get_campaigns_by_campaign_id_statistics");
    assert.equal(byName.get("smartlead_get_campaign_analytics")?.catalogId, "sl.get_campaigns_by_campaign_id_analytics");
  });

  test("every analytics tool has a case here", () => {
    const covered = new Set(CASES.map((c) => c.tool));
    const missing = ALL_TOOLS.filter((t) => t.toolset === "smartlead_analytics" && !covered.has(t.name)).map((t) => t.name);
    assert.deepEqual(missing, []);
  });
});

describe("analytics tools over MCP", () => {
  let stack: InProcessStack;
  let client: Client;
  useSuite((s) => ({ stack, client } = s));

  for (const c of CASES) test(`${c.tool} ${JSON.stringify(c.args).slice(0, 60)}`, () => runCase(client, stack.fakes, c).then(() => undefined));

  const BAD: { why: string; tool: string; args: Record<string, unknown>; field: string }[] = [
    {
      why: "a date that is not YYYY-MM-DD",
      tool: "smartlead_get_overall_analytics",
      args: { start_date: "01/02/2026", end_date: "2026-01-31" },
      field: "start_date",
    },
    {
      why: "a date that does not exist",
      tool: "smartlead_get_campaign_analytics_by_date",
      args: { campaign_id: 1, start_date: "2026-02-30", end_date: "2026-03-01" },
      field: "start_date",
    },
    { why: "no time zone on a by-sent-time route", tool: "smartlead_get_daily_analytics_by_sent_time", args: RANGE, field: "timezone" },
    { why: "no time zone on the positive by-sent-time route", tool: "smartlead_get_daily_positive_replies_by_sent_time", args: RANGE, field: "timezone" },
    { why: "a time zone that is not IANA", tool: "smartlead_get_daily_analytics", args: { ...RANGE, timezone: "EST5EDT-ish" }, field: "timezone" },
    {
      why: "the campaign routes spell it time_zone",
      tool: "smartlead_get_campaign_sequence_analytics",
      args: { campaign_id: 1, ...RANGE, timezone: "UTC" },
      field: "input",
    },
    { why: "statistics limit over 1000", tool: "smartlead_get_campaign_statistics", args: { campaign_id: 1, limit: 1001 }, field: "limit" },
    { why: "mailbox statistics limit over 20", tool: "smartlead_get_campaign_mailbox_statistics", args: { campaign_id: 1, limit: 21 }, field: "limit" },
    { why: "lead statistics limit over 100", tool: "smartlead_get_campaign_lead_statistics", args: { campaign_id: 1, limit: 101 }, field: "limit" },
    {
      why: "too many campaign ids",
      tool: "smartlead_get_daily_analytics",
      args: { ...RANGE, campaign_ids: Array.from({ length: 101 }, (_, i) => i + 1) },
      field: "campaign_ids",
    },
    { why: "a campaign id that is not a positive integer", tool: "smartlead_get_daily_analytics", args: { ...RANGE, client_ids: [0] }, field: "client_ids.0" },
    { why: "start after end", tool: "smartlead_get_overall_analytics", args: { start_date: "2026-02-01", end_date: "2026-01-31" }, field: "end_date" },
    {
      why: "start after end on a campaign route",
      tool: "smartlead_get_campaign_analytics_by_date",
      args: { campaign_id: 1, start_date: "2026-02-01", end_date: "2026-01-31" },
      field: "end_date",
    },
    {
      why: "sent-time window backwards",
      tool: "smartlead_get_campaign_statistics",
      args: { campaign_id: 1, sent_time_start_date: "2026-01-20T00:00:00Z", sent_time_end_date: "2026-01-10T00:00:00Z" },
      field: "sent_time_end_date",
    },
    {
      why: "a sent time without a zone",
      tool: "smartlead_get_campaign_statistics",
      args: { campaign_id: 1, sent_time_start_date: "2026-01-20 10:00:00" },
      field: "sent_time_start_date",
    },
    {
      why: "only one date of the mailbox range",
      tool: "smartlead_get_campaign_mailbox_statistics",
      args: { campaign_id: 1, start_date: "2026-01-01" },
      field: "end_date",
    },
    {
      why: "an email_status SmartLead does not know",
      tool: "smartlead_get_campaign_statistics",
      args: { campaign_id: 1, email_status: "delivered" },
      field: "email_status",
    },
    {
      why: "sequence number over 20",
      tool: "smartlead_get_campaign_statistics",
      args: { campaign_id: 1, email_sequence_number: 21 },
      field: "email_sequence_number",
    },
  ];

  for (const b of BAD) {
    test(`refused before sending: ${b.why}`, () => expectInvalid(client, stack.fakes, b.tool, b.args, b.field === "input" ? /timezone/ : b.field));
  }
});
