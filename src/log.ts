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

/** A KV read or write that failed (the rate limiter then counts per isolate only). */
export interface StoreErrorLog {
  event: "store_error";
  store: "RATE_LIMIT_KV" | "OAUTH_KV";
  op: string;
  error_name: string;
}

export function log(entry: ToolCallLog | AuthFailureLog | InternalErrorLog | StoreErrorLog): void {
  console.log(JSON.stringify({ ts: new Date().toISOString(), ...entry }));
}
