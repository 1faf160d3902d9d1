/** SmartLead campaigns: list, create, delete, duplicate, status, test email, sequences, schedule and settings. */
import { z } from "zod";
import type { Args, ToolDefinition } from "../tools/define";
import { atLeastOne, datetime, email, hhmm, id, text, timezone, weekday } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { campaignId, campaignStatusChange, clientId, emailAccountId, leadId } from "./fields";
import { PREFLIGHT_READS, runPreflight } from "./preflight";

const t = toolset("smartlead_campaigns");

const CAMPAIGN_LOOKUP = { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] } as const;

const includeTags = z.boolean().optional().describe("Also return the campaign's tags");

const campaignSummary = z.looseObject({
  id: z.number().optional(),
  name: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  client_id: z.number().nullable().optional(),
  created_at: z.string().nullable().optional(),
  parent_campaign_id: z.number().nullable().optional(),
});

/**
 * Tracking switches. The current docs (and the catalog) list the DONT_TRACK_* form for
 * this POST, while GET /campaigns returns the short DONT_EMAIL_OPEN form and older docs
 * and clients send that one. Both are accepted and the short form is translated to the
 * long one, so a value copied from smartlead_get_campaign works.
 */
const TRACK_LONG = ["DONT_TRACK_EMAIL_OPEN", "DONT_TRACK_LINK_CLICK", "DONT_TRACK_REPLY_TO_AN_EMAIL"] as const;
const TRACK_SHORT_TO_LONG: Record<string, (typeof TRACK_LONG)[number]> = {
  DONT_EMAIL_OPEN: "DONT_TRACK_EMAIL_OPEN",
  DONT_LINK_CLICK: "DONT_TRACK_LINK_CLICK",
  DONT_REPLY_TO_AN_EMAIL: "DONT_TRACK_REPLY_TO_AN_EMAIL",
};
const trackSetting = z
  .enum([...TRACK_LONG, "DONT_EMAIL_OPEN", "DONT_LINK_CLICK", "DONT_REPLY_TO_AN_EMAIL"])
  .transform((v) => TRACK_SHORT_TO_LONG[v] ?? (v as (typeof TRACK_LONG)[number]));

/**
 * When to stop emailing a lead. The docs give no closed list: the field's own text lists
 * CLICK_ON_A_LINK and OPEN_AN_EMAIL, while the same page, the campaign reads and the core
 * docs use REPLY_TO_AN_EMAIL, OPENED_EMAIL, CLICKED_LINK and NEVER. Any upper-case setting
 * name is passed on, so a value SmartLead itself reports (e.g. from smartlead_get_campaign)
 * always goes back as it came; the description names the documented ones.
 */
const STOP_LEAD_DOCUMENTED = ["REPLY_TO_AN_EMAIL", "OPENED_EMAIL", "CLICKED_LINK", "NEVER", "CLICK_ON_A_LINK", "OPEN_AN_EMAIL"] as const;
const stopLeadSetting = z
  .string()
  .regex(/^[A-Z][A-Z_]{1,63}$/, "expected a setting name in upper case, e.g. REPLY_TO_AN_EMAIL")
  .describe(`When to stop emailing a lead; documented: ${STOP_LEAD_DOCUMENTED.join(", ")}`);

/** Most steps a sequence save may carry; SmartLead documents no limit, and real campaigns rarely exceed 10 steps. */
export const MAX_SEQUENCE_STEPS = 20;
const MAX_BODY = 50_000;

/**
 * One email step, as update-sequences.mdx documents it. A/B variants are left out on purpose:
 * the docs name them four different ways (seq_variants, variants, sequence_variants, and a
 * response-only shape) and none is in the request schema, so the catalog says not to send
 * them until a live check settles the names.
 */
