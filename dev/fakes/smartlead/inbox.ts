/** Fake SmartLead master-inbox routes, with the bodies the current docs pages show. */
import type { FakeReply, RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

/** One inbox thread as the current docs show it ({messages: [...]} items). */
export function fakeThread(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `msg_${n}`,
    campaign_lead_map_id: String(2433664091 + n),
    lead: { email: `lead${n}@startup.io`, first_name: "Sarah", last_name: "Johnson", company: "Startup Inc" },
    campaign: { id: 12345, name: "Q1 2025 SaaS Outreach" },
    email_account: { id: 789, email: "sales@yourcompany.com", name: "Sales Team" },
    last_message: {
      id: `email_${n}`,
      subject: "Re: Partnership Opportunity",
      body: "Thanks for reaching out! I'm interested in learning more about your solution...",
      received_at: "2025-01-20T14:30:00Z",
      sent_from: `lead${n}@startup.io`,
      sent_to: "sales@yourcompany.com",
    },
    email_status: "Replied",
    category: { id: 1, name: "Interested" },
    assigned_to: { id: 456, name: "Jane Smith", email: "jane@yourcompany.com" },
    is_read: false,
    is_important: false,
    is_archived: false,
    tags: ["hot-lead"],
    ...overrides,
  };
}

/** Pool size of every fake inbox list. */
export const FAKE_INBOX_TOTAL = 3;

/** A POST list endpoint: offset/limit from the JSON body, {messages, total_count, offset, limit} back. */
function inboxList(path: string, extra: Record<string, unknown> = {}): BaseRoute {
  return {
    base: "smartlead",
    method: "POST",
    path,
    reply: (req: RecordedRequest): FakeReply => {
      const body = (req.body ?? {}) as { offset?: unknown; limit?: unknown };
      const offset = typeof body.offset === "number" ? body.offset : 0;
      const limit = typeof body.limit === "number" ? body.limit : 20;
      if (limit < 1 || limit > 20) return { status: 422, body: { error: "limit must be between 1 and 20", field: "limit", provided_value: limit } };
      const all = Array.from({ length: FAKE_INBOX_TOTAL }, (_, i) => fakeThread(i + 1, extra));
      return { body: { messages: all.slice(offset, offset + limit), total_count: all.length, offset, limit } };
    },
  };
}

const done =
  (message: string, data: Record<string, unknown> = {}) =>
  (req: RecordedRequest): FakeReply => ({
    body: { success: true, message, data: { ...(req.body as Record<string, unknown>), ...data } },
  });

