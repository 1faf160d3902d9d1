/**
 * The policy settings, parsed at startup with the rest of the configuration:
 * daily budgets (CREDIT_BUDGETS, PROSPECT_BUDGETS, PURCHASE_BUDGETS), token
 * scopes (MCP_TOKEN_SCOPES), the do-not-contact list (DO_NOT_CONTACT) and the
 * enrichment cache (ENRICHMENT_CACHE_TTL_DAYS), and the upstream pacing
 * (SMARTLEAD_RATE_LIMIT, LEADMAGIC_RATE_LIMIT). No zod here: this runs on the
 * first request of every isolate. Errors name the setting and the entry.
 */
import { ConfigError, listOf } from "../settings";
import { TOOLSET_IDS } from "../tools/toolsets";
import type { RateTier } from "../upstream/hosts";
import type { PaceLimits } from "./pacing";

/** What a daily budget counts. Each has its own setting; see README "Spend and send policy". */
export type Meter = "leadmagic_credits" | "prospect_credits" | "purchases";

export const METERS: Readonly<Record<Meter, { setting: "CREDIT_BUDGETS" | "PROSPECT_BUDGETS" | "PURCHASE_BUDGETS"; unit: string }>> = {
  leadmagic_credits: { setting: "CREDIT_BUDGETS", unit: "LeadMagic credits" },
  prospect_credits: { setting: "PROSPECT_BUDGETS", unit: "SmartProspect credits" },
  purchases: { setting: "PURCHASE_BUDGETS", unit: "Smart Senders domains" },
};

/** One budget setting: a limit per user per UTC day, and `*` for every other user. */
export interface UserLimits {
  users: ReadonlyMap<string, number>;
  fallback?: number;
}

/** A budget amount: a non-negative number with at most 6 decimals (LeadMagic charges 0.05 for some results). */
const AMOUNT = /^\d{1,12}(\.\d{1,6})?$/;

/** `alice:500,ci-bot:0,*:200`; unset or empty means no budget. Names must be configured token names. */
export function parseBudgets(setting: string, raw: string | undefined, userNames: readonly string[]): UserLimits | undefined {
  const entries = listOf(raw);
  if (entries.length === 0) return undefined;
  const users = new Map<string, number>();
  let fallback: number | undefined;
  entries.forEach((entry, i) => {
    const where = `${setting} entry ${i + 1}`;
    const colon = entry.lastIndexOf(":");
    const name = entry.slice(0, colon).trim();
    const amount = entry.slice(colon + 1).trim();
    if (colon < 0 || !AMOUNT.test(amount)) throw new ConfigError(`${where} must be name:amount with a non-negative amount, e.g. alice:500 or *:200`);
    if (name === "*") {
      if (fallback !== undefined) throw new ConfigError(`${where}: * is given twice`);
      fallback = Number(amount);
      return;
    }
    if (!userNames.includes(name)) throw new ConfigError(`${where}: ${name} is not a name in MCP_ACCESS_TOKENS`);
    if (users.has(name)) throw new ConfigError(`${where}: ${name} is given twice`);
    users.set(name, Number(amount));
  });
  return { users, fallback };
}

/** A user's daily limit under one setting; undefined means unlimited. */
export function limitOf(limits: UserLimits | undefined, user: string): number | undefined {
  return limits ? (limits.users.get(user) ?? limits.fallback) : undefined;
}

/**
 * What one access token (and every OAuth grant approved with it) may do:
 * only read, only the named toolsets, only these SmartLead clients and campaigns.
 * An absent member leaves that dimension open.
 */
export interface Scope {
  readOnly: boolean;
  toolsets?: ReadonlySet<string>;
  clients?: ReadonlySet<number>;
  campaigns?: ReadonlySet<number>;
  /** Stable text of the scope, for caches keyed by what a connection may see. */
  key: string;
}

const SCOPE_MEMBERS = ["read_only", "toolsets", "smartlead_clients", "smartlead_campaigns"] as const;

function idSet(where: string, value: unknown): ReadonlySet<number> {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isInteger(v) && v > 0)) {
    throw new ConfigError(`${where} must be a non-empty list of positive integer ids`);
  }
  return new Set(value as number[]);
}

/**
 * MCP_TOKEN_SCOPES: a JSON object from token name to its limits, e.g.
 * {"ci-bot":{"read_only":true},"acme":{"toolsets":["smartlead_campaigns"],"smartlead_clients":[301]}}.
 * A name absent from it may do everything the deployment offers.
 */
