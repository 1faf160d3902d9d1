/**
 * Fake SmartLead lead routes, answering with the bodies the docs and the
 * catalog's response notes describe. Add-leads enforces the 400-per-request
 * limit and computes its counters from the request, like the real API.
 */
import type { FakeReply, RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

const LEAD = {
  id: 2995276770,
  first_name: "John",
  last_name: "Doe",
  email: "john@example.com",
  phone_number: "+1234567890",
  company_name: "Acme Corp",
  website: "https://acme.com",
  location: "San Francisco, CA",
  linkedin_profile: "https://linkedin.com/in/johndoe",
  company_url: "https://acme.com",
  custom_fields: { job_title: "CEO", industry: "Technology" },
  is_unsubscribed: false,
  unsubscribed_client_id_map: null,
};

const LEAD_2 = {
  ...LEAD,
  id: 2995276771,
  first_name: "Jane",
  last_name: "Smith",
  email: "jane@startup.io",
  company_name: "Startup Inc",
  website: "https://startup.io",
  company_url: "https://startup.io",
  custom_fields: {},
};

const CAMPAIGN_LEADS = [
  { campaign_lead_map_id: 2433664091, lead_category_id: null, status: "INPROGRESS", created_at: "2025-11-25T12:54:54.000Z", lead: LEAD },
  { campaign_lead_map_id: 2433664092, lead_category_id: 1, status: "COMPLETED", created_at: "2025-11-26T09:10:00.000Z", lead: LEAD_2 },
];

const LEAD_CAMPAIGN_DATA = [
  { campaign_lead_map_id: 2433664091, campaign_id: 123, campaign_name: "Q4 Outreach", client_id: 456, client_email: "user@company.com", lead_category_id: 789 },
];

const notFound = (what: string): FakeReply => ({ status: 404, body: { error: `${what} not found - Invalid ${what.toLowerCase()}_id.` } });
const ok = (extra: Record<string, unknown> = {}): FakeReply => ({ body: { ok: true, ...extra } });
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** POST /campaigns/{id}/leads: counts as SmartLead reports them. */
export function addLeads(req: RecordedRequest): FakeReply {
  const body = (req.body ?? {}) as { lead_list?: { email?: string }[]; settings?: Record<string, boolean> };
  const list = Array.isArray(body.lead_list) ? body.lead_list : undefined;
  if (!list || list.length === 0) return { status: 400, body: { error: '"lead_list" is required' } };
  if (list.length > 400) {
    return { status: 422, body: { error: "lead_list cannot exceed 400 leads per request", provided_count: list.length, max_allowed: 400 } };
  }
  const invalid = list.filter((l) => !EMAIL.test(String(l.email ?? ""))).map((l) => String(l.email ?? ""));
  const blocked = list.filter((l) =>
    String(l.email ?? "")
      .toLowerCase()
      .endsWith("@blocked.example"),
  ).length;
  const uploaded = list.length - invalid.length - blocked;
  const reply: Record<string, unknown> = {
    ok: true,
    upload_count: uploaded,
    total_leads: uploaded,
    block_count: blocked,
    duplicate_count: 0,
    invalid_email_count: invalid.length,
    invalid_emails: invalid,
    already_added_to_campaign: 0,
    unsubscribed_leads: [],
    is_lead_limit_exhausted: false,
    lead_import_stopped_count: 0,
    bounce_count: 0,
  };
  if (body.settings?.return_lead_ids) {
    reply.emailToLeadIdMap = Object.fromEntries(list.map((l, i) => [String(l.email), 3000000000 + i]));
  }
  return { body: reply };
}

const CSV =
  "id,campaign_lead_map_id,status,category,is_interested,created_at,first_name,last_name,email,phone_number,company_name,website,location,custom_fields,linkedin_profile,company_url,is_unsubscribed,unsubscribed_client_id_map,last_email_sequence_sent,open_count,click_count,reply_count\n" +
  '2995276770,2433664091,INPROGRESS,Interested,true,2025-11-25T12:54:54.000Z,John,Doe,john@example.com,+1234567890,Acme Corp,https://acme.com,San Francisco,"{""job_title"":""CEO""}",https://linkedin.com/in/johndoe,https://acme.com,false,,2,3,1,1\n' +
  "2995276771,2433664092,COMPLETED,,false,2025-11-26T09:10:00.000Z,Jane,Smith,jane@startup.io,+1234567890,Startup Inc,https://startup.io,San Francisco,{},,https://startup.io,false,,3,1,0,0\n";

const LEAD_LISTS = [
  { id: 500, name: "Q1 2025 Enterprise Prospects", lead_count: 1250, created_at: "2025-12-01T10:00:00.000Z" },
  { id: 501, name: "SMB Tech Companies", lead_count: 850, created_at: "2025-12-05T14:00:00.000Z" },
];

export const LEADS_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/all-leads-activities",
    reply: (req) => {
      const offset = num(req.query.offset, 0);
      const limit = num(req.query.limit, 100);
      const all = [
        {
          lead_id: LEAD.id,
          email_lead_map_id: 2433664091,
          campaign_id: 123,
          campaign_name: "Q4 Outreach",
          campaign_status: "ACTIVE",
          status: "INPROGRESS",
          current_seq_num: 2,
          created_at: "2025-11-25T12:54:54.000Z",
          activities: [
            {
              stats_id: 12345,
              message_id: "<abc123@mail.example.com>",
              subject: "Quick question about your workflow",
              email_body: "Hi John, I wanted to reach out...",
              sent_time: "2025-11-26T10:00:00.000Z",
              from_email: "sender@company.com",
              to_email: "john@example.com",
              email_seq_number: 1,
              open_count: 3,
              click_count: 1,
              click_details: {},
              reply_details: { time: "2025-11-26T14:30:00.000Z", reply_email_body: "Thanks for reaching out...", message_id: "<reply123@example.com>" },
              thread_replies: [],
            },
          ],
        },
      ];
      const data = all.slice(offset, offset + limit);
      return { body: { data, hasMore: offset + data.length < all.length } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/update-lead-email-account",
    reply: () => ({ body: { success: true, message: "Lead email account updated" } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}/leads",
    reply: (req) => {
      const offset = num(req.query.offset, 0);
      const limit = num(req.query.limit, 100);
      let leads = CAMPAIGN_LEADS;
      if (req.query.status) leads = leads.filter((l) => l.status === req.query.status);
      return { body: { total_leads: String(leads.length), offset, limit, data: leads.slice(offset, offset + limit) } };
    },
  },
  { base: "smartlead", method: "POST", path: "/campaigns/{campaign_id}/leads", reply: addLeads },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}/leads-export",
    reply: (_req, p) => ({
      body: CSV,
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename=sl_campaign_${p.campaign_id}_leads.csv` },
    }),
  },
  { base: "smartlead", method: "DELETE", path: "/campaigns/{campaign_id}/leads/{lead_id}", reply: () => ok({ message: "success" }) },
  { base: "smartlead", method: "POST", path: "/campaigns/{campaign_id}/leads/{lead_id}", reply: () => ok() },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/leads/{lead_id}/category",
    reply: () => ({ body: { success: true, message: "Lead category updated" } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}/leads/{lead_id}/message-history",
    reply: () => ({
      body: {
        history: [
          {
            type: "SENT",
            message_id: "<abc123@mail.example.com>",
            stats_id: "5a6b7c8d-0000-4000-8000-000000000001",
            time: "2025-11-26T10:00:00.000Z",
            email_body: "<p>Hi John, I wanted to reach out...</p>",
            subject: "Quick question about your workflow",
            email_seq_number: "1",
            open_count: 3,
            click_count: 1,
            click_details: {},
          },
          {
            type: "REPLY",
            message_id: "<reply123@example.com>",
            stats_id: "5a6b7c8d-0000-4000-8000-000000000001",
            time: "2025-11-26T14:30:00.000Z",
            email_body: "<p>Thanks for reaching out...</p>",
            subject: "Re: Quick question about your workflow",
            email_seq_number: "1",
            open_count: 0,
            click_count: 0,
            click_details: {},
          },
        ],
        from: "sender@company.com",
        to: "john@example.com",
      },
    }),
  },
  { base: "smartlead", method: "POST", path: "/campaigns/{campaign_id}/leads/{lead_id}/pause", reply: () => ok({ data: "success" }) },
  { base: "smartlead", method: "POST", path: "/campaigns/{campaign_id}/leads/{lead_id}/resume", reply: () => ok({ data: "success" }) },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/leads/{lead_id}/unsubscribe",
    reply: () => ({ body: { success: true, message: "Lead unsubscribed successfully" } }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/leads/{lead_map_id}/manual-complete",
    reply: () => ({ body: { success: true, message: "Lead marked as complete" } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/crm/leads/notes/{id}",
    reply: (_req, p) => ({
      body: {
        ok: true,
        data: [
          {
            id: 456,
            lead_id: Number(p.id),
            note_message: "Spoke with lead, interested in enterprise plan",
            created_by: "John Doe",
            created_at: "2025-12-01T10:30:00.000Z",
          },
        ],
      },
    }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/crm/leads/tags",
    reply: () => ({
      body: {
        ok: true,
        data: [
          { id: 1, tag_mapping_id: 789, name: "VIP", color: "#FF5733" },
          { id: 2, tag_mapping_id: 790, name: "Enterprise", color: "#4CAF50" },
        ],
      },
    }),
  },
  { base: "smartlead", method: "POST", path: "/crm/leads/tags", reply: () => ok({ message: "Tags added to lead successfully" }) },
  { base: "smartlead", method: "DELETE", path: "/crm/leads/tags/{tagMappingId}", reply: () => ok({ message: "Tag removed from lead successfully" }) },
  {
    base: "smartlead",
    method: "GET",
    path: "/crm/leads/tasks/{id}",
    reply: (_req, p) => ({
      body: {
        ok: true,
        data: [
          {
            id: 789,
            lead_id: Number(p.id),
            name: "Follow up on enterprise proposal",
            description: "Send pricing breakdown for 50-seat plan",
            priority: "HIGH",
            due_date: "2025-12-15T09:00:00Z",
            status: "pending",
            created_at: "2025-12-01T10:00:00.000Z",
          },
        ],
      },
    }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/lead-list",
    reply: (req) => {
      const offset = num(req.query.offset, 0);
      const limit = num(req.query.limit, 10);
      const name = req.query.listName?.toLowerCase();
      const lists = name ? LEAD_LISTS.filter((l) => l.name.toLowerCase().includes(name)) : LEAD_LISTS;
      return { body: { ok: true, data: lists.slice(offset, offset + limit) } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/lead-list",
    reply: (req) => ({
      body: { ok: true, data: { id: 502, name: String((req.body as { listName?: string })?.listName ?? ""), created_at: "2025-12-01T10:00:00.000Z" } },
    }),
  },
  { base: "smartlead", method: "POST", path: "/lead-list/assign-tags", reply: () => ok({ message: "Tags updated successfully" }) },
  {
    base: "smartlead",
    method: "GET",
    path: "/lead-list/{id}",
    reply: (_req, p) => {
      const list = LEAD_LISTS.find((l) => String(l.id) === p.id);
      if (!list) return { status: 404, body: { ok: false, error: "Lead list not found" } };
      return { body: { ok: true, data: { ...list, updated_at: "2025-12-10T16:30:00.000Z" } } };
    },
  },
  {
    base: "smartlead",
    method: "PUT",
    path: "/lead-list/{id}",
    reply: (req, p) => ({ body: { ok: true, data: { id: Number(p.id), name: String((req.body as { listName?: string })?.listName ?? "") } } }),
  },
  { base: "smartlead", method: "DELETE", path: "/lead-list/{id}", reply: () => ok({ message: "Lead list deleted successfully" }) },
  {
    base: "smartlead",
    method: "POST",
    path: "/lead-list/{id}/import",
    reply: (req) => {
      const n = Array.isArray((req.body as { leadList?: unknown[] })?.leadList) ? (req.body as { leadList: unknown[] }).leadList.length : 0;
      return { body: { ok: true, data: { total_leads: n, imported: n, duplicates: 0, blocked: 0 } } };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/leads",
    reply: (req) => {
      if (!req.query.email) return { status: 422, body: { error: "email is required" } };
      const lead = [LEAD, LEAD_2].find((l) => l.email === req.query.email!.toLowerCase());
      if (!lead) return { body: {} };
      return { body: { ...lead, created_at: "2025-11-25T12:54:54.000Z", lead_campaign_data: LEAD_CAMPAIGN_DATA } };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/leads/fetch-categories",
    reply: () => ({
      body: [
        { id: 1, created_at: "2024-01-15T10:30:00.000Z", name: "Interested", sentiment_type: "positive" },
        { id: 2, created_at: "2024-01-15T10:30:00.000Z", name: "Not Interested", sentiment_type: "negative" },
        { id: 3, created_at: "2024-01-15T10:30:00.000Z", name: "Meeting Booked", sentiment_type: "positive" },
        { id: 789, created_at: "2025-11-20T14:22:00.000Z", name: "Follow Up Later", sentiment_type: "neutral" },
      ],
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/leads/leads/push-between-lists",
    reply: (req) => {
      const ids = (req.body as { leadIds?: unknown[] })?.leadIds;
      return { body: { ok: true, data: { total_leads_moved: Array.isArray(ids) ? ids.length : 1250 } } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/leads/push-to-campaign",
    reply: () => ({ body: { ok: true, data: { total_leads: 1250, pushed: 1200, duplicates: 50 } } }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/leads/{lead_id}",
    reply: (_req, p) => {
      const lead = [LEAD, LEAD_2].find((l) => String(l.id) === p.lead_id);
      if (!lead) return notFound("Lead");
      return {
        body: {
          ...lead,
          status: "INPROGRESS",
          category_id: 1,
          category_name: "Interested",
          email_stats: { is_opened: true, is_clicked: true, is_replied: false },
        },
      };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/leads/{lead_id}/campaigns",
    reply: () => ({
      body: [
        { id: 123, status: "ACTIVE", name: "Q4 Outreach" },
        { id: 124, status: "COMPLETED", name: "Q3 Follow-ups" },
      ],
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/leads/{lead_id}/unsubscribe",
    reply: (_req, p) => ([LEAD, LEAD_2].some((l) => String(l.id) === p.lead_id) ? ok() : notFound("Lead")),
  },
];
