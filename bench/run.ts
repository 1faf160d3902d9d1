/**
 * `npm run bench`: latency, throughput and size of the Worker under
 * `wrangler dev`, each figure beside the floor measured in the same run.
 *
 *   npm run bench                          this tree
 *   npm run bench -- --baseline <git-ref>  also an older commit, side by side (repeatable)
 *
 * Prints one table and writes the same as JSON under bench/results/.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { LEADMAGIC_TEST_KEY } from "../dev/fakes/leadmagic";
import { type Fakes, fakeVars, PROJECT_ROOT, startFakes, startWorker, type Worker } from "../dev/stack";
import { DEFAULT_LISTING_MAX_BYTES } from "../src/tools/toolsets";
import { pacingBench } from "./pacing";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 50;
const CONCURRENCY = 16;
const THROUGHPUT_REQUESTS = Number(process.env.BENCH_THROUGHPUT_REQUESTS ?? 1600);
/** A fresh access token for this run (user "bench"). */
const TOKEN = `bench-${randomBytes(24).toString("base64url")}`;
const AUTH = { authorization: `Bearer ${TOKEN}` };

interface Stat {
  p50: number;
  p99: number;
  n: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

function stats(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: s.length };
}

/**
 * p50/p99 of `fn` for each variant. Samples alternate between the variants
 * (A, B, A, B, …) so that drift on this shared machine hits them alike.
 */
async function time<V>(variants: readonly V[], fn: (v: V) => Promise<unknown>, n = SAMPLES): Promise<Stat[]> {
  for (const v of variants) for (let i = 0; i < WARMUP; i++) await fn(v);
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [k, v] of variants.entries()) {
      const t = performance.now();
      await fn(v);
      samples[k]!.push(performance.now() - t);
    }
  }
  return samples.map(stats);
}

/** Requests per second with CONCURRENCY clients sharing THROUGHPUT_REQUESTS requests. */
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
async function rpc(url: string, method: string, params?: unknown): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...AUTH },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }),
  });
  const text = await ok(res);
  const body = JSON.parse(text) as { error?: unknown; result?: { isError?: boolean } };
  if (body.error || body.result?.isError) throw new Error(`${method} failed: ${text.slice(0, 300)}`);
  return text;
}

