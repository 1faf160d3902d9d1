/**
 * SmartLead analytics: account-wide /analytics/* reports and per-campaign
 * statistics. Counts often arrive as strings; they are passed through exactly
 * as SmartLead sent them (no output schema normalises them).
 */
import { z } from "zod";
import { toolset } from "../tools/toolset";
import type { Args, ToolDefinition } from "../tools/define";
import { date, limit, text, timezone } from "../tools/fields";
import { campaignId, clientId } from "./fields";

const t = toolset("smartlead_analytics");

/**
 * SmartLead documents no cap for the comma-separated id filters; 100 keeps the
 * URL well under any server's limit while covering realistic filters.
 */
export const MAX_FILTER_IDS = 100;

/** The analytics reports document no limit maximum; 1000 matches the largest documented page elsewhere. */
const ANALYTICS_MAX_LIMIT = 1000;

const idList = (what: string) =>
  z
    .array(z.number().int().positive())
    .min(1)
    .max(MAX_FILTER_IDS)
    .optional()
    .describe(`Only these ${what} ids (up to ${MAX_FILTER_IDS}); omit for all`);

const optionalOffset = () => z.number().int().min(0).optional().describe("Number of rows to skip (≥ 0)");

/**
 * Adds "end must not be before start" to a schema, reported on the end field.
 * Plain YYYY-MM-DD strings compare correctly as text; datetimes are compared as instants.
 */
export function ordered<T extends z.ZodType<Args>>(schema: T, start: string, end: string): T {
  return schema.superRefine((value, ctx) => {
    const a = (value as Args)[start];
    const b = (value as Args)[end];
    if (typeof a !== "string" || typeof b !== "string") return;
    const instant = (v: string) => Date.parse(v.replace(" ", "T"));
    const before = /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b < a : instant(b) < instant(a);
    if (before) ctx.addIssue({ code: "custom", path: [end], message: `must not be before ${start}` });
  }) as unknown as T;
}

/**
 * The statistics endpoint wants "2023-10-16 10:33:02.000Z". Accepts ISO 8601
 * (T or space, Z or an offset) and sends that exact UTC form.
 */
const SENT_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const sentTime = (what: string) =>
  z
    .string()
    .max(40)
    // A refinement rather than .regex(), so the long pattern stays out of the advertised schema.
    .refine(
      (v) => SENT_TIME.test(v) && !Number.isNaN(Date.parse(v.replace(" ", "T"))),
      "expected an ISO 8601 date and time with a zone, e.g. 2026-01-31T09:00:00Z",
    )
    .transform((v) => new Date(Date.parse(v.replace(" ", "T"))).toISOString().replace("T", " "))
    .describe(`${what} (ISO 8601 with zone)`);

/** What an account-wide /analytics/* report takes besides its own fields. */
interface ReportRange {
  /** Date range: none (snapshot), optional time zone, or required time zone (the *-by-sent-time routes). */
  range: "none" | "tz-optional" | "tz-required";
  /** Also filter by campaign ids (default: when there is a date range). */
  campaigns?: boolean;
  extra?: Record<string, z.ZodType>;
}

/** The input of an account-wide report: every input a query parameter, `timezone` spelled as SmartLead spells it there. */
function reportInput(spec: ReportRange): z.ZodType<Args> {
  const shape: Record<string, z.ZodType> = {};
  if (spec.range !== "none") {
    shape.start_date = date("First day");
    shape.end_date = date("Last day, not before start_date");
    shape.timezone =
      spec.range === "tz-required"
        ? timezone("IANA time zone of the days, e.g. America/New_York (required)")
        : timezone("IANA time zone of the days, e.g. America/New_York").optional();
  }
  shape.client_ids = idList("client");
  if (spec.campaigns !== false && spec.range !== "none") shape.campaign_ids = idList("campaign");
  Object.assign(shape, spec.extra ?? {});
  const base = z.object(shape).strict();
  return (spec.range === "none" ? base : ordered(base, "start_date", "end_date")) as z.ZodType<Args>;
}

