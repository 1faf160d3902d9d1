/**
 * The one upstream client every tool uses. It owns the policies a caller must
 * never have to remember:
 * - the key goes exactly where each API wants it (LeadMagic: X-API-Key header;
 *   SmartLead hosts: api_key query parameter) and nowhere else;
 * - one deadline per tool call covers every attempt and every wait;
 * - every attempt (retries included) first waits for its turn in the key's
 *   budget (the pacer, ../policy/pacer.ts), and a 429 tells the pacer to hold everyone;
 * - retries only where they cannot cost or duplicate anything (429 for any call;
 *   5xx and network errors only for reads), at most 3 attempts, full-jitter backoff;
 * - redirects are errors (the key is never sent to a redirect target);
 * - bodies are read as a stream and cut off at a size cap;
 * - bodies that are not what they claim become clean errors naming the status.
 */
import type { Config } from "../config";
import type { PaceLane, Pacer } from "../policy/stores";
import { readCapped } from "../streams";
import { USER_AGENT } from "../version";
import { ToolError } from "./errors";
import { type Base, HOSTS, UPSTREAMS, type Upstream } from "./hosts";
import { redact, upstreamMessage } from "./redact";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface UpstreamCall {
  base?: Base;
  method: HttpMethod;
  /** Path below the base URL, already filled and encoded (see fillPath in ../tools/forward.ts). */
  path: string;
  query?: Record<string, string | readonly string[]>;
  body?: unknown;
  /** The endpoint answers text (e.g. a CSV export): a 2xx text body is data, not an error. */
  text?: boolean;
}

export interface UpstreamResponse {
  status: number;
  /** Parsed JSON, a string for non-JSON text, or null for an empty body. */
  data: unknown;
  attempts: number;
  /** LeadMagic credit headers, when present. */
  creditsRemaining?: number;
  creditsCost?: number;
  /** True when the upstream said this key has no requests left in the current window. */
  rateLimitExhausted?: boolean;
  rateLimitResetSeconds?: number;
}

/** How a call may be retried; decided by the tool from its catalog entry. */
export interface CallPolicy {
  /** Safe to repeat after a 5xx or a network error: reads that spend nothing. */
  retryable: boolean;
  /** Spends credits or changes data: a timeout means the upstream may already have acted. */
  hasSideEffects: boolean;
}

export interface ClientDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

const defaultDeps: ClientDeps = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Who is asking the pacer for turns: the calls of one user. */
export interface Pacing {
  pacer: Pacer;
  user: string;
}

