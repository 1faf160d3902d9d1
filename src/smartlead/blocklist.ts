/** SmartLead global block list: emails and domains that are never emailed. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { domain, email, id, limit, offset, text } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { clientId } from "./fields";

const t = toolset("smartlead_leads");

/** Entries per add call. SmartLead documents no maximum; this keeps one call reviewable. */
export const MAX_BLOCK_LIST_ADD = 1000;

const entry = z.union([email(), domain()]).describe("An email address (jane@example.com) or a bare domain (example.com)");

export const BLOCKLIST_TOOLS: ToolDefinition[] = [
  t.get("/leads/get-domain-block-list", {
    name: "smartlead_list_block_list",
    title: "SmartLead: list block list entries",
    description:
      "Lists the global block list (emails and domains never emailed): id, entry, source (manual, bounce, …), client. Filter by client or text; up to 1000 per page.",
    catalogId: "sl.get_leads_get_domain_block_list",
    input: z
      .object({
        offset: offset(),
        limit: limit(1000, 100),
        filter_client_id: clientId.optional().describe("Only entries of this client"),
        filter_email_or_domain: text("Search text matched against the entry", 320).optional(),
        filter_email_with_domain: text("Search emails by their domain", 253).optional(),
      })
      .strict(),
    list: { paged: true },
  }),
  t.post("/leads/add-domain-block-list", {
    name: "smartlead_add_to_block_list",
    title: "SmartLead: add to the block list",
    description: `Adds emails or domains to the global block list so no campaign emails them (up to ${MAX_BLOCK_LIST_ADD} per call). Optionally for one client only.`,
    catalogId: "sl.post_leads_add_domain_block_list",
    kind: "update",
    input: z
      .object({
        domain_block_list: z.array(entry).min(1).max(MAX_BLOCK_LIST_ADD).describe(`Emails or domains to block (1–${MAX_BLOCK_LIST_ADD})`),
        client_id: clientId.optional().describe("Block only for this client"),
      })
      .strict(),
  }),
  t.delete("/leads/delete-domain-block-list", {
    name: "smartlead_remove_from_block_list",
    title: "SmartLead: remove a block list entry",
    description:
      "Removes one entry from the global block list by its id, so campaigns may email it again. Cannot be undone (re-add it instead); asks for confirmation first.",
    catalogId: "sl.delete_leads_delete_domain_block_list",
    kind: "delete",
    input: z.object({ id: id("Block list entry id (from smartlead_list_block_list)") }).strict(),
    confirm: {
      action: (a) =>
        `Block list entry ${String(a.id)} will be removed, so campaigns may email that address or domain again; the entry itself cannot be restored (re-add it instead).`,
    },
  }),
];
