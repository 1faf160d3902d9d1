/** SmartLead master inbox actions on a thread: reply, forward, push to a subsequence, resume, categorise, assign, mark read, notes, tasks, reminders, and blocking domains. */
import { z } from "zod";
import type { ToolDefinition } from "../../tools/define";
import { date, datetime, domain, email, id, text } from "../../tools/fields";
import { toolset } from "../../tools/toolset";
import { campaignId } from "../fields";
import { ACK, emailList, isoTime, joinList, leadMapId, messageId, statsId } from "./fields";

const t = toolset("smartlead_inbox");

export const INBOX_ACTION_TOOLS: ToolDefinition[] = [
  t.post("/campaigns/{campaign_id}/reply-email-thread", {
    name: "smartlead_reply_to_lead",
    title: "SmartLead: reply to a lead",
    description:
      "Emails a reply to a lead in its campaign thread, now or at scheduled_time; email_stats_id comes from the lead's message history. " +
      "Cannot be recalled; the first call returns a preview and a confirmation token.",
    catalogId: "sl.post_campaigns_by_campaign_id_reply_email_thread",
    kind: "send",
    input: z
      .object({
        campaign_id: campaignId,
        email_stats_id: statsId("stats_id of the message answered"),
        // The docs page marks email_body required; the catalog lists it as optional only through a nesting artefact.
        email_body: z.string().trim().min(1).max(20_000).describe("Reply body, HTML or text"),
        reply_message_id: messageId("Message-ID of the email answered").optional(),
        reply_email_time: isoTime.optional().describe("Time of the email answered"),
        reply_email_body: z.string().max(20_000).optional().describe("Body of the email answered, quoted"),
        to_email: email("Recipient if not the lead").optional(),
        to_first_name: text("Recipient first name", 100).optional(),
        to_last_name: text("Recipient last name", 100).optional(),
        cc: emailList("CC").optional(),
        bcc: emailList("BCC").optional(),
        add_signature: z.boolean().optional().describe("Append the mailbox signature"),
        scheduled_time: isoTime.optional().describe("Send later at this time"),
        attachments: z
          .array(
            z
              .object({
                file_url: z.url({ protocol: /^https?$/ }).max(2048),
                file_name: z.string().trim().min(1).max(255).optional(),
                file_type: z.string().trim().min(1).max(100).optional(),
                file_size: z.number().int().min(0).max(100_000_000).optional(),
              })
              .strict(),
          )
          .max(10)
          .optional()
          .describe("Files by public URL; file_type = MIME type, file_size in bytes"),
      })
      .strict(),
    // SmartLead takes cc/bcc as one comma-separated string.
    body: (rest) => ({ ...rest, ...(rest.cc ? { cc: joinList(rest.cc) } : {}), ...(rest.bcc ? { bcc: joinList(rest.bcc) } : {}) }),
    // Without to_email the reply goes to the thread's lead, whose address this server cannot see.
    contacts: { addresses: ["to_email", "cc", "bcc"], requireAddress: "to_email" },
    confirm: {
      action: (a) => {
        const to = a.to_email ? ` to ${String(a.to_email)}` : " to the lead";
        const copies = [a.cc ? `cc ${(a.cc as string[]).join(", ")}` : "", a.bcc ? `bcc ${(a.bcc as string[]).join(", ")}` : ""].filter(Boolean).join("; ");
        const when = a.scheduled_time ? `at ${String(a.scheduled_time)}` : "now";
        return `Send a reply email${to}${copies ? ` (${copies})` : ""} on thread ${String(a.email_stats_id)} of campaign ${a.campaign_id}, ${when}. Sent email cannot be recalled.`;
      },
      lookup: { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
  }),
  t.post("/campaigns/{campaign_id}/forward-email", {
    name: "smartlead_forward_email",
    title: "SmartLead: forward a campaign email",
    description:
      "Forwards a campaign email thread to other people, optionally with your own note and subject. Sends real email; two-step: the first call returns a preview and a token.",
    catalogId: "sl.post_campaigns_by_campaign_id_forward_email",
    kind: "send",
    // Body per inbox/forward.mdx; the route's other page (campaigns/forward-email.mdx) is still a placeholder.
    input: z
      .object({
        campaign_id: campaignId,
        message_id: messageId("Message-ID of the email to forward"),
        stats_id: statsId("stats_id of the email to forward (from the lead's message history)"),
        to_emails: emailList("Recipients"),
        forward_email_body: z.string().trim().min(1).max(20_000).optional().describe("Note placed above the forwarded thread (HTML or text)"),
        forward_email_subject: text("Subject line instead of the original one", 500).optional(),
      })
      .strict(),
    body: (rest) => ({ ...rest, to_emails: joinList(rest.to_emails) }),
    contacts: { addresses: ["to_emails"] },
    confirm: {
      action: (a) =>
        `Forward email ${String(a.message_id)} of campaign ${a.campaign_id} to ${(a.to_emails as string[]).join(", ")}. Sent email cannot be recalled.`,
      lookup: { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
    output: ACK,
  }),
  t.post("/master-inbox/push-to-subsequence", {
    name: "smartlead_inbox_push_to_subsequence",
    title: "SmartLead: push a lead to a subsequence",
    description:
      "Moves a lead from its campaign into a subsequence (child campaign), which then starts emailing them after the optional delay. Two-step: the first call returns a preview and a token.",
    catalogId: "sl.post_master_inbox_push_to_subsequence",
    kind: "send",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        sub_sequence_id: id("Subsequence (child campaign) id"),
        sub_sequence_delay_time: z.number().int().min(0).max(31_536_000).optional().describe("Delay in seconds before the subsequence starts (default 0)"),
        stop_lead_on_parent_campaign_reply: z.boolean().optional().describe("Stop the subsequence if the lead replies to the parent campaign"),
      })
      .strict(),
    confirm: {
      action: (a) =>
        `Push lead ${a.email_lead_map_id} into subsequence ${a.sub_sequence_id}, which will start emailing them` +
        `${a.sub_sequence_delay_time ? ` after ${a.sub_sequence_delay_time} seconds` : " right away"}.`,
      lookup: { path: "/campaigns/{sub_sequence_id}", pick: ["id", "name", "status"] },
    },
    output: ACK,
  }),
  t.patch("/master-inbox/resume-lead", {
    name: "smartlead_inbox_resume_lead",
    title: "SmartLead: resume a paused lead",
    description:
      "Resumes a paused lead's sequence in a campaign, now or after a delay in days, so it gets the remaining emails. Two-step: the first call returns a preview and a token.",
    catalogId: "sl.patch_master_inbox_resume_lead",
    kind: "send",
    input: z
      .object({
        campaign_id: campaignId,
        email_lead_map_id: leadMapId,
        resume_delay_days: z.number().int().min(0).max(365).optional().describe("Days to wait before resuming (0–365, default 0)"),
      })
      .strict(),
    confirm: {
      action: (a) =>
        `Resume lead ${a.email_lead_map_id} in campaign ${a.campaign_id}` +
        `${a.resume_delay_days ? ` after ${a.resume_delay_days} day(s)` : " now"}; its remaining sequence emails will be sent.`,
      lookup: { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
    output: ACK,
  }),
  t.patch("/master-inbox/update-category", {
    name: "smartlead_inbox_update_lead_category",
    title: "SmartLead: set a lead's category",
    description:
      "Sets the category of a lead's thread (1 Interested, 2 Meeting Request, 3 Not Interested, 4 Do Not Contact, 5 Information Request, or a custom id); null clears it.",
    catalogId: "sl.patch_master_inbox_update_category",
    kind: "update",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        category_id: id("Category id").nullable().describe("Category id, or null to remove the category"),
      })
      .strict(),
    output: ACK,
  }),
  t.patch("/master-inbox/update-revenue", {
    name: "smartlead_inbox_update_lead_revenue",
    title: "SmartLead: set a lead's revenue",
    description: "Records the deal value of a lead (account currency) for ROI reporting.",
    catalogId: "sl.patch_master_inbox_update_revenue",
    kind: "update",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        revenue: z.number().min(0).max(1_000_000_000_000).describe("Revenue amount (≥ 0)"),
      })
      .strict(),
    output: ACK,
  }),
  t.post("/master-inbox/update-team-member", {
    name: "smartlead_inbox_assign_team_member",
    title: "SmartLead: assign a lead to a team member",
    description: "Assigns (or reassigns) a lead's thread to a team member.",
    catalogId: "sl.post_master_inbox_update_team_member",
    kind: "update",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        team_member_id: id("Team member id"),
      })
      .strict(),
    output: ACK,
  }),
  t.patch("/master-inbox/change-read-status", {
    name: "smartlead_inbox_set_read_status",
    title: "SmartLead: mark a thread read or unread",
    description: "Marks a lead's inbox thread as read (true) or unread (false).",
    catalogId: "sl.patch_master_inbox_change_read_status",
    kind: "update",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        read_status: z.boolean().describe("true = read, false = unread"),
      })
      .strict(),
    output: ACK,
  }),
  t.post("/master-inbox/create-note", {
    name: "smartlead_inbox_create_lead_note",
    title: "SmartLead: add a note to a lead",
    description: "Adds an internal note to a lead's inbox thread (not sent to the lead).",
    catalogId: "sl.post_master_inbox_create_note",
    kind: "create",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        note_message: text("Note text", 5000),
      })
      .strict(),
    output: ACK,
  }),
  t.post("/master-inbox/create-task", {
    name: "smartlead_inbox_create_lead_task",
    title: "SmartLead: create a task for a lead",
    description: "Creates a follow-up task on a lead's inbox thread, with optional priority and due date.",
    catalogId: "sl.post_master_inbox_create_task",
    kind: "create",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        name: text("Task title", 200),
        description: text("Task details", 5000).optional(),
        priority: z.enum(["LOW", "MEDIUM", "HIGH"]).optional().describe("Priority (default MEDIUM)"),
        due_date: z.union([datetime(), date()]).optional().describe("Due date, ISO 8601 date or date-time"),
      })
      .strict(),
    output: ACK,
  }),
  t.post("/master-inbox/set-reminder", {
    name: "smartlead_inbox_set_lead_reminder",
    title: "SmartLead: set a reminder on a lead",
    description: "Sets a reminder on one message of a lead's thread; it shows in the reminders list at the given time.",
    catalogId: "sl.post_master_inbox_set_reminder",
    kind: "create",
    input: z
      .object({
        email_lead_map_id: leadMapId,
        email_stats_id: statsId("stats_id of the message the reminder is about"),
        message: text("Reminder note", 1000),
        reminder_time: datetime("When to remind"),
      })
      .strict(),
    output: ACK,
  }),
  t.post("/master-inbox/block-domains", {
    name: "smartlead_inbox_block_domains",
    title: "SmartLead: block email domains",
    description: "Adds domains to the account-wide block list so no campaign emails them again (up to 100 per call).",
    catalogId: "sl.post_master_inbox_block_domains",
    kind: "update",
    input: z
      .object({
        domains: z.array(domain("Domain to block, e.g. example.com")).min(1).max(100).describe("Domains to block (1–100)"),
        source: z.enum(["manual", "bounce", "complaint", "invalid"]).optional().describe("Why they are blocked (default manual)"),
      })
      .strict(),
    output: ACK,
  }),
];
