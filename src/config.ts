/**
 * The configuration contract: every Worker secret and var this server reads,
 * parsed once per isolate (keyed by the env object) into a typed Config.
 * Names here are documented in README.md and .dev.vars.example.
 */
import { configureLog } from "./log";
import type { PaceLimits } from "./policy/pacing";
import {
  type ContactList,
  METERS,
  type Meter,
  parseBudgets,
  parseCacheDays,
  parseContactList,
  parseRateLimit,
  parseTokenScopes,
  type Scope,
  type UserLimits,
} from "./policy/settings";
import { ConfigError, flag, fraction, listOf, positiveInt } from "./settings";
import { BASES, type Base, HOSTS, UPSTREAMS, type Upstream } from "./upstream/hosts";
import { secretScrubber } from "./upstream/redact";

export { ConfigError } from "./settings";
export type { Upstream } from "./upstream/hosts";

export const MAX_REQUEST_BYTES_DEFAULT = 1024 * 1024;

export interface Env {
  SMARTLEAD_API_KEY?: string;
  LEADMAGIC_API_KEY?: string;
  SMARTLEAD_BASE_URL?: string;
  SMARTDELIVERY_BASE_URL?: string;
  SMARTSENDERS_BASE_URL?: string;
  SMARTPROSPECT_BASE_URL?: string;
  LEADMAGIC_BASE_URL?: string;
  UPSTREAM_TIMEOUT_MS?: string;
  UPSTREAM_MAX_RESPONSE_BYTES?: string;
  MCP_TOOLSETS?: string;
  MCP_READ_ONLY?: string;
  MCP_ADMIN_TOOLS?: string;
  CONFIRM_ACTIONS?: string;
  CONFIRMATION_SECRET?: string;
  /** Comma-separated `name:token` pairs; the name is the user identity. */
  MCP_ACCESS_TOKENS?: string;
  /** Comma-separated extra browser origins allowed to call this server (its own origin always is). */
  ALLOWED_ORIGINS?: string;
  MAX_REQUEST_BYTES?: string;
  SSE_KEEPALIVE_SECONDS?: string;
  RATE_LIMIT_USER_PER_MINUTE?: string;
  RATE_LIMIT_IP_PER_MINUTE?: string;
  /** Daily budgets per user (`name:amount,*:amount`): LeadMagic credits, SmartProspect credits, Smart Senders domains. */
  CREDIT_BUDGETS?: string;
  PROSPECT_BUDGETS?: string;
  PURCHASE_BUDGETS?: string;
  /** JSON: what each access token may do (read-only, toolsets, SmartLead clients and campaigns). */
  MCP_TOKEN_SCOPES?: string;
  /** Comma-separated addresses and domains no send or lead import may reach. */
  DO_NOT_CONTACT?: string;
  ENRICHMENT_CACHE_TTL_DAYS?: string;
  /** Upstream pacing per API key: `standard`, `pro`, `<perMinute>/<perHour>/<burstPerSecond>` or `off`. */
  SMARTLEAD_RATE_LIMIT?: string;
  LEADMAGIC_RATE_LIMIT?: string;
  /** Share (0–1) of successful free-read tool calls whose audit line is written; everything else is always written. */
  LOG_SAMPLE_RATE?: string;
  MCP_SSE: DurableObjectNamespace;
  /** Used confirmation tokens (src/tools/confirm-ledger.ts): each token carries out one call. */
  CONFIRM_LEDGER?: DurableObjectNamespace;
  /** Budget reservations and spend per user and UTC day (src/policy/ledger.ts). Without it budgets cannot be enforced and paid calls are refused. */
  CREDIT_LEDGER?: DurableObjectNamespace;
  /** The do-not-contact entries managed with the gtm_* tools (src/policy/contact-list.ts), beside DO_NOT_CONTACT. */
  CONTACT_LIST?: DurableObjectNamespace;
  /** Cached LeadMagic results when ENRICHMENT_CACHE_TTL_DAYS > 0 (personal data: see SECURITY.md). */
  ENRICHMENT_CACHE?: KVNamespace;
  /** Verified-import jobs, one object per job (src/workflows/import-job.ts). */
  IMPORT_JOBS?: DurableObjectNamespace;
  /** One token bucket per upstream API key (src/policy/pacer.ts). Without it calls are not paced. */
  UPSTREAM_PACER?: DurableObjectNamespace;
  /** OAuth grants, clients and tokens (workers-oauth-provider). Without it OAuth is off; static tokens still work. */
  OAUTH_KV?: KVNamespace;
  /** Rate-limit counters. Without it limits are counted per isolate only. */
  RATE_LIMIT_KV?: KVNamespace;
}

