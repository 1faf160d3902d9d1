/**
 * The plan of a verified lead import, worked out from reads that cost nothing:
 * which leads go ahead and which are left out (exact duplicates, the
 * do-not-contact lists, SmartLead's block list, leads already in the
 * campaign), which need a paid validation and which the enrichment cache
 * already answers, what that may cost, and what the caller's budget has left.
 * The preview shows it; the confirmation works it out again and must match.
 */
import { z } from "zod";
import { sha256Hex } from "../crypto";
import { budgetReport, maxCost } from "../policy/budgets";
import { checkContacts } from "../policy/do-not-contact";
import { cachedOutcome } from "../policy/enrichment-cache";
import { factsOf } from "../policy/gate";
import { cachedClientCampaigns, checkScope } from "../policy/scopes";
import { campaignId } from "../smartlead/fields";
import { leadInput, MAX_LEADS_PER_REQUEST } from "../smartlead/leads/import";
import { canonicalJson } from "../tools/confirm";
import type { Args, Plan, RunContext, ToolDefinition } from "../tools/define";
import { fillPath } from "../tools/forward";

/** Leads one verified import takes (one job). */
export const MAX_JOB_LEADS = 2000;

/** The validation results a plan may accept; "invalid" never is. */
export const ACCEPTABLE = ["valid", "valid_catch_all", "catch_all", "unknown"] as const;

export const importVerifiedInput = z
  .object({
    campaign_id: campaignId,
    leads: z.array(leadInput).min(1).max(MAX_JOB_LEADS).describe(`Leads (1–${MAX_JOB_LEADS})`),
    accept: z.array(z.enum(ACCEPTABLE)).min(1).max(ACCEPTABLE.length).default(["valid"]).describe("Validation results to import (default valid)"),
    reuse_validations_days: z.number().int().min(1).max(365).optional().describe("Reuse cached validations up to this age (days)"),
    // No import settings: relaxing SmartLead's block-list and unsubscribe checks is what this workflow exists not to do.
    chunk_size: z.number().int().min(1).max(MAX_LEADS_PER_REQUEST).default(MAX_LEADS_PER_REQUEST).describe("Leads per import request"),
  })
  .strict();

type Lead = z.infer<typeof leadInput>;

export type ExcludedReason = "duplicate" | "do_not_contact" | "block_list" | "already_in_campaign";

export interface PlannedLead {
  /** Position in the caller's `leads`. */
  index: number;
  email: string;
  lead: Lead;
  /** A validation status the enrichment cache answered (no credits to spend). */
  cached?: string;
}

export interface ImportPlanState {
  campaign_id: number;
  accept: readonly string[];
  chunk_size: number;
  /** Leads that go on to validation and import, in order. */
  leads: PlannedLead[];
  excluded: { index: number; email: string; reason: ExcludedReason }[];
}

/** The tools a verified import calls, looked up by the workflow's caller. */
export interface ImportTools {
  validate: ToolDefinition;
  addLeads: ToolDefinition;
}

/** Block-list entries that apply to this campaign: account-wide ones and its client's. */
function blockedBy(entries: unknown, clientId: unknown): { emails: Set<string>; domains: Set<string> } {
  const emails = new Set<string>();
  const domains = new Set<string>();
  for (const e of Array.isArray(entries) ? entries : []) {
    const row = e as { email_or_domain?: unknown; client_id?: unknown };
    if (typeof row.email_or_domain !== "string") continue;
    if (row.client_id !== null && row.client_id !== undefined && row.client_id !== clientId) continue;
    const entry = row.email_or_domain.trim().toLowerCase();
    (entry.includes("@") ? emails : domains).add(entry);
  }
  return { emails, domains };
}

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);
const BLOCK_LIST_PAGE = 1000;
const CAMPAIGN_LEADS_PAGE = 100;

