/**
 * DNS-rebinding protection: a browser request (one with an Origin header) must
 * come from this server's own origin or one listed in ALLOWED_ORIGINS.
 * No Origin (CLI clients, server-side clients) passes.
 */
export function originAllowed(origin: string | null, ownOrigin: string, allowed: readonly string[]): boolean {
  if (origin === null) return true;
  return origin === ownOrigin || allowed.includes(origin);
}
