/**
 * Fake Smart Delivery routes (smartdelivery host), bodies after SmartLead's
 * docs examples with numeric ids as the real API and clients use them.
 */
import type { FakeReply, RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

type Reply = (req: RecordedRequest, params: Record<string, string>) => FakeReply;
const route = (method: string, path: string, reply: Reply): BaseRoute => ({ base: "smartdelivery", method, path, reply });
const body = (b: unknown): FakeReply => ({ body: b });

const folder = (id: number, name: string) => ({
  id,
  name,
  user_id: 2568,
  client_id: null,
  created_at: "2026-01-01T10:00:00.000Z",
  updated_at: "2026-03-15T14:30:00.000Z",
});

function createdTest(req: RecordedRequest, type: "manual" | "automated"): FakeReply {
  const b = (req.body ?? {}) as Record<string, unknown>;
  return body({
    id: type === "manual" ? 91001 : 91002,
    test_name: b.test_name,
    description: b.description ?? null,
    spam_filters: b.spam_filters,
    link_checker: b.link_checker,
    campaign_id: b.campaign_id,
    sequence_mapping_id: b.sequence_mapping_id,
    all_email_sent_without_time_gap: b.all_email_sent_without_time_gap,
    min_time_btwn_emails: b.min_time_btwn_emails,
    min_time_unit: b.min_time_unit,
    is_warmup: b.is_warmup,
    test_with_sl_account: false,
    has_seed_mapping: true,
    status: "ACTIVE",
    user_id: 2568,
    test_type: type,
    created_at: "2026-03-15T14:30:00.000Z",
    updated_at: "2026-03-15T14:30:00.000Z",
    ...(type === "automated"
      ? {
          schedule_start_time: b.schedule_start_time,
          test_end_date: b.test_end_date,
          every_days: b.every_days,
          scheduler_cron_value: b.scheduler_cron_value ?? null,
        }
      : {}),
  });
}

const seedChecks = (field: string) =>
  body([
    {
      from_email: "sam@acme-mail.com",
      seed_accounts: [
        { id: 301, email: "seed1@gmail.com", esp: "Gmail", [field]: true },
        { id: 302, email: "seed2@outlook.com", esp: "Outlook", [field]: true },
      ],
    },
  ]);

export const DELIVERABILITY_ROUTES: BaseRoute[] = [
  route("GET", "/spam-test/seed/providers", () =>
    body([
      {
        region_id: 1,
        region_name: "North America",
        groups: [
          {
            group_id: 11,
            group_name: "Gmail",
            providers: [
              { provider_id: 101, provider_name: "Gmail" },
              { provider_id: 102, provider_name: "Google Workspace" },
            ],
          },
          {
            group_id: 12,
            group_name: "Outlook",
            providers: [
              { provider_id: 103, provider_name: "Outlook.com" },
              { provider_id: 104, provider_name: "Microsoft 365" },
            ],
          },
        ],
      },
    ]),
  ),
  route("POST", "/spam-test/manual", (req) => createdTest(req, "manual")),
  route("POST", "/spam-test/schedule", (req) => createdTest(req, "automated")),
  route("POST", "/spam-test/report", (req) =>
    body(
      [
        {
          spam_test_id: 91001,
          test_name: "Q1 sequence check",
          test_type: req.query.testType === "auto" ? "automated" : "manual",
          status: "COMPLETED",
          schedule_start_time: "2026-03-14T14:00:00.000Z",
          test_end_date: "2026-03-20",
          every_days: null,
          current_test_run_no: 1,
        },
      ].slice(0, Number((req.body as { limit?: number } | undefined)?.limit ?? 10)),
    ),
  ),
  route("POST", "/spam-test/delete", () => body({ message: "Tests deleted successfully" })),
  route("GET", "/spam-test/report/mailboxes-count", () => body({ inbox_count: 264, spam_count: 12, tab_count: 24, failed_count: 0, total_email_count: 300 })),
  route("GET", "/spam-test/report/mailboxes-summary", () =>
    body([
      {
        id: 501,
        from_email: "sam@acme-mail.com",
        esp: "Gmail",
        total_email_count: 100,
        inbox_count: 91,
        tab_count: 6,
        spam_count: 3,
        failed_count: 0,
        placement_score: 91,
      },
    ]),
  ),
  route("POST", "/spam-test/report/{spamTestId}/providerwise", () =>
    body({
      overallTotalCount: 900,
      status: "completed",
      result: [
        { provider: "Gmail", inbox_rate: 94.2, spam_rate: 3.8, bounce_rate: 2.0, mailbox_count: 350 },
        { provider: "Outlook", inbox_rate: 88.5, spam_rate: 8.2, bounce_rate: 3.3, mailbox_count: 310 },
        { provider: "Yahoo", inbox_rate: 71.0, spam_rate: 21.5, bounce_rate: 7.5, mailbox_count: 240 },
      ],
    }),
  ),
  route("POST", "/spam-test/report/{spamTestId}/groupwise", () =>
    body({
      overallTotalCount: 780,
      status: "completed",
      result: [{ region: "North America", inbox_rate: 92.5, spam_rate: 5.2, bounce_rate: 2.3, mailbox_count: 300 }],
    }),
  ),
  route("GET", "/spam-test/report/{spamTestId}/sender-account-wise", () =>
    body([
      {
        email: "sam@acme-mail.com",
        details: [
          { reply_id: 7001, to_email: "seed1@gmail.com", esp: "Gmail", placement: "INBOX" },
          { reply_id: 7002, to_email: "seed2@outlook.com", esp: "Outlook", placement: "SPAM" },
          { reply_id: 7003, to_email: "seed3@yahoo.com", esp: "Yahoo", placement: "INBOX" },
        ],
      },
      {
        email: "lee@acme-mail.com",
        details: [
          { reply_id: 7011, to_email: "seed1@gmail.com", esp: "Gmail", placement: "INBOX" },
          { reply_id: 7012, to_email: "seed2@outlook.com", esp: "Outlook", placement: "INBOX" },
          { reply_id: 7013, to_email: "seed3@yahoo.com", esp: "Yahoo", placement: null },
        ],
      },
    ]),
  ),
  route("GET", "/spam-test/report/{spamTestId}/sender-account-wise/{replyId}/email-headers", () =>
    body({
      "Return-Path": "<sam@acme-mail.com>",
      Received: "from mail.acme-mail.com ([203.0.113.10]) by mx.google.com with ESMTPS; Sat, 15 Mar 2026 15:30:00 +0000",
      "Authentication-Results": "mx.google.com; dkim=pass header.d=acme-mail.com; spf=pass smtp.mailfrom=sam@acme-mail.com; dmarc=pass",
    }),
  ),
  route("GET", "/spam-test/report/{spamTestId}/sender-accounts", (_req, p) =>
    body([{ id: 801, spam_test_id: Number(p.spamTestId), from_email: "sam@acme-mail.com", created_at: "2026-03-15T14:30:00.000Z" }]),
  ),
  route("GET", "/spam-test/report/{spamTestId}/spam-filter-details", () =>
    body([
      {
        from_email: "sam@acme-mail.com",
        spam_filter_details: [{ filter: "SpamAssassin", score: 1.2, triggered_count: 1, reasons: ["HTML_MESSAGE"] }],
      },
    ]),
  ),
  route("GET", "/spam-test/report/{spamTestId}/dkim-details", () => seedChecks("dkim_verified")),
  route("GET", "/spam-test/report/{spamTestId}/spf-details", () => seedChecks("spf_verified")),
  route("GET", "/spam-test/report/{spamTestId}/rdns-details", () => seedChecks("rdns_verified")),
  route("GET", "/spam-test/report/{spamTestId}/domain-blacklist", () => seedChecks("domain_blacklisted")),
  route("GET", "/spam-test/report/{spamTestId}/blacklist", () =>
    body([
      {
        reply_id: 7001,
        reply: { from_email: "sam@acme-mail.com" },
        to_email: "seed1@gmail.com",
        domain: "gmail.com",
        blacklist_type_value: "spamhaus",
        total_blacklist: 0,
        ip: "203.0.113.10",
        details: "IP not listed on Spamhaus",
      },
    ]),
  ),
  route("GET", "/spam-test/report/{spamTestId}/ip-analytics", () =>
    body([
      {
        ip: "203.0.113.10",
        blacklisted: false,
        summary: "No blacklist listings",
        whois_data: { isp: "Example ISP", location: "United States", reverse_dns: "mail.acme-mail.com" },
      },
    ]),
  ),
  route("GET", "/spam-test/report/{spamTestId}/email-content", (_req, p) =>
    body({
      spamTest: Number(p.spamTestId),
      subject: "Quick question",
      text: "Hi {{first_name}}, …",
      html: "<p>Hi {{first_name}}, …</p>",
      rawEmailContent: "From: sam@acme-mail.com\nSubject: Quick question\n\nHi …",
    }),
  ),
  route("GET", "/spam-test/report/{spamTestId}/schedule-history", (_req, p) =>
    body([
      { spam_test_id: Number(p.spamTestId), test_run_no: 2, status: "COMPLETED", inbox_count: 181, tab_count: 14, spam_count: 5 },
      { spam_test_id: Number(p.spamTestId), test_run_no: 1, status: "COMPLETED", inbox_count: 184, tab_count: 12, spam_count: 4 },
    ]),
  ),
  route("PUT", "/spam-test/{spamTestId}/stop", () => body({ message: "Test stopped successfully" })),
  route("GET", "/spam-test/folder", () => body([folder(12, "Q1 2026 Tests"), folder(13, "Archive")])),
  // The docs' requests name the folder folderName; the answer is a bare folder object that calls it name.
  route("POST", "/spam-test/folder", (req) => {
    const folderName = (req.body as { folderName?: unknown } | undefined)?.folderName;
    if (typeof folderName !== "string" || !folderName.trim()) return { status: 400, body: { message: '"folderName" is required' } };
    return body(folder(14, folderName));
  }),
  route("GET", "/spam-test/folder/{folderId}", (_req, p) => body(folder(Number(p.folderId), "Q1 2026 Tests"))),
  route("DELETE", "/spam-test/folder/{folderId}", () => body({ message: "Folder deleted successfully" })),
  // Last, so its {spamTestId} segment never shadows /spam-test/folder.
  route("GET", "/spam-test/{spamTestId}", (_req, p) =>
    body({
      id: Number(p.spamTestId),
      test_name: "Q1 sequence check",
      test_type: "manual",
      description: null,
      folder_id: 12,
      link_checker: true,
      test_with_sl_account: false,
      campaign_id: 12345,
      sequence_mapping_id: 4411,
      user_id: 2568,
      created_at: "2026-03-15T14:30:00.000Z",
      updated_at: "2026-03-15T15:45:00.000Z",
    }),
  ),
];
