/** Fake SmartLead email-account routes, answering like the docs pages show (passwords included, as the real API sends them). */
import type { RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

/** A mailbox as GET /email-accounts returns it, credentials and all. */
export function fakeEmailAccount(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    created_at: "2025-01-15T10:30:00.000Z",
    updated_at: "2025-11-26T08:00:00.000Z",
    user_id: 456,
    from_name: "John Doe",
    from_email: `john${id}@example.com`,
    minTimeToWaitInMins: 5,
    username: `john${id}@example.com`,
    password: "ZW5jcnlwdGVkX3Bhc3N3b3Jk",
    smtp_host: "smtp.gmail.com",
    smtp_port: 587,
    smtp_port_type: "TLS",
    message_per_day: 50,
    different_reply_to_address: null,
    is_different_imap_account: false,
    imap_username: `john${id}@example.com`,
    imap_password: "ZW5jcnlwdGVkX3Bhc3N3b3Jk",
    imap_host: "imap.gmail.com",
    imap_port: 993,
    imap_port_type: "SSL",
    signature: "<p>Best regards,<br>John</p>",
    custom_tracking_domain: null,
    bcc_email: null,
    is_smtp_success: true,
    is_imap_success: true,
    smtp_failure_error: null,
    imap_failure_error: null,
    type: "GMAIL",
    daily_sent_count: 25,
    client_id: null,
    campaign_count: 3,
    warmup_details: {
      status: "ACTIVE",
      total_sent_count: 450,
      total_spam_count: 2,
      warmup_reputation: "95%",
      warmup_key_id: 789,
      warmup_created_at: "2025-01-15T10:30:00.000Z",
      reply_rate: 15,
      blocked_reason: null,
    },
    ...overrides,
  };
}

const num = (req: RecordedRequest, name: string, fallback: number) => {
  const v = Number(req.query[name]);
  return Number.isInteger(v) ? v : fallback;
};

const ok =
  (message: string, extra: Record<string, unknown> = {}) =>
  () => ({ body: { ok: true, message, ...extra } });

