/** SmartLead leads in campaigns: list, bulk add, find, update, category, pause, resume, unsubscribe, complete, delete, export, message history and activity. */
import { z } from "zod";
import type { ToolDefinition } from "../../tools/define";
import { datetime, email, id, limit, offset, url } from "../../tools/fields";
import { defaultShape } from "../../tools/shape";
import { toolset } from "../../tools/toolset";
import { campaignId, emailAccountId, leadId } from "../fields";
import { CAMPAIGN_LOOKUP, dateOrDateTime, emailStatus, leadRecord, leadStatusFilter, okResult, pageFields } from "./fields";
import { addLeadsInput, addLeadsToCampaign, leadFields, MAX_LEADS_PER_CALL, MAX_LEADS_PER_REQUEST } from "./import";

const t = toolset("smartlead_leads");

export const CAMPAIGN_LEADS_TOOLS: ToolDefinition[] = [
  t.get("/campaigns/{campaign_id}/leads", {
    name: "smartlead_list_campaign_leads",
    title: "SmartLead: list a campaign's leads",
    description: "Lists a campaign's leads (up to 100 a page) with status, category and contact fields; filter by status, category, engagement or dates.",
    catalogId: "sl.get_campaigns_by_campaign_id_leads",
    input: z
      .object({
        campaign_id: campaignId,
        offset: offset(),
        limit: limit(100, 100),
        status: leadStatusFilter.optional().describe("Only leads with this status"),
        lead_category_id: id("Only leads in this category").optional(),
        emailStatus: emailStatus.optional().describe("Only leads with this engagement"),
        created_at_gt: datetime().describe("Only leads added after (ISO 8601)").optional(),
        last_sent_time_gt: datetime().describe("Only leads last emailed after (ISO 8601)").optional(),
        event_time_gt: datetime().describe("Only leads with activity after (ISO 8601)").optional(),
      })
      .strict(),
    list: { rows: ["data"], paged: true },
    output: z.looseObject({ total_leads: z.union([z.number(), z.string()]).nullable().optional(), ...pageFields }),
  }),
  t.post("/campaigns/{campaign_id}/leads", {
    name: "smartlead_add_leads_to_campaign",
    title: "SmartLead: add leads to a campaign",
    description:
      `Adds up to ${MAX_LEADS_PER_CALL.toLocaleString("en-US")} leads to a campaign in chunks of ≤${MAX_LEADS_PER_REQUEST} (duplicate emails dropped) and reports SmartLead's counts per chunk. ` +
      "If a chunk fails, later chunks are not sent and the result lists the unsent leads to resend.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads",
    kind: "create",
    input: addLeadsInput,
    contacts: { leads: { list: "lead_list", email: "email" } },
    run: addLeadsToCampaign,
    output: z.looseObject({
      complete: z.boolean().optional(),
      failed_chunk: z.number().nullable().optional(),
      chunks: z.array(z.looseObject({})).optional(),
      not_sent: z.looseObject({}).optional(),
    }),
  }),
  t.get("/leads", {
    name: "smartlead_get_lead_by_email",
    title: "SmartLead: find a lead by email",
    description:
      "Looks up a lead by email across all campaigns: contact and custom fields, unsubscribe state, its campaigns. found is false when there is none.",
    catalogId: "sl.get_leads",
    input: z.object({ email: email("Lead's email address") }).strict(),
    shape: (data, args) => {
      const record = defaultShape(data);
      if (Object.keys(record).length === 0) {
        return { data: { found: false }, summary: `No SmartLead lead has the email ${String(args.email)}.` };
      }
      return { data: { found: true, ...record } };
    },
    output: z.looseObject({
      found: z.boolean().optional(),
      id: z.number().optional(),
      email: z.string().nullable().optional(),
      lead_campaign_data: z.array(z.looseObject({})).nullable().optional(),
    }),
  }),
  t.get("/leads/{lead_id}", {
    name: "smartlead_get_lead",
    title: "SmartLead: get a lead by id",
    description: "Gets one lead by its id: contact details, custom fields, category and engagement.",
    catalogId: "sl.get_leads_by_lead_id",
    input: z.object({ lead_id: leadId }).strict(),
    output: leadRecord,
  }),
  t.get("/leads/{lead_id}/campaigns", {
    name: "smartlead_list_lead_campaigns",
    title: "SmartLead: list a lead's campaigns",
    description: "Lists every campaign a lead belongs to (id, name, status).",
    catalogId: "sl.get_leads_by_lead_id_campaigns",
    input: z.object({ lead_id: leadId }).strict(),
  }),
  t.get("/campaigns/{campaign_id}/leads/{lead_id}/message-history", {
    name: "smartlead_get_lead_message_history",
    title: "SmartLead: get a lead's email thread",
    description: "Returns the full email conversation with a lead in a campaign: every sent email and reply with subject, body, time and open/click counts.",
    catalogId: "sl.get_campaigns_by_campaign_id_leads_by_lead_id_message_history",
    input: z
      .object({
        campaign_id: campaignId,
        lead_id: leadId,
        event_time_gt: datetime().describe("Only messages after (ISO 8601)").optional(),
        show_plain_text_response: z.boolean().optional().describe("Also return plain-text bodies"),
      })
      .strict(),
    output: z.looseObject({
      history: z.array(z.looseObject({})).optional(),
      from: z.string().nullable().optional(),
      to: z.string().nullable().optional(),
    }),
  }),
  t.get("/campaigns/all-leads-activities", {
    name: "smartlead_list_leads_activities",
    title: "SmartLead: list lead activity across campaigns",
    description:
      "Lists lead activity across all campaigns (sent emails, opens, clicks, replies, threads), up to 1,000 leads per page; narrow it with a time range.",
    catalogId: "sl.get_campaigns_all_leads_activities",
    input: z
      .object({
        offset: offset(),
        limit: limit(1000, 100),
        event_time_from: dateOrDateTime("Activity from").optional(),
        event_time_to: dateOrDateTime("Activity until; needs event_time_from").optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.event_time_to !== undefined && v.event_time_from === undefined) {
          ctx.addIssue({ code: "custom", path: ["event_time_from"], message: "event_time_to needs event_time_from" });
        }
      }),
    list: { rows: ["data"], paged: true },
    output: z.looseObject({ ...pageFields, hasMore: z.boolean().nullable().optional() }),
  }),
  t.get("/campaigns/{campaign_id}/leads-export", {
    name: "smartlead_export_campaign_leads",
    title: "SmartLead: export a campaign's leads as CSV",
    description:
      "Exports every lead in a campaign as CSV text (contact fields, status, category, opens, clicks, replies). Large campaigns can exceed the response size cap; then page with smartlead_list_campaign_leads.",
    catalogId: "sl.get_campaigns_by_campaign_id_leads_export",
    input: z.object({ campaign_id: campaignId }).strict(),
    textResponse: true,
    shape: (data, args) => {
      if (typeof data !== "string") return { data: defaultShape(data) };
      const rows = data.split(/\r?\n/).filter((l) => l.trim() !== "").length;
      return {
        data: { format: "csv", filename: `sl_campaign_${String(args.campaign_id)}_leads.csv`, row_count: Math.max(0, rows - 1), csv: data },
      };
    },
    output: z.looseObject({ format: z.string().optional(), row_count: z.number().optional(), csv: z.string().optional() }),
  }),
  t.post("/campaigns/{campaign_id}/leads/{lead_id}", {
    name: "smartlead_update_campaign_lead",
    title: "SmartLead: update a lead's details",
    description:
      "Updates a lead's contact fields and custom fields (merged into the existing ones). email is required even when unchanged; the change applies to the lead in every campaign.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads_by_lead_id",
    kind: "update",
    input: z
      .object({
        campaign_id: campaignId,
        lead_id: leadId,
        email: email("Lead's email address (required, even if unchanged)"),
        ...leadFields,
        // One lead, typed by hand or by a model: its company URL is checked before it is saved. (Bulk imports keep the
        // lenient field: one malformed cell of a CSV row must not refuse thousands of leads.)
        company_url: url("Company website URL, e.g. https://acme.com").optional(),
      })
      .strict(),
    // A lead whose address changes to a blocked one would be emailed by its campaigns.
    contacts: { addresses: ["email"] },
    output: okResult,
  }),
  t.post("/campaigns/{campaign_id}/leads/{lead_id}/category", {
    name: "smartlead_set_campaign_lead_category",
    title: "SmartLead: set a lead's category in a campaign",
    description:
      "Sets (or with category_id null, clears) a lead's category in a campaign, e.g. Interested; optionally pauses the lead. Category ids come from smartlead_list_lead_categories.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads_by_lead_id_category",
    kind: "update",
    input: z
      .object({
        campaign_id: campaignId,
        lead_id: leadId,
        category_id: id("Category to assign; null removes the category").nullable().optional(),
        pause_lead: z.boolean().optional().describe("Also pause the lead (default false)"),
      })
      .strict(),
  }),
  t.post("/campaigns/{campaign_id}/leads/{lead_id}/pause", {
    name: "smartlead_pause_campaign_lead",
    title: "SmartLead: pause a lead in a campaign",
    description: "Pauses one lead in a campaign: its scheduled emails stop until it is resumed.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads_by_lead_id_pause",
    kind: "update",
    input: z.object({ campaign_id: campaignId, lead_id: leadId }).strict(),
  }),
  t.post("/campaigns/{campaign_id}/leads/{lead_id}/resume", {
    name: "smartlead_resume_campaign_lead",
    title: "SmartLead: resume a paused lead",
    description:
      "Resumes a paused lead so the campaign emails it again, optionally after a delay in days. Fails on a lead already at its last step. Asks for confirmation first.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads_by_lead_id_resume",
    kind: "send",
    input: z
      .object({
        campaign_id: campaignId,
        lead_id: leadId,
        // The docs give no upper bound; a year keeps typos (e.g. 3000) out.
        resume_lead_with_delay_days: z
          .number()
          .int()
          .min(0)
          .max(365)
          .nullable()
          .optional()
          .describe("Days after the last sent email before the next one (0–365; default: the sequence's delay)"),
      })
      .strict(),
    confirm: {
      action: (a) =>
        `Lead ${String(a.lead_id)} in campaign ${String(a.campaign_id)} will be resumed and emailed again` +
        (typeof a.resume_lead_with_delay_days === "number" ? ` after ${a.resume_lead_with_delay_days} day(s)` : " on the sequence's schedule") +
        "; emails once sent cannot be recalled.",
      lookup: CAMPAIGN_LOOKUP,
    },
  }),
  t.post("/campaigns/{campaign_id}/leads/{lead_id}/unsubscribe", {
    name: "smartlead_unsubscribe_campaign_lead",
    title: "SmartLead: unsubscribe a lead from a campaign",
    description: "Unsubscribes a lead from one campaign so it gets no further emails from it. Cannot be undone through the API; asks for confirmation first.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads_by_lead_id_unsubscribe",
    kind: "delete",
    input: z.object({ campaign_id: campaignId, lead_id: leadId }).strict(),
    confirm: {
      action: (a) =>
        `Lead ${String(a.lead_id)} will be unsubscribed from campaign ${String(a.campaign_id)} and receive no more emails from it; this cannot be undone through the API.`,
      lookup: CAMPAIGN_LOOKUP,
    },
  }),
  t.post("/leads/{lead_id}/unsubscribe", {
    name: "smartlead_unsubscribe_lead_globally",
    title: "SmartLead: unsubscribe a lead from everything",
    description: "Unsubscribes a lead from all current and future campaigns of the account. Cannot be undone through the API; asks for confirmation first.",
    catalogId: "sl.post_leads_by_lead_id_unsubscribe",
    kind: "delete",
    input: z.object({ lead_id: leadId }).strict(),
    confirm: {
      action: (a) =>
        `Lead ${String(a.lead_id)} will be unsubscribed globally: no campaign, current or future, will email it again; this cannot be undone through the API.`,
      lookup: { path: "/leads/{lead_id}", pick: ["id", "email", "first_name", "last_name", "company_name", "is_unsubscribed"] },
    },
    shape: (data) => {
      const record = defaultShape(data);
      if (record.ok === false) {
        return { data: record, summary: "SmartLead made no change (ok: false); the lead may already be unsubscribed." };
      }
      return { data: record };
    },
    output: okResult,
  }),
  t.post("/campaigns/{campaign_id}/leads/{lead_map_id}/manual-complete", {
    name: "smartlead_complete_campaign_lead",
    title: "SmartLead: mark a lead as completed",
    description:
      "Marks a lead's sequence in a campaign as completed so it gets no more emails, without unsubscribing it. Takes the campaign_lead_map_id, not the lead id.",
    catalogId: "sl.post_campaigns_by_campaign_id_leads_by_lead_map_id_manual_complete",
    kind: "update",
    input: z.object({ campaign_id: campaignId, lead_map_id: id("The lead's campaign_lead_map_id (from smartlead_list_campaign_leads)") }).strict(),
  }),
  t.delete("/campaigns/{campaign_id}/leads/{lead_id}", {
    name: "smartlead_delete_campaign_lead",
    title: "SmartLead: remove a lead from a campaign",
    description:
      "Removes a lead from a campaign; a lead in no other campaign is deleted from the account for good. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delete_campaigns_by_campaign_id_leads_by_lead_id",
    kind: "delete",
    input: z.object({ campaign_id: campaignId, lead_id: leadId }).strict(),
    confirm: {
      action: (a) =>
        `Lead ${String(a.lead_id)} will be removed from campaign ${String(a.campaign_id)} with its history there; if it is in no other campaign it is deleted from the account. This cannot be undone.`,
      lookup: CAMPAIGN_LOOKUP,
    },
    output: okResult,
  }),
  t.post("/campaigns/update-lead-email-account", {
    name: "smartlead_update_lead_email_account",
    title: "SmartLead: change the sending account for a lead",
    description: "Sets which email account sends a campaign's emails to one lead.",
    catalogId: "sl.post_campaigns_update_lead_email_account",
    kind: "update",
    input: z
      .object({
        email_account_id: emailAccountId.describe("Email account to send from (positive integer)"),
        email_campaign_id: campaignId,
        email_lead_id: leadId,
        override_lead_email_account: z.boolean().optional().describe("Replace an account already pinned to this lead"),
      })
      .strict(),
  }),
];
