/**
 * SmartProspect (prospect-api.smartlead.ai/…/search-email-leads): contact
 * search, lookups for its filters, saved searches, and the two calls that
 * spend credits (fetch-contacts, find-emails). Opt-in toolset, never default.
 */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { atLeastOne, domain, exactlyOne, id, text } from "../tools/fields";
import { toolset } from "../tools/toolset";

const t = toolset("smartlead_prospect");

const filterId = id("SmartProspect filter id (returned as filter_id by smartlead_prospect_search_contacts)");
const search = (what: string) => z.string().trim().min(1).max(255).optional().describe(`Only ${what} starting with / matching this text (1–255 characters)`);
const lookupOffset = () => z.number().int().min(0).optional().describe("Number of entries to skip (≥ 0)");
const lookupLimit = (fallback: number) =>
  z.number().int().min(1).max(100).optional().describe(`Entries to return (1–100; SmartProspect's default ${fallback})`);

/** The input of a lookup list: paged and searchable, unless `paged` is false. */
function lookupInput(what: string, options: { defaultLimit?: number; extra?: Record<string, z.ZodType>; paged?: boolean } = {}) {
  const shape: Record<string, z.ZodType> =
    options.paged === false ? {} : { limit: lookupLimit(options.defaultLimit ?? 10), offset: lookupOffset(), search: search(what), ...options.extra };
  return z.object(shape).strict();
}

/** What every lookup says of itself. */
const lookupDescription = (what: string, paged = true) =>
  `Lists SmartProspect ${what} (values for the matching filter of smartlead_prospect_search_contacts)${paged ? ", searchable and paged" : ""}. Free.`;

const LOOKUPS: ToolDefinition[] = [
  t.get("/countries", {
    name: "smartlead_prospect_list_countries",
    title: "SmartProspect: countries lookup",
    description: lookupDescription("countries"),
    catalogId: "sl.prospect.get_countries",
    input: lookupInput("countries"),
  }),
  t.get("/states", {
    name: "smartlead_prospect_list_states",
    title: "SmartProspect: states lookup",
    description: lookupDescription("states"),
    catalogId: "sl.prospect.get_states",
    input: lookupInput("states", { extra: { country: text("Only states of these countries, comma-separated names, e.g. usa,canada", 255).optional() } }),
  }),
  t.get("/cities", {
    name: "smartlead_prospect_list_cities",
    title: "SmartProspect: cities lookup",
    description: lookupDescription("cities"),
    catalogId: "sl.prospect.get_cities",
    input: lookupInput("cities", {
      extra: {
        state: text("Only cities of these states, comma-separated names, e.g. california,texas", 255).optional(),
        country: text("Only cities of these countries, comma-separated names (needs state)", 255).optional(),
      },
    }).superRefine((v, ctx) => {
      if (v.country !== undefined && v.state === undefined) {
        ctx.addIssue({ code: "custom", path: ["state"], message: "SmartProspect needs state when country is given" });
      }
    }),
  }),
  t.get("/departments", {
    name: "smartlead_prospect_list_departments",
    title: "SmartProspect: departments lookup",
    description: lookupDescription("departments"),
    catalogId: "sl.prospect.get_departments",
    input: lookupInput("departments"),
  }),
  t.get("/levels", {
    name: "smartlead_prospect_list_levels",
    title: "SmartProspect: seniority levels lookup",
    description: lookupDescription("seniority levels"),
    catalogId: "sl.prospect.get_levels",
    input: lookupInput("seniority levels"),
  }),
  t.get("/head-counts", {
    name: "smartlead_prospect_list_head_counts",
    title: "SmartProspect: company head-count ranges lookup",
    description: lookupDescription("company head-count ranges"),
    catalogId: "sl.prospect.get_head_counts",
    input: lookupInput("company head-count ranges"),
  }),
  t.get("/industries", {
    name: "smartlead_prospect_list_industries",
    title: "SmartProspect: industries lookup",
    description: lookupDescription("industries"),
    catalogId: "sl.prospect.get_industries",
    input: lookupInput("industries", { extra: { withSubIndustry: z.boolean().optional().describe("true includes each industry's sub-industries") } }),
  }),
  t.get("/sub-industries", {
    name: "smartlead_prospect_list_sub_industries",
    title: "SmartProspect: sub-industries lookup",
    description: lookupDescription("sub-industries"),
    catalogId: "sl.prospect.get_sub_industries",
    input: lookupInput("sub-industries", { extra: { industry_id: id("Only sub-industries of this industry id").optional() } }),
  }),
  t.get("/revenue", {
    name: "smartlead_prospect_list_revenue_ranges",
    title: "SmartProspect: company revenue ranges lookup",
    description: lookupDescription("company revenue ranges", false),
    catalogId: "sl.prospect.get_revenue",
    input: lookupInput("company revenue ranges", { paged: false }),
  }),
  t.get("/company", {
    name: "smartlead_prospect_list_companies",
    title: "SmartProspect: company names lookup",
    description: lookupDescription("company names"),
    catalogId: "sl.prospect.get_company",
    input: lookupInput("company names", { defaultLimit: 100 }),
  }),
  t.get("/domain", {
    name: "smartlead_prospect_list_domains",
    title: "SmartProspect: company domains lookup",
    description: lookupDescription("company domains"),
    catalogId: "sl.prospect.get_domain",
    input: lookupInput("company domains", { defaultLimit: 100 }),
  }),
  t.get("/job-title", {
    name: "smartlead_prospect_list_job_titles",
    title: "SmartProspect: job titles lookup",
    description: lookupDescription("job titles"),
    catalogId: "sl.prospect.get_job_title",
    input: lookupInput("job titles", { defaultLimit: 100 }),
  }),
  t.get("/keywords", {
    name: "smartlead_prospect_list_keywords",
    title: "SmartProspect: company keywords lookup",
    description: lookupDescription("company keywords"),
    catalogId: "sl.prospect.get_keywords",
    input: lookupInput("company keywords", { defaultLimit: 100 }),
  }),
];

