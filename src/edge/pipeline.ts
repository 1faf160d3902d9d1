/**
 * The edge pipeline every request goes through, before any route:
 *
 *   every route   config → HTTPS (non-loopback) → Origin → [HSTS, CORS on the way out]
 *   MCP + OAuth   canonical path → preflight answered → per-IP limit → fail closed without tokens
 *
 * Routes are classified on the path exactly as the router decodes it, and a
 * percent-encoded spelling of an MCP or OAuth path is refused, so no spelling
 * reaches a handler without passing the per-IP limit.
 */
import type { MiddlewareHandler } from "hono";
import { getPath } from "hono/utils/url";
import { getConfig } from "../config";
import { log } from "../log";
import { ipBucket } from "./client-ip";
import { type AppEnv, limiter, rateLimited, waitUntil } from "./context";
import { applyCors, preflight } from "./cors";
import { HSTS, requireHttps } from "./https";
import { originAllowed } from "./origin";
import { refusal } from "./responses";
import { type RouteKind, routeKind } from "./routes";

export const NO_TOKENS_REASON =
  "No access token is configured (MCP_ACCESS_TOKENS is empty), so every MCP request is refused. The operator must set MCP_ACCESS_TOKENS (name:token pairs).";

/**
 * HSTS on https, CORS on MCP/OAuth routes for an allowed origin (a refused one
 * gets no Access-Control-Allow-Origin); copies the response so library and
 * Durable Object responses can be changed.
 */
function finish(res: Response, url: URL, kind: RouteKind, corsOrigin: string | null): Response {
  const out = new Response(res.body, res);
  if (url.protocol === "https:") out.headers.set("Strict-Transport-Security", HSTS);
  out.headers.set("X-Content-Type-Options", "nosniff");
  if (kind !== "other") applyCors(out.headers, corsOrigin);
  return out;
}

export const edgePipeline: MiddlewareHandler<AppEnv> = async (c, next) => {
  const config = getConfig(c.env);
  c.set("config", config);
  c.set("user", "anonymous");
  const request = c.req.raw;
  const url = new URL(request.url);
  const path = getPath(request);
  const kind = routeKind(path);
  c.set("kind", kind);
  c.set("origin", url.origin);

  const insecure = requireHttps(request, url, kind);
  if (insecure) return finish(insecure, url, kind, null);

  const requestOrigin = request.headers.get("origin");
  if (!originAllowed(requestOrigin, url.origin, config.allowedOrigins)) {
    log({ event: "auth_failure", reason: "origin_not_allowed", route: url.pathname });
    return finish(refusal(kind, 403, "Forbidden: requests from this Origin are not allowed (see ALLOWED_ORIGINS)."), url, kind, null);
  }
  const done = (res: Response) => finish(res, url, kind, requestOrigin);

  if (kind !== "other") {
    if (path !== url.pathname) {
      log({ event: "client_error", reason: "non_canonical_path", route: path });
      return done(refusal(kind, 400, `Bad request: the path must be spelled without percent-encoding (${path}).`));
    }
    if (request.method === "OPTIONS") return done(preflight(requestOrigin));
    const ip = ipBucket(request.headers.get("cf-connecting-ip") ?? "unknown");
    c.set("ip", ip);
    const byIp = await limiter.check({ scope: "ip", id: ip, limit: config.rateLimits.ipPerMinute, store: c.env.RATE_LIMIT_KV, waitUntil: waitUntil(c) });
    if (!byIp.allowed) return done(rateLimited(kind, byIp, "IP address"));
    if (config.accessTokens.length === 0) return done(refusal(kind, 503, `Service unavailable: ${NO_TOKENS_REASON}`));
    if (kind === "oauth" && !c.env.OAUTH_KV) {
      return done(refusal(kind, 503, "OAuth is not enabled on this server (no OAUTH_KV binding); connect with an access token instead."));
    }
  }

  await next();
  c.res = done(c.res);
};