const sequenceStep = z
  .object({
    id: id("Existing step id, to update it; leave out for a new step").optional(),
    seq_number: z.number().int().min(1).max(MAX_SEQUENCE_STEPS).describe("Position of the step (1 = first email)"),
    subject: z.string().max(500).optional().describe("Subject line; leave empty on follow-ups to reply in the same thread"),
    email_body: z.string().min(1).max(MAX_BODY).describe("Body, HTML or text (may use {{variables}})"),
    delay_in_days: z.number().int().min(0).max(365).describe("Days to wait after the previous step (0–365; 0 for the first)"),
  })
  .strict();

/** The API wants the delay nested as seq_delay_details and `id: null` for new steps. */
function sequencesBody(rest: Args): unknown {
  const steps = rest.sequences as z.infer<typeof sequenceStep>[];
  return {
    sequences: steps.map(({ id: stepId, delay_in_days, ...step }) => ({ id: stepId ?? null, ...step, seq_delay_details: { delay_in_days } })),
  };
}

const statusAction: Record<string, string> = {
  START: "start sending: it begins emailing its leads on its schedule",
  PAUSED: "be paused: sending stops until it is started again",
  STOPPED: "be STOPPED permanently: sending ends and this cannot be undone",
};

const settingsFields = [
  "name",
  "track_settings",
  "stop_lead_settings",
  "unsubscribe_text",
  "send_as_plain_text",
  "force_plain_text",
  "follow_up_percentage",
  "client_id",
  "enable_ai_esp_matching",
  "auto_pause_domain_leads_on_reply",
  "ignore_ss_mailbox_sending_limit",
  "bounce_autopause_threshold",
  "domain_level_rate_limit",
  "out_of_office_detection_settings",
  "add_unsubscribe_tag",
  "ai_categorisation_options",
] as const;

