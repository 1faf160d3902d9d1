/**
 * Fake SmartLead campaign routes: campaigns, sequences, schedule, settings, status,
 * test email, team member. Bodies follow the catalog's response notes and the docs:
 * GET /campaigns answers a bare array, GET /campaigns/{id} a flat campaign object,
 * deleting an ACTIVE campaign answers HTTP 200 with success:false, and the team-member
 * write answers the plain text "success".
 */
import type { RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

export interface FakeCampaign {
  id: number;
  name: string;
  status: "DRAFTED" | "ACTIVE" | "COMPLETED" | "STOPPED" | "PAUSED";
  client_id: number | null;
  parent_campaign_id: number | null;
}

/** Campaigns the fake knows; 101 is ACTIVE (refuses deletion), 102 is a draft. */
export const FAKE_CAMPAIGNS: FakeCampaign[] = [
  { id: 101, name: "Q3 SaaS founders", status: "ACTIVE", client_id: null, parent_campaign_id: null },
  { id: 102, name: "Webinar follow-up", status: "DRAFTED", client_id: 301, parent_campaign_id: null },
  { id: 103, name: "Re-engagement (paused)", status: "PAUSED", client_id: null, parent_campaign_id: null },
];

function campaignObject(c: FakeCampaign, withTags: boolean): Record<string, unknown> {
  return {
    id: c.id,
    user_id: 196026,
    created_at: "2025-11-25T10:43:46.826Z",
    updated_at: "2025-11-25T14:02:21.776Z",
    status: c.status,
    name: c.name,
    track_settings: ["DONT_EMAIL_OPEN"],
    scheduler_cron_value: { tz: "America/New_York", days: [1, 2, 3, 4, 5], endHour: "17:00", startHour: "09:00" },
    min_time_btwn_emails: 10,
    max_leads_per_day: 100,
    stop_lead_settings: "REPLY_TO_AN_EMAIL",
    schedule_start_time: null,
    enable_ai_esp_matching: false,
    send_as_plain_text: false,
    follow_up_percentage: 100,
    unsubscribe_text: "",
    parent_campaign_id: c.parent_campaign_id,
    client_id: c.client_id,
    ...(withTags ? { tags: [{ tag_id: 1, tag_name: "Q3", tag_color: "#FF5733" }] } : {}),
  };
}

/** What POST /campaigns/{id}/schedule needs, flat. */
const SCHEDULE_FIELDS = ["timezone", "days_of_the_week", "start_hour", "end_hour", "min_time_btw_emails", "max_new_leads_per_day"] as const;

const find = (id: string) => FAKE_CAMPAIGNS.find((c) => String(c.id) === id);
const notFound = () => ({ status: 404, body: { error: "Campaign not found - Invalid campaign_id." } });
const tags = (req: RecordedRequest) => req.query.include_tags === "true";

export const CAMPAIGNS_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns",
    reply: (req) => {
      const clientId = req.query.client_id;
      const list = FAKE_CAMPAIGNS.filter((c) => clientId === undefined || String(c.client_id) === clientId);
      return { body: list.map((c) => campaignObject(c, tags(req))) };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/create",
    reply: (req) => {
      const name = (req.body as { name?: string } | undefined)?.name ?? "Untitled Campaign";
      return { body: { ok: true, id: 125, name, created_at: "2026-01-25T10:30:00.000Z" } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/create-subsequence",
    reply: () => ({ body: { success: true, subsequence_id: 456 } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}",
    reply: (req, p) => {
      const c = find(p.campaign_id!);
      return c ? { body: campaignObject(c, tags(req)) } : notFound();
    },
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/campaigns/{campaign_id}",
    reply: (_req, p) => {
      const c = find(p.campaign_id!);
      if (!c) return notFound();
      if (c.status === "ACTIVE") {
        return { body: { success: false, error: { code: "CAMPAIGN_ACTIVE", message: "Cannot delete active campaign. Please stop it first." } } };
      }
      return { body: { success: true, message: "Campaign deleted successfully" } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/duplicate",
    reply: (_req, p) => (find(p.campaign_id!) ? { body: { ok: true, newCampaignId: 842 } } : { status: 500, body: { message: "Invalid campaign Id!" } }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/send-test-email",
    reply: (_req, p) => (find(p.campaign_id!) ? { body: { success: true, message: "Test email sent successfully" } } : notFound()),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/status",
    reply: (req, p) => {
      const c = find(p.campaign_id!);
      if (!c) return notFound();
      const asked = (req.body as { status?: string } | undefined)?.status;
      const status = asked === "START" ? "ACTIVE" : asked;
      return { body: { ok: true, success: true, message: "Campaign status updated successfully", campaign: { id: c.id, status } } };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}/sequences",
    reply: (_req, p) => {
      const c = find(p.campaign_id!);
      if (!c) return notFound();
      return {
        body: [
          {
            id: 1001,
            created_at: "2026-02-10T10:30:00Z",
            updated_at: "2026-02-10T10:30:00Z",
            email_campaign_id: c.id,
            seq_number: 1,
            subject: "Quick question about {{company_name}}",
            email_body: "<p>Hi {{first_name}},</p><p>I noticed {{company_name}} is hiring…</p>",
            seq_delay_details: { delayInDays: 0 },
            // Variants as get-sequences.mdx shows them: {id, variant_name, subject, email_body}.
            sequence_variants: [
              {
                id: 5001,
                subject: "Quick question about {{company_name}}",
                email_body: "<p>Hi {{first_name}}…</p>",
                variant_name: "Variant A",
              },
              {
                id: 5002,
                subject: "{{first_name}}, a thought",
                email_body: "<p>Hey {{first_name}}…</p>",
                variant_name: "Variant B",
              },
            ],
          },
          {
            id: 1002,
            created_at: "2026-02-10T10:30:00Z",
            updated_at: "2026-02-10T10:30:00Z",
            email_campaign_id: c.id,
            seq_number: 2,
            subject: "",
            email_body: "<p>Following up on my previous email…</p>",
            seq_delay_details: { delayInDays: 3 },
            sequence_variants: null,
          },
        ],
      };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/sequences",
    reply: (req, p) => {
      if (!find(p.campaign_id!)) return notFound();
      type Step = { seq_number?: number; subject?: string; email_body?: string; seq_delay_details?: { delay_in_days?: number } };
      const sent = (req.body as { sequences?: Step[] } | undefined)?.sequences ?? [];
      // update-sequences.mdx: seq_number, email_body and seq_delay_details.delay_in_days are required in every step.
      const bad = sent.findIndex((s) => typeof s.seq_number !== "number" || !s.email_body || typeof s.seq_delay_details?.delay_in_days !== "number");
      if (bad >= 0) return { status: 400, body: { ok: false, message: `sequences[${bad}] needs seq_number, email_body and seq_delay_details.delay_in_days` } };
      const steps = sent.map((s, i) => ({
        id: 2000 + i,
        seq_number: s.seq_number,
        subject: s.subject ?? "",
        email_body: s.email_body ?? "",
      }));
      return { body: { ok: true, data: steps } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/schedule",
    // The flat body; the backend refuses a schedule that lacks any of the six fields (catalog notes).
    reply: (req, p) => {
      if (!find(p.campaign_id!)) return notFound();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const missing = SCHEDULE_FIELDS.find((f) => body[f] === undefined || body[f] === null);
      return missing ? { status: 400, body: { ok: false, message: `"${missing}" is required` } } : { body: { ok: true } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/settings",
    reply: (_req, p) => (find(p.campaign_id!) ? { body: { ok: true } } : notFound()),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/team-member",
    reply: (_req, p) => (find(p.campaign_id!) ? { body: "success" } : notFound()),
  },
];
