/**
 * The MCP routes: /mcp (Streamable HTTP, stateless) and /sse with
 * /sse/message (legacy SSE). Before any body is read, each authenticates the
 * caller and counts it against the per-user limit; a JSON-RPC batch on /mcp
 * then counts every message it carries.
 */
import type { Hono } from "hono";
import { authenticate } from "../auth/authenticate";
import { unauthorized } from "../auth/challenge";
import { newSessionId, sessionBelongsTo } from "../auth/sse-session";
import type { Config } from "../config";
import { withBody } from "../edge/body-limit";
import { type AppEnv, type C, limiter, rateLimited, requestBody, waitUntil } from "../edge/context";
import { jsonRpcError } from "../edge/responses";
import { resourcePathOf } from "../edge/routes";
import { log } from "../log";
import { servicesOf } from "../policy/services";
import type { Selection } from "../tools/registry";
import type { SseProps } from "./sse";

/** The MCP server and its transport (the MCP SDK), loaded by the first /mcp request rather than at startup. */
const streamable = () => Promise.all([import("./handlers"), import("./streamable")]).then(([handlers, http]) => ({ ...handlers, ...http }));

/** Authentication and the per-user limit (one request's worth), before any body is read. */
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
  const byUser = await countUser(c, 1);
  if (!byUser.allowed) return rateLimited("mcp", byUser, "user");
  await next();
}

function countUser(c: C, cost: number) {
  const config = c.get("config");
  return limiter.check({ scope: "user", id: c.get("user"), limit: config.rateLimits.userPerMinute, cost, store: c.env.RATE_LIMIT_KV, waitUntil: waitUntil(c) });
}

/** ?toolsets= and ?read_only= pick the tools a connection sees; bad values are a 400, not a silent default. */
async function selectionFor(url: URL, config: Config, user: string): Promise<Selection | Response> {
  // The registry and its recorded listing are read by the first MCP request, not at startup.
  const { resolveSelection, SelectionError } = await import("../tools/registry");
  try {
    return resolveSelection(url.searchParams.get("toolsets"), url.searchParams.get("read_only"), config, user);
  } catch (err) {
    if (err instanceof SelectionError) return jsonRpcError(400, err.message, -32602);
    throw err;
  }
}

/** The body as JSON, or undefined when it is not (the SDK then answers its own parse error). */
function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function sessionNotFound(): Response {
  return jsonRpcError(404, "Session not found: open a new stream with GET /sse.", -32001);
}

async function sse(c: C, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const selection = await selectionFor(url, c.get("config"), c.get("user"));
  if (selection instanceof Response) return selection;
  const props: SseProps = { toolsets: url.searchParams.get("toolsets"), readOnly: url.searchParams.get("read_only"), user: c.get("user") };
  const exec = c.executionCtx;
  const ctx = { waitUntil: exec.waitUntil.bind(exec), passThroughOnException: exec.passThroughOnException.bind(exec), props } as unknown as ExecutionContext;
  // The legacy SSE stack (the Agents SDK) is loaded by the first /sse request, never on the /mcp path.
  const { sseHandler, SSE_SESSION_NOT_FOUND } = await import("./sse");
  const res = await sseHandler.fetch(request, c.env, ctx);
  if (res.status === 400 && request.method === "POST" && (await res.clone().text()) === SSE_SESSION_NOT_FOUND) {
    return sessionNotFound();
  }
  return res;
}

/**
 * The SSE stream, passed through with a keep-alive comment whenever it has
 * been idle for SSE_KEEPALIVE_SECONDS. Idle streams then survive proxies that
 * cut silent connections, and a client that went away is noticed: the write to
 * it fails, the stream is cancelled, and the session's Durable Object drops its
 * connection, so later messages for the session get 404 and it holds nothing.
 */
function keptAlive(c: C, res: Response, sessionId: string): Response {
  if (!res.body || !res.ok) return res;
  const reader = res.body.getReader();
  const keepaliveMs = c.get("config").sseKeepaliveSeconds * 1000;
  const comment = new TextEncoder().encode(": keepalive\n\n");
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    const stub = c.env.MCP_SSE.get(c.env.MCP_SSE.idFromName(`sse:${sessionId}`)) as unknown as { endStream(): Promise<void> };
    waitUntil(c)(stub.endStream().catch(() => {}));
  };
  let next: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      next ??= reader.read();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<"idle">((resolve) => {
        timer = setTimeout(() => resolve("idle"), keepaliveMs);
      });
      const read = await Promise.race([next, idle]);
      clearTimeout(timer);
      if (read === "idle") return controller.enqueue(comment);
      next = undefined;
      if (read.done) {
        controller.close();
        end();
      } else controller.enqueue(read.value);
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
  return new Response(body, res);
}

export function mountMcpRoutes(app: Hono<AppEnv>): void {
  app.use("/mcp", guardMcp);
  app.use("/sse", guardMcp);
  app.use("/sse/message", guardMcp);

  app.all("/mcp", async (c) => {
    const config = c.get("config");
    const selection = await selectionFor(new URL(c.req.url), config, c.get("user"));
    if (selection instanceof Response) return selection;
    const { sessionState, handleStreamableHttp } = await streamable();
    const state = sessionState(config, selection, c.get("user"), servicesOf(c.env));
    if (c.req.method !== "POST") return handleStreamableHttp(c.req.raw, state);
    const bytes = await requestBody(c);
    if (bytes instanceof Response) return bytes;
    const message = parseJson(bytes);
    if (Array.isArray(message) && message.length > 1) {
      // A batch is as many requests as it has messages (guardMcp counted the first).
      const byUser = await countUser(c, message.length - 1);
      if (!byUser.allowed) return rateLimited("mcp", byUser, "user");
    }
    return handleStreamableHttp(withBody(c.req.raw, bytes), state, { bytes, message });
  });

  app.get("/sse", async (c) => {
    if (c.req.header("upgrade")) {
      return jsonRpcError(400, "Bad request: /sse is a Server-Sent Events stream, not a WebSocket; open it with a plain GET.", -32600);
    }
    // The session id is chosen here and bound to the user; a client-supplied one is ignored.
    const url = new URL(c.req.url);
    const sessionId = await newSessionId(c.get("user"));
    url.searchParams.set("sessionId", sessionId);
    return keptAlive(c, await sse(c, new Request(url, c.req.raw)), sessionId);
  });

  app.post("/sse/message", async (c) => {
    if (!(await sessionBelongsTo(new URL(c.req.url).searchParams.get("sessionId"), c.get("user")))) return sessionNotFound();
    const bytes = await requestBody(c);
    if (bytes instanceof Response) return bytes;
    const message = parseJson(bytes);
    if (message === undefined) return jsonRpcError(400, "Parse error: the body is not JSON.", -32700);
    if (Array.isArray(message)) return jsonRpcError(400, "Invalid request: /sse takes one JSON-RPC message per POST, not a batch.", -32600);
    if (!message || typeof message !== "object") return jsonRpcError(400, "Invalid request: the body must be one JSON-RPC message.", -32600);
    return sse(c, withBody(c.req.raw, bytes));
  });
}
