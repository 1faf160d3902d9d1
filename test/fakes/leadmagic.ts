/**
 * Fake LeadMagic: /v1 routes, key in X-API-Key, RFC 9457-style error bodies,
 * credit headers, and the "not found" shape (HTTP 200, null fields, 0 credits).
 * Bodies follow ../shared/reference/leadmagic-endpoints.json and the published spec.
 */
import { FakeUpstream, type FakeReply, type FakeRoute } from "./server";

export const LEADMAGIC_TEST_KEY = "lm_test_key_5f1e2d3c4b";

/** The current (RFC 9457 style) LeadMagic error body. */
export function leadmagicError(status: number, code: string, title: string, detail?: string): FakeReply {
  return {
    status,
    body: { success: false, errors: [{ type: `https://docs.leadmagic.io/errors/${code}`, title, status, code, ...(detail ? { detail } : {}) }], meta: { request_id: "req_fake_0001" } },
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

/** Routes; each domain adds its own. */
export const LEADMAGIC_ROUTES: FakeRoute[] = [
  {
    method: "GET",
    path: "/v1/credits",
    reply: () => ({ body: { credits: 1000 }, headers: { "X-Credits-Remaining": "1000" } }),
  },
  {
    method: "POST",
    path: "/v1/people/email-validation",
    reply: (req) => {
      const email = (req.body as { email?: string })?.email ?? "";
      if (email.startsWith("unknown")) {
        return { body: { email, email_status: "unknown", is_domain_catch_all: true, credits_consumed: 0 }, headers: credits(0) };
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
];

export function createLeadMagicFake(routes: FakeRoute[] = LEADMAGIC_ROUTES): FakeUpstream {
  return new FakeUpstream({
    name: "leadmagic",
    basePath: "",
    authorized: (req) => req.headers["x-api-key"] === LEADMAGIC_TEST_KEY,
    unauthorized: () => leadmagicError(401, "unauthorized", "Unauthorized", "Invalid or missing API key."),
    notFound: () => leadmagicError(404, "not_found", "Not Found", "Route not found."),
    routes,
  });
}
