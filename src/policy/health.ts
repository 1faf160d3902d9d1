/** What /health says about the spend and send policy and the upstream pacing: which parts are on, and whether their storage is bound. Counts only, never entries. */
import type { Config, Env } from "../config";
import { METERS, type Meter, rateLimitText } from "./settings";

export function policyHealth(config: Config, env: Env) {
  const budgets = Object.fromEntries((Object.keys(METERS) as Meter[]).map((m) => [m, config.budgets[m] ? "on" : "off"]));
  return {
    budgets: { ...budgets, ledger: env.CREDIT_LEDGER ? "durable_object" : "missing" },
    scoped_tokens: config.scopes.size,
    do_not_contact: { setting_entries: config.doNotContact.emails.size + config.doNotContact.domains.size, managed_list: Boolean(env.CONTACT_LIST) },
    enrichment_cache:
      config.enrichmentCacheDays > 0 ? { ttl_days: config.enrichmentCacheDays, store: env.ENRICHMENT_CACHE ? "kv" : "missing" } : { ttl_days: 0 },
    // Per minute / per hour / per second, as the settings write them; no key material.
    upstream_pacing: {
      smartlead: rateLimitText(config.pacing.smartlead),
      leadmagic: rateLimitText(config.pacing.leadmagic),
      store: env.UPSTREAM_PACER ? "durable_object" : "missing",
    },
  };
}