export const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export class UpstreamClient {
  /** Absolute time (deps.now) after which no attempt or wait may start. */
  private readonly deadline: number;

  constructor(
    private readonly config: Config,
    private readonly policy: CallPolicy,
    private readonly deps: ClientDeps = defaultDeps,
    /** Without it (or when the upstream's rate limit setting is off) requests go unpaced. */
    private readonly pacing?: Pacing,
  ) {
    this.deadline = deps.now() + config.timeoutMs;
  }

  async request(call: UpstreamCall & { base: Base }): Promise<UpstreamResponse> {
    const upstream = HOSTS[call.base].upstream;
    const { label, keyVar } = UPSTREAMS[upstream];
    const key = this.config.keys[upstream];
    if (!key) throw new ToolError("not_configured", `${label} is not configured on this server (${keyVar} is not set).`);

    const { url, init } = this.buildRequest(call, key);
    const limits = this.config.pacing[upstream];
    const lane: PaceLane | undefined = limits && this.pacing ? { upstream, key, limits } : undefined;
    let attempt = 0;
    for (;;) {
      attempt++;
      if (this.deadline - this.deps.now() <= 0) throw this.timeoutError(label, attempt - 1);
      if (lane) await this.turn(lane, label, attempt);
      const remaining = this.deadline - this.deps.now();
      if (remaining <= 0) throw this.timeoutError(label, attempt - 1);

      let response: Response;
      try {
        response = await this.deps.fetch(url, { ...init, signal: AbortSignal.timeout(remaining) });
      } catch (err) {
        if (isTimeout(err) || this.deps.now() >= this.deadline) throw this.timeoutError(label, attempt);
        // A dropped connection: the request may or may not have reached the upstream.
        if (this.policy.retryable && attempt < MAX_ATTEMPTS && (await this.backoff(attempt))) continue;
        throw new ToolError("upstream_unavailable", `Could not reach ${label}.${this.notRetriedReason(attempt)}`, {
          retried: attempt > 1,
          attempts: attempt,
          may_have_acted: this.policy.hasSideEffects || undefined,
        });
      }

      if (response.status === 429) {
        const wait = retryAfterSeconds(response.headers, this.deps.now());
        await discard(response);
        const waitMs = (wait ?? 1) * 1000;
        // Another client of the same key spent its budget: every call of this server waits, not just this one.
        if (lane) await this.pacing!.pacer.hold(lane, waitMs);
        if (attempt < MAX_ATTEMPTS && this.deps.now() + waitMs < this.deadline) {
          await this.deps.sleep(waitMs);
          continue;
        }
        throw new ToolError("rate_limited", `${label} is rate limiting this server's API key; try again in ${wait ?? 1} s.`, {
          status: 429,
          retry_after_seconds: wait ?? 1,
          attempts: attempt,
          retried: attempt > 1,
        });
      }

      if (RETRYABLE_STATUS.has(response.status)) {
        await discard(response);
        if (this.policy.retryable && attempt < MAX_ATTEMPTS && (await this.backoff(attempt))) continue;
        throw new ToolError("upstream_unavailable", `${label} answered HTTP ${response.status} (temporarily unavailable).${this.notRetriedReason(attempt)}`, {
          status: response.status,
          attempts: attempt,
          retried: attempt > 1,
          may_have_acted: this.policy.hasSideEffects || undefined,
        });
      }

      if (response.status >= 300 && response.status < 400) {
        await discard(response);
        throw new ToolError(
          "upstream_bad_response",
          `${label} answered with a redirect (HTTP ${response.status}); redirects are not followed so the API key never leaves for another address.`,
          { status: response.status, attempts: attempt },
        );
      }

      let data: unknown;
      try {
        data = await this.readBody(response, label);
      } catch (err) {
        if (isTimeout(err)) throw this.timeoutError(label, attempt);
        if (err instanceof ToolError) throw err;
        throw new ToolError("upstream_unavailable", `The connection to ${label} dropped while reading its answer.`, {
          status: response.status,
          attempts: attempt,
          may_have_acted: this.policy.hasSideEffects || undefined,
        });
      }
      if (response.status >= 400) throw this.statusError(response.status, data, label, upstream, attempt);
      if (isObject(data) && data.success === false) {
        // Some failures arrive as HTTP 200 with success: false.
        throw new ToolError("upstream_rejected", `${label} reported a failure${this.detail(data)}`, {
          status: response.status,
          attempts: attempt,
        });
      }
      if (typeof data === "string" && !call.text) {
        // Some SmartLead writes answer with the plain text "success"; any other text is not data.
        if (upstream !== "smartlead" || data.toLowerCase() !== "success") {
          throw new ToolError("upstream_bad_response", `${label} answered HTTP ${response.status} with text instead of JSON data.`, {
            status: response.status,
            attempts: attempt,
          });
        }
        data = { ok: true };
      }
      return { status: response.status, data, attempts: attempt, ...usageHeaders(response.headers, this.deps.now()) };
    }
  }

  private buildRequest(call: UpstreamCall & { base: Base }, key: string): { url: string; init: RequestInit } {
    const placement = UPSTREAMS[HOSTS[call.base].upstream].key;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (Array.isArray(value)) for (const v of value) params.append(name, v);
      else params.append(name, value as string);
    }
    const headers: Record<string, string> = {
      Accept: call.text ? "text/csv, text/plain;q=0.9, application/json;q=0.8" : "application/json",
      "User-Agent": USER_AGENT,
    };
    if (placement.in === "query") params.set(placement.name, key);
    else headers[placement.name] = key;
    let body: string | undefined;
    if (call.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(call.body);
    }
    const qs = params.toString();
    const url = `${this.config.baseUrls[call.base]}${call.path}${qs ? `?${qs}` : ""}`;
    return { url, init: { method: call.method, headers, body, redirect: "manual" } };
  }

  /** Waits for this attempt's turn in the key's budget; refused (rate_limited) when none starts before the deadline. */
  private async turn(lane: PaceLane, label: string, attempt: number): Promise<void> {
    // A turn must leave the request time to be made: a quarter of what is left, up to a second.
    const remaining = this.deadline - this.deps.now();
    const turn = await this.pacing!.pacer.turn(lane, this.pacing!.user, remaining - Math.min(1000, remaining / 4));
    if (turn.ok) return;
    throw new ToolError(
      "rate_limited",
      `${label}'s rate limit for this server's API key leaves no turn for this call before its deadline; try again in ${turn.retryAfterSeconds} s.`,
      { retry_after_seconds: turn.retryAfterSeconds, attempts: attempt - 1, retried: attempt > 1 },
    );
  }

  /** Waits with full jitter; false when the wait would not fit before the deadline. */
  private async backoff(attempt: number): Promise<boolean> {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    const wait = Math.floor(this.deps.random() * ceiling);
    if (this.deps.now() + wait >= this.deadline) return false;
    await this.deps.sleep(wait);
    return true;
  }

  private notRetriedReason(attempt: number): string {
    if (!this.policy.retryable) {
      return " It was not retried, because this call spends credits or changes data and a repeat could do it twice; check before trying again.";
    }
    return attempt > 1 ? ` Gave up after ${attempt} attempts.` : "";
  }

  private timeoutError(label: string, attempts: number): ToolError {
    const seconds = Math.round(this.config.timeoutMs / 100) / 10;
    const acted = this.policy.hasSideEffects
      ? " The upstream may already have acted on it (spent credits or changed data): check before repeating. It was not retried."
      : "";
    return new ToolError("timeout", `${label} did not answer within ${seconds} s.${acted}`, {
      attempts,
      may_have_acted: this.policy.hasSideEffects || undefined,
    });
  }

  private statusError(status: number, data: unknown, label: string, upstream: Upstream, attempts: number): ToolError {
    const d = { status, attempts };
    switch (status) {
      case 401:
        return new ToolError("upstream_auth", `${label} rejected the server's API key. The operator must set a valid ${UPSTREAMS[upstream].keyVar}.`, d);
      case 402:
        return new ToolError("insufficient_credits", `The ${label} account has run out of credits; top up before retrying.`, d);
      case 403:
        return new ToolError("forbidden", `${label} refused this call: the account's plan or permissions do not include it.`, d);
      case 404:
        return new ToolError("not_found", `${label} found nothing at that id or route (HTTP 404).`, d);
      case 409:
        return new ToolError("conflict", `${label} reported a conflict${this.detail(data)}`, d);
      case 400:
      case 422:
        return new ToolError("invalid_input", `${label} rejected the input${this.detail(data)}`, d);
      default:
        return new ToolError("upstream_rejected", `${label} answered HTTP ${status}.`, d);
    }
  }

  /** A redacted upstream explanation, or a plain full stop. */
  detail(data: unknown): string {
    const msg = upstreamMessage(data);
    return msg ? `: ${redact(msg, Object.values(this.config.keys))}` : ".";
  }

  private async readBody(response: Response, label: string): Promise<unknown> {
    const cap = this.config.maxResponseBytes;
    const tooLarge = () =>
      new ToolError(
        "response_too_large",
        `${label}'s answer is larger than this server accepts (${Math.round(cap / 1024)} KiB); ask for less, e.g. a smaller limit or page size.`,
        { status: response.status },
      );
    const bytes = await readCapped(response, cap);
    if (!bytes) throw tooLarge();
    const text = new TextDecoder().decode(bytes);
    const contentType = response.headers.get("content-type") ?? "";
    const trimmed = text.trim();
    if (trimmed === "") return null;
    const looksJson = /json/i.test(contentType) || /^[[{]/.test(trimmed);
    if (looksJson) {
      try {
        return JSON.parse(trimmed);
      } catch {
        throw new ToolError("upstream_bad_response", `${label} answered HTTP ${response.status} with a body that is not valid JSON.`, {
          status: response.status,
        });
      }
    }
    if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(trimmed)) {
      // An HTML page (proxy or error page): for error statuses the status says enough.
      if (response.status >= 400) return null;
      throw new ToolError("upstream_bad_response", `${label} answered HTTP ${response.status} with an HTML page instead of data.`, {
        status: response.status,
      });
    }
    return trimmed;
  }
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
}