const filterList = (what: string) => z.array(z.string().trim().min(1).max(255)).min(1).max(2000).optional().describe(`${what} (up to 2000 values)`);

/** The contact filters shared by search-contacts and save-search. */
const contactFilters = {
  name: filterList("Full names"),
  firstName: filterList("First names"),
  lastName: filterList("Last names"),
  title: filterList("Job titles"),
  excludeTitle: filterList("Job titles to exclude"),
  includeTitle: filterList("Job titles to include"),
  excludeCompany: filterList("Companies to exclude"),
  excludeCompanyDomain: filterList("Company domains to exclude"),
  includeCompany: filterList("Companies to include"),
  includeCompanyDomain: filterList("Company domains to include"),
  department: filterList("Departments (see smartlead_prospect_list_departments)"),
  level: filterList("Seniority levels (see smartlead_prospect_list_levels)"),
  companyName: filterList("Company names"),
  companyDomain: filterList("Company domains"),
  companyKeyword: filterList("Company keywords"),
  companyHeadCount: filterList("Head-count ranges (see smartlead_prospect_list_head_counts)"),
  companyRevenue: filterList("Revenue ranges (see smartlead_prospect_list_revenue_ranges)"),
  companyIndustry: filterList("Industries (see smartlead_prospect_list_industries)"),
  companySubIndustry: filterList("Sub-industries"),
  city: filterList("Cities"),
  state: filterList("States"),
  country: filterList("Countries"),
  dontDisplayOwnedContact: z.boolean().optional().describe("true hides contacts you already own"),
  titleExactMatch: z.boolean().optional().describe("Match titles exactly"),
  companyExactMatch: z.boolean().optional().describe("Match company names exactly"),
  companyDomainExactMatch: z.boolean().optional().describe("Match company domains exactly"),
};

const searchString = (what: string) => z.string().trim().min(1).max(255).describe(what);
const listPage = {
  limit: z.number().int().min(1).max(1000).optional().describe("Entries to return (≥ 1; SmartProspect's default 10)"),
  offset: z.number().int().min(0).optional().describe("Number of entries to skip (≥ 0)"),
};