/** `wrangler deploy --dry-run` of a project directory: the upload's size, raw and gzip. */
function bundleSize(root: string): { raw: number; gzip: number } {
  const out = mkdtempSync(join(tmpdir(), "gtm-bundle-"));
  try {
    execFileSync(process.execPath, [join(PROJECT_ROOT, "node_modules", "wrangler", "bin", "wrangler.js"), "deploy", "--dry-run", "--outdir", out], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let raw = 0;
    const parts: Buffer[] = [];
    for (const f of readdirSync(out)) {
      if (!/\.(js|mjs|cjs|wasm)$/.test(f)) continue;
      raw += statSync(join(out, f)).size;
      parts.push(readFileSync(join(out, f)));
    }
    return { raw, gzip: gzipSync(Buffer.concat(parts), { level: 9 }).length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface Variant {
  label: string;
  root: string;
  worker: Worker;
}

interface Results {
  health: Stat;
  mcpCredits: Stat;
  mcpCampaigns: Stat;
  sseCredits: Stat;
  sseCampaigns: Stat;
  initialize: Stat;
  listDefault: Stat;
  listAll: Stat;
  healthRps: number;
  callRps: number;
  bundle: { raw: number; gzip: number };
  listDefaultBytes: number;
  listAllBytes: number;
}

const callCredits = { name: "leadmagic_get_credits", arguments: {} };
const callCampaigns = { name: "smartlead_list_campaigns", arguments: {} };
const init = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } };

async function measureAll(variants: readonly Variant[], fakes: Fakes): Promise<Results[]> {
  const mcp = (v: Variant, query = "") => `${v.worker.url}/mcp${query}`;
  const health = await time(variants, (v) => fetch(`${v.worker.url}/health`).then(ok));
  const mcpCredits = await time(variants, (v) => rpc(mcp(v), "tools/call", callCredits));
  const mcpCampaigns = await time(variants, (v) => rpc(mcp(v, "?toolsets=all"), "tools/call", callCampaigns));
  const initialize = await time(variants, (v) => rpc(mcp(v), "initialize", init));
  const listDefault = await time(variants, (v) => rpc(mcp(v), "tools/list"));
  const listAll = await time(variants, (v) => rpc(mcp(v, "?toolsets=all"), "tools/list"));

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
  const sseCredits = await time([...sse.keys()], (k) => sse[k]!.callTool(callCredits));
  const sseCampaigns = await time([...sse.keys()], (k) => sse[k]!.callTool(callCampaigns));
  await Promise.all(sse.map((c) => c.close()));

  const results: Results[] = [];
  for (const [k, v] of variants.entries()) {
    for (const f of Object.values(fakes)) f.reset();
    const healthRps = await throughput(() => fetch(`${v.worker.url}/health`).then(ok));
    const callRps = await throughput(() => rpc(mcp(v), "tools/call", callCredits));
    results.push({
      health: health[k]!,
      mcpCredits: mcpCredits[k]!,
      mcpCampaigns: mcpCampaigns[k]!,
      sseCredits: sseCredits[k]!,
      sseCampaigns: sseCampaigns[k]!,
      initialize: initialize[k]!,
      listDefault: listDefault[k]!,
      listAll: listAll[k]!,
      healthRps,
      callRps,
      bundle: bundleSize(v.root),
      listDefaultBytes: (await rpc(mcp(v), "tools/list")).length,
      listAllBytes: (await rpc(mcp(v, "?toolsets=all"), "tools/list")).length,
    });
  }
  for (const f of Object.values(fakes)) f.reset();
  return results;
}

/** A detached worktree of `ref` sharing this project's node_modules. */
function checkout(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gtm-baseline-"));
  execFileSync("git", ["worktree", "add", "--detach", dir, ref], { cwd: PROJECT_ROOT, stdio: "pipe" });
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const { values } = parseArgs({ options: { baseline: { type: "string", multiple: true }, "pacing-only": { type: "boolean" } } });
const baselines = values.baseline ?? [];
if (values["pacing-only"]) {
  console.log(await pacingBench());
  process.exit(0);
}

const fakes = await startFakes();
// Pacing off here: these figures are about the Worker; bench/pacing.ts measures the pacer.
const vars = {
  ...fakeVars(fakes),
  MCP_ACCESS_TOKENS: `bench:${TOKEN}`,
  RATE_LIMIT_USER_PER_MINUTE: "100000000",
  RATE_LIMIT_IP_PER_MINUTE: "100000000",
  SMARTLEAD_RATE_LIMIT: "off",
};
const variants: Variant[] = [];
const worktrees: string[] = [];
try {
  variants.push({ label: "this tree", root: PROJECT_ROOT, worker: await startWorker(vars) });
  for (const ref of baselines) {
    const root = checkout(ref);
    worktrees.push(root);
    variants.push({ label: ref, root, worker: await startWorker(vars, { root }) });
  }

  const upstream = (await time([fakes.leadmagic], (f) => fetch(`${f.baseUrl}/v1/credits`, { headers: { "x-api-key": LEADMAGIC_TEST_KEY } }).then(ok)))[0]!;
  const results = await measureAll(variants, fakes);

  const ms = (s: Stat) => `${s.p50} / ${s.p99}`;
  const ratio = (a: number, b: number) => `${round(a / b)}×`;
  const main = results[0]!;
  const floor = round(main.health.p50 + upstream.p50);
  const cols = variants.map((v) => v.label);
  type Row = [string, (r: Results) => string, string, string];
  const rows: Row[] = [
    ["floor: GET /health (ms p50 / p99)", (r) => ms(r.health), "—", "—"],
    ["floor: upstream direct", () => ms(upstream), "—", "—"],
    ["tools/call leadmagic_get_credits, /mcp", (r) => ms(r.mcpCredits), `${floor} (health + upstream)`, ratio(main.mcpCredits.p50, floor)],
    ["tools/call smartlead_list_campaigns, /mcp", (r) => ms(r.mcpCampaigns), `${floor}`, ratio(main.mcpCampaigns.p50, floor)],
    ["tools/call leadmagic_get_credits, /sse", (r) => ms(r.sseCredits), `${floor}`, ratio(main.sseCredits.p50, floor)],
    ["tools/call smartlead_list_campaigns, /sse", (r) => ms(r.sseCampaigns), `${floor}`, ratio(main.sseCampaigns.p50, floor)],
    ["initialize, /mcp", (r) => ms(r.initialize), `${main.health.p50} (health)`, ratio(main.initialize.p50, main.health.p50)],
    ["tools/list default, /mcp", (r) => ms(r.listDefault), `${main.health.p50}`, ratio(main.listDefault.p50, main.health.p50)],
    ["tools/list toolsets=all, /mcp", (r) => ms(r.listAll), `${main.health.p50}`, ratio(main.listAll.p50, main.health.p50)],
    [`throughput, ${CONCURRENCY} clients, /health (req/s)`, (r) => String(r.healthRps), "—", "—"],
    [
      `throughput, ${CONCURRENCY} clients, tools/call (req/s)`,
      (r) => String(r.callRps),
      `${main.healthRps} (/health)`,
      `${round((main.callRps / main.healthRps) * 100)} %`,
    ],
    [
      "bundle KiB (raw / gzip)",
      (r) => `${round(r.bundle.raw / 1024)} / ${round(r.bundle.gzip / 1024)}`,
      "500 gzip (goal)",
      ratio(main.bundle.gzip / 1024, 500),
    ],
    [
      "tools/list bytes (default / all)",
      (r) => `${r.listDefaultBytes} / ${r.listAllBytes}`,
      `${DEFAULT_LISTING_MAX_BYTES} default (goal)`,
      ratio(main.listDefaultBytes, DEFAULT_LISTING_MAX_BYTES),
    ],
  ];
  const header = `npm run bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${SAMPLES} samples after ${WARMUP} warm-up per latency figure (variants sampled alternately), ${THROUGHPUT_REQUESTS} requests per throughput figure`;
  const table = [
    header,
    "",
    `| measure | ${cols.join(" | ")} | floor | ratio (this tree) |`,
    `|---|${cols.map(() => "---|").join("")}---|---|`,
    ...rows.map(([name, get, fl, ra]) => `| ${name} | ${results.map(get).join(" | ")} | ${fl} | ${ra} |`),
    "",
    ...variants.map(
      (v, i) => `tool-call overhead over the floor (/mcp, p50), ${v.label}: ${round(results[i]!.mcpCredits.p50 - (results[i]!.health.p50 + upstream.p50))} ms`,
    ),
  ].join("\n");
  console.log(table);

  const date = new Date().toISOString();
  const json = {
    date,
    cores: cpus().length,
    samples: SAMPLES,
    warmup: WARMUP,
    upstream,
    variants: variants.map((v, i) => ({ label: v.label, ...results[i] })),
  };
  mkdirSync(join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  const file = join(PROJECT_ROOT, "bench", "results", `${date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
  console.log(`\n${await pacingBench()}`);
} finally {
  for (const v of variants) await v.worker.stop();
  await Promise.all(Object.values(fakes).map((f) => f.stop()));
  for (const dir of worktrees) execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: PROJECT_ROOT, stdio: "pipe" });
}
