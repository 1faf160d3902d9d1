/** SmartLead white-label clients (sub-accounts) and their API keys. */
import { z } from "zod";
import type { ToolDefinition, ToolOutcome } from "../tools/define";
import { email, id, text, url } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { clientId } from "./fields";

const t = toolset("smartlead_admin");

const apiKeyId = id("Client API key record id");

/** Shows only the last four characters of a key value. */
function mask(value: unknown): unknown {
  if (typeof value !== "string" || value.length === 0) return value;
  return `…${value.slice(-4)}`;
}

function maskKeys(records: unknown): unknown {
  if (!Array.isArray(records)) return records;
  return records.map((r) => (r && typeof r === "object" && "api_key" in r ? { ...r, api_key: mask((r as { api_key: unknown }).api_key) } : r));
}

/**
 * Listing keys is a read a model may make casually, so key values are masked there;
 * creating or resetting a key is the deliberate way to obtain one.
 */
function shapeKeyList(data: unknown): ToolOutcome {
  if (Array.isArray(data)) {
    const items = maskKeys(data) as unknown[];
    return { data: { items, count: items.length } };
  }
  if (data && typeof data === "object") {
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.data)) return { data: { ...record, data: maskKeys(record.data) } };
    return { data: record };
  }
  return { data: { value: data } };
}

const keyName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9 _-]+$/, "letters, numbers, spaces, hyphens and underscores only");

export const ADMIN_TOOLS: ToolDefinition[] = [
  t.get("/client", {
    name: "smartlead_list_clients",
    title: "SmartLead: list clients",
    description: "Lists the white-label client sub-accounts under this account: id, name, email, logo and permissions.",
    catalogId: "sl.get_client",
    input: z.object({}).strict(),
  }),
  t.post("/client/save", {
    name: "smartlead_create_client",
    title: "SmartLead: create a client",
    description:
      "Creates a white-label client sub-account (its own login and workspace) with optional logo, permissions and credit allocation. The email must be unused on SmartLead. Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.post_client_save",
    kind: "create",
    admin: true,
    input: z
      .object({
        email: email("Client's login email (unique on SmartLead)"),
        name: text("Client display name (company or brand)", 255),
        logo: z
          .string()
          .max(1_000_000)
          .regex(/^[A-Za-z0-9+/=\s]+$/, "expected base64")
          .optional()
          .describe("Logo image, base64 (up to ~750 KB)"),
        logo_url: url("Logo image URL").optional(),
        permission: z.array(text("Permission", 100)).max(50).optional().describe('What the client may access, e.g. ["campaigns", "leads"]'),
        is_credit_assigned: z.boolean().optional().describe("Give the client its own email and lead credits"),
        email_credits: z.number().int().min(0).max(100_000_000).optional().describe("Email credits for the client (with is_credit_assigned)"),
        lead_credits: z.number().int().min(0).max(100_000_000).optional().describe("Lead credits for the client (with is_credit_assigned)"),
      })
      .strict(),
    confirm: {
      action: (a) => `A white-label client sub-account with its own login (${String(a.email)}) will be created.`,
    },
  }),
  t.get("/client/api-key", {
    name: "smartlead_list_client_api_keys",
    title: "SmartLead: list client API keys",
    description: "Lists the API keys of client sub-accounts (id, client, name, status, dates). Key values are masked to their last 4 characters.",
    catalogId: "sl.get_client_api_key",
    input: z
      .object({
        clientId: clientId.optional().describe("Only this client's keys"),
        status: z.enum(["active", "inactive"]).optional().describe("Only active or inactive keys"),
        keyName: keyName.optional().describe("Part of the key name to match"),
      })
      .strict(),
    shape: shapeKeyList,
  }),
  t.post("/client/api-key", {
    name: "smartlead_create_client_api_key",
    title: "SmartLead: create a client API key",
    description:
      "Creates a new credential: an API key for a client sub-account, returned in full in the result. Treat it as a secret. Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.post_client_api_key",
    kind: "create",
    admin: true,
    input: z
      .object({
        clientId: clientId.describe("Client to create the key for (positive integer)"),
        keyName: keyName.describe("Name for the key (letters, numbers, spaces, - and _)"),
      })
      .strict(),
    confirm: {
      action: (a) =>
        `A new SmartLead API key for client ${String(a.clientId)} will be created and shown once; whoever holds it keeps access until it is deleted.`,
    },
  }),
  t.put("/client/api-key/reset/{id}", {
    name: "smartlead_reset_client_api_key",
    title: "SmartLead: reset a client API key",
    description:
      "Regenerates a client API key's value: the old value stops working at once, so anything using it breaks until updated. Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.put_client_api_key_reset_by_id",
    kind: "update",
    admin: true,
    annotations: { destructiveHint: true, idempotentHint: false },
    input: z.object({ id: apiKeyId }).strict(),
    body: () => undefined,
    // The old key value is gone for good: a destructive update even though the catalog calls it a write,
    // so it is annotated and confirmed like one.
    confirm: {
      action: (a) => `Client API key ${String(a.id)} will get a new value; the old value stops working at once and cannot be restored.`,
    },
  }),
  t.delete("/client/api-key/{id}", {
    name: "smartlead_delete_client_api_key",
    title: "SmartLead: delete a client API key",
    description: "Deletes a client API key; anything using it loses access at once. Cannot be undone; asks for confirmation first.",
    catalogId: "sl.delete_client_api_key_by_id",
    kind: "delete",
    input: z.object({ id: apiKeyId }).strict(),
    confirm: {
      action: (a) => `Client API key ${String(a.id)} will be deleted and stop working at once; this cannot be undone.`,
    },
  }),
];
