/** SmartLead webhooks: campaign webhooks, account/client/campaign-level webhooks, delivery summary and retries. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { atLeastOne, datetime, id, text } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { campaignId, clientId, webhookId } from "./fields";

const t = toolset("smartlead_webhooks");

/**
 * Event names, per docs page: SmartLead's pages name the same events differently, and the
 * docs do not say which spelling each route accepts, so each tool takes the names its own
 * page documents (the catalog records them per entry).
 *
 * webhooks/create.mdx (event_type_map keys): the backend constants every payload's
 * event_type carries. EMAIL_ACCOUNT_DISCONNECTED and LINKEDIN_DISCONNECTED are not among
 * them: webhooks/events.mdx says they use a separate per-user webhook setting.
 */
export const CREATE_EVENTS = [
  "EMAIL_SENT",
  "FIRST_EMAIL_SENT",
  "EMAIL_OPEN",
  "EMAIL_LINK_CLICK",
  "EMAIL_REPLY",
  "EMAIL_BOUNCE",
  "LEAD_UNSUBSCRIBED",
  "LEAD_CATEGORY_UPDATED",
  "CAMPAIGN_STATUS_CHANGED",
  "UNTRACKED_REPLIES",
  "MANUAL_STEP_REACHED",
] as const;
/** campaigns/save-webhooks.mdx (and get-webhooks.mdx): its "common events". */
export const CAMPAIGN_EVENTS = ["LEAD_REPLIED", "LEAD_OPENED", "LEAD_CLICKED", "LEAD_BOUNCED", "LEAD_UNSUBSCRIBED"] as const;
/** webhooks/update.mdx: the spellings the create page replaced, which this page keeps. */
export const UPDATE_EVENTS = ["EMAIL_SENT", "EMAIL_OPENED", "EMAIL_REPLIED", "EMAIL_CLICKED", "LEAD_UNSUBSCRIBED", "EMAIL_BOUNCED"] as const;

const eventList = (events: readonly [string, ...string[]]) =>
  z
    .array(z.enum(events))
    .min(1)
    .max(events.length)
    .refine((e) => new Set(e).size === e.length, "events must not repeat");

/** The receiver gets lead data (names, emails, replies), so only https endpoints are accepted. */
const webhookUrl = (what = "HTTPS URL that receives the events (lead data is sent to it)") =>
  z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(2048)
    .describe(what);

const webhookName = (what = "Name to recognise the webhook by") => text(what, 100);

/** SmartLead category ids are numeric; the API takes them as object keys. */
const categoryIdMap = z
  .record(z.string().regex(/^[1-9]\d{0,9}$/, "keys must be category ids"), z.boolean())
  .refine((m) => Object.keys(m).length <= 100, "at most 100 categories")
  .describe('Lead category ids to filter LEAD_CATEGORY_UPDATED by, e.g. {"5": true}');

const timeWindow = {
  fromTime: datetime("Start of the window"),
  toTime: datetime("End of the window"),
};
const windowOrdered = <T extends { fromTime: string; toTime: string }>(v: T, ctx: z.RefinementCtx) => {
  if (Date.parse(v.fromTime) >= Date.parse(v.toTime)) ctx.addIssue({ code: "custom", path: ["toTime"], message: "toTime must be after fromTime" });
};

