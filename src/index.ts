/**
 * The Worker: Hono routes for the landing page, /health, /mcp (Streamable
 * HTTP, stateless), /sse (legacy SSE, Durable Object sessions) and the OAuth
 * 2.1 authorization server, behind one edge pipeline:
 *
 *   every route   config → HTTPS (non-loopback) → Origin → [HSTS, CORS on the way out]
 *   MCP + OAuth   preflight answered → per-IP rate limit → fail closed without tokens
 *   OAuth         body cap → provider / consent page
 *   MCP           bearer auth (static token, else OAuth) → per-user rate limit → body cap → transport
 */
import { type Context, Hono } from "hono";
import { authenticate } from "./auth/authenticate";
import { unauthorized } from "./auth/challenge";
import { showConsent, submitConsent } from "./auth/consent";
import { authorizationServerMetadata, oauthServer, protectedResourceMetadata } from "./auth/oauth-server";
import { newSessionId, sessionBelongsTo } from "./auth/sse-session";
import { ACCESS_TOKEN_MIN_LENGTH, type Config, ConfigError, configuredUpstreams, type Env, getConfig, weakTokenNames } from "./config";
import { hasBody, withBody } from "./edge/body-limit";
import { applyCors, preflight } from "./edge/cors";
import { HSTS, requireHttps } from "./edge/https";
import { originAllowed } from "./edge/origin";
import { FixedWindowLimiter, type RateDecision } from "./edge/rate-limit";
import { jsonRpcError, refusal } from "./edge/responses";
import { AUTHORIZE_PATH, isAsMetadataPath, prMetadataResource, REGISTER_PATH, type RouteKind, resourcePathOf, routeKind, TOKEN_PATH } from "./edge/routes";
import { landingPage } from "./landing";
import { log } from "./log";
import { sessionState } from "./mcp/server";
import { SSE_SESSION_NOT_FOUND, type SseProps, sseHandler } from "./mcp/sse";
import { handleStreamableHttp } from "./mcp/streamable";
import { readCapped } from "./streams";
import { resolveSelection, type Selection, SelectionError } from "./tools/registry";
import { VERSION } from "./version";

export { McpSseAgent } from "./mcp/sse";

type AppEnv = { Bindings: Env; Variables: { config: Config; user: string; kind: RouteKind; origin: string } };
type C = Context<AppEnv>;

const app = new Hono<AppEnv>();

const NO_TOKENS_REASON =
  "No access token is configured (MCP_ACCESS_TOKENS is empty), so every MCP request is refused. The operator must set MCP_ACCESS_TOKENS (name:token pairs).";

const limiter = new FixedWindowLimiter({
  onStoreError: (op, error) => log({ event: "store_error", store: "RATE_LIMIT_KV", op, error_name: error instanceof Error ? error.name : "unknown" }),
});

app.onError((err, c) => {
  if (err instanceof ConfigError) return c.json({ error: `Server misconfigured: ${err.message}` }, 500);
  log({ event: "internal_error", where: "router", error_name: err.name });
  return c.json({ error: "Internal error" }, 500);
});

function waitUntil(c: C): (p: Promise<unknown>) => void {
  const exec = c.executionCtx;
  return (p) => exec.waitUntil(p);
}

function rateLimited(kind: RouteKind, d: RateDecision, per: string): Response {
  const headers = {
    "Retry-After": String(d.resetSeconds),
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": "0",
    "RateLimit-Reset": String(d.resetSeconds),
    "RateLimit-Policy": `${d.limit};w=60`,
  };
  return refusal(kind, 429, `Rate limit exceeded: at most ${d.limit} requests per minute per ${per}. Retry in ${d.resetSeconds} s.`, headers);
}

/** HSTS on https, CORS on MCP/OAuth routes; copies the response so library and Durable Object responses can be changed. */
function finish(res: Response, url: URL, kind: RouteKind, origin: string | null): Response {
  const out = new Response(res.body, res);
  if (url.protocol === "https:") out.headers.set("Strict-Transport-Security", HSTS);
  out.headers.set("X-Content-Type-Options", "nosniff");
  if (kind !== "other") applyCors(out.headers, origin);
  return out;
}

// The edge pipeline for every route. Configuration is parsed once per isolate; a bad one answers 500 with the reason (never a value).
app.use("*", async (c, next) => {
  const config = getConfig(c.env);
  c.set("config", config);
  c.set("user", "anonymous");
  const request = c.req.raw;
  const url = new URL(request.url);
  const kind = routeKind(url.pathname);
  c.set("kind", kind);
  c.set("origin", url.origin);

  const insecure = requireHttps(request, url, kind);
  if (insecure) return finish(insecure, url, kind, null);

  const requestOrigin = request.headers.get("origin");
  const done = (res: Response) => finish(res, url, kind, requestOrigin);
  if (!originAllowed(requestOrigin, url.origin, config.allowedOrigins)) {
    log({ event: "auth_failure", reason: "origin_not_allowed", route: url.pathname });
    return done(refusal(kind, 403, "Forbidden: requests from this Origin are not allowed (see ALLOWED_ORIGINS)."));
  }

  if (kind !== "other") {
    if (request.method === "OPTIONS") return done(preflight(requestOrigin));
    const ip = request.headers.get("cf-connecting-ip") ?? "unknown";
    const byIp = await limiter.check({ scope: "ip", id: ip, limit: config.rateLimits.ipPerMinute, store: c.env.RATE_LIMIT_KV, waitUntil: waitUntil(c) });
    if (!byIp.allowed) return done(rateLimited(kind, byIp, "IP address"));
    if (config.accessTokens.length === 0) return done(refusal(kind, 503, `Service unavailable: ${NO_TOKENS_REASON}`));
    if (kind === "oauth" && !c.env.OAUTH_KV) {
      return done(refusal(kind, 503, "OAuth is not enabled on this server (no OAUTH_KV binding); connect with an access token instead."));
    }
  }

  await next();
  c.res = done(c.res);
});