const fullData = z.boolean().optional().describe("true returns SmartLead's full data set instead of the summary");
const reportLimit = () => limit(ANALYTICS_MAX_LIMIT);

const ACCOUNT_REPORTS: ToolDefinition[] = [
  t.get("/analytics/overall-stats-v2", {
    name: "smartlead_get_overall_analytics",
    title: "SmartLead: account-wide totals for a date range",
    description:
      "Account-wide totals for a date range across all campaigns (or the ones given): sent, opened, replied, bounced, positive replies, with open, reply, positive-reply and bounce rates. " +
      "Reply rate counts every reply; positive reply rate only replies categorised as interested/positive. For one campaign use smartlead_get_campaign_analytics.",
    catalogId: "sl.get_analytics_overall_stats_v2",
    input: reportInput({
      range: "tz-optional",
      extra: {
        is_agency: z.boolean().optional().describe("true restricts to agency (client) accounts"),
        full_data: fullData,
      },
    }),
  }),
  t.get("/analytics/day-wise-overall-stats", {
    name: "smartlead_get_daily_analytics",
    title: "SmartLead: account-wide stats per day",
    description:
      "Account-wide sent, opened, replied and bounced counts per day for a date range, each event on the day it happened. " +
      "To credit replies to the day their email went out, use smartlead_get_daily_analytics_by_sent_time.",
    catalogId: "sl.get_analytics_day_wise_overall_stats",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/day-wise-overall-stats-by-sent-time", {
    name: "smartlead_get_daily_analytics_by_sent_time",
    title: "SmartLead: account-wide stats per send day",
    description:
      "Account-wide stats per day, bucketed by the day each email was sent (an open or reply counts on its email's send day); use it to judge which send days work. The time zone is required.",
    catalogId: "sl.get_analytics_day_wise_overall_stats_by_sent_time",
    input: reportInput({ range: "tz-required" }),
  }),
  t.get("/analytics/day-wise-positive-reply-stats", {
    name: "smartlead_get_daily_positive_replies",
    title: "SmartLead: positive replies per day",
    description:
      "Account-wide count of positive (interested) replies per day for a date range, by the day the reply arrived. For all replies per day use smartlead_get_daily_analytics.",
    catalogId: "sl.get_analytics_day_wise_positive_reply_stats",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/day-wise-positive-reply-stats-by-sent-time", {
    name: "smartlead_get_daily_positive_replies_by_sent_time",
    title: "SmartLead: positive replies per send day",
    description:
      "Account-wide positive (interested) replies per day, bucketed by the day the replied-to email was sent; use it to pick send days. The time zone is required.",
    catalogId: "sl.get_analytics_day_wise_positive_reply_stats_by_sent_time",
    input: reportInput({ range: "tz-required" }),
  }),
  t.get("/analytics/campaign/overall-stats", {
    name: "smartlead_get_campaigns_performance",
    title: "SmartLead: performance of each campaign for a date range",
    description:
      "One row per campaign (all, or the ones given) for a date range: sent, opens, replies, bounces, positive replies and their rates, to compare campaigns side by side. " +
      "For a single campaign's lifetime totals use smartlead_get_campaign_analytics.",
    catalogId: "sl.get_analytics_campaign_overall_stats",
    input: reportInput({
      range: "tz-optional",
      extra: { limit: reportLimit(), offset: optionalOffset(), full_data: fullData },
    }),
  }),
  t.get("/analytics/campaign/response-stats", {
    name: "smartlead_get_campaigns_reply_sentiment",
    title: "SmartLead: reply sentiment per campaign",
    description: "Per campaign, replies in a date range split by sentiment (positive, neutral, negative).",
    catalogId: "sl.get_analytics_campaign_response_stats",
    input: reportInput({
      range: "tz-optional",
      extra: { full_data: fullData },
    }),
  }),
  t.get("/analytics/campaign/status-stats", {
    name: "smartlead_get_campaign_status_counts",
    title: "SmartLead: number of campaigns per status",
    description: "How many campaigns are in each status (active, paused, completed, …), account-wide or for the given clients. A current snapshot: no date range.",
    catalogId: "sl.get_analytics_campaign_status_stats",
    input: reportInput({ range: "none" }),
  }),
  t.get("/analytics/campaign/list", {
    name: "smartlead_list_analytics_campaigns",
    title: "SmartLead: campaign ids and names for analytics filters",
    description: "Lightweight list of campaign ids and names (optionally for the given clients), for choosing campaign_ids to pass to the other analytics tools.",
    catalogId: "sl.get_analytics_campaign_list",
    input: reportInput({ range: "none" }),
  }),
  t.get("/analytics/campaign/follow-up-reply-rate", {
    name: "smartlead_get_follow_up_reply_rate",
    title: "SmartLead: reply rate of follow-up steps",
    description: "Reply rate earned by follow-up emails (step 2 onwards) rather than first emails, for a date range, account-wide or for the given campaigns.",
    catalogId: "sl.get_analytics_campaign_follow_up_reply_rate",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/campaign/lead-to-reply-time", {
    name: "smartlead_get_time_to_reply",
    title: "SmartLead: time from first email to first reply",
    description: "How long leads take to reply after the first email was sent, as counts per time bucket, for a date range.",
    catalogId: "sl.get_analytics_campaign_lead_to_reply_time",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/campaign/leads-take-for-first-reply", {
    name: "smartlead_get_leads_per_first_reply",
    title: "SmartLead: leads contacted per first reply",
    description: "Average number of leads contacted before a reply arrives, for a date range (a measure of how many leads a reply costs).",
    catalogId: "sl.get_analytics_campaign_leads_take_for_first_reply",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/client/list", {
    name: "smartlead_list_analytics_clients",
    title: "SmartLead: client ids and names for analytics filters",
    description: "Clients (white-label sub-accounts) with ids and names, for choosing client_ids to filter the other analytics tools.",
    catalogId: "sl.get_analytics_client_list",
    input: reportInput({ range: "none" }),
  }),
  t.get("/analytics/client/month-wise-count", {
    name: "smartlead_get_client_monthly_counts",
    title: "SmartLead: active clients per month",
    description: "Number of active clients per month, the agency's growth trend. No date range.",
    catalogId: "sl.get_analytics_client_month_wise_count",
    input: reportInput({ range: "none" }),
  }),
  t.get("/analytics/client/overall-stats", {
    name: "smartlead_get_clients_performance",
    title: "SmartLead: performance of each client for a date range",
    description: "One row per client for a date range (agency reporting): campaign count, sent, opens, replies, positive replies and their rates.",
    catalogId: "sl.get_analytics_client_overall_stats",
    input: reportInput({
      range: "tz-optional",
      campaigns: false,
      extra: {
        filter: text("Filter value for the client rows", 255).optional(),
        full_data: fullData,
        limit: reportLimit(),
        offset: optionalOffset(),
      },
    }),
  }),
  t.get("/analytics/lead/category-wise-response", {
    name: "smartlead_get_reply_categories",
    title: "SmartLead: replies per lead category",
    description: "Replies in a date range broken down by lead category (Interested, Not Interested, Out of Office, …) with each category's share.",
    catalogId: "sl.get_analytics_lead_category_wise_response",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/lead/overall-stats", {
    name: "smartlead_get_lead_analytics",
    title: "SmartLead: leads contacted for a date range",
    description: "Account-wide count of leads contacted in a date range, split into new leads and follow-ups.",
    catalogId: "sl.get_analytics_lead_overall_stats",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/mailbox/domain-wise-health-metrics", {
    name: "smartlead_get_domain_health",
    title: "SmartLead: stats per sending domain",
    description: "Per sending domain, across campaigns: sent, opened, replied and bounced for a date range, to spot domains with deliverability trouble.",
    catalogId: "sl.get_analytics_mailbox_domain_wise_health_metrics",
    input: reportInput({
      range: "tz-optional",
      extra: { full_data: fullData, limit: reportLimit(), offset: optionalOffset() },
    }),
  }),
  t.get("/analytics/mailbox/name-wise-health-metrics", {
    name: "smartlead_get_mailbox_health",
    title: "SmartLead: stats per sending email account",
    description:
      "Per sending email account, account-wide across campaigns: sent, opened, replied and bounced for a date range; can keep only accounts with or without bounces. " +
      "For the mailboxes of one campaign use smartlead_get_campaign_mailbox_statistics.",
    catalogId: "sl.get_analytics_mailbox_name_wise_health_metrics",
    input: reportInput({
      range: "tz-optional",
      extra: {
        full_data: fullData,
        limit: reportLimit(),
        offset: optionalOffset(),
        is_bounced: z.boolean().optional().describe("true: only accounts with bounces; false: only accounts without"),
      },
    }),
  }),
  t.get("/analytics/mailbox/overall-stats", {
    name: "smartlead_get_mailbox_overview",
    title: "SmartLead: email account connection overview",
    description: "Counts of email accounts that are connected, in use, disconnected, or enabled without warmup. A current snapshot: no date range.",
    catalogId: "sl.get_analytics_mailbox_overall_stats",
    input: reportInput({ range: "none" }),
  }),
  t.get("/analytics/mailbox/provider-wise-overall-performance", {
    name: "smartlead_get_provider_performance",
    title: "SmartLead: stats per email provider",
    description: "Sent, opened and replied per email provider of the sending accounts (Gmail, Outlook, SMTP) for a date range, overall and per account tag.",
    catalogId: "sl.get_analytics_mailbox_provider_wise_overall_performance",
    input: reportInput({
      range: "tz-optional",
      extra: { full_data: fullData },
    }),
  }),
  t.get("/analytics/team-board/overall-stats", {
    name: "smartlead_get_team_performance",
    title: "SmartLead: stats per team member",
    description: "Per team member for a date range: leads, campaigns, replies, positive replies, reply and positive-reply rates, and average reply time.",
    catalogId: "sl.get_analytics_team_board_overall_stats",
    input: reportInput({
      range: "tz-optional",
      extra: { full_data: fullData },
    }),
  }),
];