export const EMAIL_ACCOUNTS_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "GET",
    path: "/email-accounts",
    reply: (req) => {
      const offset = num(req, "offset", 0);
      const limit = num(req, "limit", 100);
      // A fixed pool of 3 mailboxes, paged like the real endpoint.
      const all = [123, 124, 125].map((id) => fakeEmailAccount(id));
      return { body: all.slice(offset, offset + limit) };
    },
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/email-accounts/tags",
    reply: () => ({
      body: {
        ok: true,
        data: [
          { id: 1, name: "Primary Senders", color: "#4CAF50" },
          { id: 2, name: "Campaign A", color: "#2196F3" },
        ],
      },
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/email-accounts/save",
    reply: (req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      // add-smtp.mdx marks warmup_enabled required.
      if (typeof body.warmup_enabled !== "boolean") return { status: 400, body: { ok: false, message: '"warmup_enabled" is required' } };
      const id = typeof body.id === "number" ? body.id : 3021;
      return {
        body: {
          ok: true,
          message: body.id ? "Email account updated successfully" : "Email account added successfully",
          emailAccountId: id,
          warmupKey: "sl-wk-7f3a",
        },
      };
    },
  },
  { base: "smartlead", method: "POST", path: "/email-accounts/reconnect-failed-email-accounts", reply: ok("Reconnection started for failed email accounts") },
  {
    base: "smartlead",
    method: "PUT",
    path: "/email-accounts/suspend/{email_account_id}",
    reply: (_req, p) => ({
      body: { success: true, message: "Email account suspended successfully", data: { accountId: Number(p.email_account_id), isSuspended: true } },
    }),
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/email-accounts/unsuspend/{email_account_id}",
    reply: (_req, p) => ({
      body: { success: true, message: "Email account unsuspended successfully", data: { accountId: Number(p.email_account_id), isSuspended: false } },
    }),
  },
  { base: "smartlead", method: "POST", path: "/email-accounts/{email_account_id}/warmup", reply: ok("Warmup settings updated successfully") },
  {
    base: "smartlead",
    method: "GET",
    path: "/email-accounts/{email_account_id}/warmup-stats",
    reply: () => ({
      body: {
        total_sent: 140,
        spam_count: 3,
        reputation_score: 95,
        daily_stats: [
          { date: "2025-11-20", sent: 15, spam: 0, delivered: 15, opened: 12, replied: 4 },
          { date: "2025-11-21", sent: 18, spam: 1, delivered: 17, opened: 14, replied: 5 },
        ],
      },
    }),
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/email-accounts/{email_account_id}/fetch-messages",
    reply: () => ({
      body: {
        ok: true,
        messages: [
          {
            uid: 5512,
            folder: "INBOX",
            from: "sarah@startup.io",
            to: "john123@example.com",
            subject: "Re: Partnership Opportunity",
            date: "2025-11-21T14:30:00.000Z",
          },
        ],
      },
    }),
  },
  {
    base: "smartlead",
    method: "GET",
    path: "/campaigns/{campaign_id}/email-accounts",
    // Campaign 102 is a draft with no mailbox attached yet (a launch preflight blocks it).
    reply: (_req, p) => ({
      body:
        p.campaign_id === "102"
          ? []
          : [
              fakeEmailAccount(2001, { from_email: "sales@mycompany.com", from_name: "Sarah Lee", type: "SMTP" }),
              fakeEmailAccount(2002, { from_email: "outreach@mycompany.com", from_name: "David Smith", type: "SMTP" }),
            ],
    }),
  },
  { base: "smartlead", method: "POST", path: "/campaigns/{campaign_id}/email-accounts", reply: () => ({ body: { ok: true } }) },
  { base: "smartlead", method: "DELETE", path: "/campaigns/{campaign_id}/email-accounts", reply: () => ({ body: { ok: true } }) },
  {
    base: "smartlead",
    method: "POST",
    path: "/email-accounts/tag-list",
    reply: (req) => {
      const emails = ((req.body as { email_ids?: string[] })?.email_ids ?? []).slice(0, 100);
      return {
        body: {
          ok: true,
          data: emails.map((from_email, i) => ({ email_account_id: 101 + i, from_email, tags: [{ id: 1, name: "Primary Senders", color: "#4CAF50" }] })),
        },
      };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/tags",
    reply: (req) => {
      const b = (req.body ?? {}) as { name?: string; color?: string };
      return { body: { ok: true, data: { id: 42, name: b.name, color: b.color ?? "#4CAF50" } } };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/email-accounts/tag-manager",
    reply: (req) => {
      const b = (req.body ?? {}) as { id?: number; name?: string; color?: string };
      return { body: { ok: true, data: { id: b.id, name: b.name, color: b.color } } };
    },
  },
  { base: "smartlead", method: "POST", path: "/email-accounts/tag-mapping", reply: ok("Tags assigned successfully") },
  { base: "smartlead", method: "DELETE", path: "/email-accounts/tag-mapping", reply: ok("Tags removed successfully") },
  // Last, since {email_account_id} would also match the fixed paths above (tags, tag-list, tag-mapping, …).
  {
    base: "smartlead",
    method: "GET",
    path: "/email-accounts/{email_account_id}",
    reply: (req, p) => {
      const id = Number(p.email_account_id);
      const account = fakeEmailAccount(id, {
        password: "decrypted_password",
        warmup_details: {
          id: 789,
          status: "ACTIVE",
          created_at: "2025-01-15T10:30:00.000Z",
          reply_rate: 15,
          warmup_key_id: 1001,
          blocked_reason: null,
          total_sent_count: 450,
          total_spam_count: 2,
          warmup_max_count: 30,
          warmup_min_count: 10,
          is_warmup_blocked: false,
          max_email_per_day: 50,
          warmup_reputation: 95,
        },
      });
      if (req.query.fetch_campaigns === "true") account.campaign_ids = [101, 102, 103];
      return { body: account };
    },
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/email-accounts/{email_account_id}",
    reply: (_req, p) => ({ body: { ok: true, message: "Email account deleted successfully!", emailAccountId: Number(p.email_account_id) } }),
  },
  { base: "smartlead", method: "POST", path: "/email-accounts/{email_account_id}", reply: ok("Email account updated successfully") },
];
