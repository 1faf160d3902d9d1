/** SmartLead lead categories and CRM notes, tasks and tags. */
import { z } from "zod";
import type { ToolDefinition } from "../../tools/define";
import { id } from "../../tools/fields";
import { toolset } from "../../tools/toolset";
import { leadId } from "../fields";
import { tagId } from "./fields";

const t = toolset("smartlead_leads");

export const CRM_TOOLS: ToolDefinition[] = [
  t.get("/leads/fetch-categories", {
    name: "smartlead_list_lead_categories",
    title: "SmartLead: list lead categories",
    description: "Lists the lead categories (global and your own) with id, name and sentiment; use the ids to categorise leads.",
    catalogId: "sl.get_leads_fetch_categories",
    input: z.object({}).strict(),
    output: z.looseObject({
      items: z.array(z.looseObject({ id: z.number().optional(), name: z.string().nullable().optional() })).optional(),
      count: z.number().optional(),
    }),
  }),
  t.get("/crm/leads/notes/{id}", {
    name: "smartlead_get_lead_notes",
    title: "SmartLead: get a lead's CRM notes",
    description: "Lists the CRM notes written on a lead.",
    catalogId: "sl.get_crm_leads_notes_by_id",
    input: z.object({ id: leadId.describe("Lead id (positive integer)") }).strict(),
  }),
  t.get("/crm/leads/tasks/{id}", {
    name: "smartlead_get_lead_tasks",
    title: "SmartLead: get a lead's CRM tasks",
    description: "Lists the CRM tasks on a lead (name, priority, due date, status).",
    catalogId: "sl.get_crm_leads_tasks_by_id",
    input: z.object({ id: leadId.describe("Lead id (positive integer)") }).strict(),
  }),
  t.get("/crm/leads/tags", {
    name: "smartlead_list_lead_tags",
    title: "SmartLead: list lead tags",
    description: "Lists a lead's CRM tags with their tag_mapping_id (needed to remove one), or every available tag when leadId is left out.",
    catalogId: "sl.get_crm_leads_tags",
    input: z.object({ leadId: leadId.optional().describe("Lead whose tags to list; leave out for all tags") }).strict(),
  }),
  t.post("/crm/leads/tags", {
    name: "smartlead_add_lead_tags",
    title: "SmartLead: tag a lead",
    description: "Adds one or more existing CRM tags to a lead.",
    catalogId: "sl.post_crm_leads_tags",
    kind: "update",
    input: z
      .object({
        leadId: leadId,
        tagIds: z.array(tagId).min(1).max(50).describe("Tags to add (1–50 tag ids)"),
      })
      .strict(),
  }),
  t.delete("/crm/leads/tags/{tagMappingId}", {
    name: "smartlead_remove_lead_tag",
    title: "SmartLead: remove a tag from a lead",
    description: "Removes one tag from a lead by its tag_mapping_id (from smartlead_list_lead_tags, not the tag id). Asks for confirmation first.",
    catalogId: "sl.delete_crm_leads_tags_by_tagmappingid",
    kind: "delete",
    input: z.object({ tagMappingId: id("The tag_mapping_id linking the tag to the lead") }).strict(),
    confirm: {
      action: (a) => `Tag mapping ${String(a.tagMappingId)} will be deleted, removing that tag from its lead; re-adding it needs the tag id.`,
    },
  }),
];
