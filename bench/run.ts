/**
 * `npm run bench`: latency, throughput and size of the Worker under
 * `wrangler dev`, each figure beside the floor measured in the same run.
 * Prints one table and writes the same as JSON under bench/results/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { LEADMAGIC_TEST_KEY } from "../test/fakes/leadmagic";
import { fakeVars, PROJECT_ROOT, startFakes, startWorker } from "../test/helpers/stack";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 50;
const CONCURRENCY = 16;
const THROUGHPUT_REQUESTS = Number(process.env.BENCH_THROUGHPUT_REQUESTS ?? 1600);
const TOKEN = `bench:${"b".repeat(40)}`;
const AUTH = { authorization: `Bearer ${"b".repeat(40)}` };

interface Stat { p50: number; p99: number; n: number }

function stats(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: s.length };
}
const round = (n: number) => Math.round(n * 100) / 100;

async function time(fn: () => Promise<unknown>, n = SAMPLES): Promise<Stat> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** Requests per second with `CONCURRENCY` clients sharing THROUGHPUT_REQUESTS requests. */
async function throughput(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  let left = THROUGHPUT_REQUESTS;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  return Math.round(THROUGHPUT_REQUESTS / ((performance.now() - t) / 1000));
}

async function ok(res: Response): Promise<string> {
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

let rpcId = 0;
function rpc(url: string, method: string, params?: unknown): Promise<string> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...AUTH },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }),
  }).then(async (res) => {
    const text = await ok(res);
    const body = JSON.parse(text) as { error?: unknown; result?: { isError?: boolean } };
    if (body.error || body.result?.isError) throw new Error(`${method} failed: ${text.slice(0, 300)}`);
    return text;
  });
}

