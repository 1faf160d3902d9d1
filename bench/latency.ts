/**
 * Section "latency": the other MCP requests on both transports, against the
 * plain floors of the same run (GET /health, the fake upstream direct), one
 * column per variant.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { LEADMAGIC_TEST_KEY } from "../dev/fakes/leadmagic";
import { resetFakes } from "../dev/stack";
import { AUTH, type BenchContext, CONCURRENCY, callCampaigns, callCredits, ms, ok, type Row, ratio, round, rpc, throughput, time } from "./lib";

const init = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } };

export async function latency(ctx: BenchContext): Promise<Row[]> {
  const variants = await ctx.variants();
  const fakes = await ctx.fakes();
  const mcp = (i: number, query = "") => `${variants[i]!.worker.url}/mcp${query}`;
  const keys = [...variants.keys()];
  const upstream = (await time([fakes.leadmagic], (f) => fetch(`${f.baseUrl}/v1/credits`, { headers: { "x-api-key": LEADMAGIC_TEST_KEY } }).then(ok)))[0]!;
  const health = await time(keys, (i) => fetch(`${variants[i]!.worker.url}/health`).then(ok));
  const campaigns = await time(keys, (i) => rpc(mcp(i, "?toolsets=all"), "tools/call", callCampaigns));
  const initialize = await time(keys, (i) => rpc(mcp(i), "initialize", init));
  const listDefault = await time(keys, (i) => rpc(mcp(i), "tools/list"));
  const listAll = await time(keys, (i) => rpc(mcp(i, "?toolsets=all"), "tools/list"));

  const sse = await Promise.all(
    variants.map(async (v) => {
      const client = new Client({ name: "bench", version: "1" });
      await client.connect(
        new SSEClientTransport(new URL(`${v.worker.url}/sse?toolsets=all`), {
          requestInit: { headers: AUTH },
          eventSourceInit: { fetch: (u, i) => fetch(u, { ...i, headers: { ...(i?.headers as Record<string, string>), ...AUTH } }) },
        }),
      );
      return client;
    }),
  );
  const sseCredits = await time(keys, (i) => sse[i]!.callTool(callCredits));
  const sseCampaigns = await time(keys, (i) => sse[i]!.callTool(callCampaigns));
  await Promise.all(sse.map((c) => c.close()));

  const healthRps: number[] = [];
  for (const v of variants) {
    resetFakes(fakes);
    healthRps.push(await throughput(() => fetch(`${v.worker.url}/health`).then(ok)));
  }
  resetFakes(fakes);

  const h = health[0]!.p50;
  const floor = round(h + upstream.p50);
  return [
    { measure: "floor: GET /health (ms p50 / p99)", cells: health.map(ms) },
    { measure: "floor: upstream direct", cells: [ms(upstream)] },
    {
      measure: "tools/call smartlead_list_campaigns, /mcp",
      cells: campaigns.map(ms),
      floor: `${floor} (health + upstream)`,
      ratio: ratio(campaigns[0]!.p50, floor),
    },
    { measure: "tools/call leadmagic_get_credits, /sse", cells: sseCredits.map(ms), floor: `${floor}`, ratio: ratio(sseCredits[0]!.p50, floor) },
    { measure: "tools/call smartlead_list_campaigns, /sse", cells: sseCampaigns.map(ms), floor: `${floor}`, ratio: ratio(sseCampaigns[0]!.p50, floor) },
    { measure: "initialize, /mcp", cells: initialize.map(ms), floor: `${h} (health)`, ratio: ratio(initialize[0]!.p50, h) },
    { measure: "tools/list default, /mcp", cells: listDefault.map(ms), floor: `${h}`, ratio: ratio(listDefault[0]!.p50, h) },
    { measure: "tools/list toolsets=all, /mcp", cells: listAll.map(ms), floor: `${h}`, ratio: ratio(listAll[0]!.p50, h) },
    { measure: `throughput, ${CONCURRENCY} clients, /health (req/s)`, cells: healthRps.map(String) },
  ];
}
