/**
 * HTTPS only, except on loopback hosts (wrangler dev). On Cloudflare the
 * request URL carries the scheme the client used; nothing here reads
 * X-Forwarded-Proto or any other client-controlled header.
 */
import { isLoopbackHost } from "../config";
import { refusal } from "./responses";
import type { RouteKind } from "./routes";

export const HSTS = "max-age=31536000";

/** A refusal (or, for a browser opening the landing page, a redirect) for plain http to a public host; null when fine. */
export function requireHttps(request: Request, url: URL, kind: RouteKind): Response | null {
  if (url.protocol === "https:" || isLoopbackHost(url.hostname)) return null;
  const browserHome =
    (request.method === "GET" || request.method === "HEAD") && url.pathname === "/" && (request.headers.get("accept") ?? "").includes("text/html");
  if (browserHome) {
    const target = `https://${url.hostname}${url.pathname}${url.search}`;
    return new Response(`Moved to ${target}\n`, { status: 301, headers: { Location: target, "Cache-Control": "no-store", "Content-Type": "text/plain" } });
  }
  return refusal(kind, 403, `HTTPS required: this server does not accept plain http. Use https://${url.hostname}${url.pathname}`);
}