function bundleSize(): { raw: number; gzip: number } {
  const out = mkdtempSync(join(tmpdir(), "gtm-bundle-"));
  try {
    execFileSync(process.execPath, [join(PROJECT_ROOT, "node_modules", "wrangler", "bin", "wrangler.js"), "deploy", "--dry-run", "--outdir", out], {
      cwd: PROJECT_ROOT,
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let raw = 0;
    const parts: Buffer[] = [];
    for (const f of readdirSync(out)) {
      if (!/\.(js|mjs|wasm)$/.test(f)) continue;
      raw += statSync(join(out, f)).size;
      parts.push(readFileSync(join(out, f)));
    }
    return { raw, gzip: gzipSync(Buffer.concat(parts), { level: 9 }).length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const fakes = await startFakes();
const worker = await startWorker({
  ...fakeVars(fakes),
  MCP_ACCESS_TOKENS: TOKEN,
  RATE_LIMIT_USER_PER_MINUTE: "10000000",
  RATE_LIMIT_IP_PER_MINUTE: "10000000",
});
const mcp = `${worker.url}/mcp`;
const callCredits = { name: "leadmagic_get_credits", arguments: {} };
const callCampaigns = { name: "smartlead_list_campaigns", arguments: {} };
const init = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } };

try {
  const health = await time(() => fetch(`${worker.url}/health`).then(ok));
  const upstream = await time(() => fetch(`${fakes.leadmagic.baseUrl}/v1/credits`, { headers: { "x-api-key": LEADMAGIC_TEST_KEY } }).then(ok));
  const floor = health.p50 + upstream.p50;

  const mcpCredits = await time(() => rpc(mcp, "tools/call", callCredits));
  const mcpCampaigns = await time(() => rpc(`${mcp}?toolsets=smartlead_campaigns`, "tools/call", callCampaigns));
  const initialize = await time(() => rpc(mcp, "initialize", init));
  const listDefault = await time(() => rpc(mcp, "tools/list"));
  const listAll = await time(() => rpc(`${mcp}?toolsets=all`, "tools/list"));
  const listDefaultBytes = (await rpc(mcp, "tools/list")).length;
  const listAllBytes = (await rpc(`${mcp}?toolsets=all`, "tools/list")).length;

  const sse = new Client({ name: "bench", version: "1" });
  await sse.connect(
    new SSEClientTransport(new URL(`${worker.url}/sse?toolsets=all`), {
      requestInit: { headers: AUTH },
      eventSourceInit: { fetch: (u, i) => fetch(u, { ...i, headers: { ...(i?.headers as Record<string, string>), ...AUTH } }) },
    }),
  );
  const sseCredits = await time(() => sse.callTool(callCredits));
  const sseCampaigns = await time(() => sse.callTool(callCampaigns));
  await sse.close();

  fakes.leadmagic.reset();
  const healthRps = await throughput(() => fetch(`${worker.url}/health`).then(ok));
  const callRps = await throughput(() => rpc(mcp, "tools/call", callCredits));
  const bundle = bundleSize();

  const rows: [string, string, string, string][] = [];
  const ms = (s: Stat) => `${s.p50} / ${s.p99}`;
  const ratio = (a: number, b: number) => `${round(a / b)}×`;
  rows.push(["floor: GET /health", ms(health), "—", "—"]);
  rows.push(["floor: upstream direct", ms(upstream), "—", "—"]);
  rows.push(["tools/call leadmagic_get_credits, /mcp", ms(mcpCredits), `${round(floor)} (health+upstream)`, ratio(mcpCredits.p50, floor)]);
  rows.push(["tools/call smartlead_list_campaigns, /mcp", ms(mcpCampaigns), `${round(floor)}`, ratio(mcpCampaigns.p50, floor)]);
  rows.push(["tools/call leadmagic_get_credits, /sse", ms(sseCredits), `${round(floor)}`, ratio(sseCredits.p50, floor)]);
  rows.push(["tools/call smartlead_list_campaigns, /sse", ms(sseCampaigns), `${round(floor)}`, ratio(sseCampaigns.p50, floor)]);
  rows.push(["initialize, /mcp", ms(initialize), `${health.p50} (health)`, ratio(initialize.p50, health.p50)]);
  rows.push(["tools/list default, /mcp", ms(listDefault), `${health.p50}`, ratio(listDefault.p50, health.p50)]);
  rows.push(["tools/list toolsets=all, /mcp", ms(listAll), `${health.p50}`, ratio(listAll.p50, health.p50)]);
  rows.push([`throughput, ${CONCURRENCY} clients, tools/call (req/s)`, String(callRps), `${healthRps} (/health)`, `${round((callRps / healthRps) * 100)} %`]);
  rows.push(["bundle (KiB raw / gzip)", `${round(bundle.raw / 1024)} / ${round(bundle.gzip / 1024)}`, "500 gzip (goal)", ratio(bundle.gzip / 1024, 500)]);
  rows.push(["tools/list bytes (default / all)", `${listDefaultBytes} / ${listAllBytes}`, "15360 (goal, default)", ratio(listDefaultBytes, 15360)]);

  const overhead = round(mcpCredits.p50 - floor);
  const header = `npm run bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${SAMPLES} samples after ${WARMUP} warm-up, node ${process.version}`;
  const table = [
    header,
    "",
    "| measure | p50 / p99 ms (or value) | floor | ratio |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    `tool-call overhead over the floor (/mcp, p50): ${overhead} ms`,
  ].join("\n");
  console.log(table);

  const results = {
    date: new Date().toISOString(),
    cores: cpus().length,
    samples: SAMPLES,
    warmup: WARMUP,
    latency_ms: { health, upstream, mcpCredits, mcpCampaigns, sseCredits, sseCampaigns, initialize, listDefault, listAll },
    overhead_ms: overhead,
    throughput_rps: { health: healthRps, toolsCall: callRps, concurrency: CONCURRENCY, requests: THROUGHPUT_REQUESTS },
    bundle_bytes: bundle,
    tools_list_bytes: { default: listDefaultBytes, all: listAllBytes },
  };
  mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  const file = join(PROJECT_ROOT, "bench", "results", `${results.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
} finally {
  await worker.stop();
  await Promise.all(Object.values(fakes).map((f) => f.stop()));
}
