/**
 * Structured audit log: one JSON line per tool call and per auth failure.
 * Only the typed fields below are ever written; there is no free-form field,
 * so a key, token, URL or upstream body cannot reach the log by accident.
 */
export interface ToolCallLog {
  event: "tool_call";
  user: string;
  tool: string;
  upstream: string;
  outcome: "ok" | "error" | "preview";
  error_code?: string;
  http_status?: number;
  attempts?: number;
  latency_ms: number;
  credits?: number;
}

export interface AuthFailureLog {
  event: "auth_failure";
  reason: string;
  route: string;
}

export interface InternalErrorLog {
  event: "internal_error";
  where: string;
  error_name: string;
}

/** A request the client got wrong or gave up on (a body too large, too slow or cut off; a non-canonical path): not our fault. */
export interface ClientErrorLog {
  event: "client_error";
  reason: string;
  route: string;
}

/** A KV read or write that failed (the rate limiter then counts per isolate only). */
export interface StoreErrorLog {
  event: "store_error";
  store: "RATE_LIMIT_KV" | "OAUTH_KV";
  op: string;
  error_name: string;
}

let scrub: (text: string) => string = (text) => text;

/**
 * Called with the configured secrets when the configuration is parsed: every
 * line is scrubbed of them (in every encoding, see ./upstream/redact.ts) as a
 * last guard; the typed fields above hold none by design.
 */
export function setLogScrubber(scrubber: (text: string) => string): void {
  scrub = scrubber;
}

export function log(entry: ToolCallLog | AuthFailureLog | InternalErrorLog | ClientErrorLog | StoreErrorLog): void {
  console.log(scrub(JSON.stringify({ ts: new Date().toISOString(), ...entry })));
}