export async function planImport(args: Args, ctx: RunContext, tools: ImportTools): Promise<Plan> {
  const a = args as z.infer<typeof importVerifiedInput>;
  const scope = ctx.config.scopes.get(ctx.user);
  const clientCampaigns = cachedClientCampaigns(ctx.config.baseUrls.smartlead, async (client) => {
    return (await ctx.call({ base: "smartlead", method: "GET", path: "/campaigns", query: { client_id: String(client) } })).data;
  });
  // The steps run as the caller: a token that may not validate or import cannot plan either.
  await checkScope(scope, factsOf(tools.validate), { email: "x@example.com" }, clientCampaigns);
  await checkScope(scope, factsOf(tools.addLeads), { campaign_id: a.campaign_id }, clientCampaigns);

  const get = async (path: string, query?: Record<string, string>) =>
    (await ctx.call({ base: "smartlead", method: "GET", path: fillPath(path, { campaign_id: a.campaign_id }), query })).data;
  const [campaign, blockList, present] = await Promise.all([
    get("/campaigns/{campaign_id}"),
    get("/leads/get-domain-block-list", { offset: "0", limit: String(BLOCK_LIST_PAGE) }),
    get("/campaigns/{campaign_id}/leads", { offset: "0", limit: String(CAMPAIGN_LEADS_PAGE) }),
  ]);
  const c = (campaign ?? {}) as { name?: unknown; client_id?: unknown; status?: unknown };
  const blocked = blockedBy(blockList, c.client_id);
  const page = (present ?? {}) as { total_leads?: unknown; data?: { lead?: { email?: unknown } }[] };
  const inCampaign = new Set((page.data ?? []).map((r) => String(r.lead?.email ?? "").toLowerCase()));
  const campaignTotal = Number(page.total_leads ?? inCampaign.size);

  const seen = new Set<string>();
  const excluded: ImportPlanState["excluded"] = [];
  const candidates: PlannedLead[] = [];
  a.leads.forEach((lead, index) => {
    const email = lead.email.toLowerCase();
    if (seen.has(email)) excluded.push({ index, email: lead.email, reason: "duplicate" });
    else candidates.push({ index, email: lead.email, lead });
    seen.add(email);
  });
  const contacts = await checkContacts(
    candidates.map((l) => l.email),
    ctx.config.doNotContact,
    ctx.services.contactList,
  );
  const leads: PlannedLead[] = [];
  for (const l of candidates) {
    const lower = l.email.toLowerCase();
    const domain = domainOf(lower);
    const onBlockList = blocked.emails.has(lower) || [...blocked.domains].some((d) => domain === d || domain.endsWith(`.${d}`));
    const reason: ExcludedReason | undefined = contacts.blocked.has(l.email)
      ? "do_not_contact"
      : onBlockList
        ? "block_list"
        : inCampaign.has(lower)
          ? "already_in_campaign"
          : undefined;
    if (reason) excluded.push({ index: l.index, email: l.email, reason });
    else leads.push(l);
  }
  excluded.sort((x, y) => x.index - y.index);

  // What the enrichment cache already knows (KV reads, free).
  const store = ctx.config.enrichmentCacheDays > 0 ? ctx.services.cache : undefined;
  if (store) {
    const maxAgeMs = (a.reuse_validations_days ?? ctx.config.enrichmentCacheDays) * 86_400_000;
    await Promise.all(
      leads.map(async (l) => {
        const hit = await cachedOutcome(store, tools.validate, { email: l.email });
        const at = Date.parse(String(hit?.data.cached_at ?? ""));
        if (hit && typeof hit.data.email_status === "string" && Date.now() - at <= maxAgeMs) l.cached = hit.data.email_status;
      }),
    );
  }

  const price = maxCost(tools.validate, { email: "x@example.com" });
  const toValidate = leads.filter((l) => l.cached === undefined).length;
  const budget = (await budgetReport(ctx.services.ledger, ctx.user, ctx.config.budgets, Date.now())).budgets.leadmagic_credits as {
    limit: number | null;
    remaining: number | null;
  };
  const expected = round(toValidate * price);
  const counts = (r: ExcludedReason) => excluded.filter((e) => e.reason === r).length;
  const state: ImportPlanState = { campaign_id: a.campaign_id, accept: a.accept, chunk_size: a.chunk_size, leads, excluded };
  const details = {
    campaign: { id: a.campaign_id, name: c.name ?? null, status: c.status ?? null },
    leads_received: a.leads.length,
    to_validate_and_import: leads.length,
    excluded: {
      duplicate: counts("duplicate"),
      do_not_contact: counts("do_not_contact"),
      block_list: counts("block_list"),
      already_in_campaign: counts("already_in_campaign"),
      leads: excluded.map((e) => ({ position: `leads[${e.index}]`, email: e.email, reason: e.reason })),
    },
    checked: {
      block_list: Array.isArray(blockList) && blockList.length >= BLOCK_LIST_PAGE ? `the first ${BLOCK_LIST_PAGE} entries` : "every entry",
      campaign_leads: campaignTotal > inCampaign.size ? `the first ${inCampaign.size} of ${campaignTotal} leads` : "every lead",
    },
    validation: { accept: a.accept, paid: toValidate, from_cache: leads.length - toValidate },
    credits: { unit: "LeadMagic credits", expected, maximum: round(leads.length * price) },
    budget: budget.limit === null ? { limit: null } : { limit: budget.limit, remaining: budget.remaining, enough: (budget.remaining ?? 0) >= expected },
  };
  const fingerprint = await sha256Hex(
    canonicalJson({
      accept: a.accept,
      leads: leads.map((l) => [l.index, l.cached ?? null]),
      excluded: excluded.map((e) => [e.index, e.reason]),
    }),
  );
  return { details, fingerprint, state };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
