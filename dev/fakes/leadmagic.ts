/**
 * Fake LeadMagic: /v1 routes, key in X-API-Key, RFC 9457-style error bodies,
 * credit headers, and the "not found" shape (HTTP 200, null fields, 0 credits).
 * Bodies follow ../shared/reference/leadmagic-endpoints.json and the published spec.
 */
import { basePathOf, type FakeReply, type FakeRoute, FakeUpstream, type RecordedRequest } from "./server";

export const LEADMAGIC_TEST_KEY = "lm_test_key_5f1e2d3c4b";

/** The current (RFC 9457 style) LeadMagic error body. */
export function leadmagicError(status: number, code: string, title: string, detail?: string): FakeReply {
  return {
    status,
    body: {
      success: false,
      errors: [{ type: `https://docs.leadmagic.io/errors/${code}`, title, status, code, ...(detail ? { detail } : {}) }],
      meta: { request_id: "req_fake_0001" },
    },
  };
}

/** The older LeadMagic error body. */
export function leadmagicLegacyError(status: number, error: string, message: string): FakeReply {
  return { status, body: { error, message } };
}

const credits = (consumed: number, remaining = 1000 - consumed) => ({
  "X-Credits-Cost": String(consumed),
  "X-Credits-Remaining": String(remaining),
  "RateLimit-Limit": "300",
  "RateLimit-Remaining": "299",
  "RateLimit-Reset": "60",
});

/** Inputs naming "nobody" or "unknown" get LeadMagic's not-found answer: HTTP 200, null fields, 0 credits. */
export function asksForNobody(req: RecordedRequest): boolean {
  return /nobody|unknown/i.test(JSON.stringify(req.body ?? {}));
}

type Body = Record<string, unknown>;
const bodyOf = (req: RecordedRequest): Body => (req.body && typeof req.body === "object" ? (req.body as Body) : {});

/** A paid route: `found` when the input names someone real, `missing` (credits_consumed 0) otherwise. */
function paid(method: string, path: string, found: (b: Body) => Body, missing: (b: Body) => Body): FakeRoute {
  return {
    method,
    path,
    reply: (req) => {
      const b = bodyOf(req);
      if (asksForNobody(req)) return { body: { ...missing(b), credits_consumed: 0 }, headers: credits(0) };
      const body = found(b);
      return { body, headers: credits(Number(body.credits_consumed ?? 0)) };
    },
  };
}

/** A free GET; LeadMagic answers these with the balance header only. */
function free(path: string, body: unknown): FakeRoute {
  return { method: "GET", path, reply: () => ({ body, headers: { "X-Credits-Remaining": "1000" } }) };
}

const ACME_LOCATION = { name: "san francisco, california, united states", locality: "san francisco", region: "california", country: "united states" };

