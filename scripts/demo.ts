/**
 * `npm run demo`: the whole server against bundled fake upstreams, no keys
 * needed. Starts the fakes and `wrangler dev` pointed at them, prints the MCP
 * URLs, and runs until Ctrl-C.
 */
import { fakeVars, startFakes, startWorker } from "../test/helpers/stack";

const port = Number(process.env.PORT ?? 8787);
const fakes = await startFakes();
const worker = await startWorker(fakeVars(fakes), { port });

console.log(`
GTM edge MCP server (demo, fake upstreams — nothing real is called or spent)

  Streamable HTTP:  ${worker.url}/mcp
  Legacy SSE:       ${worker.url}/sse
  Health:           ${worker.url}/health

Try it with the MCP Inspector:
  npx @modelcontextprotocol/inspector
  → Transport "Streamable HTTP", URL ${worker.url}/mcp?toolsets=all

Press Ctrl-C to stop.
`);

const stop = async () => {
  await worker.stop();
  await Promise.all(Object.values(fakes).map((f) => f.stop()));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
