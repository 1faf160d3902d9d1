/**
 * `npm run demo`: the whole server against bundled fake upstreams, no keys
 * needed. Starts the fakes and `wrangler dev` pointed at them with a fresh demo
 * access token, prints how to connect, and runs until Ctrl-C.
 */
import { randomBytes } from "node:crypto";
import { fakeVars, startFakes, startWorker } from "../test/helpers/stack";

const port = Number(process.env.PORT ?? 8787);
const token = `demo-${randomBytes(24).toString("base64url")}`;
const fakes = await startFakes();
const worker = await startWorker(
  {
    ...fakeVars(fakes),
    MCP_ACCESS_TOKENS: `demo:${token}`,
    // The Inspector's web UI, when it connects directly from the browser.
    ALLOWED_ORIGINS: "http://localhost:6274,http://127.0.0.1:6274",
  },
  { port },
);
const mcp = `${worker.url}/mcp`;

console.log(`
GTM edge MCP server (demo, fake upstreams — nothing real is called or spent)

  Streamable HTTP:  ${mcp}
  Legacy SSE:       ${worker.url}/sse
  Health:           ${worker.url}/health

Demo access token (user "demo", valid until you stop the demo):
  ${token}

Every MCP request needs it:
  Authorization: Bearer ${token}

  curl -s ${mcp} -H 'Authorization: Bearer ${token}' \\
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \\
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'

MCP Inspector:
  npx @modelcontextprotocol/inspector
  → Transport "Streamable HTTP", URL ${mcp}?toolsets=all
  → Authentication: Header Name "Authorization", Bearer Token ${token}
  (or leave it empty and use "Open Auth Settings" → OAuth: the consent page asks for the token above)

Claude Desktop / any stdio client, through mcp-remote:
  npx mcp-remote ${mcp} --header "Authorization:Bearer ${token}"
  (without --header, mcp-remote signs in with OAuth in your browser; enter the token above on the consent page)

Press Ctrl-C to stop.
`);

const stop = async () => {
  await worker.stop();
  await Promise.all(Object.values(fakes).map((f) => f.stop()));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
