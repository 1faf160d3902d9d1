/**
 * The upstream hosts, in one place: which API each base belongs to, its
 * default URL and the var that overrides it, the name a person sees, and where
 * that API wants its key. Everything else (config, the client, the docs, the
 * fakes) reads these; nothing here imports anything.
 */

/** The two APIs; each has one key. */
export type Upstream = "smartlead" | "leadmagic";

/** The API host a tool talks to. SmartLead has several, each with its own base URL var. */
export type Base = "leadmagic" | "smartlead" | "smartdelivery" | "smartsenders" | "smartprospect";

/** One plan tier's documented request budget for one API key. */
export interface RateTier {
  perMinute: number;
  perHour: number;
  /** Requests in any one second. */
  burstPerSecond: number;
}

/**
 * An upstream's documented rate limits, as its endpoint catalog records them
 * (../shared/reference/*-endpoints.json). Data only: nothing paces by it yet,
 * so a client that wants to stay under a budget can read it from one place.
 */
export interface RateLimits {
  /** Where the figures come from. */
  source: string;
  /** What one budget covers. */
  scope: string;
  /** The documented tiers by plan name; empty when the upstream publishes no figures. */
  tiers: Readonly<Record<string, RateTier>>;
  /** Plans whose limits are agreed per account rather than published. */
  customTiers: readonly string[];
  /** Response headers that report the budget, and the one a 429 carries. */
  headers: { limit: string; remaining: string; reset: string; retryAfter: string };
}

export interface UpstreamInfo {
  /** The name to show a person. */
  label: string;
  /** The secret that holds the key. */
  keyVar: "SMARTLEAD_API_KEY" | "LEADMAGIC_API_KEY";
  /** Where the key goes on every request: SmartLead's api_key query parameter, or LeadMagic's X-API-Key header. */
  key: { in: "query"; name: "api_key" } | { in: "header"; name: "X-API-Key" };
  rateLimits: RateLimits;
}

export const UPSTREAMS: Readonly<Record<Upstream, UpstreamInfo>> = {
  smartlead: {
    label: "SmartLead",
    keyVar: "SMARTLEAD_API_KEY",
    key: { in: "query", name: "api_key" },
    rateLimits: {
      source: "SmartLead docs, guides/rate-limits.mdx (catalog rateLimits)",
      // The page does not say whether Smart Delivery, Smart Senders and SmartProspect draw on the same budget,
      // nor which SmartLead plans are Standard or Pro.
      scope: "per API key, all endpoints combined",
      tiers: {
        Standard: { perMinute: 60, perHour: 1000, burstPerSecond: 10 },
        Pro: { perMinute: 120, perHour: 3000, burstPerSecond: 20 },
      },
      customTiers: ["Enterprise"],
      headers: { limit: "X-RateLimit-Limit", remaining: "X-RateLimit-Remaining", reset: "X-RateLimit-Reset", retryAfter: "Retry-After" },
    },
  },
  leadmagic: {
    label: "LeadMagic",
    keyVar: "LEADMAGIC_API_KEY",
    key: { in: "header", name: "X-API-Key" },
    rateLimits: {
      // The catalog publishes no per-key figures; it only names the headers and marks the /v1/analytics reads unlimited.
      source: "LeadMagic catalog notes (no published figures)",
      scope: "per API key; /v1/analytics/* reads are not rate limited",
      tiers: {},
      customTiers: [],
      headers: { limit: "RateLimit-Limit", remaining: "RateLimit-Remaining", reset: "RateLimit-Reset", retryAfter: "Retry-After" },
    },
  },
};

export interface HostInfo {
  upstream: Upstream;
  defaultUrl: string;
  urlVar: "SMARTLEAD_BASE_URL" | "SMARTDELIVERY_BASE_URL" | "SMARTSENDERS_BASE_URL" | "SMARTPROSPECT_BASE_URL" | "LEADMAGIC_BASE_URL";
  /** The product name in the docs' endpoint column, for hosts other than an API's main one. */
  product?: string;
}

export const HOSTS: Readonly<Record<Base, HostInfo>> = {
  leadmagic: { upstream: "leadmagic", defaultUrl: "https://api.leadmagic.io", urlVar: "LEADMAGIC_BASE_URL" },
  smartlead: { upstream: "smartlead", defaultUrl: "https://server.smartlead.ai/api/v1", urlVar: "SMARTLEAD_BASE_URL" },
  smartdelivery: {
    upstream: "smartlead",
    defaultUrl: "https://smartdelivery.smartlead.ai/api/v1",
    urlVar: "SMARTDELIVERY_BASE_URL",
    product: "Smart Delivery",
  },
  smartsenders: {
    upstream: "smartlead",
    defaultUrl: "https://smart-senders.smartlead.ai/api/v1",
    urlVar: "SMARTSENDERS_BASE_URL",
    product: "Smart Senders",
  },
  smartprospect: {
    upstream: "smartlead",
    defaultUrl: "https://prospect-api.smartlead.ai/api/v1/search-email-leads",
    urlVar: "SMARTPROSPECT_BASE_URL",
    product: "SmartProspect",
  },
};

export const BASES = Object.keys(HOSTS) as Base[];

/** Where a tool runs: against an upstream host, or in this server itself ("local": budgets, tool search, jobs, prompts). */
export type ToolHost = Base | "local";

export function upstreamOf(base: Base): Upstream {
  return HOSTS[base].upstream;
}

/** The name to show a person for the API behind a base ("SmartLead", "LeadMagic"). */
export function upstreamLabel(base: Base): string {
  return UPSTREAMS[upstreamOf(base)].label;
}