const campaignTimeZone = () =>
  timezone("IANA time zone of the dates, e.g. America/New_York").optional();

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

const CAMPAIGN_REPORTS: ToolDefinition[] = [
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
    title: "SmartLead: campaign totals",
    description:
      "One campaign's lifetime totals: sent, opened, clicked, replied, bounced, unsubscribed and lead-status counts, kept exactly as SmartLead sends them (usually strings). " +
      "For a date range use smartlead_get_campaign_analytics_by_date; for all campaigns smartlead_get_campaigns_performance.",
    catalogId: "sl.get_campaigns_by_campaign_id_analytics",
    input: z.object({ campaign_id: campaignId }).strict(),
  }),
  t.get("/campaigns/{campaign_id}/analytics-by-date", {
    name: "smartlead_get_campaign_analytics_by_date",
    title: "SmartLead: totals of a campaign for a date range",
    description:
      "One campaign's sent, opened, clicked, replied, bounced and unsubscribed totals limited to a date range, optionally in a time zone. Counts are returned as SmartLead sends them (often strings).",
    catalogId: "sl.get_campaigns_by_campaign_id_analytics_by_date",
    input: campaignDateRange(),
  }),
  t.get("/campaigns/{campaign_id}/top-level-analytics-by-date", {
    name: "smartlead_get_campaign_top_level_analytics_by_date",
    title: "SmartLead: headline metrics of a campaign for a date range",
    description:
      "SmartLead's top-level summary of one campaign for a date range (no time-zone option). Counts are returned as SmartLead sends them.",
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
    title: "SmartLead: stats per sequence step of a campaign",
    description:
      "Per sequence step of one campaign for a date range: sent, skipped, opened, clicked, replied, positive replies, bounced, unsubscribed; use it to compare steps.",
    catalogId: "sl.get_campaigns_by_campaign_id_sequence_analytics",
    input: campaignDateRange(),
  }),
];

export const ANALYTICS_TOOLS: ToolDefinition[] = [...CAMPAIGN_REPORTS, ...ACCOUNT_REPORTS];