export function parseTokenScopes(raw: string | undefined, userNames: readonly string[]): ReadonlyMap<string, Scope> {
  const scopes = new Map<string, Scope>();
  if (!raw?.trim()) return scopes;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('MCP_TOKEN_SCOPES must be a JSON object such as {"ci-bot":{"read_only":true}}');
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ConfigError("MCP_TOKEN_SCOPES must be a JSON object of token names");
  const known = new Set<string>([...TOOLSET_IDS, "default"]);
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const where = `MCP_TOKEN_SCOPES.${name}`;
    if (!userNames.includes(name)) throw new ConfigError(`${where}: ${name} is not a name in MCP_ACCESS_TOKENS`);
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new ConfigError(`${where} must be an object`);
    const v = value as Record<string, unknown>;
    const extra = Object.keys(v).filter((k) => !(SCOPE_MEMBERS as readonly string[]).includes(k));
    if (extra.length) throw new ConfigError(`${where}: unknown member ${extra[0]} (known: ${SCOPE_MEMBERS.join(", ")})`);
    if (v.read_only !== undefined && typeof v.read_only !== "boolean") throw new ConfigError(`${where}.read_only must be true or false`);
    let toolsets: Set<string> | undefined;
    if (v.toolsets !== undefined) {
      if (!Array.isArray(v.toolsets) || v.toolsets.length === 0 || !v.toolsets.every((t) => typeof t === "string")) {
        throw new ConfigError(`${where}.toolsets must be a non-empty list of toolset names`);
      }
      const unknown = (v.toolsets as string[]).filter((t) => !known.has(t));
      if (unknown.length) throw new ConfigError(`${where}.toolsets: unknown toolset ${unknown[0]}`);
      toolsets = new Set(v.toolsets as string[]);
    }
    const clients = v.smartlead_clients === undefined ? undefined : idSet(`${where}.smartlead_clients`, v.smartlead_clients);
    const campaigns = v.smartlead_campaigns === undefined ? undefined : idSet(`${where}.smartlead_campaigns`, v.smartlead_campaigns);
    const scope = { readOnly: v.read_only === true, toolsets, clients, campaigns };
    const sorted = (s?: ReadonlySet<string | number>) => (s ? [...s].sort() : null);
    const key = JSON.stringify([scope.readOnly, sorted(toolsets), sorted(clients), sorted(campaigns)]);
    scopes.set(name, { ...scope, key });
  }
  return scopes;
}

/** A do-not-contact list: exact addresses, and domains (which cover their subdomains too). */
export interface ContactList {
  emails: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const LOCAL_PART = /^[^\s@]{1,64}$/;

/**
 * One entry of a do-not-contact list in its stored form: an address or a domain,
 * lower-cased (a leading "@" or "*." on a domain is dropped); undefined when it is neither.
 */
export function contactEntry(text: string): string | undefined {
  const entry = text
    .trim()
    .toLowerCase()
    .replace(/^@|^\*\./, "");
  const at = entry.lastIndexOf("@");
  if (at < 0) return DOMAIN.test(entry) ? entry : undefined;
  return LOCAL_PART.test(entry.slice(0, at)) && DOMAIN.test(entry.slice(at + 1)) ? entry : undefined;
}

/** DO_NOT_CONTACT: comma-separated addresses and domains, e.g. `acme.com,ceo@rival.io`. */
export function parseContactList(raw: string | undefined): ContactList {
  const emails = new Set<string>();
  const domains = new Set<string>();
  listOf(raw).forEach((text, i) => {
    const entry = contactEntry(text);
    if (!entry) throw new ConfigError(`DO_NOT_CONTACT entry ${i + 1} is neither an email address nor a domain`);
    (entry.includes("@") ? emails : domains).add(entry);
  });
  return { emails, domains };
}

/** ENRICHMENT_CACHE_TTL_DAYS: 0 (off, the default) to 365. */
export function parseCacheDays(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 365) throw new ConfigError("ENRICHMENT_CACHE_TTL_DAYS must be a whole number of days from 0 (off) to 365");
  return n;
}

/** Each limit of a custom rate limit may be at most this (the pacer keeps one entry per request of the last hour). */
export const PACE_MAX_PER_HOUR = 100_000;

/**
 * SMARTLEAD_RATE_LIMIT / LEADMAGIC_RATE_LIMIT: `off`, a documented tier by
 * name (`standard`, `pro`: the upstream's tiers in ../upstream/hosts.ts), or
 * `<perMinute>/<perHour>/<burstPerSecond>`, e.g. `90/2000/15`. Unset or empty
 * is `fallback`. Undefined means no pacing.
 */
export function parseRateLimit(setting: string, raw: string | undefined, tiers: Readonly<Record<string, RateTier>>, fallback: string): PaceLimits | undefined {
  const text = (raw === undefined || raw.trim() === "" ? fallback : raw).trim().toLowerCase();
  if (text === "off") return undefined;
  const tier = Object.entries(tiers).find(([name]) => name.toLowerCase() === text)?.[1];
  if (tier) return { perSecond: tier.burstPerSecond, perMinute: tier.perMinute, perHour: tier.perHour };
  const names = [...Object.keys(tiers).map((n) => n.toLowerCase()), "off"].join(", ");
  const m = /^(\d{1,6})\/(\d{1,6})\/(\d{1,6})$/.exec(text);
  if (!m) throw new ConfigError(`${setting} must be one of ${names}, or <perMinute>/<perHour>/<burstPerSecond> such as 90/2000/15`);
  const [perMinute, perHour, perSecond] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (perSecond < 1 || perSecond > perMinute || perMinute > perHour) {
    throw new ConfigError(`${setting}: each limit must be at least 1, the burst at most the per-minute limit, and that at most the per-hour limit`);
  }
  if (perHour > PACE_MAX_PER_HOUR) throw new ConfigError(`${setting}: the per-hour limit may be at most ${PACE_MAX_PER_HOUR}`);
  return { perSecond, perMinute, perHour };
}

/** A rate limit as its setting writes it: `60/1000/10`, or `off`. */
export function rateLimitText(limits: PaceLimits | undefined): string {
  return limits ? `${limits.perMinute}/${limits.perHour}/${limits.perSecond}` : "off";
}
