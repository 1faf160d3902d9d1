/** SmartLead per-campaign analytics and statistics: one campaign's stats, leads, mailboxes and sequence steps over a date range. */
import { z } from "zod";
import type { ToolDefinition } from "../../tools/define";
import { date, limit, timezone } from "../../tools/fields";
import { toolset } from "../../tools/toolset";
import { campaignId, clientId } from "../fields";
import { optionalOffset, ordered, sentTime } from "./fields";

const t = toolset("smartlead_analytics");

const campaignTimeZone = () => timezone("IANA time zone of the dates, e.g. America/New_York").optional();

/** One campaign, a date range (start not after end) and an optional time zone. */
const campaignDateRange = () =>
  ordered(
    z
      .object({
        campaign_id: campaignId,
        start_date: date("First day"),
        end_date: date("Last day, not before start_date"),
        time_zone: campaignTimeZone(),
      })
      .strict(),
    "start_date",
    "end_date",
  );

export const CAMPAIGN_REPORTS: ToolDefinition[] = [
  t.get("/campaigns/{campaign_id}/statistics", {
    name: "smartlead_get_campaign_statistics",
    title: "SmartLead: campaign per-email stats",
    description:
      "Per-email rows of one campaign (lead, step, sent/open/click/reply times, bounce, unsubscribe): who opened or replied. Filter by step, outcome or sent time; ≤1000 a page. " +
      "Totals: smartlead_get_campaign_analytics. Counts stay as sent (often strings).",
    catalogId: "sl.get_campaigns_by_campaign_id_statistics",
    input: ordered(
      z
        .object({
          campaign_id: campaignId,
          offset: optionalOffset(),
          limit: limit(1000),
          email_sequence_number: z.number().int().min(1).max(20).optional().describe("Only this step (1–20)"),
          email_status: z.enum(["opened", "clicked", "replied", "unsubscribed", "bounced"]).optional().describe("Only emails with this outcome"),
          sent_time_start_date: sentTime("Sent after").optional().describe("Sent after (ISO 8601 with zone, e.g. 2026-01-31T09:00:00Z)"),
          sent_time_end_date: sentTime("Sent before").optional(),
        })
        .strict(),
      "sent_time_start_date",
      "sent_time_end_date",
    ),
    list: { rows: ["data"], inPlace: true, paged: true },
  }),
  t.get("/campaigns/{campaign_id}/analytics", {
    name: "smartlead_get_campaign_analytics",
    view: "campaign_performance",
    title: "SmartLead: campaign totals",
    description:
      "One campaign's lifetime totals (sent, opened, clicked, replied, bounced, unsubscribed, lead statuses), usually as strings. " +
      "By date: smartlead_get_campaign_analytics_by_date; all campaigns: smartlead_get_campaigns_performance.",
    catalogId: "sl.get_campaigns_by_campaign_id_analytics",
    input: z.object({ campaign_id: campaignId }).strict(),
  }),
  t.get("/campaigns/{campaign_id}/analytics-by-date", {
    name: "smartlead_get_campaign_analytics_by_date",
    view: "campaign_performance",
    title: "SmartLead: totals of a campaign for a date range",
    description:
      "One campaign's sent, opened, clicked, replied, bounced and unsubscribed totals limited to a date range, optionally in a time zone. Counts are returned as SmartLead sends them (often strings).",
    catalogId: "sl.get_campaigns_by_campaign_id_analytics_by_date",
    input: campaignDateRange(),
  }),
  t.get("/campaigns/{campaign_id}/top-level-analytics-by-date", {
    name: "smartlead_get_campaign_top_level_analytics_by_date",
    view: "campaign_performance",
    title: "SmartLead: headline metrics of a campaign for a date range",
    description: "SmartLead's top-level summary of one campaign for a date range (no time-zone option). Counts are returned as SmartLead sends them.",
    catalogId: "sl.get_campaigns_by_campaign_id_top_level_analytics_by_date",
    input: ordered(
      z
        .object({
          campaign_id: campaignId,
          start_date: date("First day"),
          end_date: date("Last day, not before start_date"),
        })
        .strict(),
      "start_date",
      "end_date",
    ),
  }),
  t.get("/campaigns/{campaign_id}/leads-statistics", {
    name: "smartlead_get_campaign_lead_statistics",
    title: "SmartLead: per-lead event history of a campaign",
    description:
      "Per lead in one campaign: its email and event history (sends, opens, replies), up to 100 leads a page, optionally only leads whose last event is after a date.",
    catalogId: "sl.get_campaigns_by_campaign_id_leads_statistics",
    input: z
      .object({
        campaign_id: campaignId,
        limit: limit(100),
        offset: optionalOffset(),
        event_time_gt: date("Only leads whose latest event (send, reply, …) is after this day").optional(),
      })
      .strict(),
    list: { rows: ["data"], inPlace: true, paged: true },
  }),
  t.get("/campaigns/{campaign_id}/mailbox-statistics", {
    name: "smartlead_get_campaign_mailbox_statistics",
    view: "campaign_performance",
    title: "SmartLead: stats per sending account within a campaign",
    description:
      "Per sending email account within one campaign: sent, opens, clicks, replies, bounces; 1–20 accounts a page. Give both dates for a range, or neither for the whole campaign.",
    catalogId: "sl.get_campaigns_by_campaign_id_mailbox_statistics",
    input: ordered(
      z
        .object({
          campaign_id: campaignId,
          client_id: clientId.optional(),
          offset: optionalOffset(),
          limit: limit(20),
          start_date: date("First day of the range (give end_date too)").optional(),
          end_date: date("Last day of the range (give start_date too)").optional(),
          time_zone: timezone("The campaign's IANA time zone, e.g. America/Los_Angeles (SmartLead assumes UTC)").optional(),
        })
        .strict()
        .superRefine((v, ctx) => {
          if ((v.start_date === undefined) !== (v.end_date === undefined)) {
            const missing = v.start_date === undefined ? "start_date" : "end_date";
            ctx.addIssue({ code: "custom", path: [missing], message: "give both start_date and end_date, or neither" });
          }
        }),
      "start_date",
      "end_date",
    ),
    list: { rows: ["data"], inPlace: true, paged: true },
  }),
  t.get("/campaigns/{campaign_id}/sequence-analytics", {
    name: "smartlead_get_campaign_sequence_analytics",
    view: "campaign_performance",
    title: "SmartLead: stats per sequence step of a campaign",
    description:
      "Per sequence step of one campaign for a date range: sent, skipped, opened, clicked, replied, positive replies, bounced, unsubscribed; use it to compare steps.",
    catalogId: "sl.get_campaigns_by_campaign_id_sequence_analytics",
    input: campaignDateRange(),
  }),
];
