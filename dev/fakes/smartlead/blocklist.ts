/** Fake SmartLead global block list routes. */
import type { BaseRoute } from "./routes";

/** The entries the fake holds (exported so a test can replay a page when another route shadows this one). */
export const FAKE_BLOCK_LIST = [
  { id: 228361167, email_or_domain: "competitor.com", created_at: "2025-11-25T12:38:45.193Z", source: "Manual", client_id: null },
  { id: 228361168, email_or_domain: "bounced@example.org", created_at: "2025-11-26T08:12:00.000Z", source: "Smartlead.ai Bounce Detection", client_id: null },
  { id: 228361169, email_or_domain: "rival.io", created_at: "2025-11-27T16:00:00.000Z", source: "Manual", client_id: 301 },
];

export const BLOCKLIST_ROUTES: BaseRoute[] = [
  {
    base: "smartlead",
    method: "GET",
    path: "/leads/get-domain-block-list",
    reply: (req) => {
      const limit = Number(req.query.limit ?? 100);
      const offset = Number(req.query.offset ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return { status: 422, body: { error: "Limit must be between 1 and 1000" } };
      return { body: FAKE_BLOCK_LIST.slice(offset, offset + limit) };
    },
  },
  {
    base: "smartlead",
    method: "POST",
    path: "/leads/add-domain-block-list",
    reply: (req) => {
      const list = (req.body as { domain_block_list?: unknown })?.domain_block_list;
      if (!Array.isArray(list)) return { status: 422, body: { error: "domain_block_list must be an array" } };
      return { body: { uploadCount: list.length, totalDomainAdded: list.length } };
    },
  },
  {
    base: "smartlead",
    method: "DELETE",
    path: "/leads/delete-domain-block-list",
    reply: (req) =>
      FAKE_BLOCK_LIST.some((e) => String(e.id) === req.query.id)
        ? { body: { success: true, message: "Entry deleted successfully" } }
        : { status: 404, body: { error: "Block list entry not found" } },
  },
];
