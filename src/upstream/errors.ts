/**
 * Tool errors with a stable machine-readable code and one short sentence that is
 * safe to show a client: it never holds a key, a URL, or raw upstream text
 * (only redacted validation messages, see ./redact.ts).
 */
export type ErrorCode =
  | "invalid_input"
  | "upstream_auth"
  | "insufficient_credits"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "upstream_unavailable"
  | "upstream_rejected"
  | "upstream_bad_response"
  | "timeout"
  | "response_too_large"
  | "not_configured"
  | "confirmation_invalid"
  | "budget_exceeded"
  | "do_not_contact"
  | "preflight_blocked";

export interface ErrorDetails {
  /** HTTP status the upstream answered, when there was one. */
  status?: number;
  /** Seconds to wait before trying again (rate limits). */
  retry_after_seconds?: number;
  /** The input field at fault (invalid_input). */
  field?: string;
  /** Whether the call was retried, and if not, why not. */
  retried?: boolean;
  /** True when the upstream may have acted although the call failed (timeouts on paid or writing calls). */
  may_have_acted?: boolean;
  /** Attempts made (1 = no retry). */
  attempts?: number;
  /** budget_exceeded: the budget the call would pass, what it may cost and what is left. */
  budget?: Record<string, unknown>;
  /** do_not_contact: which recipients are on the list, by argument position. */
  do_not_contact?: Record<string, unknown>;
}

export class ToolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "ToolError";
  }
}