// MCP routes: authentication and the per-user limit, before any body is read.
async function guardMcp(c: C, next: () => Promise<void>) {
  const config = c.get("config");
  const origin = c.get("origin");
  const resource = resourcePathOf(new URL(c.req.url).pathname);
  let auth: Awaited<ReturnType<typeof authenticate>>;
  try {
    auth = await authenticate(c.req.raw, c.env, config, origin, resource);
  } catch (error) {
    // Only OAuth validation can throw (KV unavailable): fail closed, without blaming the client's token.
    log({ event: "internal_error", where: "oauth_token_validation", error_name: error instanceof Error ? error.name : "unknown" });
    return jsonRpcError(503, "Authentication is temporarily unavailable; retry shortly.", -32000, { "Retry-After": "5" });
  }
  if (!auth.ok) {
    log({ event: "auth_failure", reason: auth.reason, route: new URL(c.req.url).pathname });
    return unauthorized(origin, resource, Boolean(c.env.OAUTH_KV), auth.presented);
  }
  c.set("user", auth.user);
  const byUser = await limiter.check({
    scope: "user",
    id: auth.user,
    limit: config.rateLimits.userPerMinute,
    store: c.env.RATE_LIMIT_KV,
    waitUntil: waitUntil(c),
  });
  if (!byUser.allowed) return rateLimited("mcp", byUser, "user");
  await next();
}
app.use("/mcp", guardMcp);
app.use("/sse", guardMcp);
app.use("/sse/message", guardMcp);

/** The request with its body read under MAX_REQUEST_BYTES, or the 413 to send. */
async function cappedRequest(c: C): Promise<Request | Response> {
  const request = c.req.raw;
  if (!hasBody(request)) return request;
  const limit = c.get("config").maxRequestBytes;
  const bytes = await readCapped(request, limit);
  if (!bytes) return refusal(c.get("kind"), 413, `Request body too large: the limit is ${limit} bytes.`);
  return withBody(request, bytes);
}

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
    },
    configured ? 200 : 503,
  );
});

/** ?toolsets= and ?read_only= pick the tools a connection sees; bad values are a 400, not a silent default. */
function selectionFor(url: URL, config: Config): Selection | Response {
  try {
    return resolveSelection(url.searchParams.get("toolsets"), url.searchParams.get("read_only"), config);
  } catch (err) {
    if (err instanceof SelectionError) return jsonRpcError(400, err.message, -32602);
    throw err;
  }
}

app.all("/mcp", async (c) => {
  const config = c.get("config");
  const selection = selectionFor(new URL(c.req.url), config);
  if (selection instanceof Response) return selection;
  const user = c.get("user");
  // The SDK transport reads the body as a stream and stops at the cap (413).
  return handleStreamableHttp(c.req.raw, sessionState(config, selection, user), config.maxRequestBytes);
});

async function sse(c: C, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const selection = selectionFor(url, c.get("config"));
  if (selection instanceof Response) return selection;
  const props: SseProps = { toolsets: url.searchParams.get("toolsets"), readOnly: url.searchParams.get("read_only"), user: c.get("user") };
  const exec = c.executionCtx;
  const ctx = { waitUntil: exec.waitUntil.bind(exec), passThroughOnException: exec.passThroughOnException.bind(exec), props } as unknown as ExecutionContext;
  const res = await sseHandler.fetch(request, c.env, ctx);
  if (res.status === 400 && request.method === "POST" && (await res.clone().text()) === SSE_SESSION_NOT_FOUND) {
    return sessionNotFound();
  }
  return res;
}

function sessionNotFound(): Response {
  return jsonRpcError(404, "Session not found: open a new stream with GET /sse.", -32001);
}

app.get("/sse", async (c) => {
  // The session id is chosen here and bound to the user; a client-supplied one is ignored.
  const url = new URL(c.req.url);
  url.searchParams.set("sessionId", await newSessionId(c.get("user")));
  return sse(c, new Request(url, c.req.raw));
});

app.post("/sse/message", async (c) => {
  if (!(await sessionBelongsTo(new URL(c.req.url).searchParams.get("sessionId"), c.get("user")))) return sessionNotFound();
  const request = await cappedRequest(c);
  if (request instanceof Response) return request;
  return sse(c, request);
});

// OAuth 2.1: discovery, registration, token/refresh/revocation (the provider) and the consent page (ours).
app.on(["GET", "HEAD"], "/.well-known/*", async (c, next) => {
  const path = new URL(c.req.url).pathname;
  const origin = c.get("origin");
  const resource = prMetadataResource(path);
  if (resource !== undefined) return c.json(protectedResourceMetadata(origin, resource), 200, { "Cache-Control": "public, max-age=3600" });
  if (isAsMetadataPath(path)) return authorizationServerMetadata(c.req.raw, c.env, c.executionCtx as ExecutionContext, origin);
  await next();
});

app.get(AUTHORIZE_PATH, (c) => showConsent(c.req.raw, c.env, c.get("config"), c.get("origin")));
app.post(AUTHORIZE_PATH, async (c) => {
  const request = await cappedRequest(c);
  if (request instanceof Response) return request;
  return submitConsent(request, c.env, c.get("config"), c.get("origin"));
});

app.on(["GET", "POST"], [TOKEN_PATH, REGISTER_PATH], async (c) => {
  const request = await cappedRequest(c);
  if (request instanceof Response) return request;
  return oauthServer(c.get("origin")).fetch(request, c.env, c.executionCtx as ExecutionContext);
});

app.notFound((c) => c.json({ error: "Not found" }, 404));

export default app;