const CONTACTS: ToolDefinition[] = [
  t.post("/search-contacts", {
    name: "smartlead_prospect_search_contacts",
    title: "SmartProspect: search contacts",
    description:
      "Searches SmartProspect's contact database by title, company, industry, location and more; returns up to 500 contacts a page (emails not unlocked), a filter_id and total_count, and a scroll_id for the next page. Free.",
    catalogId: "sl.prospect.post_search_contacts",
    kind: "read",
    input: z
      .object({
        limit: z.number().int().min(1).max(500).describe("Contacts to return (1–500)"),
        scroll_id: z.string().min(1).max(2000).optional().describe("scroll_id from the previous page, for the next page"),
        ...contactFilters,
      })
      .strict(),
  }),
  t.post("/get-contacts", {
    name: "smartlead_prospect_get_contacts",
    title: "SmartProspect: contacts of a filter or by id",
    description:
      "Gets already-fetched contacts, with emails and verification status, either by filter_id (paged, up to 1000) or by up to 200 contact ids; can filter by name or email status. Free.",
    catalogId: "sl.prospect.post_get_contacts",
    kind: "read",
    input: exactlyOne(
      z
        .object({
          id: z.array(z.string().trim().min(1).max(64)).min(1).max(200).optional().describe("Contact ids (up to 200); use instead of filter_id"),
          filter_id: filterId.optional(),
          limit: z.number().int().min(1).max(1000).optional().describe("Contacts to return (1–1000)"),
          offset: z.number().int().min(0).optional().describe("Contacts to skip (≥ 0)"),
          search: text("Only contacts whose first, last or full name matches", 255).optional(),
          verification_status: z.enum(["valid", "catch_all", "invalid"]).optional().describe("Only emails with this verification result"),
          catch_all_status: z
            .enum(["catch_all_verified", "catch_all_soft_bounced", "catch_all_hard_bounced", "catch_all_unknown", "catch_all_bounced"])
            .optional()
            .describe("Only catch-all emails with this status"),
        })
        .strict(),
      ["filter_id", "id"],
    ),
  }),
  t.post("/fetch-contacts", {
    name: "smartlead_prospect_fetch_contacts",
    title: "SmartProspect: unlock contacts (spends credits)",
    description: "Unlocks (fetches emails for) contacts of a search: the first `limit` contacts of filter_id, or the given contact ids.",
    catalogId: "sl.prospect.post_fetch_contacts",
    kind: "spend",
    // One credit per contact unlocked; the answer's metrics.totalContacts says how many were.
    cost: {
      text: "Spends SmartProspect credits per contact; asks for confirmation first.",
      credits: 1,
      results: { arg: ["id", "limit"], default: 1 },
      charged: (data) => {
        const metrics = (data.data as { metrics?: { totalContacts?: unknown } } | undefined)?.metrics;
        return typeof metrics?.totalContacts === "number" ? metrics.totalContacts : undefined;
      },
    },
    input: atLeastOne(
      z
        .object({
          filter_id: filterId,
          limit: z.number().int().min(1).max(30_000).optional().describe("How many contacts of the filter to unlock (1–10000; some accounts up to 30000)"),
          // SmartProspect states no cap for id here; 10000 matches the standard limit.
          id: z.array(z.string().trim().min(1).max(64)).min(1).max(10_000).optional().describe("Exactly these contact ids of the filter"),
          visual_limit: z.number().int().min(1).max(1000).optional().describe("Page size of the returned list (1–1000, default 10)"),
          visual_offset: z.number().int().min(0).optional().describe("Offset into the returned list (≥ 0)"),
        })
        .strict(),
      ["limit", "id"],
    ),
    confirm: {
      action: (args) =>
        Array.isArray(args.id)
          ? `Unlocks ${args.id.length} contact(s) of SmartProspect filter ${args.filter_id as number}, spending credits for each; spent credits cannot be refunded.`
          : `Unlocks up to ${args.limit as number} contact(s) of SmartProspect filter ${args.filter_id as number}, spending credits for each; spent credits cannot be refunded.`,
    },
  }),
  t.post("/search-contacts/find-emails", {
    name: "smartlead_prospect_find_emails",
    title: "SmartProspect: find emails (spends credits)",
    description: "Finds the work email of up to 10 people from first name, last name and company domain, with verification status.",
    catalogId: "sl.prospect.post_search_contacts_find_emails",
    kind: "spend",
    // The docs do not say whether a miss is charged: the budget counts every person looked up.
    cost: { text: "Spends SmartProspect credits; asks for confirmation first.", credits: 1, results: { arg: "contacts", default: 1 } },
    input: z
      .object({
        contacts: z
          .array(
            z
              .object({
                firstName: text("First name", 100),
                lastName: text("Last name", 100),
                companyDomain: domain("Company domain, e.g. example.com"),
              })
              .strict(),
          )
          .min(1)
          .max(10)
          .describe("People to find emails for (1–10)"),
      })
      .strict(),
    confirm: {
      action: (args) =>
        `Looks up work emails for ${(args.contacts as unknown[]).length} person(s), spending SmartProspect credits; spent credits cannot be refunded.`,
    },
  }),
  t.patch("/review-contacts/{filter_id}", {
    name: "smartlead_prospect_review_contacts",
    title: "SmartProspect: refresh a fetched filter's contacts",
    description: "Re-syncs the status and email metrics (found, verified, catch-all, invalid) of the contacts already fetched for a filter.",
    catalogId: "sl.prospect.patch_review_contacts_by_filter_id",
    kind: "update",
    input: z.object({ filter_id: filterId }).strict(),
  }),
];

