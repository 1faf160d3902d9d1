/**
 * The configuration contract: every Worker secret and var this server reads,
 * parsed once per isolate (keyed by the env object) into a typed Config.
 * Names here are documented in README.md and .dev.vars.example.
 */
import type { Base } from "./tools/define";

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
  CONFIRM_ACTIONS?: string;
  CONFIRMATION_SECRET?: string;
  MCP_SSE: DurableObjectNamespace;
}

export const DEFAULT_BASE_URLS: Record<Base, string> = {
  smartlead: "https://server.smartlead.ai/api/v1",
  smartdelivery: "https://smartdelivery.smartlead.ai/api/v1",
  smartsenders: "https://smart-senders.smartlead.ai/api/v1",
  smartprospect: "https://prospect-api.smartlead.ai/api/v1/search-email-leads",
  leadmagic: "https://api.leadmagic.io",
};

const BASE_URL_VARS: Record<Base, keyof Env> = {
  smartlead: "SMARTLEAD_BASE_URL",
  smartdelivery: "SMARTDELIVERY_BASE_URL",
  smartsenders: "SMARTSENDERS_BASE_URL",
  smartprospect: "SMARTPROSPECT_BASE_URL",
  leadmagic: "LEADMAGIC_BASE_URL",
};

export type Upstream = "smartlead" | "leadmagic";

export interface Config {
  keys: Partial<Record<Upstream, string>>;
  baseUrls: Record<Base, string>;
  timeoutMs: number;
  maxResponseBytes: number;
  defaultToolsets: string;
  forceReadOnly: boolean;
  confirmActions: boolean;
  confirmationSecret?: string;
}

/** Thrown at startup for a configuration that must not run (e.g. a plain-http upstream). */
export class ConfigError extends Error {}

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

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false`);
}

function secret(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

export function parseConfig(env: Env): Config {
  const baseUrls = {} as Record<Base, string>;
  for (const [base, varName] of Object.entries(BASE_URL_VARS) as [Base, keyof Env][]) {
    const raw = env[varName];
    baseUrls[base] = baseUrl(varName, typeof raw === "string" && raw !== "" ? raw : DEFAULT_BASE_URLS[base]);
  }
  return {
    keys: { smartlead: secret(env.SMARTLEAD_API_KEY), leadmagic: secret(env.LEADMAGIC_API_KEY) },
    baseUrls,
    timeoutMs: positiveInt("UPSTREAM_TIMEOUT_MS", env.UPSTREAM_TIMEOUT_MS, 30_000),
    maxResponseBytes: positiveInt("UPSTREAM_MAX_RESPONSE_BYTES", env.UPSTREAM_MAX_RESPONSE_BYTES, 5 * 1024 * 1024),
    defaultToolsets: env.MCP_TOOLSETS?.trim() || "default",
    forceReadOnly: flag("MCP_READ_ONLY", env.MCP_READ_ONLY, false),
    confirmActions: flag("CONFIRM_ACTIONS", env.CONFIRM_ACTIONS, true),
    confirmationSecret: secret(env.CONFIRMATION_SECRET),
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
  }
  if (c instanceof ConfigError) throw c;
  return c;
}

/** Which upstreams have a key: used to decide which tools exist and by /health. */
export function configuredUpstreams(config: Config): Record<Upstream, boolean> {
  return { smartlead: Boolean(config.keys.smartlead), leadmagic: Boolean(config.keys.leadmagic) };
}
