/**
 * Structured audit log: one JSON line per tool call and per auth failure.
 * Only the typed fields below are ever written; there is no free-form field,
 * so a key, token, URL or upstream body cannot reach the log by accident.
 *
 * What is written (README "Logging"): every line, except that a successful
 * call of a free read (kind "read") is kept with probability LOG_SAMPLE_RATE
 * (default 1, every line). Errors, refusals, auth failures, previews and every
 * call that changes data, sends or spends are always written.
 */
export interface ToolCallLog {
  event: "tool_call";
  user: string;
  tool: string;
  /** The tool's kind (src/tools/define.ts `Kind`): decides whether a successful call's line is sampled. */
  kind: string;
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

export type LogEntry = ToolCallLog | AuthFailureLog | InternalErrorLog | ClientErrorLog | StoreErrorLog;

export interface LogSettings {
  /** Removes every configured secret, in every encoding, from a line. */
  scrub: (text: string) => string;
  /** LOG_SAMPLE_RATE: the share (0–1) of sampled lines that are written. */
  sampleRate: number;
  /** Uniform in [0, 1); injectable so the rule can be tested deterministically. */
  random?: () => number;
}

let settings: Required<LogSettings> = { scrub: (text) => text, sampleRate: 1, random: Math.random };

/**
 * Called with the parsed configuration: every line is scrubbed of the
 * configured secrets (in every encoding, see ./upstream/redact.ts) as a last
 * guard (the typed fields above hold none by design), and sampled lines are
 * kept at the configured rate.
 */
export function configureLog(next: LogSettings): void {
  settings = { random: Math.random, ...next };
}

/**
 * The one sampling rule: only a successful free read's line is sampled. It is
 * the bulk of the volume and the least telling line; anything that failed,
 * was refused, changed data, sent email or spent credits is always kept.
 */
export function isSampled(entry: LogEntry): boolean {
  return entry.event === "tool_call" && entry.outcome === "ok" && entry.kind === "read";
}

export function log(entry: LogEntry): void {
  const { scrub, sampleRate, random } = settings;
  let line: object = entry;
  if (isSampled(entry) && sampleRate < 1) {
    if (!(random() < sampleRate)) return;
    // A kept line stands for 1 / sample_rate calls, so counts can be estimated from the sample.
    line = { ...entry, sample_rate: sampleRate };
  }
  console.log(scrub(JSON.stringify({ ts: new Date().toISOString(), ...line })));
}