export const WEBHOOKS_TOOLS: ToolDefinition[] = [
  t.get("/campaigns/{campaign_id}/webhooks", {
    name: "smartlead_list_campaign_webhooks",
    title: "SmartLead: list a campaign's webhooks",
    description: "Lists the webhooks set on a campaign: id, name, URL and event types.",
    catalogId: "sl.get_campaigns_by_campaign_id_webhooks",
    input: z.object({ campaign_id: campaignId }).strict(),
  }),
  t.post("/campaigns/{campaign_id}/webhooks", {
    name: "smartlead_save_campaign_webhook",
    title: "SmartLead: add or update a campaign webhook",
    description:
      "Adds a webhook to a campaign, or updates one when id is given. SmartLead then POSTs lead data for the chosen events to the https URL. " +
      "Event names are the ones this route's docs page uses (LEAD_REPLIED, …); other webhook tools take other spellings. Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.post_campaigns_by_campaign_id_webhooks",
    kind: "create",
    admin: true,
    input: z
      .object({
        campaign_id: campaignId,
        id: webhookId.optional().describe("Webhook id to update; leave out to add a new webhook"),
        name: webhookName(),
        webhook_url: webhookUrl(),
        event_types: eventList(CAMPAIGN_EVENTS).describe('Events to send, as the campaign-webhook page names them, e.g. ["LEAD_REPLIED", "LEAD_BOUNCED"]'),
      })
      .strict(),
    // The API takes id: null for a new webhook.
    body: (rest) => ({ id: rest.id ?? null, ...rest }),
    confirm: {
      action: (a) =>
        `SmartLead will POST lead data for the chosen events of campaign ${String(a.campaign_id)} to ${String(a.webhook_url)}, until the webhook is deleted.`,
    },
  }),
  t.delete("/campaigns/{campaign_id}/webhooks/{webhook_id}", {
    name: "smartlead_delete_campaign_webhook",
    title: "SmartLead: delete a campaign webhook",
    description: "Removes a webhook from a campaign; its events stop at once. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delete_campaigns_by_campaign_id_webhooks_by_webhook_id",
    kind: "delete",
    input: z.object({ campaign_id: campaignId, webhook_id: webhookId }).strict(),
    confirm: {
      action: (a) => `Webhook ${String(a.webhook_id)} will be removed from campaign ${String(a.campaign_id)} and stop receiving events; this cannot be undone.`,
      lookup: { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
  }),
  t.get("/campaigns/{campaignId}/webhooks/summary", {
    name: "smartlead_get_campaign_webhook_summary",
    title: "SmartLead: webhook delivery summary",
    description: "Summarises a campaign's webhook deliveries (sent, failed) between two moments.",
    catalogId: "sl.get_campaigns_by_campaignid_webhooks_summary",
    input: z
      .object({ campaignId, ...timeWindow })
      .strict()
      .superRefine(windowOrdered),
  }),
  t.post("/campaigns/{campaignId}/webhooks/retrigger-failed-events", {
    name: "smartlead_retrigger_failed_webhooks",
    title: "SmartLead: retry failed webhook deliveries",
    description: "Re-sends a campaign's failed webhook deliveries from a time window to their receivers.",
    catalogId: "sl.post_campaigns_by_campaignid_webhooks_retrigger_failed_events",
    kind: "create",
    input: z
      .object({ campaignId, ...timeWindow })
      .strict()
      .superRefine(windowOrdered),
  }),
  t.post("/webhook/create", {
    name: "smartlead_create_webhook",
    title: "SmartLead: create a webhook",
    description:
      "Creates a webhook for the whole account (user), one client, or one campaign. SmartLead POSTs lead data for the enabled events to the https URL. " +
      "Events by their backend names (EMAIL_REPLY, EMAIL_OPEN, …), as this route's docs page names them. Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.post_webhook_create",
    kind: "create",
    admin: true,
    input: z
      .object({
        webhook_url: webhookUrl(),
        association_type: z
          .enum(["user", "client", "campaign"])
          .describe("Scope: user (all campaigns), client (needs client_id) or campaign (needs email_campaign_id)"),
        email_campaign_id: campaignId.optional().describe("Campaign id, for association_type campaign"),
        client_id: clientId.optional().describe("Client id, for association_type client"),
        name: webhookName().optional(),
        event_type_map: z
          .partialRecord(z.enum(CREATE_EVENTS), z.boolean())
          .optional()
          .describe('Events to enable, by their backend names, e.g. {"EMAIL_REPLY": true, "EMAIL_OPEN": true}'),
        category_id_map: categoryIdMap.optional(),
        event_type: z.enum(CREATE_EVENTS).optional().describe("A single event to subscribe to (backend name)"),
        category_id: id("Lead category id to filter events by").optional(),
        webhook_type: text("Webhook type identifier", 50).optional(),
        force_create: z.boolean().optional().describe("Create even if a similar webhook exists"),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.association_type === "campaign" && v.email_campaign_id === undefined) {
          ctx.addIssue({ code: "custom", path: ["email_campaign_id"], message: "required when association_type is campaign" });
        }
        if (v.association_type === "client" && v.client_id === undefined) {
          ctx.addIssue({ code: "custom", path: ["client_id"], message: "required when association_type is client" });
        }
        if (v.event_type_map === undefined && v.event_type === undefined) {
          ctx.addIssue({ code: "custom", path: ["event_type_map"], message: "provide event_type_map or event_type" });
        }
      }),
    confirm: {
      action: (a) => `SmartLead will POST lead data for the enabled events to ${String(a.webhook_url)}, until the webhook is deleted.`,
    },
  }),
  t.get("/webhook/{webhook_id}", {
    name: "smartlead_get_webhook",
    title: "SmartLead: get a webhook",
    description: "Gets one webhook's configuration: URL, scope, enabled events and category filter.",
    catalogId: "sl.get_webhook_by_webhook_id",
    input: z.object({ webhook_id: webhookId }).strict(),
  }),
  t.put("/webhook/update/{webhook_id}", {
    name: "smartlead_update_webhook",
    title: "SmartLead: update a webhook",
    description:
      "Changes a webhook's name, https URL, events or category filter. Only the given fields change. Event names are the ones this route's docs page uses (EMAIL_OPENED, EMAIL_REPLIED, …). Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.put_webhook_update_by_webhook_id",
    kind: "update",
    admin: true,
    input: atLeastOne(
      z
        .object({
          webhook_id: webhookId,
          name: webhookName("New name").optional(),
          webhook_url: webhookUrl("New HTTPS receiver URL (lead data is sent to it)").optional(),
          event_types: eventList(UPDATE_EVENTS).optional().describe("Events to send, as the update page names them (replaces the current list)"),
          categories: z
            .array(z.union([z.number().int().positive(), text("Category name", 100)]))
            .max(100)
            .optional()
            .describe("Lead categories to filter events by (ids or names); [] for all"),
        })
        .strict(),
      ["name", "webhook_url", "event_types", "categories"],
    ),
    confirm: {
      action: (a) =>
        `Webhook ${String(a.webhook_id)} will be changed${a.webhook_url ? `; SmartLead will POST its lead data to ${String(a.webhook_url)}` : ""}.`,
    },
  }),
  t.delete("/webhook/delete", {
    name: "smartlead_delete_webhook",
    title: "SmartLead: delete a webhook",
    description: "Deletes a webhook by id (any scope); its notifications stop at once. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delete_webhook_delete",
    kind: "delete",
    input: z.object({ id: webhookId.describe("Webhook id to delete (positive integer)") }).strict(),
    // The docs put the id in a JSON body, even on DELETE.
    query: [],
    body: (rest) => ({ id: rest.id }),
    confirm: {
      action: (a) => `Webhook ${String(a.id)} will be deleted and stop sending notifications; this cannot be undone.`,
    },
  }),
];
