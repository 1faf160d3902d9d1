/**
 * Smart Delivery (smartdelivery.smartlead.ai): inbox-placement / spam tests,
 * their reports, folders and seed providers. Paths follow the catalog exactly,
 * including the /spam-test/report/{spamTestId}/… segment.
 */
import { z } from "zod";
import type { Args, ToolDefinition } from "../tools/define";
import { date, datetime, email, hhmm, id, limit, offset, text, timezone } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { campaignId } from "./fields";

const t = toolset("smartlead_deliverability");

/** Smart Delivery documents no page-size maximum; 100 is the common SmartLead cap for lists. */
const MAX_PAGE = 100;

const spamTestId = id("Spam (placement) test id");
const folderId = id("Smart Delivery folder id");

/** Fields shared by manual and scheduled placement tests (from the jean-technologies client; SmartLead's page shows an empty body). */
const testFields = {
  test_name: text("Name of the test", 200),
  description: text("Note to recognise the test later", 1000).optional(),
  spam_filters: z.array(z.string().trim().min(1).max(64)).min(1).max(10).describe('Spam filters to run the email through, e.g. ["spam_assassin"]'),
  link_checker: z.boolean().describe("Check the domains of links in the email against blacklists"),
  campaign_id: campaignId.describe("Campaign whose sequence email is tested (positive integer)"),
  sequence_mapping_id: id("Sequence step or variant id to test"),
  provider_ids: z.array(id("Seed provider id")).min(1).max(100).describe("Seed provider ids to send to, from smartlead_list_placement_test_providers"),
  sender_accounts: z.array(email("Sender email address")).min(1).max(100).describe("Email accounts that send the test emails"),
  all_email_sent_without_time_gap: z.boolean().describe("true sends every test email at once; false spaces them out"),
  min_time_btwn_emails: z.number().int().min(0).max(10_000).describe("Gap between emails from one mailbox, in min_time_unit"),
  min_time_unit: z.enum(["minutes", "hours", "days"]).describe("Unit of min_time_btwn_emails"),
  is_warmup: z.boolean().describe("true makes seed inboxes answer positively and move the email from spam to inbox"),
};

const isoDays = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .refine((d) => new Set(d).size === d.length, "days must not repeat")
  .describe("Days of the week to run on, 1 = Monday … 7 = Sunday (Smart Delivery's numbering)");

function sendsTests(args: Args): string {
  const senders = (args.sender_accounts as string[]).length;
  const providers = (args.provider_ids as number[]).length;
  return `${senders} sender account${senders === 1 ? "" : "s"} will send real test emails from campaign ${args.campaign_id as number} (sequence ${args.sequence_mapping_id as number}) to seed inboxes of ${providers} provider${providers === 1 ? "" : "s"}; sent emails cannot be recalled.`;
}

