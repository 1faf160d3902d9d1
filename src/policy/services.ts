/**
 * The Worker's stateful services, from its bindings: each is missing when its
 * binding is (then the policy that needs it says so when a call needs it), and
 * each has an in-memory twin for the in-process test tier.
 */
import type { Env } from "../config";
import { durableUsedTokens, memoryUsedTokens } from "../tools/confirm";
import { durableJobs } from "../workflows/jobs";
import { durableLedger, memoryLedger } from "./budgets";
import { durableContactList, memoryContactList } from "./do-not-contact";
import type { CacheStore, Services } from "./stores";
import { durablePacer, memoryPacer } from "./turns";

export type { Services } from "./stores";

function kvCache(kv: KVNamespace): CacheStore {
  return {
    get: (key) => kv.get(key),
    put: (key, value, ttlSeconds) => kv.put(key, value, { expirationTtl: ttlSeconds }),
  };
}

export function servicesOf(env: Env): Services {
  return {
    usedTokens: env.CONFIRM_LEDGER ? durableUsedTokens(env.CONFIRM_LEDGER) : undefined,
    ledger: env.CREDIT_LEDGER ? durableLedger(env.CREDIT_LEDGER) : undefined,
    contactList: env.CONTACT_LIST ? durableContactList(env.CONTACT_LIST) : undefined,
    cache: env.ENRICHMENT_CACHE ? kvCache(env.ENRICHMENT_CACHE) : undefined,
    jobs: env.IMPORT_JOBS ? durableJobs(env.IMPORT_JOBS) : undefined,
    pacer: env.UPSTREAM_PACER ? durablePacer(env.UPSTREAM_PACER) : undefined,
  };
}

/** One set for a whole in-process stack, as the Durable Objects and KV are one per deployment (jobs: see memoryJobs, which needs the stack's calls). */
export function memoryServices(): Services {
  const cache = new Map<string, { value: string; until: number }>();
  return {
    usedTokens: memoryUsedTokens(),
    ledger: memoryLedger(),
    contactList: memoryContactList(),
    pacer: memoryPacer(),
    cache: {
      async get(key) {
        const hit = cache.get(key);
        return hit && hit.until > Date.now() ? hit.value : null;
      },
      async put(key, value, ttlSeconds) {
        cache.set(key, { value, until: Date.now() + ttlSeconds * 1000 });
      },
    },
  };
}