export const INBOX_ROUTES: BaseRoute[] = [
  inboxList("/master-inbox/inbox-replies"),
  inboxList("/master-inbox/unread-replies"),
  inboxList("/master-inbox/sent", { last_message: { subject: "Partnership Opportunity", sent_at: "2025-01-15T10:00:00Z", opened_at: "2025-01-15T10:30:00Z" } }),
  inboxList("/master-inbox/important", { is_important: true }),
  inboxList("/master-inbox/snoozed", { snoozed_until: "2025-01-25T09:00:00Z" }),
  inboxList("/master-inbox/archived", { is_archived: true }),
  inboxList("/master-inbox/scheduled", { scheduled_time: "2025-01-21T09:00:00Z", email_status: "Scheduled" }),
  inboxList("/master-inbox/reminders", { reminder_time: "2025-01-20T14:00:00Z", reminder_message: "Follow up on pricing question", is_overdue: false }),
  inboxList("/master-inbox/assigned-me"),
  inboxList("/master-inbox/views", { subsequence: { id: 789, name: "Pricing Discussion" } }),
  {
    base: "smartlead",
    method: "GET",
    path: "/master-inbox/untracked-replies",
    reply: (req) => {
      const offset = Number(req.query.offset ?? 0);
      const limit = Number(req.query.limit ?? 20);
      const all = [1, 2].map((n) => ({
        id: `untracked_${n}`,
        from_email: `john${n}@company.com`,
        to_email: "sales@yourcompany.com",
        subject: "Re: Your Product",
        received_at: "2025-01-20T10:30:00Z",
        has_attachments: false,
        ...(req.query.fetchBody === "true" ? { body: "Can you send pricing?" } : {}),
      }));
      return { body: { untracked_replies: all.slice(offset, offset + limit), total_count: all.length } };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/master-inbox/reply-status",
    reply: (req) =>
      req.query.message_id
        ? {
            body: {
              ok: true,
              data: {
                message_id: req.query.message_id,
                status: "COMPLETED",
                status_message: "Email sent successfully!",
                event_time: "2026-03-12T11:29:05.173Z",
                scheduled_time: null,
                email_stats_id: "4d9ff292-b7a4-45a1-80aa-e1ac2c925404",
              },
            },
          }
        : { status: 404, body: { ok: false, error: "No reply found for the given message_id" } },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/reply-email-thread",
    reply: () => ({ body: { ok: true, message: "Email added to the queue! Will be sent soon" } }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/campaigns/{campaign_id}/forward-email",
    reply: () => ({ body: { ok: true, messageId: "<generated-message-id@smartlead.ai>", status: "success" } }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/master-inbox/push-to-subsequence",
    reply: done("Lead pushed to subsequence successfully", { parent_campaign_id: 12345, will_start_at: "2025-01-22T00:00:00Z" }),
  },
  {
    base: "smartlead",
    method: "PATCH",
    path: "/master-inbox/resume-lead",
    reply: done("Lead resumed successfully", { will_resume_at: "2025-01-27T00:00:00Z" }),
  },
  {
    base: "smartlead",
    method: "PATCH",
    path: "/master-inbox/update-category",
    reply: () => ({ body: { success: true, message: "Lead category updated successfully" } }),
  },
  {
    base: "smartlead",
    method: "PATCH",
    path: "/master-inbox/update-revenue",
    reply: done("Revenue updated successfully", { updated_at: "2025-01-20T15:30:00Z" }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/master-inbox/update-team-member",
    reply: done("Team member assigned successfully", { assigned_at: "2025-01-20T15:30:00Z" }),
  },
  {
    base: "smartlead",
    method: "PATCH",
    path: "/master-inbox/change-read-status",
    reply: (req) => {
      const b = (req.body ?? {}) as { email_lead_map_id?: number; read_status?: boolean };
      return {
        body: {
          success: true,
          message: "Read status updated",
          data: { email_lead_map_id: b.email_lead_map_id, is_read: b.read_status, updated_at: "2025-01-20T15:30:00Z" },
        },
      };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/master-inbox/create-note",
    reply: () => ({ body: { success: true, message: "Note created successfully", data: { note_id: 5521 } } }),
  },
  { base: "smartlead", method: "POST", path: "/master-inbox/create-task", reply: done("Task created successfully", { task_id: 789 }) },
  { base: "smartlead", method: "POST", path: "/master-inbox/set-reminder", reply: done("Reminder set successfully", { reminder_id: 789 }) },
  {
    base: "smartlead",
    method: "POST",
    path: "/master-inbox/block-domains",
    reply: (req) => {
      const b = (req.body ?? {}) as { domains?: string[]; source?: string };
      return {
        body: {
          success: true,
          message: "Domains blocked successfully",
          data: { blocked_domains: b.domains, source: b.source ?? "manual", blocked_at: "2025-01-20T15:30:00Z" },
        },
      };
    },
  },
  // Last, since {id} would also match the fixed GET paths above.
  {
    base: "smartlead",
    method: "GET",
    path: "/master-inbox/{id}",
    reply: (_req, p) => {
      if (!/^\d+$/.test(p.id!)) return { status: 404, body: { error: `Inbox item not found with ID ${p.id}` } };
      return {
        body: {
          ...fakeThread(1, { campaign_lead_map_id: p.id }),
          message_history: [
            { subject: "Partnership Opportunity", direction: "outbound", sent_at: "2025-01-15T10:00:00Z", stats_id: "4d9ff292-b7a4-45a1-80aa-e1ac2c925404" },
            { subject: "Re: Partnership Opportunity", direction: "inbound", received_at: "2025-01-20T14:00:00Z" },
          ],
        },
      };
    },
  },
];
