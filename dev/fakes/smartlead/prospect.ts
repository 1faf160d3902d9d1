/**
 * Fake SmartProspect routes (prospect host; the fake strips
 * /api/v1/search-email-leads). Bodies follow SmartLead's docs: {success, message, data}.
 */
import type { FakeReply, RecordedRequest } from "../server";
import type { BaseRoute } from "./routes";

type Reply = (req: RecordedRequest, params: Record<string, string>) => FakeReply;
const route = (method: string, path: string, reply: Reply): BaseRoute => ({ base: "smartprospect", method, path, reply });
const ok = (data: unknown, message = "Data retrieved successfully", extra: Record<string, unknown> = {}): FakeReply => ({
  body: { success: true, message, data, ...extra },
});

/** A paged lookup list like /countries: data rows plus SmartProspect's pagination block. */
function lookup(path: string, rows: Record<string, unknown>[], paged = true): BaseRoute {
  return route("GET", path, (req) => {
    const limit = Number(req.query.limit ?? 10);
    const offset = Number(req.query.offset ?? 0);
    const data = rows.slice(offset, offset + limit);
    return paged
      ? ok(data, undefined, { pagination: { limit, offset, page: Math.floor(offset / limit) + 1, count: data.length }, search: req.query.search ?? null })
      : ok(data);
  });
}

const contact = {
  id: "5f22b0c8cff47e0001616f81",
  firstName: "Orhan",
  lastName: "Demiri",
  fullName: "Orhan Demiri",
  title: "Director of Sales",
  company: { name: "Example Corp", website: "example.com" },
  department: ["Sales"],
  level: "Director",
  industry: "Financial Services",
  companyHeadCount: "1K - 10K",
  country: "Germany",
};

const search = (id: number) => ({
  id,
  search_string: "Directors in Germany",
  filter_details: { title: ["Director"], country: ["Germany"], limit: 100 },
  created_at: "2026-01-15T10:00:00.000Z",
  updated_at: "2026-01-20T14:30:00.000Z",
});

const metrics = { totalContacts: 2, totalEmails: 2, noEmailFound: 0, invalidEmails: 0, catchAllEmails: 1, verifiedEmails: 1, completed: 2 };

export const PROSPECT_ROUTES: BaseRoute[] = [
  lookup("/countries", [
    { id: 1, country_name: "United States" },
    { id: 2, country_name: "Germany" },
  ]),
  lookup("/states", [
    { id: 1, state_name: "Texas" },
    { id: 2, state_name: "California" },
  ]),
  lookup("/cities", [
    { id: 1, city_name: "Austin" },
    { id: 2, city_name: "Houston" },
  ]),
  lookup("/departments", [
    { id: 1, department_name: "Engineering" },
    { id: 2, department_name: "Sales" },
  ]),
  lookup("/levels", [
    { id: 1, level_name: "Director" },
    { id: 2, level_name: "VP" },
  ]),
  lookup("/head-counts", [
    { id: 1, head_count: "1-10" },
    { id: 2, head_count: "11-50" },
  ]),
  lookup("/industries", [{ id: 1, industry_name: "Technology", sub_industry_list: [{ sub_industry_name: "Software" }] }]),
  lookup("/sub-industries", [{ id: 1, sub_industry_name: "Software", industry_id: 1 }]),
  lookup(
    "/revenue",
    [
      { id: 1, revenue: "$1M-$10M" },
      { id: 2, revenue: "$10M-$50M" },
    ],
    false,
  ),
  lookup("/company", [{ company_name: "Example Corp" }], false),
  lookup("/domain", [{ domain_name: "example.com" }], false),
  lookup("/job-title", [{ job_title: "Director of Sales" }], false),
  lookup("/keywords", [{ keyword: "payments" }], false),

  route("POST", "/search-contacts", (req) =>
    ok(
      {
        list: [contact].slice(0, Number((req.body as { limit?: number }).limit ?? 1)),
        scroll_id: "FGluY2x1ZGVfY29udGV4dF91dWlk",
        filter_id: 327105,
        total_count: 1,
      },
      "Contacts searched successfully",
    ),
  ),
  route("POST", "/get-contacts", (req) => {
    const b = req.body as { filter_id?: number; limit?: number; offset?: number };
    return ok({
      list: [{ ...contact, email: "orhan@example.com", verificationStatus: "valid", status: "completed" }],
      pagination: { filterId: b.filter_id ?? null, limit: b.limit ?? 10, offset: b.offset ?? 0, total: 1, hasMore: false },
      totalCount: 1,
    });
  }),
  route("POST", "/fetch-contacts", () =>
    ok({ list: [{ ...contact, email: "orhan@example.com", status: "completed" }], total_count: 1, visual_limit: 10, visual_offset: 0, metrics }),
  ),
  route("POST", "/search-contacts/find-emails", (req) =>
    ok(
      ((req.body as { contacts: Record<string, string>[] }).contacts ?? []).map((c, i) => ({
        ...c,
        email_id: i === 0 ? `${c.firstName!.toLowerCase()}@${c.companyDomain}` : "",
        status: i === 0 ? "Found" : "Not Found",
        verification_status: i === 0 ? "Valid" : null,
      })),
      "Find emails completed",
    ),
  ),
  route("PATCH", "/review-contacts/{filter_id}", (_req, p) =>
    ok({ filter_id: Number(p.filter_id), records_updated: 2, fetch_details: { metrics, leads_found: 2, email_fetched: 2 } }, "Contacts reviewed successfully"),
  ),
  route("GET", "/search-filters/saved-searches", () => ok({ savedSearches: [search(327105)], totalCount: 1 })),
  route("GET", "/search-filters/recent-searches", () => ok({ recentSearches: [search(327106)], totalCount: 1 })),
  route("GET", "/search-filters/fetched-searches", () =>
    ok({ fetchedLeads: [{ ...search(327107), type: "saved", is_saved: true, is_fetched: true, fetch_details: { metrics } }], totalCount: 1 }),
  ),
  route("POST", "/search-filters/save-search", () => ({ body: { success: true, message: "Search saved successfully" } })),
  route("PUT", "/search-filters/save-search/{id}", () => ({ body: { success: true, message: "Saved search updated successfully" } })),
  route("PUT", "/search-filters/fetched-searches/{id}", () => ({ body: { success: true, message: "Fetched lead updated successfully" } })),
  route("GET", "/search-analytics", (req) =>
    ok({
      leadsFound: { current: 1200, previousMonth: 1000, percentageChange: 20, percentageChangeText: "+20%", trend: "increase", total: 5000 },
      emailsFetched: { current: 1100, previousMonth: 950, percentageChange: 15.79, percentageChangeText: "+15.79%", trend: "increase", total: 4500 },
      availableCredits: { available: 500, total: 1000, used: 500 },
      leadsFoundToday: 50,
      filterData: req.query.filter_id ? { leadsFound: 200, emailsFetched: 180 } : null,
      maxDailyFetchLimit: 10000,
    }),
  ),
  route("GET", "/reply-analytics", () => ok({ currentMonth: { replied: 150 }, previousMonth: { replied: 120 }, percentage_change: "+25%", trend: "increase" })),
];
