/**
 * Redaction. Two layers:
 * - every result, success or error, and every log line is scrubbed of each
 *   configured secret in every encoding an upstream might echo it in
 *   (`secretScrubber`), and of credential-looking query parameters;
 * - the few upstream words we pass on in errors (validation messages on
 *   400/422 and SmartLead's `success: false` messages) also lose URLs, bearer
 *   tokens, query strings and stack frames, and are capped in length (`redact`).
 */
import { base64url } from "../crypto";

const MAX_MESSAGE_CHARS = 300;
/** Shorter secrets are not scrubbed as substrings: they would match ordinary text (and are refused as weak elsewhere). */
const MIN_SECRET_CHARS = 8;

/**
 * The spellings of a secret that an upstream or a proxy may echo back: as
 * sent, percent-encoded (either hex case, once or twice), form-encoded, with
 * `+` read as a space, JSON-escaped, and in base64. Matching ignores case, which
 * covers an echo that upper- or lower-cased it.
 */
export function secretVariants(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  const encoded = encodeURIComponent(secret);
  const variants = [
    secret,
    encoded,
    encodeURIComponent(encoded),
    new URLSearchParams({ k: secret }).toString().slice(2),
    secret.replace(/\+/g, " "),
    secret.replace(/\+/g, "%20"),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/\//g, "\\/"),
    btoa(binary),
    base64url(bytes),
  ];
  return [...new Set(variants)].filter((v) => v.length >= MIN_SECRET_CHARS);
}

/** Credential-looking parameters, whatever the value: an upstream URL or message may carry someone's key. */
const CREDENTIAL_PARAM = /\b(api[_-]?key|apikey|access_token|auth_token|password)=[^\s&"'<>#]+/gi;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A function that scrubs every spelling of every given secret (and credential parameters) from a text. */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const variants = secrets.flatMap((s) => (s ? secretVariants(s) : [])).sort((a, b) => b.length - a.length);
  const pattern = variants.length ? new RegExp(variants.map(escapeRegExp).join("|"), "gi") : undefined;
  return (text) => {
    const out = pattern ? text.replace(pattern, "[redacted]") : text;
    return out.replace(CREDENTIAL_PARAM, "$1=[redacted]");
  };
}

/** A JSON value with every string (and every key) passed through `scrub`. */
export function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [scrub(k), scrubDeep(v, scrub)]));
  }
  return value;
}

const PATTERNS: [RegExp, string][] = [
  [/https?:\/\/[^\s"'<>]+/gi, "[url]"],
  [/\b(api[_-]?key|apikey|key|token|access_token|secret|password)\s*[=:]\s*["']?[^\s&"',;]+/gi, "$1=[redacted]"],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer [redacted]"],
  [/\?[^\s"']*=[^\s"']*/g, "?[query]"],
  [/^\s*at .*$/gm, ""],
];

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = secretScrubber(secrets)(text);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  out = out.replace(/\s+/g, " ").trim();
  return out.length > MAX_MESSAGE_CHARS ? `${out.slice(0, MAX_MESSAGE_CHARS - 1)}…` : out;
}

/**
 * Pulls a human message out of the error body styles both upstreams use:
 * {message} / {error} / {err} strings, {error: {message, details: {field}}}, and
 * RFC 9457 style {errors: [{title, detail}]}. Returns undefined for anything else;
 * a raw body is never returned.
 */
export function upstreamMessage(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  if (Array.isArray(b.errors)) {
    for (const e of b.errors.slice(0, 3)) {
      if (e && typeof e === "object") {
        const r = e as Record<string, unknown>;
        const text = str(r.detail) ?? str(r.title) ?? str(r.message);
        const field = str(r.field) ?? str(r.pointer) ?? str(r.param);
        if (text) parts.push(field ? `${field}: ${text}` : text);
      } else if (str(e)) parts.push(str(e)!);
    }
  }
  if (!parts.length) {
    const nested = b.error && typeof b.error === "object" ? (b.error as Record<string, unknown>) : undefined;
    const text = str(b.message) ?? str(nested?.message) ?? str(b.error) ?? str(b.err) ?? str(b.detail) ?? str(b.title);
    const details = nested?.details && typeof nested.details === "object" ? (nested.details as Record<string, unknown>) : undefined;
    const field = str(details?.field) ?? str(b.field);
    if (text) parts.push(field ? `${field}: ${text}` : text);
  }
  return parts.length ? parts.join("; ") : undefined;
}
