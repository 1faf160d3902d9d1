/**
 * The enrichment cache (opt-in: ENRICHMENT_CACHE_TTL_DAYS > 0). A paid
 * LeadMagic lookup whose normalised input matches one answered within the TTL
 * is answered from KV, spending nothing; the result says `cached: true` and
 * the credits the first answer cost. Keys are a SHA-256 of the tool and its
 * input, so the key list shows no address; the values are the results
 * themselves, which are personal data (SECURITY.md says what to do about that).
 */
import { sha256Hex } from "../crypto";
import { canonicalJson } from "../tools/confirm";
import type { Args, ToolDefinition, ToolOutcome } from "../tools/define";
import type { CacheStore } from "./stores";

/** Every key starts with this, so `wrangler kv key list --prefix` finds them all. */
export const CACHE_PREFIX = "enrich:v1:";

/** Members that describe the spend of the first answer, not the lookup: not repeated from the cache. */
const SPEND_MEMBERS = ["credits_consumed", "credits_cost", "credits_remaining"];

interface Cached {
  data: Record<string, unknown>;
  summary?: string;
  credits: number;
  at: string;
}

export function cacheable(tool: ToolDefinition): boolean {
  return tool.base === "leadmagic" && tool.kind === "paid_read";
}

/** Case, surrounding and repeated spaces, a URL's scheme, "www." and trailing slash do not make a lookup different. */
function normalised(value: unknown): unknown {
  if (typeof value === "string") {
    return value
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/^https?:\/\//, "")
      .replace(/^www\./, "")
      .replace(/\/+$/, "");
  }
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)]));
  return value;
}

export async function cacheKey(tool: ToolDefinition, args: Args): Promise<string> {
  return `${CACHE_PREFIX}${tool.name}:${await sha256Hex(canonicalJson(normalised(args)))}`;
}

/** The cached answer to this lookup, marked as cached and free, or undefined. */
export async function cachedOutcome(store: CacheStore, tool: ToolDefinition, args: Args): Promise<ToolOutcome | undefined> {
  const text = await store.get(await cacheKey(tool, args));
  if (!text) return undefined;
  const hit = JSON.parse(text) as Cached;
  return {
    data: { ...hit.data, cached: true, cached_at: hit.at, credits_consumed: 0, credits_saved: hit.credits },
    summary: `From the enrichment cache (looked up ${hit.at}), so no credits were spent; the first lookup cost ${hit.credits}.${hit.summary ? ` ${hit.summary}` : ""}`,
  };
}

/** Keeps a successful answer for `ttlDays`; `credits` is what it cost. */
export async function keepOutcome(store: CacheStore, ttlDays: number, tool: ToolDefinition, args: Args, outcome: ToolOutcome, credits: number): Promise<void> {
  const data = Object.fromEntries(Object.entries(outcome.data).filter(([k]) => !SPEND_MEMBERS.includes(k)));
  const value: Cached = { data, summary: outcome.summary, credits, at: new Date().toISOString() };
  await store.put(await cacheKey(tool, args), JSON.stringify(value), ttlDays * 86_400);
}
