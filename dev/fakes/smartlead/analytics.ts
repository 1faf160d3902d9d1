/**
 * Fake SmartLead analytics routes (main host). Bodies follow the catalog's
 * response notes and the docs; per-campaign counts come back as strings, as
 * SmartLead sends them.
 */
import type { FakeReply, RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

const ok = (data: unknown): FakeReply => ({ body: { ok: true, data } });
const get = (path: string, reply: (req: RecordedRequest, params: Record<string, string>) => FakeReply): BaseRoute => ({
  base: "smartlead",
  method: "GET",
  path,
  reply,
});

const range = (req: RecordedRequest) => ({ start_date: req.query.start_date, end_date: req.query.end_date });

/**
 * One row per day of the requested range (at most 31), with counts that vary
 * from day to day the same way on every run, so a chart of them has a shape.
 */
function days(req: RecordedRequest): Record<string, string>[] {
  const start = Date.parse(`${req.query.start_date}T00:00:00Z`);
  const end = Date.parse(`${req.query.end_date ?? req.query.start_date}T00:00:00Z`);
  if (!Number.isFinite(start)) return [];
  const n = Number.isFinite(end) && end > start ? Math.min(31, Math.round((end - start) / 86_400_000) + 1) : 1;
  return Array.from({ length: n }, (_, i) => {
    const sent = 150 + ((i * 37) % 60);
    return {
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      sent: String(sent),
      opened: String(Math.round(sent * (0.35 + ((i * 7) % 10) / 100))),
      replied: String(8 + ((i * 5) % 7)),
      bounced: String(2 + (i % 3)),
    };
  });
}

export const ANALYTICS_ROUTES: BaseRoute[] = [
  get("/analytics/overall-stats-v2", () =>
    ok({
      overall_stats: {
        sent: "1250",
        opened: "425",
        replied: "94",
        bounced: "23",
        unique_lead_count: "1100",
        unique_open_count: "380",
        positive_replied: "52",
        open_rate: "34%",
        reply_rate: "7.5%",
        positive_reply_rate: "4.2%",
        bounce_rate: "1.8%",
      },
    }),
  ),
  get("/analytics/day-wise-overall-stats", (req) => ok({ day_wise_stats: days(req) })),
  get("/analytics/day-wise-overall-stats-by-sent-time", (req) => ok({ day_wise_stats: days(req) })),
  get("/analytics/day-wise-positive-reply-stats", (req) => ok({ day_wise_stats: [{ date: req.query.start_date, positive_replied: "5" }] })),
  get("/analytics/day-wise-positive-reply-stats-by-sent-time", (req) => ok({ day_wise_stats: [{ date: req.query.start_date, positive_replied: "5" }] })),
  get("/analytics/campaign/overall-stats", () =>
    ok({
      campaign_wise_performance: [
        {
          id: 12345,
          campaign_name: "Q1 Cold Outreach",
          sent: "500",
          opened: "250",
          replied: "45",
          bounced: "8",
          open_rate: "50%",
          reply_rate: "9%",
          bounce_rate: "1.6%",
          positive_reply_rate: "5%",
          positive_replied: "25",
          unique_lead_count: "480",
          unique_open_count: "230",
        },
      ],
    }),
  ),
  get("/analytics/campaign/response-stats", () =>
    ok({
      campaign_wise_response_stats: [{ campaign_id: 12345, campaign_name: "Q1 Cold Outreach", positive_reply: "25", neutral_reply: "10", negative_reply: "5" }],
    }),
  ),
  get("/analytics/campaign/status-stats", () =>
    ok({
      campaign_status_stats: [
        { status: "ACTIVE", count: "5" },
        { status: "PAUSED", count: "2" },
        { status: "COMPLETED", count: "8" },
      ],
    }),
  ),
  get("/analytics/campaign/list", () =>
    ok({
      campaign_list: [
        { id: 12345, name: "Q1 Cold Outreach" },
        { id: 12346, name: "Product Launch Follow-up" },
      ],
    }),
  ),
  get("/analytics/campaign/follow-up-reply-rate", () => ok({ followup_reply_rate: "3.2" })),
  get("/analytics/campaign/lead-to-reply-time", () =>
    ok({
      lead_to_reply_time: [
        { time_range: "0-1h", count: "15" },
        { time_range: "1-6h", count: "25" },
        { time_range: "6-24h", count: "18" },
      ],
    }),
  ),
  get("/analytics/campaign/leads-take-for-first-reply", () => ok({ leads_take_for_first_reply: "42" })),
  get("/analytics/client/list", () =>
    ok({
      client_list: [
        { id: 1, name: "Acme Corp" },
        { id: 2, name: "TechStart Inc" },
      ],
    }),
  ),
  get("/analytics/client/month-wise-count", () =>
    ok({
      monthly_stats: [
        { month: "2026-01", count: "5" },
        { month: "2026-02", count: "7" },
      ],
    }),
  ),
  get("/analytics/client/overall-stats", () =>
    ok({
      client_wise_performance: [
        {
          client_id: 1,
          client_name: "Acme Corp",
          total_campaigns_count: "10",
          campaign_stats: { sent: "1000", opened: "500", replied: "80", positive_replied: "40", open_rate: "50%", reply_rate: "8%", positive_reply_rate: "4%" },
        },
      ],
    }),
  ),
  get("/analytics/lead/category-wise-response", () =>
    ok({
      lead_responses_by_category: [
        { category: "Interested", total_response: "45", percentage: "15%" },
        { category: "Not Interested", total_response: "30", percentage: "10%" },
      ],
    }),
  ),
  get("/analytics/lead/overall-stats", () =>
    ok({ lead_stats: { count: { total: "1000", new: "600", follow_up: "400" }, percentage: { new: 60, follow_up: 40 } } }),
  ),
  get("/analytics/mailbox/domain-wise-health-metrics", () =>
    ok({ domain_health_metrics: [{ domain: "example.com", sent: "1000", opened: "500", replied: "60", bounced: "10" }] }),
  ),
  get("/analytics/mailbox/name-wise-health-metrics", () =>
    ok({ email_health_metrics: [{ email_account: "sam@example.com", sent: "500", opened: "250", replied: "30", bounced: "5" }] }),
  ),
  get("/analytics/mailbox/overall-stats", () =>
    ok({ overall_mailbox_stats: { total_connected: "25", in_use: "20", disconnected: "3", enabled_without_warmup: "2" } }),
  ),
  get("/analytics/mailbox/provider-wise-overall-performance", () =>
    ok({
      email_providers_performance_overview: {
        overall: [{ provider: "Gmail", sent: "500", opened: "250", replied: "30" }],
        tag_wise: [{ tag: "cold-outreach", provider: "Gmail", sent: "200", opened: "100" }],
      },
    }),
  ),
  get("/analytics/team-board/overall-stats", () =>
    ok({
      team_board_stats: [
        {
          id: 1,
          name: "Sam Lee",
          lead_count: "250",
          campaign_count: "5",
          reply_count: "30",
          positive_reply_count: "15",
          reply_rate: "12%",
          positive_reply_rate: "6%",
          average_reply_time: "2h 15m",
        },
      ],
    }),
  ),

  get("/campaigns/{campaign_id}/statistics", (req, p) => {
    const limit = Number(req.query.limit ?? 100);
    const rows = [
      {
        lead_name: "Jane Doe",
        lead_email: "jane@example.com",
        lead_category: "Interested",
        sequence_number: 1,
        stats_id: "a1b2c3",
        email_campaign_seq_id: 4411,
        seq_variant_id: null,
        email_subject: "Quick question",
        email_message: "<p>Hi Jane</p>",
        sent_time: "2026-01-12T09:00:00.000Z",
        open_time: "2026-01-12T10:14:00.000Z",
        click_time: null,
        reply_time: "2026-01-12T12:30:00.000Z",
        open_count: "2",
        click_count: "0",
        is_unsubscribed: false,
        is_bounced: false,
      },
      {
        lead_name: "Omar Ali",
        lead_email: "omar@example.org",
        lead_category: null,
        sequence_number: 1,
        stats_id: "d4e5f6",
        email_campaign_seq_id: 4411,
        seq_variant_id: null,
        email_subject: "Quick question",
        email_message: "<p>Hi Omar</p>",
        sent_time: "2026-01-12T09:05:00.000Z",
        open_time: null,
        click_time: null,
        reply_time: null,
        open_count: "0",
        click_count: "0",
        is_unsubscribed: false,
        is_bounced: false,
      },
    ].slice(0, limit);
    return { body: { total_stats: "2", data: rows, offset: Number(req.query.offset ?? 0), limit, campaign_id: Number(p.campaign_id) } };
  }),
  get("/campaigns/{campaign_id}/analytics", (_req, p) => ({
    body: {
      id: Number(p.campaign_id),
      user_id: 2568,
      created_at: "2026-01-05T08:00:00.000Z",
      status: "ACTIVE",
      name: "Q1 Cold Outreach",
      sent_count: "420",
      unique_sent_count: "400",
      open_count: "210",
      unique_open_count: "180",
      click_count: "12",
      unique_click_count: "10",
      reply_count: "31",
      block_count: "0",
      total_count: "500",
      drafted_count: "0",
      bounce_count: "6",
      unsubscribed_count: "2",
      campaign_lead_stats: { total: 500, paused: 0, blocked: 1, stopped: 3, completed: 120, inprogress: 280, interested: 9, notStarted: 96 },
    },
  })),
  get("/campaigns/{campaign_id}/analytics-by-date", (req, p) => ({
    body: {
      id: Number(p.campaign_id),
      user_id: 2568,
      created_at: "2026-01-05T08:00:00.000Z",
      status: "ACTIVE",
      name: "Q1 Cold Outreach",
      start_date: req.query.start_date,
      end_date: req.query.end_date,
      sent_count: "120",
      unique_sent_count: "118",
      open_count: "60",
      unique_open_count: "55",
      click_count: "4",
      unique_click_count: "4",
      reply_count: "9",
      block_count: "0",
      total_count: "500",
      drafted_count: "0",
      bounce_count: "1",
      unsubscribed_count: "0",
    },
  })),
  get("/campaigns/{campaign_id}/top-level-analytics-by-date", (req, p) => ({
    body: {
      ok: true,
      data: {
        campaign_id: Number(p.campaign_id),
        ...range(req),
        sent_count: "120",
        open_count: "60",
        reply_count: "9",
        positive_reply_count: "4",
        bounce_count: "1",
      },
    },
  })),
  get("/campaigns/{campaign_id}/leads-statistics", (req) => ({
    body: {
      hasMore: false,
      limit: Number(req.query.limit ?? 100),
      skip: Number(req.query.offset ?? 0),
      data: [
        {
          to: "jane@example.com",
          from: "sam@acme-mail.com",
          status: "INPROGRESS",
          history: [
            { type: "SENT", time: "2026-01-12T09:00:00.000Z", email_seq_number: "1", subject: "Quick question" },
            { type: "REPLY", time: "2026-01-12T12:30:00.000Z", email_seq_number: "1" },
          ],
        },
      ],
    },
  })),
  get("/campaigns/{campaign_id}/mailbox-statistics", () =>
    ok([
      {
        email_account_id: 2001,
        from_email: "sam@acme-mail.com",
        from_name: "Sam Lee",
        sent_count: "120",
        open_count: "60",
        click_count: "4",
        reply_count: "9",
        bounce_count: "1",
        unsubscribed_count: "0",
      },
      {
        email_account_id: 2002,
        from_email: "lee@acme-mail.com",
        from_name: "Lee Park",
        sent_count: "110",
        open_count: "48",
        click_count: "2",
        reply_count: "12",
        bounce_count: "3",
        unsubscribed_count: "1",
      },
      {
        email_account_id: 2003,
        from_email: "ana@acme-outreach.com",
        from_name: "Ana Ruiz",
        sent_count: "95",
        open_count: "30",
        click_count: "1",
        reply_count: "4",
        bounce_count: "0",
        unsubscribed_count: "0",
      },
    ]),
  ),
  get("/campaigns/{campaign_id}/sequence-analytics", () =>
    ok([
      {
        email_campaign_seq_id: 4411,
        sent_count: "120",
        skipped_count: "3",
        open_count: "60",
        click_count: "4",
        reply_count: "9",
        bounce_count: "1",
        unsubscribed_count: "0",
        failed_count: "0",
        stopped_count: "2",
        positive_reply_count: "4",
      },
      {
        email_campaign_seq_id: 4412,
        sent_count: "96",
        skipped_count: "1",
        open_count: "41",
        click_count: "2",
        reply_count: "6",
        bounce_count: "0",
        unsubscribed_count: "1",
        failed_count: "0",
        stopped_count: "0",
        positive_reply_count: "2",
      },
      {
        email_campaign_seq_id: 4413,
        sent_count: "70",
        skipped_count: "0",
        open_count: "25",
        click_count: "1",
        reply_count: "3",
        bounce_count: "0",
        unsubscribed_count: "0",
        failed_count: "0",
        stopped_count: "0",
        positive_reply_count: "1",
      },
    ]),
  ),
];
