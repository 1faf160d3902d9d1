/**
 * Fake SmartLead hosts: the main API, Smart Delivery, Smart Senders and
 * SmartProspect, each its own server (so tests can assert the host). The key
 * must arrive as the api_key query parameter; a missing or wrong key gets
 * SmartLead's 401 body; an unknown route gets its plain-text 404 "Cannot GET …".
 */
import type { Base } from "../../../src/upstream/hosts";
import { basePathOf, type FakeReply, type FakeRoute, FakeUpstream } from "../server";
import { SMARTDELIVERY_ROUTES, SMARTLEAD_MAIN_ROUTES, SMARTPROSPECT_ROUTES, SMARTSENDERS_ROUTES } from "./routes";

export const SMARTLEAD_TEST_KEY = "sl_test_key_9a8b7c6d5e";

export type SmartLeadBase = Exclude<Base, "leadmagic">;

const ROUTES: Record<SmartLeadBase, FakeRoute[]> = {
  smartlead: SMARTLEAD_MAIN_ROUTES,
  smartdelivery: SMARTDELIVERY_ROUTES,
  smartsenders: SMARTSENDERS_ROUTES,
  smartprospect: SMARTPROSPECT_ROUTES,
};

export function smartleadUnauthorized(): FakeReply {
  return { status: 401, body: { success: false, error: { code: "UNAUTHORIZED", message: "Invalid or missing API key" } } };
}

/** SmartLead's answer past the rate limit (catalog rateLimits.onLimit; Retry-After only on 429). */
export function smartleadRateLimited(): FakeReply {
  return {
    status: 429,
    headers: { "retry-after": "1" },
    body: { error: { code: "RATE_LIMIT_EXCEEDED", message: "Too many requests. Please retry after 1 seconds.", retry_after: 1 } },
  };
}

export function createSmartLeadFake(base: SmartLeadBase): FakeUpstream {
  const basePath = basePathOf(base);
  return new FakeUpstream({
    name: base,
    basePath,
    authorized: (req) => req.query.api_key === SMARTLEAD_TEST_KEY,
    unauthorized: smartleadUnauthorized,
    notFound: (req) => ({
      status: 404,
      body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${req.method} ${basePath}${req.path}</pre>\n</body>\n</html>\n`,
      headers: { "content-type": "text/html; charset=utf-8" },
    }),
    routes: ROUTES[base],
  });
}
