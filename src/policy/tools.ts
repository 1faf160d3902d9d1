/**
 * The gtm_policy toolset: tools that run in this server, on its own state.
 * A caller sees their daily budgets, and reads and edits the managed
 * do-not-contact list (entries from DO_NOT_CONTACT are shown but only the
 * operator can change them). Removing an entry is two-step, as any delete.
 */
import { z } from "zod";
import type { RunContext, ToolDefinition } from "../tools/define";
import { toolset } from "../tools/toolset";
import { ToolError } from "../upstream/errors";
import { budgetReport } from "./budgets";
import { checkContacts } from "./do-not-contact";
import { contactEntry } from "./settings";
import type { ContactListStore } from "./stores";

const t = toolset("gtm_policy");

/** Entries per add or remove: one call, one Durable Object request. */
export const MAX_ENTRIES_PER_CALL = 1000;

const entries = z
  .array(z.string().trim().min(3).max(320))
  .min(1)
  .max(MAX_ENTRIES_PER_CALL)
  .describe(`Email addresses and domains (a domain covers its subdomains), up to ${MAX_ENTRIES_PER_CALL}`);

/** The entries in stored form; a bad one is refused by position, before anything changes. */
function storedForms(list: readonly string[]): string[] {
  return list.map((text, i) => {
    const entry = contactEntry(text);
    if (!entry) throw new ToolError("invalid_input", `entries[${i}] is neither an email address nor a domain.`, { field: `entries.${i}` });
    return entry;
  });
}

function managedList(ctx: RunContext): ContactListStore {
  const store = ctx.services.contactList;
  if (!store)
    throw new ToolError("not_configured", "The managed do-not-contact list needs the CONTACT_LIST Durable Object binding, which this deployment lacks.");
  return store;
}

export const POLICY_TOOLS: ToolDefinition[] = [
  t.local({
    name: "gtm_get_budget",
    title: "Your daily budgets",
    description:
      "What you may still spend today (UTC) under this server's daily budgets (LeadMagic credits, SmartProspect credits, Smart Senders domains): limit, used, held by calls in flight, remaining. Free.",
    kind: "read",
    input: z.object({}).strict(),
    run: async (_args, ctx) => {
      const report = await budgetReport(ctx.services.ledger, ctx.user, ctx.config.budgets, Date.now());
      const limited = Object.entries(report.budgets).filter(([, b]) => (b as { limit: unknown }).limit !== null);
      const summary = limited.length
        ? limited.map(([m, b]) => `${m}: ${(b as { remaining: number }).remaining} of ${(b as { limit: number }).limit} left`).join("; ")
        : "No daily budget applies to you on this server.";
      return { data: report, summary: `${summary} (resets ${report.resets_at}).` };
    },
  }),
  t.local({
    name: "gtm_list_do_not_contact",
    title: "List the do-not-contact entries",
    description:
      "The addresses and domains no send or lead import through this server may reach: the operator's DO_NOT_CONTACT setting and the managed list, a page at a time. Optionally checks given addresses.",
    kind: "read",
    input: z
      .object({
        offset: z.number().int().min(0).default(0).describe("Managed entries to skip"),
        limit: z.number().int().min(1).max(500).default(100).describe("Managed entries per page (1–500)"),
        check: z.array(z.email().max(320)).min(1).max(100).optional().describe("Addresses to check against both lists (up to 100)"),
      })
      .strict(),
    run: async (args, ctx) => {
      const { emails, domains } = ctx.config.doNotContact;
      const offset = args.offset as number;
      const page = ctx.services.contactList ? await ctx.services.contactList.page(offset, args.limit as number) : undefined;
      const data: Record<string, unknown> = {
        setting: { entries: [...domains, ...emails].sort(), count: domains.size + emails.size },
        managed: page
          ? { entries: page.entries, total: page.size, offset, next_offset: offset + page.entries.length < page.size ? offset + page.entries.length : null }
          : { unavailable: "no CONTACT_LIST binding" },
      };
      if (args.check) {
        const check = args.check as string[];
        const { blocked } = await checkContacts(check, ctx.config.doNotContact, ctx.services.contactList);
        data.checked = check.map((address) => ({ address, blocked: blocked.has(address) }));
      }
      return { data };
    },
  }),
  t.local({
    name: "gtm_add_do_not_contact",
    title: "Add to the do-not-contact list",
    description:
      "Adds email addresses or domains to the managed do-not-contact list, at once for every client of this server: leads with them are dropped from imports and sends to them are refused.",
    kind: "update",
    input: z.object({ entries }).strict(),
    run: async (args, ctx) => {
      const list = storedForms(args.entries as string[]);
      const { added, size } = await managedList(ctx).add(list, ctx.user);
      return {
        data: { added, already_listed: list.length - added, total: size },
        summary: `${added} entr${added === 1 ? "y" : "ies"} added; the list now has ${size}.`,
      };
    },
  }),
  t.local({
    name: "gtm_remove_do_not_contact",
    title: "Remove from the do-not-contact list",
    description:
      "Removes entries from the managed do-not-contact list, so those addresses can be emailed again. Entries of the DO_NOT_CONTACT setting stay in force. Two-step: the first call returns a preview and a token.",
    kind: "delete",
    input: z.object({ entries }).strict(),
    confirm: {
      action: (a) =>
        `Remove ${(a.entries as string[]).length} entr${(a.entries as string[]).length === 1 ? "y" : "ies"} from the do-not-contact list; those addresses may then be emailed again.`,
    },
    run: async (args, ctx) => {
      const list = storedForms(args.entries as string[]);
      const { removed, size } = await managedList(ctx).remove(list);
      const { emails, domains } = ctx.config.doNotContact;
      const kept = list.filter((e) => emails.has(e) || domains.has(e));
      return {
        data: { removed, not_listed: list.length - removed, still_in_setting: kept, total: size },
        summary: `${removed} entr${removed === 1 ? "y" : "ies"} removed; the list now has ${size}.${kept.length ? ` ${kept.length} stay blocked by DO_NOT_CONTACT.` : ""}`,
      };
    },
  }),
];