export const CAMPAIGNS_TOOLS: ToolDefinition[] = [
  t.get("/campaigns", {
    name: "smartlead_list_campaigns",
    title: "SmartLead: list campaigns",
    description: "Lists every campaign in the account (id, name, status, schedule, limits), newest first, or one client's.",
    catalogId: "sl.get_campaigns",
    input: z
      .object({
        client_id: clientId.optional().describe("Only campaigns of this client (white-label sub-account)"),
        include_tags: includeTags,
      })
      .strict(),
    output: z.looseObject({ items: z.array(campaignSummary).optional(), count: z.number().optional() }),
  }),
  t.get("/campaigns/{campaign_id}", {
    name: "smartlead_get_campaign",
    title: "SmartLead: get a campaign",
    description: "Gets one campaign's configuration: status, schedule, tracking, stop rules and sending limits.",
    catalogId: "sl.get_campaigns_by_campaign_id",
    input: z.object({ campaign_id: campaignId, include_tags: includeTags }).strict(),
    output: campaignSummary,
  }),
  t.post("/campaigns/create", {
    name: "smartlead_create_campaign",
    title: "SmartLead: create a campaign",
    description:
      "Creates an empty campaign in DRAFTED status and returns its id. Then add sequences, email accounts, leads, schedule and settings before starting it.",
    catalogId: "sl.post_campaigns_create",
    kind: "create",
    input: z
      .object({
        name: text('Campaign name (default "Untitled Campaign")', 255).optional(),
        client_id: clientId.optional().describe("Attach the campaign to this client (white-label sub-account)"),
      })
      .strict(),
    output: z.looseObject({ id: z.number().optional(), name: z.string().nullable().optional() }),
  }),
  t.delete("/campaigns/{campaign_id}", {
    name: "smartlead_delete_campaign",
    title: "SmartLead: delete a campaign",
    description: "Permanently deletes a campaign with its sequences, lead mappings, statistics and webhooks. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delete_campaigns_by_campaign_id",
    kind: "delete",
    input: z.object({ campaign_id: campaignId }).strict(),
    confirm: {
      action: (a) =>
        `Campaign ${String(a.campaign_id)} will be deleted permanently, with its sequences, lead mappings, statistics and webhooks; this cannot be undone.`,
      lookup: CAMPAIGN_LOOKUP,
    },
  }),
  t.post("/campaigns/{campaign_id}/duplicate", {
    name: "smartlead_duplicate_campaign",
    title: "SmartLead: duplicate a campaign",
    description:
      "Copies a campaign (settings, sequences with their variants, schedule, email accounts) into a new DRAFTED campaign and returns newCampaignId. Leads, analytics and webhooks are not copied.",
    catalogId: "sl.post_campaigns_by_campaign_id_duplicate",
    kind: "create",
    input: z
      .object({
        campaign_id: campaignId,
        duplicate_sub_sequence: z.boolean().optional().describe("Also copy its subsequences (default false)"),
        duplicate_client_label: z.boolean().optional().describe("Keep the same client on the copy (default false)"),
      })
      .strict(),
  }),
  t.post("/campaigns/{campaign_id}/send-test-email", {
    name: "smartlead_send_test_email",
    title: "SmartLead: send a test email",
    description:
      "Sends one real test email of a sequence step, personalised with a lead's data, to that lead or to customEmailAddress. Asks for confirmation first.",
    catalogId: "sl.post_campaigns_by_campaign_id_send_test_email",
    kind: "send",
    input: z
      .object({
        campaign_id: campaignId,
        leadId: leadId.describe("Lead whose data fills the {{variables}} (positive integer)"),
        sequenceNumber: z.number().int().min(1).max(MAX_SEQUENCE_STEPS).describe("Sequence step to send (1 = first email)"),
        selectedEmailAccountId: emailAccountId.optional().describe("Email account to send from (default: the campaign's choice)"),
        customEmailAddress: email("Send the test here instead of to the lead's own address").optional(),
      })
      .strict(),
    confirm: {
      action: (a) =>
        `A real test email of step ${String(a.sequenceNumber)} of campaign ${String(a.campaign_id)} will be sent to ${
          a.customEmailAddress ? String(a.customEmailAddress) : `lead ${String(a.leadId)}'s own address`
        }; a sent email cannot be recalled.`,
      lookup: CAMPAIGN_LOOKUP,
    },
  }),
  t.post("/campaigns/{campaign_id}/status", {
    name: "smartlead_update_campaign_status",
    title: "SmartLead: start, pause or stop a campaign",
    description:
      "Sets a campaign's status: START sends email, PAUSED halts it (resumable), STOPPED ends it for good. Two-step; " +
      "START's preview runs the launch preflight; a blocking check refuses the start unless override_preflight is true.",
    catalogId: "sl.post_campaigns_by_campaign_id_status",
    alsoReads: PREFLIGHT_READS,
    kind: "send",
    annotations: { idempotentHint: true },
    input: z
      .object({
        campaign_id: campaignId,
        status: campaignStatusChange.describe("START (send), PAUSED (halt, resumable) or STOPPED (permanent)"),
        override_preflight: z.boolean().optional().describe("START despite a blocking preflight check (the preview names them); default false"),
      })
      .strict(),
    // override_preflight is this server's own switch: SmartLead gets the status only.
    body: (rest) => ({ status: rest.status }),
    confirm: {
      action: (a) => `Campaign ${String(a.campaign_id)} will ${statusAction[String(a.status)] ?? "change status"}.`,
      lookup: CAMPAIGN_LOOKUP,
      plan: async (a, ctx) => {
        if (a.status !== "START") return undefined;
        const preflight = await runPreflight(a.campaign_id as number, ctx);
        const blocking = preflight.checks.filter((c) => c.result === "block");
        const refusal =
          blocking.length && a.override_preflight !== true
            ? `The launch preflight blocks this start: ${blocking.map((c) => `${c.check}: ${c.why}`).join(" ")} Fix it, or pass override_preflight: true to start anyway.`
            : undefined;
        return {
          details: { preflight },
          fingerprint: preflight.checks.map((c) => `${c.check}=${c.result}`).join(","),
          refusal,
        };
      },
    },
  }),
  t.post("/campaigns/create-subsequence", {
    name: "smartlead_create_subsequence",
    title: "SmartLead: create a subsequence",
    description: "Creates a child campaign (subsequence) under a parent campaign; leads move into it when the given events happen. Returns the subsequence id.",
    catalogId: "sl.post_campaigns_create_subsequence",
    kind: "create",
    input: z
      .object({
        parent_campaign_id: campaignId.describe("Parent campaign id (positive integer)"),
        subsequence_name: text("Name of the subsequence", 255).optional(),
        // SmartLead does not document the element shape; its example sends [].
        condition_events: z
          .array(z.union([text("Event name", 100), z.record(z.string().max(100), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))]))
          .max(20)
          .optional()
          .describe("Events that move a lead into the subsequence (up to 20; [] for none)"),
      })
      .strict(),
  }),
  t.get("/campaigns/{campaign_id}/sequences", {
    name: "smartlead_get_campaign_sequences",
    title: "SmartLead: get campaign sequences",
    description: "Gets a campaign's email steps in order: subject, body, delay, and any A/B variants (sequence_variants) with their ids.",
    catalogId: "sl.get_campaigns_by_campaign_id_sequences",
    input: z.object({ campaign_id: campaignId }).strict(),
  }),
  t.post("/campaigns/{campaign_id}/sequences", {
    name: "smartlead_save_campaign_sequences",
    title: "SmartLead: save campaign sequences",
    description:
      `Creates or updates a campaign's email steps (give a step's id to update it). Send the full set, up to ${MAX_SEQUENCE_STEPS} steps; ` +
      "pause an ACTIVE campaign first. A/B variants are not sent: the docs do not settle their field names. Read the current steps with smartlead_get_campaign_sequences.",
    catalogId: "sl.post_campaigns_by_campaign_id_sequences",
    kind: "update",
    input: z
      .object({
        campaign_id: campaignId,
        sequences: z
          .array(sequenceStep)
          .min(1)
          .max(MAX_SEQUENCE_STEPS)
          .superRefine((steps, ctx) => {
            const seen = new Set<number>();
            steps.forEach((s, i) => {
              if (seen.has(s.seq_number)) ctx.addIssue({ code: "custom", path: [i, "seq_number"], message: "seq_number must be unique" });
              seen.add(s.seq_number);
            });
          })
          .describe(`Email steps (1–${MAX_SEQUENCE_STEPS}), each with a unique seq_number`),
      })
      .strict(),
    body: sequencesBody,
  }),
  t.post("/campaigns/{campaign_id}/schedule", {
    name: "smartlead_update_campaign_schedule",
    title: "SmartLead: update campaign schedule",
    description:
      "Sets when a campaign sends. Required: time zone, weekdays, daily start and end hour, minutes between emails and new leads per day; optional: a start time.",
    catalogId: "sl.post_campaigns_by_campaign_id_schedule",
    kind: "update",
    // Sources disagree on the body: the reference page nests {timezone, days, start_hour, end_hour,
    // min_time_btw_emails} under "schedule"; SmartLead's own guides and three working public clients
    // send the fields flat with days_of_the_week, max_new_leads_per_day and schedule_start_time.
    // The flat shape is sent (the catalog's decision): it is the one in proven use, and the only one
    // that carries the daily new-lead cap and the start time. All six scheduling fields are required:
    // a maintained CLI reports that the backend rejects a schedule without any of them.
    input: z
      .object({
        campaign_id: campaignId,
        timezone: timezone("IANA time zone of the sending window, e.g. America/New_York"),
        days_of_the_week: z
          .array(weekday)
          .min(1)
          .max(7)
          .refine((d) => new Set(d).size === d.length, "days must not repeat")
          .describe("Sending days, 0 = Sunday … 6 = Saturday, e.g. [1,2,3,4,5]"),
        start_hour: hhmm("Daily start of sending"),
        end_hour: hhmm("Daily end of sending"),
        min_time_btw_emails: z.number().int().min(1).max(1440).describe("Minutes between two emails from one account (1–1440)"),
        max_new_leads_per_day: z.number().int().min(1).max(10_000).describe("New leads contacted per day (1–10000)"),
        schedule_start_time: datetime("Do not send before this moment").optional(),
      })
      .strict(),
  }),
  t.post("/campaigns/{campaign_id}/settings", {
    name: "smartlead_update_campaign_settings",
    title: "SmartLead: update campaign settings",
    description:
      "Changes a campaign's settings: name, open/click/reply tracking, when to stop emailing a lead, plain text, unsubscribe text, follow-up share, AI ESP matching, out-of-office handling. Only the given fields change.",
    catalogId: "sl.post_campaigns_by_campaign_id_settings",
    kind: "update",
    input: atLeastOne(
      z
        .object({
          campaign_id: campaignId,
          name: text("New campaign name", 255).optional(),
          track_settings: z
            .array(trackSetting)
            .max(3)
            .refine((t) => new Set(t).size === t.length, "values must not repeat")
            .optional()
            .describe("Tracking to switch OFF (DONT_TRACK_EMAIL_OPEN, DONT_TRACK_LINK_CLICK, DONT_TRACK_REPLY_TO_AN_EMAIL); [] tracks everything"),
          stop_lead_settings: stopLeadSetting.optional(),
          unsubscribe_text: z.string().max(1000).optional().describe('Unsubscribe text appended to emails ("" for none)'),
          send_as_plain_text: z.boolean().optional().describe("Send as plain text instead of HTML"),
          force_plain_text: z.boolean().optional().describe("Convert every email to plain text"),
          follow_up_percentage: z.number().int().min(0).max(100).optional().describe("Share of leads that get follow-ups (0–100)"),
          client_id: clientId.nullable().optional().describe("Client to attach the campaign to; null to detach"),
          enable_ai_esp_matching: z.boolean().optional().describe("Let AI match leads to the best sending accounts"),
          auto_pause_domain_leads_on_reply: z.boolean().optional().describe("Pause other leads of the same domain after a reply"),
          ignore_ss_mailbox_sending_limit: z.boolean().optional().describe("Ignore Smart Senders mailbox sending limits"),
          bounce_autopause_threshold: z.string().trim().min(1).max(20).optional().describe("Bounce count or rate at which the campaign auto-pauses"),
          domain_level_rate_limit: z.boolean().optional().describe("Rate-limit sending per recipient domain"),
          out_of_office_detection_settings: z
            .object({
              ignoreOOOasReply: z.boolean().optional().describe("Do not count out-of-office answers as replies"),
              autoReactivateOOO: z.boolean().optional().describe("Reactivate leads when their out-of-office period ends"),
              reactivateOOOwithDelay: z.number().int().min(0).max(365).optional().describe("Days to wait before reactivating (0–365)"),
              autoCategorizeOOO: z.boolean().optional().describe("Categorise out-of-office replies with AI"),
            })
            .strict()
            .optional()
            .describe("Out-of-office handling"),
          add_unsubscribe_tag: z.boolean().optional().describe("Add an unsubscribe tag to outgoing emails"),
          ai_categorisation_options: z.array(text("Category option", 100)).max(50).optional().describe("AI reply-categorisation options (up to 50)"),
        })
        .strict(),
      settingsFields,
    ),
  }),
  t.post("/campaigns/{campaign_id}/team-member", {
    name: "smartlead_assign_campaign_team_member",
    title: "SmartLead: assign a campaign's team member",
    description: "Sets the team member responsible for a campaign, or unassigns it with teamMemberId null.",
    catalogId: "sl.post_campaigns_by_campaign_id_team_member",
    kind: "update",
    input: z
      .object({
        campaign_id: campaignId,
        teamMemberId: id("Team member to assign").nullable().optional().describe("Team member id to assign; null to unassign"),
      })
      .strict(),
  }),
];
