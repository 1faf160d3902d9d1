/**
 * The pacing load test (`npm run bench -- --pacing-only`, or at the end of
 * `npm run bench`): 20 users with their own access tokens call SmartLead tools
 * as fast as they can, for BENCH_PACING_SECONDS (default 120), through a Worker
 * paced at SmartLead's Standard limits (60/min, 1000/h, 10/s), against fakes
 * that enforce the same limits and count the 429s they send. Then the latency a
 * turn adds when the bucket is not the bottleneck: pacing on (a budget far above
 * the load) against `off`, sampled alternately. Prints a table; asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { enforceSmartLeadLimits, type Fakes, fakeVars, startFakes, startWorker, type Worker } from "../dev/stack";
import { UPSTREAMS } from "../src/upstream/hosts";

const USERS = 20;
const SECONDS = Number(process.env.BENCH_PACING_SECONDS ?? 120);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 50;
const round = (n: number) => Math.round(n * 100) / 100;

function stats(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

let rpcId = 0;
/** One tools/call on /mcp: its error code, or "ok". */
async function callTool(worker: Worker, token: string, name: string): Promise<string> {
  const res = await fetch(`${worker.url}/mcp?toolsets=all`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method: "tools/call", params: { name, arguments: {} } }),
  });
  const body = (await res.json()) as { result?: { isError?: boolean; structuredContent?: { error?: { code: string } } } };
  if (!res.ok || !body.result) throw new Error(`HTTP ${res.status}`);
  return body.result.isError ? (body.result.structuredContent?.error?.code ?? "error") : "ok";
}

async function start(fakes: Fakes, tokens: string[], rateLimit: string): Promise<Worker> {
  return startWorker({
    ...fakeVars(fakes),
    MCP_ACCESS_TOKENS: tokens.map((t, i) => `user${i}:${t}`).join(","),
    RATE_LIMIT_USER_PER_MINUTE: "100000000",
    RATE_LIMIT_IP_PER_MINUTE: "100000000",
    SMARTLEAD_RATE_LIMIT: rateLimit,
  });
}

export async function pacingBench(): Promise<string> {
  const tokens = Array.from({ length: USERS }, () => `bench-${randomBytes(24).toString("base64url")}`);
  const standard = UPSTREAMS.smartlead.rateLimits.tiers.Standard!;
  const fakes = await startFakes();
  const workers: Worker[] = [];
  try {
    // 1. Load: every user loops on a read; refused calls wait what they are told, as a client should.
    const paced = await start(fakes, tokens, "standard");
    workers.push(paced);
    const enforcer = enforceSmartLeadLimits(fakes, { perSecond: standard.burstPerSecond, perMinute: standard.perMinute, perHour: standard.perHour });
    const outcomes = new Map<string, number>();
    const perUser = new Array<number>(USERS).fill(0);
    const t0 = performance.now();
    const end = t0 + SECONDS * 1000;
    await Promise.all(
      tokens.map(async (token, u) => {
        while (performance.now() < end) {
          const code = await callTool(paced, token, "smartlead_list_campaigns");
          outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
          if (code === "ok") perUser[u]!++;
          else await new Promise((r) => setTimeout(r, Math.min(1000, end - performance.now())));
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    // The key's long-run budget over the run: the per-minute limit times the minutes (the hour budget is not reached).
    const budget = Math.round((standard.perMinute * elapsed) / 60);
    const served = enforcer.admitted;
    for (const f of Object.values(fakes)) f.reset();

    // 2. Added latency with a bucket that is never the bottleneck, against pacing off.
    const off = await start(fakes, tokens, "off");
    workers.push(off);
    const roomy = await start(fakes, tokens, "100000/100000/10000");
    workers.push(roomy);
    const variants = [roomy, off];
    for (const w of variants) for (let i = 0; i < WARMUP; i++) await callTool(w, tokens[0]!, "smartlead_list_campaigns");
    const samples: number[][] = [[], []];
    for (let i = 0; i < SAMPLES; i++) {
      for (const [k, w] of variants.entries()) {
        const t = performance.now();
        const code = await callTool(w, tokens[0]!, "smartlead_list_campaigns");
        samples[k]!.push(performance.now() - t);
        if (code !== "ok") throw new Error(`latency sample failed: ${code}`);
      }
    }
    const [on, none] = samples.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>];
    const fair = perUser.filter((n) => n > 0).length;
    const rows = [
      `pacing load test — ${new Date().toISOString().slice(0, 10)}, ${USERS} users, SMARTLEAD_RATE_LIMIT=standard (60/1000/10), ${round(elapsed)} s, fakes enforce the same limits`,
      "",
      "| measure | value | goal |",
      "|---|---|---|",
      `| upstream 429s sent by the fakes | ${enforcer.rejected} | 0 |`,
      `| upstream requests served | ${served} of a budget of ${budget} (${round((served / budget) * 100)} %) | ≥ 95 % |`,
      `| tool calls: outcomes | ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")} | — |`,
      `| users served at least once | ${fair} of ${USERS} (per user min ${Math.min(...perUser)}, max ${Math.max(...perUser)}) | all |`,
      `| tools/call smartlead_list_campaigns, pacing on (bucket not the bottleneck), ms p50 / p99 | ${on.p50} / ${on.p99} | — |`,
      `| same, SMARTLEAD_RATE_LIMIT=off | ${none.p50} / ${none.p99} | — |`,
      `| added latency p50 / p99 (ms) | ${round(on.p50 - none.p50)} / ${round(on.p99 - none.p99)} | ≤ 1 p50 |`,
    ];
    return rows.join("\n");
  } finally {
    for (const w of workers) await w.stop();
    await Promise.all(Object.values(fakes).map((f) => f.stop()));
  }
}
