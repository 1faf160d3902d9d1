/** SmartLead account-wide analytics (/analytics/*): totals, per-day stats, and campaign, client, lead, mailbox and team reports. */
import { z } from "zod";
import type { ToolDefinition } from "../../tools/define";
import { text } from "../../tools/fields";
import { toolset } from "../../tools/toolset";
import { fullData, optionalOffset, reportInput, reportLimit } from "./fields";

const t = toolset("smartlead_analytics");

export const ACCOUNT_REPORTS: ToolDefinition[] = [
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
    view: "campaign_performance",
    title: "SmartLead: account-wide stats per day",
    description:
      "Account-wide sent, opened, replied and bounced counts per day for a date range, each event on the day it happened. " +
      "To credit replies to the day their email went out, use smartlead_get_daily_analytics_by_sent_time.",
    catalogId: "sl.get_analytics_day_wise_overall_stats",
    input: reportInput({ range: "tz-optional" }),
  }),
  t.get("/analytics/day-wise-overall-stats-by-sent-time", {
    name: "smartlead_get_daily_analytics_by_sent_time",
    view: "campaign_performance",
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
    description:
      "How many campaigns are in each status (active, paused, completed, …), account-wide or for the given clients. A current snapshot: no date range.",
    catalogId: "sl.get_analytics_campaign_status_stats",
    input: reportInput({ range: "none" }),
  }),
  t.get("/analytics/campaign/list", {
    name: "smartlead_list_analytics_campaigns",
    title: "SmartLead: campaign ids and names for analytics filters",
    description:
      "Lightweight list of campaign ids and names (optionally for the given clients), for choosing campaign_ids to pass to the other analytics tools.",
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
