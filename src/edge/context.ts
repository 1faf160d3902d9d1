/** What every route handler shares: the Hono environment, the one rate limiter, and reading a request body at the edge. */
import type { Context } from "hono";
import type { Config, Env } from "../config";
import { log } from "../log";
import { type BodyRead, hasBody, readRequestBody } from "./body-limit";
import { FixedWindowLimiter, type RateDecision } from "./rate-limit";
import { refusal } from "./responses";
import type { RouteKind } from "./routes";

export type AppEnv = { Bindings: Env; Variables: { config: Config; user: string; kind: RouteKind; origin: string; ip: string } };
export type C = Context<AppEnv>;

/** One per isolate: counts are exact within it (see ./rate-limit.ts). */
export const limiter = new FixedWindowLimiter({
  onStoreError: (op, error) => log({ event: "store_error", store: "RATE_LIMIT_KV", op, error_name: error instanceof Error ? error.name : "unknown" }),
});

export function waitUntil(c: C): (p: Promise<unknown>) => void {
  const exec = c.executionCtx;
  return (p) => exec.waitUntil(p);
}

export function rateLimited(kind: RouteKind, d: RateDecision, per: string): Response {
  const headers = {
    "Retry-After": String(d.resetSeconds),
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": "0",
    "RateLimit-Reset": String(d.resetSeconds),
    "RateLimit-Policy": `${d.limit};w=60`,
  };
  return refusal(kind, 429, `Rate limit exceeded: at most ${d.limit} requests per minute per ${per}. Retry in ${d.resetSeconds} s.`, headers);
}

const BODY_REFUSALS: Record<Exclude<BodyRead, { ok: true }>["reason"], { status: number; message: (limit: number) => string }> = {
  too_large: { status: 413, message: (limit) => `Request body too large: the limit is ${limit} bytes.` },
  timeout: { status: 408, message: () => "Request body not received in time." },
  aborted: { status: 400, message: () => "Request body incomplete: the connection closed while sending it." },
};

/** The request's body read under MAX_REQUEST_BYTES (empty when it has none), or the refusal to send. */
export async function requestBody(c: C): Promise<Uint8Array | Response> {
  const request = c.req.raw;
  if (!hasBody(request)) return new Uint8Array(0);
  const limit = c.get("config").maxRequestBytes;
  const read = await readRequestBody(request, limit);
  if (read.ok) return read.bytes;
  // The client's doing, not a fault of ours: a line of its own, never internal_error.
  log({ event: "client_error", reason: `body_${read.reason}`, route: new URL(request.url).pathname });
  const refused = BODY_REFUSALS[read.reason];
  return refusal(c.get("kind"), refused.status, refused.message(limit));
}