export interface Config {
  keys: Partial<Record<Upstream, string>>;
  baseUrls: Record<Base, string>;
  timeoutMs: number;
  maxResponseBytes: number;
  defaultToolsets: string;
  forceReadOnly: boolean;
  /** MCP_ADMIN_TOOLS: offer the tools that create lasting access (client API keys, webhooks, mailboxes); off by default. */
  adminTools: boolean;
  confirmActions: boolean;
  confirmationSecret?: string;
  /** Static bearer tokens from MCP_ACCESS_TOKENS; empty means the MCP routes are closed (503). */
  accessTokens: AccessToken[];
  /** Normalized origins (scheme://host[:port]) allowed besides the server's own. */
  allowedOrigins: string[];
  maxRequestBytes: number;
  /** An idle legacy SSE stream gets a keep-alive comment this often (and a vanished client is noticed). */
  sseKeepaliveSeconds: number;
  rateLimits: { userPerMinute: number; ipPerMinute: number };
  /** Daily limits per meter; a meter without a setting is unlimited. */
  budgets: Readonly<Record<Meter, UserLimits | undefined>>;
  /** Token name → what it may do; a name without an entry may do everything. */
  scopes: ReadonlyMap<string, Scope>;
  /** DO_NOT_CONTACT (the managed list lives in the CONTACT_LIST Durable Object). */
  doNotContact: ContactList;
  /** ENRICHMENT_CACHE_TTL_DAYS; 0 is off. */
  enrichmentCacheDays: number;
  /** Each upstream key's request budget (SMARTLEAD_RATE_LIMIT, LEADMAGIC_RATE_LIMIT); undefined is not paced. */
  pacing: Readonly<Record<Upstream, PaceLimits | undefined>>;
  /** LOG_SAMPLE_RATE (default 1): see ./log.ts for which lines it samples. */
  logSampleRate: number;
  /**
   * Removes every secret of this deployment (both upstream keys, the
   * confirmation secret, every access token), in every spelling, from a text:
   * applied to every tool result and every log line.
   */
  scrub: (text: string) => string;
}