/** Routes; each domain adds its own. */
export const LEADMAGIC_ROUTES: FakeRoute[] = [
  // ── account ──
  {
    method: "GET",
    path: "/v1/credits",
    reply: () => ({
      body: { credits: 1000, is_frozen: false, credits_frozen: 0, credits_liquid: 1000, credit_freeze_message: null, credit_freeze_plan_hint: null },
      headers: { "X-Credits-Remaining": "1000" },
    }),
  },
  { method: "POST", path: "/v1/credits/refresh", reply: () => ({ body: { credits: 1000, refreshed: true }, headers: { "X-Credits-Remaining": "1000" } }) },
  free("/v1/credits/health", { credits: 1000, is_frozen: false, status: "healthy" }),
  free("/v1/analytics/dashboard", { period: "last_30_days", total_requests: 1240, credits_used: 812.5, found_rate: 0.71 }),
  free("/v1/analytics/usage", {
    period: "last_30_days",
    series: [
      { date: "2026-01-30", requests: 41 },
      { date: "2026-01-31", requests: 58 },
    ],
  }),
  free("/v1/analytics/products", {
    products: [
      { product: "email-finder", requests: 900, credits: 640 },
      { product: "email-validation", requests: 300, credits: 75 },
    ],
  }),
  free("/v1/analytics/credits", {
    period: "last_30_days",
    series: [
      { date: "2026-01-30", credits: 22 },
      { date: "2026-01-31", credits: 31.5 },
    ],
  }),
  free("/v1/analytics/summary", { total_requests: 1240, credits_used: 812.5, credits_remaining: 1000 }),
  free("/v1/analytics/daily", [
    { date: "2026-01-30", requests: 41, credits: 22 },
    { date: "2026-01-31", requests: 58, credits: 31.5 },
  ]),
  {
    method: "GET",
    path: "/v1/analytics/day/{date}",
    reply: (_req, params) => ({
      body: { date: params.date, requests: 58, credits: 31.5, by_product: { "email-finder": 29 } },
      headers: { "X-Credits-Remaining": "1000" },
    }),
  },

  // ── people ──
  {
    method: "POST",
    path: "/v1/people/email-validation",
    reply: (req) => {
      const email = (req.body as { email?: string })?.email ?? "";
      if (email.startsWith("unknown")) {
        return { body: { email, email_status: "unknown", is_domain_catch_all: true, credits_consumed: 0 }, headers: credits(0) };
      }
      // As LeadMagic reports them: an undeliverable address is charged, a catch-all domain is not.
      if (email.startsWith("invalid")) {
        return {
          body: { email, email_status: "invalid", is_domain_catch_all: false, credits_consumed: 0.25, message: "Email is invalid." },
          headers: credits(0.25),
        };
      }
      if (email.startsWith("catchall")) {
        return {
          body: { email, email_status: "catch_all", is_domain_catch_all: true, credits_consumed: 0, message: "Domain accepts all addresses." },
          headers: credits(0),
        };
      }
      return {
        body: {
          email,
          email_status: "valid",
          credits_consumed: 0.25,
          message: "Email is valid.",
          is_domain_catch_all: false,
          mx_record: "aspmx.l.google.com",
          mx_provider: "Google",
          mx_security_gateway: false,
          company_name: "Example",
          company_industry: "Software",
          company_size: "51-200",
          company_founded: 2012,
          company_location: { name: "San Francisco, CA", locality: "San Francisco", region: "CA", country: "US" },
          company_linkedin_url: "https://www.linkedin.com/company/example",
          company_linkedin_id: "123456",
          company_facebook_url: null,
          company_twitter_url: null,
          company_type: "private",
        },
        headers: credits(0.25),
      };
    },
  },
  paid(
    "POST",
    "/v1/people/email-finder",
    (b) => ({
      email: `${String(b.first_name ?? "jane").toLowerCase()}@${String(b.domain ?? "example.com")}`,
      status: "valid",
      credits_consumed: 1,
      message: "Valid email found.",
      first_name: b.first_name,
      last_name: b.last_name,
      domain: b.domain ?? "example.com",
      is_domain_catch_all: false,
      mx_record: "aspmx.l.google.com",
      mx_provider: "Google Workspace",
      mx_security_gateway: false,
      company_name: b.company_name ?? "Example",
      company_industry: "Software",
      company_size: "51-200",
      company_founded: 2012,
      company_type: "private",
      company_linkedin_url: "profiles.example.com/company/example",
      company_linkedin_id: "123456",
      company_location: ACME_LOCATION,
    }),
    (b) => ({ email: null, status: "not_found", message: "No valid email found.", first_name: b.first_name, last_name: b.last_name, domain: b.domain ?? null }),
  ),
  paid(
    "POST",
    "/v1/people/personal-email-finder",
    () => ({ personal_email: "jane.doe.home@gmail.com", status: "found", credits_consumed: 2, message: "Personal email found" }),
    () => ({ personal_email: null, status: "not_found", message: "Personal email not found" }),
  ),
  paid(
    "POST",
    "/v1/people/b2b-profile-email",
    () => ({ work_email: "jane@example.com", status: "found", credits_consumed: 5, message: "Work email found" }),
    () => ({ work_email: null, status: "not_found", message: "Work email not found" }),
  ),
  paid(
    "POST",
    "/v1/people/profile-search",
    (b) => ({
      profile_url: b.profile_url,
      first_name: "Jane",
      last_name: "Doe",
      full_name: "Jane Doe",
      public_identifier: "janedoe",
      headline: "VP Marketing at Example",
      company_name: "Example",
      company_size: "51-200",
      company_industry: "software",
      company_website: "example.com",
      total_tenure_months: "40",
      total_tenure_years: "3.33",
      connections: 500,
      followers: 1893,
      country: "United States",
      location: "San Francisco, California, United States",
      about: "Marketing leader.",
      experiences: [{ company_id: "123456", title: "VP Marketing", subtitle: "Example", caption: "2022 - Present · 3 yrs 4 mos" }],
      educations: [{ title: "Stanford University", caption: "2008 - 2012" }],
      credits_consumed: 1,
    }),
    (b) => ({ profile_url: b.profile_url, full_name: null, first_name: null, last_name: null, headline: null, message: "Profile not found" }),
  ),
  paid(
    "POST",
    "/v1/people/b2b-profile",
    () => ({ profile_url: "https://profiles.example.com/janedoe", message: "Profile URL found", credits_consumed: 10 }),
    () => ({ profile_url: null, message: "Profile URL not found" }),
  ),
  paid(
    "POST",
    "/v1/people/mobile-finder",
    () => ({ message: "Mobile found", credits_consumed: 5, mobile_number: "+14155550123" }),
    () => ({ message: "mobile not found", mobile_number: null }),
  ),
  paid(
    "POST",
    "/v1/people/role-finder",
    (b) => ({
      message: "Role found.",
      credits_consumed: 2,
      first_name: "Jane",
      last_name: "Doe",
      full_name: "Jane Doe",
      profile_url: "https://profiles.example.com/janedoe",
      job_title: b.job_title,
      company_name: b.company_name ?? "Example",
      company_website: b.company_domain ?? "example.com",
    }),
    () => ({ message: "Role not found.", full_name: null, profile_url: null }),
  ),
  paid(
    "POST",
    "/v1/people/employee-finder",
    (b) => {
      // Current clients send limit (no page offsets); the answer holds at most that many employees.
      const n = Math.min(Number(b.limit ?? 20), 3);
      const data = [
        { first_name: "Jane", last_name: "Doe", title: "VP Marketing", website: "http://www.example.com", company_name: b.company_name },
        { first_name: "John", last_name: "Roe", title: "Senior Software Engineer", website: "http://www.example.com", company_name: b.company_name },
        { first_name: "Ana", last_name: "Lim", title: "Account Executive", website: "http://www.example.com", company_name: b.company_name },
      ].slice(0, n);
      return {
        message: "Data found for the given company.",
        total_count: 212,
        returned_count: data.length,
        credits_consumed: Math.round(data.length * 5) / 100,
        data,
      };
    },
    () => ({ message: "No data found for the given company.", total_count: 0, returned_count: 0, data: [] }),
  ),
  {
    method: "POST",
    path: "/v1/people/job-change-detector",
    reply: (req) => {
      // Always charged, found or not.
      const changed = !asksForNobody(req);
      const body = changed
        ? {
            job_change_detected: true,
            status: "JOB_CHANGE_DETECTED",
            message: "The person no longer works at the given company.",
            current_position: { company_name: "NewCo", title: "CMO", start_date: "2025-09" },
            work_history: [
              { company_name: "NewCo", title: "CMO" },
              { company_name: "Example", title: "VP Marketing" },
            ],
            credits_consumed: 3,
          }
        : {
            job_change_detected: false,
            status: "NO_CHANGE",
            message: "Still at the given company.",
            current_position: null,
            work_history: [],
            credits_consumed: 3,
          };
      return { body, headers: credits(3) };
    },
  },

  // ── companies ──
  paid(
    "POST",
    "/v1/companies/company-search",
    (b) => ({
      // The camelCase variant some versions return.
      companyName: b.company_name ?? "Example",
      companyId: 75153174,
      industry: "Software Development",
      employeeCount: 212,
      employeeCountRange: "201-500",
      websiteUrl: `https://${String(b.company_domain ?? "example.com")}`,
      description: "Example builds software.",
      headquarters: { city: "San Francisco", country: "US" },
      specialities: ["SaaS", "Analytics"],
      founded_on: { year: 2012, month: null, day: null },
      credits_consumed: 1,
    }),
    () => ({ companyName: null, company_name: null, industry: null, employeeCount: null, message: "Company not found" }),
  ),
  paid(
    "POST",
    "/v1/companies/company-funding",
    (b) => ({
      basicInfo: {
        companyName: b.company_name ?? "Example Inc.",
        shortName: "Example",
        founded: "2012",
        primaryDomain: b.company_domain ?? "example.com",
        ownership: "Private",
        followers: 18169,
      },
      financialInfo: { revenue: 41000000, formattedRevenue: "41M", totalFunding: 61000000, formattedFunding: "61M" },
      fundingHistory: [{ round_type: "Series B", amount: "40M", date: "2023-04-01", investors: ["Fund One"] }],
      companySize: { employees: 212, employeeRange: "201 - 500" },
      topCompetitors: [{ name: "Rival", revenue: "", employees: "350", website: "https://rival.example" }],
      credits_consumed: 4,
    }),
    () => ({ basicInfo: null, financialInfo: null, fundingHistory: [], companySize: null, topCompetitors: [], message: "Company not found" }),
  ),
  paid(
    "POST",
    "/v1/companies/competitors-search",
    () => ({
      competitors: [
        { name: "Rival", shortDescription: "Analytics for teams", founded_year: 2015, employeesCount: 350, valuation: null },
        { name: "Other Co", shortDescription: "BI platform", founded_year: 2010, employeesCount: 1200, valuation: "1.2B" },
      ],
      credits_consumed: 5,
    }),
    () => ({ competitors: [], message: "No competitors found" }),
  ),
  {
    method: "POST",
    path: "/v1/companies/technographics",
    reply: (req) => {
      if (asksForNobody(req)) return { body: [], headers: credits(0) };
      // A bare array, as the CLI sources describe it.
      return {
        body: [
          { name: "Google Analytics", description: "Web analytics", categories: ["Analytics"], sub_technologies: [] },
          { name: "HubSpot", description: "Marketing automation", categories: ["Marketing Automation"], sub_technologies: ["HubSpot Forms"] },
        ],
        headers: credits(1),
      };
    },
  },

  // ── jobs ──
  paid(
    "POST",
    "/v1/jobs/jobs-finder",
    (b) => {
      const perPage = Number(b.per_page ?? 20);
      const results = [
        {
          company: {
            name: b.company_name ?? "Example",
            website_url: "https://www.example.com/",
            linkedin_url: "https://profiles.example.com/company/example/",
            is_agency: false,
          },
          title: b.job_title ?? "Data Engineer",
          location: "New York, New York, United States",
          types: [{ id: 1, name: "Full Time" }],
          published: "2026-01-20T10:00:00Z",
          application_url: "https://jobs.example.com/123",
          language: "en",
          salary_min: "120000",
          salary_max: "160000",
          salary_currency: "USD",
          experience_level: "Senior Level",
          description: "Build pipelines.",
        },
      ].slice(0, perPage);
      return { total_count: 14, page: Number(b.page ?? 1), per_page: perPage, total_pages: Math.ceil(14 / perPage), credits_consumed: results.length, results };
    },
    (b) => ({ total_count: 0, page: Number(b.page ?? 1), per_page: Number(b.per_page ?? 20), total_pages: 0, results: [] }),
  ),
  free("/v1/jobs/countries", [
    { id: "US", name: "United States" },
    { id: "CA", name: "Canada" },
    { id: "UK", name: "United Kingdom" },
  ]),
  free("/v1/jobs/job-types", [
    { id: 1, name: "Full Time" },
    { id: 2, name: "Part Time" },
    { id: 3, name: "Contract" },
  ]),
  free("/v1/jobs/regions", [
    { id: 1, name: "North America" },
    { id: 2, name: "Europe" },
  ]),
  free("/v1/jobs/industries", [
    { id: 4, name: "Software Development" },
    { id: 9, name: "Financial Services" },
  ]),
  free("/v1/jobs/company-types", [
    { id: 1, name: "Direct Employer" },
    { id: 2, name: "Staffing Agency" },
  ]),

  // ── ads ──
  paid(
    "POST",
    "/v1/ads/google-ads-search",
    () => ({
      credits_consumed: 2,
      ads: [
        {
          advertiser_id: "AR14106062795078369281",
          creative_id: "CR14003695067076755457",
          advertiser_name: "Example Inc",
          format: "Text",
          start: "2025-03-06",
          last_seen: "2025-06-27",
          original_url: "https://adstransparency.google.com/advertiser/AR14106062795078369281/creative/CR14003695067076755457",
          variants: [{ content: "<div>Try Example</div>", height: null, width: null }],
        },
        {
          advertiser_id: "AR14106062795078369281",
          creative_id: "CR2",
          advertiser_name: "Example Inc",
          format: "Image",
          start: "2025-04-01",
          last_seen: "2025-06-20",
          original_url: "https://adstransparency.google.com/x",
          variants: [],
        },
      ],
    }),
    () => ({ ads: [] }),
  ),
  paid(
    "POST",
    "/v1/ads/meta-ads-search",
    () => ({
      credits_consumed: 1,
      ads: [
        {
          ad_archive_id: "618153827656899",
          page_id: "105549201674375",
          page_name: "Example",
          is_active: true,
          publisher_platform: ["facebook", "instagram"],
          snapshot: { body: { markup: "Meet Example." }, title: "Example", cta_text: "Learn more", images: [], videos: [] },
        },
      ],
    }),
    () => ({ ads: [] }),
  ),
  paid(
    "POST",
    "/v1/ads/b2b-ads-search",
    () => ({
      credits_consumed: 2,
      ads: [
        {
          ad_id: "633872143",
          company_name: "Example",
          ad_title: "Example for teams",
          ad_description: "See how teams use Example.",
          ad_url: "https://www.linkedin.com/ad-library/detail/633872143",
        },
        {
          ad_id: "633872144",
          company_name: "Example",
          ad_title: "Example webinar",
          ad_description: "Join us.",
          ad_url: "https://www.linkedin.com/ad-library/detail/633872144",
        },
      ],
    }),
    () => ({ ads: [] }),
  ),
  paid(
    "POST",
    "/v1/ads/b2b-ads-details",
    (b) => ({
      ad_url: b.ad_url,
      ad_id: "633872143",
      company_name: "Example",
      ad_title: "Example for teams",
      ad_description: "See how teams use Example.",
      adDetails: { ads_type: "Video Ad", cta: { text: "Learn more" } },
      campaign_info: { campaign_name: "Q1 launch", start_date: "2026-01-05", end_date: null },
      credits_consumed: 2,
    }),
    (b) => ({ ad_url: b.ad_url, adDetails: null, ad_title: null, message: "Ad not found" }),
  ),
];

export function createLeadMagicFake(routes: FakeRoute[] = LEADMAGIC_ROUTES): FakeUpstream {
  return new FakeUpstream({
    name: "leadmagic",
    basePath: basePathOf("leadmagic"),
    authorized: (req) => req.headers["x-api-key"] === LEADMAGIC_TEST_KEY,
    unauthorized: () => leadmagicError(401, "unauthorized", "Unauthorized", "Invalid or missing API key."),
    notFound: () => leadmagicError(404, "not_found", "Not Found", "Route not found."),
    routes,
  });
}
