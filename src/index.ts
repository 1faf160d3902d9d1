/**
 * The Worker: Hono routes for the landing page, /health, /mcp (Streamable
 * HTTP, stateless), /sse (legacy SSE, Durable Object sessions) and the OAuth
 * 2.1 authorization server, behind one edge pipeline:
 *
 *   every route   config → HTTPS (non-loopback) → Origin → [HSTS, CORS on the way out]   (edge/pipeline.ts)
 *   MCP + OAuth   canonical path → preflight answered → per-IP limit → fail closed without tokens
 *   OAuth         body cap → provider / consent page                                      (auth/routes.ts)
 *   MCP           bearer auth → per-user limit → body cap → batch counted → transport     (mcp/routes.ts)
 *
 * Startup evaluates only the routes and the edge: the MCP stack, the tool
 * definitions and the SSE and job Durable Objects load on first use (README "Cold start").
 */
import { Hono } from "hono";
import { mountOAuthRoutes } from "./auth/routes";
import { ACCESS_TOKEN_MIN_LENGTH, ConfigError, configuredUpstreams, weakTokenNames } from "./config";
import type { AppEnv } from "./edge/context";
import { edgePipeline, NO_TOKENS_REASON } from "./edge/pipeline";
import { landingPage } from "./landing";
import { lazyDurableObject } from "./lazy-object";
import { log } from "./log";
import { mountMcpRoutes } from "./mcp/routes";
import { policyHealth } from "./policy/health";
import { VERSION } from "./version";

export { DoNotContactList } from "./policy/contact-list";
export { CreditLedger } from "./policy/ledger";
export { UpstreamPacer } from "./policy/pacer";
export { ConfirmationLedger } from "./tools/confirm-ledger";

// Loaded by their first instance (./lazy-object.ts): the SSE session's Agents SDK and the job's call path stay off startup.
export const McpSseAgent = lazyDurableObject(() => (require("./mcp/sse") as typeof import("./mcp/sse")).McpSseAgent);
export const ImportJob = lazyDurableObject(() => (require("./workflows/import-job") as typeof import("./workflows/import-job")).ImportJob);

const app = new Hono<AppEnv>();

app.onError((err, c) => {
  if (err instanceof ConfigError) return c.json({ error: `Server misconfigured: ${err.message}` }, 500);
  log({ event: "internal_error", where: "router", error_name: err.name });
  return c.json({ error: "Internal error" }, 500);
});

app.use("*", edgePipeline);

app.get("/", (c) => {
  const notice = c.get("config").accessTokens.length === 0 ? NO_TOKENS_REASON : undefined;
  return c.html(landingPage(new URL(c.req.url).origin, notice));
});

app.get("/health", (c) => {
  const config = c.get("config");
  const upstreams = configuredUpstreams(config);
  const configured = config.accessTokens.length > 0;
  const weak = weakTokenNames(config.accessTokens);
  const auth = configured
    ? {
        configured: true,
        bearer_tokens: true,
        oauth: Boolean(c.env.OAUTH_KV),
        ...(weak.length
          ? {
              weak_tokens: weak.length,
              warning: `${weak.length} access token(s) shorter than ${ACCESS_TOKEN_MIN_LENGTH} characters: easy to guess, replace them.`,
            }
          : {}),
      }
    : { configured: false, reason: NO_TOKENS_REASON, oauth: Boolean(c.env.OAUTH_KV) };
  return c.json(
    {
      status: configured ? "ok" : "unavailable",
      version: VERSION,
      upstreams: { smartlead: { configured: upstreams.smartlead }, leadmagic: { configured: upstreams.leadmagic } },
      auth,
      rate_limits: {
        counters: c.env.RATE_LIMIT_KV ? "kv" : "isolate_memory",
        user_per_minute: config.rateLimits.userPerMinute,
        ip_per_minute: config.rateLimits.ipPerMinute,
      },
      policy: policyHealth(config, c.env),
    },
    configured ? 200 : 503,
  );
});

mountMcpRoutes(app);
mountOAuthRoutes(app);

app.notFound((c) => c.json({ error: "Not found" }, 404));

export default app;
