/**
 * `npm run demo`: the whole server against bundled fake upstreams, no keys
 * needed. Starts the fakes and `wrangler dev` pointed at them with a fresh demo
 * access token, prints how to connect, and runs until Ctrl-C.
 *
 * Environment: PORT (default 8787), RATE_LIMIT_USER_PER_MINUTE and
 * RATE_LIMIT_IP_PER_MINUTE (default: the server's own 120 and 600), e.g. to run
 * a conformance suite or a load test against it, MCP_ADMIN_TOOLS (default
 * false, as on a deployment), and DEMO_STATE_DIR (default .wrangler/demo-state)
 * for the local KV and Durable Object state.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fakeVars, PROJECT_ROOT, startFakes, startWorker } from "../dev/stack";
import { parseConfig } from "../src/config";
import { ALL_TOOLS } from "../src/tools/all";
import { TOOLSETS } from "../src/tools/registry";

/** The demo's settings from the environment; a bad value stops it with the reason. */
function settings(env: NodeJS.ProcessEnv): { port: number; limits: Record<string, string> } {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not ${JSON.stringify(env.PORT)}`);
  const limits: Record<string, string> = {};
  for (const name of ["RATE_LIMIT_USER_PER_MINUTE", "RATE_LIMIT_IP_PER_MINUTE", "MCP_ADMIN_TOOLS"] as const) {
    if (env[name] !== undefined && env[name] !== "") limits[name] = env[name]!;
  }
  return { port, limits };
}

function settingsOrExit(): ReturnType<typeof settings> & { config: ReturnType<typeof parseConfig> } {
  try {
    const s = settings(process.env);
    // The server's own parser checks the limits, so the demo refuses exactly what a deployment would.
    return { ...s, config: parseConfig({ ...s.limits } as never) };
  } catch (error) {
    console.error(`npm run demo: ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(2);
  }
}

const { port, limits, config } = settingsOrExit();

/** Local KV and Durable Object state of the demo (ignored by git); delete it to start clean. */
const DEMO_STATE = process.env.DEMO_STATE_DIR || join(PROJECT_ROOT, ".wrangler", "demo-state");
const token = `demo-${randomBytes(24).toString("base64url")}`;
const fakes = await startFakes();
const worker = await startWorker(
  {
    ...fakeVars(fakes),
    MCP_ACCESS_TOKENS: `demo:${token}`,
    ...limits,
  },
  // Kept between runs, so a client's OAuth registration (the Inspector keeps one per URL) survives a restart.
  { port, stateDir: DEMO_STATE },
);
const mcp = `${worker.url}/mcp`;
const all = `${mcp}?toolsets=all`;
const header = `Authorization: Bearer ${token}`;
const defaults = TOOLSETS.get("default")!.length;
const offered = ALL_TOOLS.filter((t) => config.adminTools || !t.admin).length;
const adminNote = config.adminTools
  ? "admin tools included"
  : `${ALL_TOOLS.length - offered} admin tools are off: MCP_ADMIN_TOOLS=true npm run demo to include them`;

console.log(`
GTM edge MCP server (demo, fake upstreams — nothing real is called or spent)

  Streamable HTTP:  ${mcp}   (the default selection: ${defaults} tools)
                    ${all}   (every tool: ${offered}; ${adminNote})
  Legacy SSE:       ${worker.url}/sse   (?toolsets=all works here too)
  Health:           ${worker.url}/health
  Rate limits:      ${config.rateLimits.userPerMinute} requests/min per user, ${config.rateLimits.ipPerMinute} per IP
                    (set RATE_LIMIT_USER_PER_MINUTE / RATE_LIMIT_IP_PER_MINUTE before npm run demo to change them)

Demo access token (user "demo", valid until you stop the demo). Every MCP request needs it:
  ${header}

curl, the default tools (add ?toolsets=all to the URL for every tool):
  curl -s '${mcp}' -H '${header}' \\
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \\
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'

MCP Inspector 2.x. It needs Node 22.19 or newer: run these from this project's directory, where npx
runs it with the project's own Node 22.
  Web UI, every tool:
    npx -y @modelcontextprotocol/inspector@2 --transport http --server-url '${all}' --header '${header}'
  Web UI, signing in with OAuth instead: leave out --header, then enter the token above on the consent page.
  CLI, the default tools:
    npx -y @modelcontextprotocol/inspector@2 --cli '${mcp}' --transport http --header '${header}' --method tools/list

Claude Desktop / any stdio client, through mcp-remote (without --header it signs in with OAuth in your browser):
  npx mcp-remote '${mcp}' --header 'Authorization:Bearer ${token}'
  npx mcp-remote '${all}' --header 'Authorization:Bearer ${token}'

OAuth client registrations are kept in ${DEMO_STATE} between runs (delete it to start clean);
grants never survive a restart, because each run has a new token.

Press Ctrl-C to stop.
`);

const stop = async () => {
  await worker.stop();
  await Promise.all(Object.values(fakes).map((f) => f.stop()));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