export interface AccessToken {
  name: string;
  token: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

function baseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new ConfigError(`${name} must use https (plain http is allowed only for loopback hosts)`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${name} must not carry a query string, fragment or credentials`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Names become the OAuth user id (which must not contain ":") and appear in logs. */
export const ACCESS_TOKEN_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** Shorter tokens work (a quick local probe may use one) but /health counts them as weak. */
export const ACCESS_TOKEN_MIN_LENGTH = 16;
/** RFC 6750 b64token characters: anything a client can send as `Authorization: Bearer <token>`. */
const ACCESS_TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]+$/;

/** The names whose tokens are shorter than ACCESS_TOKEN_MIN_LENGTH (/health reports how many). */
export function weakTokenNames(tokens: readonly AccessToken[]): string[] {
  return tokens.filter((t) => t.token.length < ACCESS_TOKEN_MIN_LENGTH).map((t) => t.name);
}

/** Parses `name:token,name:token`. Errors name the entry and never echo a token. */
export function parseAccessTokens(raw: string | undefined): AccessToken[] {
  const out: AccessToken[] = [];
  listOf(raw).forEach((entry, i) => {
    const where = `MCP_ACCESS_TOKENS entry ${i + 1}`;
    const colon = entry.indexOf(":");
    if (colon < 0) throw new ConfigError(`${where} must be name:token`);
    const name = entry.slice(0, colon).trim();
    const token = entry.slice(colon + 1).trim();
    if (!ACCESS_TOKEN_NAME.test(name)) throw new ConfigError(`${where}: the name must be 1-64 characters of A-Z a-z 0-9 _ . -`);
    if (token === "") throw new ConfigError(`${where} (${name}): the token is empty`);
    if (!ACCESS_TOKEN_CHARS.test(token)) throw new ConfigError(`${where} (${name}): the token may only use A-Z a-z 0-9 . _ ~ + / = -`);
    if (out.some((t) => t.name === name)) throw new ConfigError(`${where}: the name ${name} is used twice`);
    if (out.some((t) => t.token === token)) throw new ConfigError(`${where} (${name}): the same token is configured twice`);
    out.push({ name, token });
  });
  return out;
}

/** ALLOWED_ORIGINS: each entry an origin (scheme://host[:port]), no wildcard. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  const out: string[] = [];
  for (const entry of listOf(raw)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS entry ${JSON.stringify(entry)} is not an origin such as https://app.example.com`);
    }
    if (
      (url.protocol !== "https:" && url.protocol !== "http:") ||
      url.username ||
      url.password ||
      url.search ||
      url.hash ||
      (url.pathname !== "/" && url.pathname !== "")
    ) {
      throw new ConfigError(`ALLOWED_ORIGINS entry ${JSON.stringify(entry)} must be just scheme://host[:port]`);
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

function secret(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

export function parseConfig(env: Env): Config {
  const baseUrls = {} as Record<Base, string>;
  for (const base of BASES) {
    const { urlVar, defaultUrl } = HOSTS[base];
    const raw = env[urlVar];
    baseUrls[base] = baseUrl(urlVar, raw ? raw : defaultUrl);
  }
  const keys = { smartlead: secret(env.SMARTLEAD_API_KEY), leadmagic: secret(env.LEADMAGIC_API_KEY) };
  const confirmationSecret = secret(env.CONFIRMATION_SECRET);
  const accessTokens = parseAccessTokens(env.MCP_ACCESS_TOKENS);
  const names = accessTokens.map((t) => t.name);
  return {
    keys,
    baseUrls,
    timeoutMs: positiveInt("UPSTREAM_TIMEOUT_MS", env.UPSTREAM_TIMEOUT_MS, 30_000),
    maxResponseBytes: positiveInt("UPSTREAM_MAX_RESPONSE_BYTES", env.UPSTREAM_MAX_RESPONSE_BYTES, 5 * 1024 * 1024),
    defaultToolsets: env.MCP_TOOLSETS?.trim() || "default",
    forceReadOnly: flag("MCP_READ_ONLY", env.MCP_READ_ONLY, false),
    confirmActions: flag("CONFIRM_ACTIONS", env.CONFIRM_ACTIONS, true),
    adminTools: flag("MCP_ADMIN_TOOLS", env.MCP_ADMIN_TOOLS, false),
    confirmationSecret,
    accessTokens,
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    maxRequestBytes: positiveInt("MAX_REQUEST_BYTES", env.MAX_REQUEST_BYTES, MAX_REQUEST_BYTES_DEFAULT),
    sseKeepaliveSeconds: positiveInt("SSE_KEEPALIVE_SECONDS", env.SSE_KEEPALIVE_SECONDS, 15),
    rateLimits: {
      userPerMinute: positiveInt("RATE_LIMIT_USER_PER_MINUTE", env.RATE_LIMIT_USER_PER_MINUTE, 120),
      ipPerMinute: positiveInt("RATE_LIMIT_IP_PER_MINUTE", env.RATE_LIMIT_IP_PER_MINUTE, 600),
    },
    budgets: Object.fromEntries(
      (Object.keys(METERS) as Meter[]).map((m) => [m, parseBudgets(METERS[m].setting, env[METERS[m].setting], names)]),
    ) as Config["budgets"],
    scopes: parseTokenScopes(env.MCP_TOKEN_SCOPES, names),
    doNotContact: parseContactList(env.DO_NOT_CONTACT),
    enrichmentCacheDays: parseCacheDays(env.ENRICHMENT_CACHE_TTL_DAYS),
    pacing: {
      // One budget for every SmartLead host: the catalog says per key, all endpoints combined.
      smartlead: parseRateLimit("SMARTLEAD_RATE_LIMIT", env.SMARTLEAD_RATE_LIMIT, UPSTREAMS.smartlead.rateLimits.tiers, "standard"),
      // LeadMagic publishes no figures: not paced unless the operator knows the plan's (its 429s are still retried).
      leadmagic: parseRateLimit("LEADMAGIC_RATE_LIMIT", env.LEADMAGIC_RATE_LIMIT, UPSTREAMS.leadmagic.rateLimits.tiers, "off"),
    },
    logSampleRate: fraction("LOG_SAMPLE_RATE", env.LOG_SAMPLE_RATE, 1),
    scrub: secretScrubber([keys.smartlead, keys.leadmagic, confirmationSecret, ...accessTokens.map((t) => t.token)]),
  };
}

const cache = new WeakMap<object, Config | ConfigError>();

/** Parse once per env object (one per isolate in production); a bad config stays an error. */
export function getConfig(env: Env): Config {
  let c = cache.get(env);
  if (!c) {
    try {
      c = parseConfig(env);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      c = e;
    }
    cache.set(env, c);
    if (!(c instanceof ConfigError)) configureLog({ scrub: c.scrub, sampleRate: c.logSampleRate });
  }
  if (c instanceof ConfigError) throw c;
  return c;
}

/** Which upstreams have a key: used to decide which tools exist and by /health. */
export function configuredUpstreams(config: Config): Record<Upstream, boolean> {
  return { smartlead: Boolean(config.keys.smartlead), leadmagic: Boolean(config.keys.leadmagic) };
}