const SEARCHES: ToolDefinition[] = [
  t.get("/search-filters/saved-searches", {
    name: "smartlead_prospect_list_saved_searches",
    title: "SmartProspect: saved searches",
    description: "Lists saved SmartProspect searches with their filters.",
    catalogId: "sl.prospect.get_search_filters_saved_searches",
    input: z.object(listPage).strict(),
  }),
  t.get("/search-filters/recent-searches", {
    name: "smartlead_prospect_list_recent_searches",
    title: "SmartProspect: recent searches",
    description: "Lists the most recent SmartProspect searches with their filters.",
    catalogId: "sl.prospect.get_search_filters_recent_searches",
    input: z.object(listPage).strict(),
  }),
  t.get("/search-filters/fetched-searches", {
    name: "smartlead_prospect_list_fetched_searches",
    title: "SmartProspect: fetched searches",
    description: "Lists searches whose contacts were fetched (unlocked), with fetch metrics (emails found, verified, catch-all).",
    catalogId: "sl.prospect.get_search_filters_fetched_searches",
    input: z.object(listPage).strict(),
  }),
  t.post("/search-filters/save-search", {
    name: "smartlead_prospect_save_search",
    title: "SmartProspect: save a search",
    description: "Saves a set of contact filters under a name so it can be rerun later. Spends nothing.",
    catalogId: "sl.prospect.post_search_filters_save_search",
    kind: "create",
    input: z
      .object({
        search_string: searchString("Name of the saved search"),
        limit: z.number().int().min(1).max(10_000).optional().describe("Result limit stored with the search (1–10000)"),
        ...contactFilters,
      })
      .strict(),
  }),
  t.put("/search-filters/save-search/{id}", {
    name: "smartlead_prospect_rename_saved_search",
    title: "SmartProspect: rename a saved search",
    description: "Renames a saved SmartProspect search.",
    catalogId: "sl.prospect.put_search_filters_save_search_by_id",
    kind: "update",
    input: z.object({ id: id("Saved search id"), search_string: searchString("New name (1–255 characters)") }).strict(),
  }),
  t.put("/search-filters/fetched-searches/{id}", {
    name: "smartlead_prospect_rename_fetched_search",
    title: "SmartProspect: rename a fetched search",
    description: "Renames a fetched (unlocked) SmartProspect search.",
    catalogId: "sl.prospect.put_search_filters_fetched_searches_by_id",
    kind: "update",
    input: z.object({ id: id("Fetched search id"), search_string: searchString("New name (1–255 characters)") }).strict(),
  }),
  t.get("/search-analytics", {
    name: "smartlead_prospect_get_search_analytics",
    title: "SmartProspect: search and credit usage",
    description: "Leads found and emails fetched this month vs last, available credits and today's fetch limit; optionally the counts of one filter.",
    catalogId: "sl.prospect.get_search_analytics",
    input: z.object({ filter_id: filterId.optional() }).strict(),
  }),
  t.get("/reply-analytics", {
    name: "smartlead_prospect_get_reply_analytics",
    title: "SmartProspect: replies from prospected contacts",
    description: "Replies from SmartProspect contacts this month vs last month, with the trend.",
    catalogId: "sl.prospect.get_reply_analytics",
    input: z.object({}).strict(),
  }),
];

export const PROSPECT_TOOLS: ToolDefinition[] = [...CONTACTS, ...SEARCHES, ...LOOKUPS];
