/**
 * Redaction for the few upstream words we pass on (validation messages on 400/422
 * and SmartLead's `success: false` messages): configured keys, api_key=…,
 * bearer tokens, URLs with their query strings, stack frames. Capped in length.
 */
const MAX_MESSAGE_CHARS = 300;

const PATTERNS: [RegExp, string][] = [
  [/https?:\/\/[^\s"'<>]+/gi, "[url]"],
  [/\b(api[_-]?key|apikey|key|token|access_token|secret|password)\s*[=:]\s*["']?[^\s&"',;]+/gi, "$1=[redacted]"],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer [redacted]"],
  [/\?[^\s"']*=[^\s"']*/g, "?[query]"],
  [/^\s*at .*$/gm, ""],
];

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  }
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
