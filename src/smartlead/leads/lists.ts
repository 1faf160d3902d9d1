/** SmartLead lead lists: create, update, delete, tag, import into, and move leads between lists and into campaigns. */
import { z } from "zod";
import type { ToolDefinition } from "../../tools/define";
import { atLeastOne, exactlyOne, limit, offset, text } from "../../tools/fields";
import { toolset } from "../../tools/toolset";
import { campaignId, leadId } from "../fields";
import { leadListId, listLead, looseSettings, pageFields, tagId, transferAction } from "./fields";
import { MAX_LEADS_PER_REQUEST } from "./import";

const t = toolset("smartlead_leads");

export const LEAD_LISTS_TOOLS: ToolDefinition[] = [
  t.get("/lead-list", {
    name: "smartlead_list_lead_lists",
    title: "SmartLead: list lead lists",
    description: "Lists lead lists (id, name, lead count), optionally filtered by name or tags; up to 1,000 per page.",
    catalogId: "sl.get_lead_list",
    input: z
      .object({
        listName: text("Part of the list name to match", 255).optional(),
        tagIds: z.array(tagId).min(1).max(50).optional().describe("Only lists with these tags (1–50 tag ids)"),
        limit: limit(1000, 10),
        offset: offset(),
      })
      .strict(),
    list: { rows: ["data"], paged: true },
    output: z.looseObject(pageFields),
  }),
  t.get("/lead-list/{id}", {
    name: "smartlead_get_lead_list",
    title: "SmartLead: get a lead list",
    description: "Gets one lead list: name, lead count and dates.",
    catalogId: "sl.get_lead_list_by_id",
    input: z.object({ id: leadListId }).strict(),
  }),
  t.post("/lead-list", {
    name: "smartlead_create_lead_list",
    title: "SmartLead: create a lead list",
    description: "Creates an empty lead list and returns its id; fill it with smartlead_import_leads_to_list.",
    catalogId: "sl.post_lead_list",
    kind: "create",
    input: z.object({ listName: text("Name of the new list", 255) }).strict(),
  }),
  t.put("/lead-list/{id}", {
    name: "smartlead_rename_lead_list",
    title: "SmartLead: rename a lead list",
    description: "Renames a lead list.",
    catalogId: "sl.put_lead_list_by_id",
    kind: "update",
    input: z.object({ id: leadListId, listName: text("New name", 255) }).strict(),
  }),
  t.delete("/lead-list/{id}", {
    name: "smartlead_delete_lead_list",
    title: "SmartLead: delete a lead list",
    description: "Deletes a lead list. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delete_lead_list_by_id",
    kind: "delete",
    input: z.object({ id: leadListId }).strict(),
    confirm: {
      action: (a) => `Lead list ${String(a.id)} will be deleted; this cannot be undone.`,
      // GET /lead-list/{id} answers {ok, data: {id, name, lead_count, …}}.
      lookup: { path: "/lead-list/{id}", pick: ["data"] },
    },
  }),
  t.post("/lead-list/assign-tags", {
    name: "smartlead_tag_lead_lists",
    title: "SmartLead: tag lead lists",
    description: "Adds tags to (and optionally removes tags from) up to 10 lead lists at once.",
    catalogId: "sl.post_lead_list_assign_tags",
    kind: "update",
    input: z
      .object({
        listIds: z.array(leadListId).min(1).max(10).describe("Lead lists to change (1–10 ids)"),
        tagIds: z.array(tagId).min(1).max(10).describe("Tags to add (1–10 ids)"),
        removeTagIds: z.array(tagId).min(1).max(10).optional().describe("Tags to remove (1–10 ids)"),
      })
      .strict(),
  }),
  t.post("/lead-list/{id}/import", {
    name: "smartlead_import_leads_to_list",
    title: "SmartLead: import leads into a lead list",
    description: `Imports up to ${MAX_LEADS_PER_REQUEST} leads (email required) into a lead list in one request; split bigger sets over several calls.`,
    catalogId: "sl.post_lead_list_by_id_import",
    kind: "create",
    input: z
      .object({
        id: leadListId,
        // SmartLead documents no per-request maximum here; the campaign import limit is the only documented one.
        leadList: z.array(listLead).min(1).max(MAX_LEADS_PER_REQUEST).describe(`Leads to import (1–${MAX_LEADS_PER_REQUEST}); extra flat fields allowed`),
        fileName: text("A name for this import batch, e.g. the source CSV file name", 255),
        emailFieldsAdded: looseSettings("Mapping of the email fields in your data").optional(),
        customFields: looseSettings("Custom field definitions for the data", 200).optional(),
        csvSettings: z
          .object({ ignoreGlobalBlockList: z.boolean().optional().describe("Skip the global block list check") })
          .catchall(z.boolean())
          .optional()
          .describe("Import settings (booleans)"),
      })
      .strict(),
    contacts: { leads: { list: "leadList", email: "email" } },
  }),
  t.post("/leads/leads/push-between-lists", {
    name: "smartlead_transfer_leads_between_lists",
    title: "SmartLead: copy or move leads between lists",
    description: "Copies or moves leads into another lead list: either chosen leads (leadIds) or a whole list (fromListId).",
    catalogId: "sl.post_leads_leads_push_between_lists",
    kind: "create",
    input: exactlyOne(
      z
        .object({
          action: transferAction,
          leadIds: z.array(leadId).min(1).max(10_000).optional().describe("Leads to transfer (1–10,000 ids); or give fromListId"),
          fromListId: leadListId.optional().describe("Transfer every lead of this list; or give leadIds"),
          toListId: leadListId.describe("Destination lead list id"),
        })
        .strict(),
      ["leadIds", "fromListId"],
    ),
  }),
  t.post("/leads/push-to-campaign", {
    name: "smartlead_push_leads_to_campaign",
    title: "SmartLead: push lead-list leads into a campaign",
    description:
      "Copies or moves leads from a lead list (a whole list, chosen lead ids, or all leads) into a campaign; a campaignName that does not exist creates a new campaign.",
    catalogId: "sl.post_leads_push_to_campaign",
    kind: "create",
    input: atLeastOne(
      z
        .object({
          campaignId: campaignId.optional().describe("Target campaign id; or give campaignName"),
          campaignName: text("Target campaign name; created when it does not exist", 255).optional(),
          action: transferAction,
          leadList: z
            .object({
              listId: leadListId.optional().describe("Push the leads of this list"),
              leadIds: z.array(leadId).min(1).max(10_000).optional().describe("Push these leads (1–10,000 ids)"),
              allLeads: z.boolean().optional().describe("Push every lead; then give neither listId nor leadIds"),
            })
            .strict()
            .superRefine((v, ctx) => {
              if (v.allLeads === true && (v.listId !== undefined || v.leadIds !== undefined)) {
                ctx.addIssue({ code: "custom", path: ["allLeads"], message: "allLeads excludes listId and leadIds" });
              }
            })
            .optional()
            .describe("Which leads to push"),
          csvSettings: looseSettings("Import settings for the campaign, e.g. block-list handling").optional(),
          filters: looseSettings("Extra filters on the leads to push").optional(),
        })
        .strict(),
      ["campaignId", "campaignName"],
    ),
  }),
];
