/**
 * The Worker: Hono routes for the landing page, /health, /mcp (Streamable
 * HTTP, stateless) and /sse (legacy SSE, Durable Object sessions).
 */
import { Hono } from "hono";
import { ConfigError, configuredUpstreams, getConfig, type Config, type Env } from "./config";
import { landingPage } from "./landing";
import { handleStreamableHttp, MAX_REQUEST_BYTES_DEFAULT } from "./mcp/streamable";
import { SSE_SESSION_NOT_FOUND, sseHandler, type SseProps } from "./mcp/sse";
import { confirmerFor } from "./tools/call";
import { resolveSelection, SelectionError, type Selection } from "./tools/registry";
import { VERSION } from "./version";

export { McpSseAgent } from "./mcp/sse";

type AppEnv = { Bindings: Env; Variables: { config: Config; user: string } };

const app = new Hono<AppEnv>();

function jsonRpcError(status: number, message: string, code = -32000): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status });
}

app.onError((err, c) => {
  if (err instanceof ConfigError) return c.json({ error: `Server misconfigured: ${err.message}` }, 500);
  console.log(JSON.stringify({ event: "internal_error", where: "router", error_name: err.name }));
  return c.json({ error: "Internal error" }, 500);
});

// Configuration is parsed once per isolate; a bad one answers 500 with the reason (never a value).
app.use("*", async (c, next) => {
  c.set("config", getConfig(c.env));
  c.set("user", "anonymous");
  await next();
});

app.get("/", (c) => c.html(landingPage(new URL(c.req.url).origin)));

app.get("/health", (c) => {
  const upstreams = configuredUpstreams(c.get("config"));
  return c.json({ status: "ok", version: VERSION, upstreams: { smartlead: { configured: upstreams.smartlead }, leadmagic: { configured: upstreams.leadmagic } } });
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
  return handleStreamableHttp(c.req.raw, { config, selection, call: { config, user, confirmer: confirmerFor(config) } }, MAX_REQUEST_BYTES_DEFAULT);
});

async function sse(c: import("hono").Context<AppEnv>): Promise<Response> {
  const url = new URL(c.req.url);
  const selection = selectionFor(url, c.get("config"));
  if (selection instanceof Response) return selection;
  const props: SseProps = { toolsets: url.searchParams.get("toolsets"), readOnly: url.searchParams.get("read_only"), user: c.get("user") };
  const exec = c.executionCtx;
  const ctx = { waitUntil: exec.waitUntil.bind(exec), passThroughOnException: exec.passThroughOnException.bind(exec), props } as unknown as ExecutionContext;
  const res = await sseHandler.fetch(c.req.raw, c.env, ctx);
  if (res.status === 400 && c.req.method === "POST" && (await res.clone().text()) === SSE_SESSION_NOT_FOUND) {
    return jsonRpcError(404, "Session not found: open a new stream with GET /sse.", -32001);
  }
  return res;
}
app.get("/sse", sse);
app.post("/sse/message", sse);

app.notFound((c) => c.json({ error: "Not found" }, 404));

export default app;
