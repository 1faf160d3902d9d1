/** Fake SmartLead webhook routes (campaign webhooks and the /webhook/* family), bodies as in the docs. */
import type { BaseRoute } from "./routes";

const campaignWebhook = (campaignId: number) => ({
  id: 456,
  name: "CRM Integration",
  webhook_url: "https://crm.example.com/smartlead-webhook",
  // campaigns/get-webhooks.mdx names the events as its save page does.
  event_types: ["LEAD_REPLIED", "LEAD_OPENED"],
  categories: [],
  email_campaign_id: campaignId,
  is_active: true,
  created_at: "2026-03-15T10:30:00.000Z",
});

export const WEBHOOKS_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}/webhooks",
    reply: (_req, p) => ({ body: [campaignWebhook(Number(p.campaign_id))] }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/webhooks",
    reply: (req) => {
      const b = (req.body ?? {}) as { id?: number | null; name?: string; webhook_url?: string; event_types?: string[] };
      return { body: { ok: true, data: { id: b.id ?? 457, name: b.name, webhook_url: b.webhook_url, event_types: b.event_types } } };
    },
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/campaigns/{campaign_id}/webhooks/{webhook_id}",
    reply: () => ({ body: { success: true, message: "Webhook deleted successfully" } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaignId}/webhooks/summary",
    reply: (req, p) => ({
      body: {
        campaign_id: Number(p.campaignId),
        from_time: req.query.fromTime,
        to_time: req.query.toTime,
        total_events: 120,
        successful: 117,
        failed: 3,
        by_event_type: { EMAIL_SENT: 100, EMAIL_REPLY: 12, EMAIL_OPEN: 8 },
      },
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaignId}/webhooks/retrigger-failed-events",
    reply: () => ({ body: { ok: true, message: "Failed webhook events queued for retry", retriggered: 3 } }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/webhook/create",
    reply: (req) => ({ body: { ok: true, id: 458, webhook_url: (req.body as { webhook_url?: string })?.webhook_url } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/webhook/{webhook_id}",
    reply: (_req, p) => ({
      body: {
        ok: true,
        data: {
          id: Number(p.webhook_id),
          email_campaign_id: 101,
          name: "Campaign Analytics Webhook",
          webhook_url: "https://hooks.example.com/smartlead",
          event_type_map: { EMAIL_SENT: true, EMAIL_OPEN: true, EMAIL_LINK_CLICK: true, EMAIL_REPLY: true },
          category_id_map: {},
          created_at: "2026-03-15T10:30:00Z",
          updated_at: "2026-03-20T14:22:00Z",
        },
      },
    }),
  },
  {
    base: "smartlead",
    method: "PUT",
    path: "/webhook/update/{webhook_id}",
    reply: (_req, p) => ({ body: { ok: true, id: Number(p.webhook_id), message: "Webhook saved successfully" } }),
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/webhook/delete",
    reply: (req) =>
      typeof (req.body as { id?: unknown } | undefined)?.id === "number"
        ? { body: { ok: true } }
        : { status: 422, body: { error: "Invalid parameters provided" } },
  },
];
