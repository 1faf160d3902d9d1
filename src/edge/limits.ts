/** The edge's fixed limits: not settings, but documented in SECURITY.md beside the ones that are. */

/** How long a client may take to send a request body (a body that trickles in holds a connection): then 408. */
export const REQUEST_BODY_TIMEOUT_MS = 10_000;

/** Oversized request bodies up to this size are read and discarded before the 413, so the client reads it; larger ones are cut off. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/** Wrong access tokens on the OAuth consent form per IP (or IPv6 /64) per minute; then 429 without looking at the token. */
export const CONSENT_FAILURES_PER_MINUTE = 10;