export const DELIVERABILITY_TOOLS: ToolDefinition[] = [
  t.get("/spam-test/seed/providers", {
    name: "smartlead_list_placement_test_providers",
    title: "Smart Delivery: seed providers by region",
    description: "Lists the seed email providers (Gmail, Outlook, Yahoo, …) by region with their ids, needed as provider_ids when creating a placement test.",
    catalogId: "sl.delivery.get_spam_test_seed_providers",
    input: z.object({}).strict(),
  }),
  t.post("/spam-test/manual", {
    name: "smartlead_create_manual_placement_test",
    title: "Smart Delivery: run a one-off placement test",
    description:
      "Creates and starts a one-off inbox-placement (spam) test: the chosen sender accounts send a campaign's sequence email to SmartLead seed inboxes, then reports show inbox vs spam per provider. " +
      "Sends real emails; asks for confirmation first.",
    catalogId: "sl.delivery.post_spam_test_manual",
    kind: "send",
    input: z.object(testFields).strict(),
    confirm: {
      action: (args) => `Creates manual placement test "${args.test_name as string}": ${sendsTests(args)}`,
      lookup: { base: "smartlead", path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
  }),
  t.post("/spam-test/schedule", {
    name: "smartlead_create_scheduled_placement_test",
    title: "Smart Delivery: schedule a recurring placement test",
    description:
      "Creates an automated placement test that re-sends a campaign's sequence email to seed inboxes on a schedule (every N days on chosen weekdays) until its end date. " +
      "Sends real emails on every run; asks for confirmation first. Stop it with smartlead_stop_placement_test.",
    catalogId: "sl.delivery.post_spam_test_schedule",
    kind: "send",
    input: z
      .object({
        ...testFields,
        schedule_start_time: datetime("When the first run starts"),
        test_end_date: date("Last day the test runs"),
        every_days: z.number().int().min(1).max(365).describe("Run every this many days"),
        tz: timezone("IANA time zone of the schedule, e.g. Europe/Berlin"),
        days: isoDays,
        starHour: hhmm("Time of day runs start (Smart Delivery spells this field starHour)").optional(),
        folder_id: folderId.optional(),
        scheduler_cron_value: z
          .object({ tz: timezone("IANA time zone of the schedule"), days: isoDays })
          .strict()
          .optional()
          .describe("Schedule in Smart Delivery's cron form; normally the same as tz and days"),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (typeof v.schedule_start_time === "string" && typeof v.test_end_date === "string" && v.test_end_date < v.schedule_start_time.slice(0, 10)) {
          ctx.addIssue({ code: "custom", path: ["test_end_date"], message: "must not be before the day of schedule_start_time" });
        }
      }),
    confirm: {
      action: (args) =>
        `Creates scheduled placement test "${args.test_name as string}" running every ${args.every_days as number} day(s) from ${args.schedule_start_time as string} until ${args.test_end_date as string}: on every run ${sendsTests(args)}`,
      lookup: { base: "smartlead", path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
  }),
  t.get("/spam-test/{spamTestId}", {
    name: "smartlead_get_placement_test",
    title: "Smart Delivery: placement test details",
    description: "Gets one placement test's settings: name, type (manual or automated), campaign and sequence tested, folder, link checker, provider.",
    catalogId: "sl.delivery.get_spam_test_by_spamtestid",
    input: z.object({ spamTestId }).strict(),
  }),
  t.post("/spam-test/report", {
    name: "smartlead_list_placement_tests",
    title: "Smart Delivery: list placement tests",
    description: "Lists manual or automated placement tests with their status, schedule and run count, newest first.",
    catalogId: "sl.delivery.post_spam_test_report",
    kind: "read",
    input: z
      .object({
        testType: z.enum(["manual", "auto"]).describe("manual: one-off tests; auto: scheduled tests"),
        limit: limit(MAX_PAGE, 10),
        offset: offset(),
      })
      .strict(),
    query: ["testType"],
    list: { paged: true },
  }),
  t.post("/spam-test/delete", {
    name: "smartlead_delete_placement_tests",
    title: "Smart Delivery: delete placement tests",
    description: "Deletes placement tests and their reports by id. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delivery.post_spam_test_delete",
    kind: "delete",
    input: z
      .object({
        spamTestIds: z
          .array(spamTestId)
          .min(1)
          .max(100)
          .refine((ids) => new Set(ids).size === ids.length, "ids must not repeat")
          .describe("Ids of the tests to delete (1–100)"),
      })
      .strict(),
    confirm: {
      action: (args) =>
        `Permanently deletes placement test${(args.spamTestIds as number[]).length === 1 ? "" : "s"} ${(args.spamTestIds as number[]).join(", ")} and their reports; this cannot be undone.`,
    },
  }),
  t.put("/spam-test/{spamTestId}/stop", {
    name: "smartlead_stop_placement_test",
    title: "Smart Delivery: stop a scheduled placement test",
    description: "Stops a running automated (scheduled) placement test before its end date; results so far are kept.",
    catalogId: "sl.delivery.put_spam_test_by_spamtestid_stop",
    kind: "update",
    input: z.object({ spamTestId }).strict(),
  }),
  t.post("/spam-test/report/{spamTestId}/providerwise", {
    name: "smartlead_get_placement_provider_report",
    view: "deliverability",
    title: "Smart Delivery: placement per provider",
    description: "Inbox, spam and bounce rates of one placement test per email provider (Gmail, Outlook, Yahoo, …).",
    catalogId: "sl.delivery.post_spam_test_report_by_spamtestid_providerwise",
    kind: "read",
    input: z.object({ spamTestId }).strict(),
  }),
  t.post("/spam-test/report/{spamTestId}/groupwise", {
    name: "smartlead_get_placement_region_report",
    view: "deliverability",
    title: "Smart Delivery: placement per region",
    description: "Inbox, spam and bounce rates of one placement test per geographic region of the seed inboxes.",
    catalogId: "sl.delivery.post_spam_test_report_by_spamtestid_groupwise",
    kind: "read",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/sender-account-wise", {
    name: "smartlead_get_placement_sender_report",
    view: "deliverability",
    title: "Smart Delivery: placement per sender account",
    description: "Results of one placement test per sender email account, with the seed replies (reply ids for smartlead_get_placement_email_headers).",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_sender_account_wise",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/sender-account-wise/{replyId}/email-headers", {
    name: "smartlead_get_placement_email_headers",
    title: "Smart Delivery: headers of one seed email",
    description: "Raw headers (Received, SPF, DKIM, DMARC results) of one email a seed inbox received in a placement test, for diagnosing authentication.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_sender_account_wise_by_replyid_email_headers",
    input: z.object({ spamTestId, replyId: id("Id of the email received by the seed inbox, from smartlead_get_placement_sender_report") }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/sender-accounts", {
    name: "smartlead_list_placement_test_senders",
    title: "Smart Delivery: sender accounts of a test",
    description: "Lists the sender email accounts selected for one placement test.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_sender_accounts",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/spam-filter-details", {
    name: "smartlead_get_placement_spam_filter_report",
    title: "Smart Delivery: spam filter results",
    description: "Per sender mailbox, which spam filters (e.g. SpamAssassin) flagged the test email, with scores and reasons.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_spam_filter_details",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/dkim-details", {
    name: "smartlead_get_placement_dkim_report",
    title: "Smart Delivery: DKIM results",
    description: "Whether DKIM passed for each sender mailbox and seed inbox in one placement test.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_dkim_details",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/spf-details", {
    name: "smartlead_get_placement_spf_report",
    title: "Smart Delivery: SPF results",
    description: "Whether SPF passed for each sender mailbox and seed inbox in one placement test.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_spf_details",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/rdns-details", {
    name: "smartlead_get_placement_rdns_report",
    title: "Smart Delivery: reverse DNS results",
    description: "Whether reverse DNS (rDNS) of each sending IP was correct in one placement test.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_rdns_details",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/blacklist", {
    name: "smartlead_get_placement_ip_blacklists",
    title: "Smart Delivery: IP blacklist listings",
    description: "Per email sent in one placement test, the sending IP and the blacklists (Spamhaus, Barracuda, …) it is listed on.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_blacklist",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/domain-blacklist", {
    name: "smartlead_get_placement_domain_blacklist",
    title: "Smart Delivery: sending domain blacklist check",
    description: "Whether each sender's domain was blacklisted, per seed inbox, in one placement test.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_domain_blacklist",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/ip-analytics", {
    name: "smartlead_get_placement_ip_details",
    title: "Smart Delivery: sending IP details",
    description: "Details of the sending IPs in one placement test: blacklist status, reputation summary, ISP, location and reverse DNS.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_ip_analytics",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/email-content", {
    name: "smartlead_get_placement_email_content",
    title: "Smart Delivery: email content of a test",
    description: "The subject, text, HTML and raw source of the email sent in one placement test.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_email_content",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/{spamTestId}/schedule-history", {
    name: "smartlead_get_placement_schedule_history",
    title: "Smart Delivery: runs of a scheduled test",
    description: "Every run of one automated placement test with its inbox, tab and spam counts, to follow placement over time.",
    catalogId: "sl.delivery.get_spam_test_report_by_spamtestid_schedule_history",
    input: z.object({ spamTestId }).strict(),
  }),
  t.get("/spam-test/report/mailboxes-count", {
    name: "smartlead_get_placement_mailbox_counts",
    view: "deliverability",
    title: "Smart Delivery: placement totals across tests",
    description: "Totals across all placement tests: emails that landed in inbox, tabs, spam, or failed.",
    catalogId: "sl.delivery.get_spam_test_report_mailboxes_count",
    input: z.object({}).strict(),
  }),
  t.get("/spam-test/report/mailboxes-summary", {
    name: "smartlead_get_placement_mailbox_summary",
    view: "deliverability",
    title: "Smart Delivery: placement per sending mailbox",
    description: "Per sending mailbox used in any placement test: emails sent, inbox/tab/spam counts and placement score across all tests.",
    catalogId: "sl.delivery.get_spam_test_report_mailboxes_summary",
    input: z.object({ limit: limit(MAX_PAGE, 10), offset: offset() }).strict(),
    list: { paged: true },
  }),
  t.get("/spam-test/folder", {
    name: "smartlead_list_placement_folders",
    title: "Smart Delivery: list folders",
    description: "Lists the folders that organise placement tests, optionally filtered by name.",
    catalogId: "sl.delivery.get_spam_test_folder",
    input: z
      .object({
        limit: limit(MAX_PAGE, 10),
        offset: offset(),
        name: text("Only folders whose name matches this", 200).optional(),
      })
      .strict(),
    list: { paged: true },
  }),
  t.post("/spam-test/folder", {
    // Every request example on smart-delivery/create-folder.mdx and the live page send "folderName" (the
    // catalog's decision); only the jean-technologies client sends "name", which is what the answer calls it.
    name: "smartlead_create_placement_folder",
    title: "Smart Delivery: create a folder",
    description: "Creates a folder for organising placement tests and returns it (id, name).",
    catalogId: "sl.delivery.post_spam_test_folder",
    kind: "create",
    input: z.object({ folderName: text("Folder name", 200) }).strict(),
  }),
  t.get("/spam-test/folder/{folderId}", {
    name: "smartlead_get_placement_folder",
    title: "Smart Delivery: folder details",
    description: "Gets one placement-test folder by id.",
    catalogId: "sl.delivery.get_spam_test_folder_by_folderid",
    input: z.object({ folderId }).strict(),
  }),
  t.delete("/spam-test/folder/{folderId}", {
    name: "smartlead_delete_placement_folder",
    title: "Smart Delivery: delete a folder",
    description: "Deletes an empty placement-test folder. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delivery.delete_spam_test_folder_by_folderid",
    kind: "delete",
    input: z.object({ folderId }).strict(),
    confirm: {
      action: (args) => `Permanently deletes Smart Delivery folder ${args.folderId as number}; this cannot be undone.`,
      lookup: { path: "/spam-test/folder/{folderId}", pick: ["id", "name"] },
    },
  }),
];
