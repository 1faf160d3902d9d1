/**
 * The pacing load test (`npm run bench -- --only pacing`): 20 users with their
 * own access tokens call a SmartLead tool as fast as they can, for
 * BENCH_PACING_SECONDS (default 120), through a Worker paced at SmartLead's
 * Standard limits (60/min, 1000/h, 10/s), against fakes that enforce the same
 * limits and count the 429s they send. Throughput is what the fake answered in
 * exactly that span from its first answered request (calls still waiting for a
 * turn at the end are served after it, and not counted), against what a
 * sliding-window upstream admits in the span: perMinute per started minute. Then the latency a turn adds when the
 * bucket is not the bottleneck: pacing on (a budget far above the load)
 * against `off`, sampled alternately. Rows for the bench table; asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { enforceSmartLeadLimits, PROJECT_ROOT, type Worker } from "../dev/stack";
import { UPSTREAMS } from "../src/upstream/hosts";
import { ms, round, rpcAnswer, SAMPLES, type Section, stats, WARMUP } from "./lib";

const USERS = 20;
const SECONDS = Number(process.env.BENCH_PACING_SECONDS ?? 120);

/** One tools/call on /mcp as the user of `token`: its error code, or "ok". */
async function callTool(worker: Worker, token: string, name: string): Promise<string> {
  const { text, body } = await rpcAnswer(`${worker.url}/mcp?toolsets=all`, "tools/call", { name, arguments: {} }, token);
  if (!body.result) throw new Error(`tools/call failed: ${text.slice(0, 300)}`);
  return body.result.isError ? (body.result.structuredContent?.error?.code ?? "error") : "ok";
}

export const pacing: Section = async (ctx) => {
  const tokens = Array.from({ length: USERS }, () => `bench-${randomBytes(24).toString("base64url")}`);
  const standard = UPSTREAMS.smartlead.rateLimits.tiers.Standard!;
  const fakes = await ctx.fakes();
  const start = (rateLimit: string) =>
    ctx.worker(`pacing:${rateLimit}`, PROJECT_ROOT, {
      MCP_ACCESS_TOKENS: tokens.map((t, i) => `user${i}:${t}`).join(","),
      SMARTLEAD_RATE_LIMIT: rateLimit,
    });

  // 1. Load: every user loops on a read; refused calls wait what they are told, as a client should.
  const paced = await start("standard");
  // Warm-up without upstream requests, so the budget is whole when the span starts.
  for (let i = 0; i < WARMUP; i++) await fetch(`${paced.url}/health`).then((r) => r.arrayBuffer());
  const enforcer = enforceSmartLeadLimits(fakes, { perSecond: standard.burstPerSecond, perMinute: standard.perMinute, perHour: standard.perHour });
  const outcomes = new Map<string, number>();
  const perUser = new Array<number>(USERS).fill(0);
  const t0 = performance.now();
  // The load runs a little past the span, so the span's end is under load too.
  const end = t0 + SECONDS * 1000 + 2000;
  try {
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
  } finally {
    for (const f of Object.values(fakes)) f.reset();
  }
  // Served in the span [first answer, first answer + SECONDS): a sliding-window upstream admits at most perMinute per started minute.
  const first = enforcer.admittedAt[0] ?? 0;
  const served = enforcer.admittedAt.filter((t) => t < first + SECONDS * 1000).length;
  const budget = Math.min(standard.perHour, standard.perMinute * Math.ceil(SECONDS / 60));

  // 2. Added latency with a bucket that is never the bottleneck, against pacing off.
  const variants = [await start("100000/100000/10000"), await start("off")];
  for (const w of variants) for (let i = 0; i < WARMUP; i++) await callTool(w, tokens[0]!, "smartlead_list_campaigns");
  const samples: number[][] = [[], []];
  for (let i = 0; i < SAMPLES; i++) {
    // A, B then B, A: two wrangler processes on a busy machine differ by a ms or two whichever goes first; alternating the order evens that out.
    const order = [...variants.entries()];
    if (i % 2) order.reverse();
    for (const [k, w] of order) {
      const t = performance.now();
      const code = await callTool(w, tokens[0]!, "smartlead_list_campaigns");
      samples[k]!.push(performance.now() - t);
      if (code !== "ok") throw new Error(`latency sample failed: ${code}`);
    }
  }
  const [on, none] = samples.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>];
  const load = `${USERS} users, SMARTLEAD_RATE_LIMIT=standard (60/1000/10), ${SECONDS} s, fakes enforce the same limits`;
  return [
    { measure: `pacing: upstream 429s sent by the fakes (${load})`, cells: [String(enforcer.rejected)], floor: "0 (goal)" },
    {
      measure: `pacing: upstream requests served in ${SECONDS} s from the first`,
      cells: [`${served} of ${budget}`],
      floor: "≥ 95 % of the key's budget (goal)",
      ratio: `${round((served / budget) * 100)} %`,
    },
    { measure: "pacing: tool call outcomes", cells: [[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")] },
    {
      measure: "pacing: users served at least once",
      cells: [`${perUser.filter((n) => n > 0).length} of ${USERS} (min ${Math.min(...perUser)}, max ${Math.max(...perUser)} each)`],
    },
    {
      measure: "pacing: tools/call smartlead_list_campaigns, bucket not the bottleneck (ms p50 / p99)",
      cells: [ms(on)],
      floor: `${ms(none)} (pacing off)`,
      ratio: `+${round(on.p50 - none.p50)} ms p50 (goal ≤ 1)`,
    },
  ];
};