/** Seconds to wait from Retry-After (seconds or HTTP date) or RateLimit-Reset / X-RateLimit-Reset. */
export function retryAfterSeconds(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const secs = Number(retryAfter);
    if (Number.isFinite(secs) && secs >= 0) return Math.ceil(secs);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return resetSeconds(headers, now);
}

/** RateLimit-Reset is delta seconds; X-RateLimit-Reset may be a unix time. */
function resetSeconds(headers: Headers, now: number): number | undefined {
  const reset = headers.get("ratelimit-reset") ?? headers.get("x-ratelimit-reset");
  if (!reset) return undefined;
  const n = Number(reset);
  if (!Number.isFinite(n) || n < 0) return undefined;
  // Values that look like a unix timestamp are absolute.
  return n > 1e9 ? Math.max(0, Math.ceil(n - now / 1000)) : Math.ceil(n);
}

function usageHeaders(headers: Headers, now: number): Partial<UpstreamResponse> {
  const out: Partial<UpstreamResponse> = {};
  const num = (name: string) => {
    const v = headers.get(name);
    const n = v === null || v === "" ? Number.NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const remaining = num("x-credits-remaining");
  const cost = num("x-credits-cost");
  if (remaining !== undefined) out.creditsRemaining = remaining;
  if (cost !== undefined) out.creditsCost = cost;
  if (num("ratelimit-remaining") === 0 || num("x-ratelimit-remaining") === 0) {
    out.rateLimitExhausted = true;
    out.rateLimitResetSeconds = resetSeconds(headers, now);
  }
  return out;
}
