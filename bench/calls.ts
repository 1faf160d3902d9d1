/**
 * Section "calls": a tool call on /mcp against the floor Worker (bench/floor/),
 * run by the same wrangler with the same flags, and the audit line's cost as
 * its own row — measured by removing the line and measuring again, in the
 * floor (AUDIT_LINE=false) and in ours (LOG_SAMPLE_RATE=0 drops this call's line).
 */
import { join } from "node:path";
import { PROJECT_ROOT, resetFakes, type Worker } from "../dev/stack";
import {
  type BenchContext,
  CONCURRENCY,
  callCredits,
  median,
  ms,
  type Row,
  round,
  rpc,
  SAMPLES,
  type Stat,
  THROUGHPUT_REQUESTS,
  throughput,
  time,
} from "./lib";

const FLOOR_ROOT = join(PROJECT_ROOT, "bench", "floor");
/** The effect measured here is a few ms against a noisy machine: twice the usual samples. */
const CALL_SAMPLES = SAMPLES * 2;
/** Throughput figures alternate too: each variant runs this many rounds, in rotating order, and reports the median. */
const ROUNDS = 3;

interface Target {
  label: string;
  worker: Worker;
}

/** The last tool_call line a Worker printed, parsed. */
function lastAuditLine(worker: Worker): { bytes: number; keys: string[] } | undefined {
  const line = worker
    .logs()
    .split("\n")
    .filter((l) => l.startsWith("{") && l.includes('"event":"tool_call"'))
    .at(-1);
  return line === undefined ? undefined : { bytes: Buffer.byteLength(line), keys: Object.keys(JSON.parse(line) as object).sort() };
}

async function rotatedThroughput(targets: readonly Target[], ctx: BenchContext): Promise<number[]> {
  const fakes = await ctx.fakes();
  const rounds = targets.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let j = 0; j < targets.length; j++) {
      const k = (j + r) % targets.length;
      resetFakes(fakes); // the fakes keep every request; a long run would otherwise slow them down
      rounds[k]!.push(await throughput(() => rpc(`${targets[k]!.worker.url}/mcp`, "tools/call", callCredits), Math.round(THROUGHPUT_REQUESTS / ROUNDS)));
    }
  }
  return rounds.map((r) => Math.round(median(r)));
}

export async function calls(ctx: BenchContext): Promise<Row[]> {
  const variants = await ctx.variants();
  const ours = variants[0]!.worker;
  const oursNoLine = await ctx.worker("ours, LOG_SAMPLE_RATE=0", PROJECT_ROOT, { LOG_SAMPLE_RATE: "0" });
  const floor = await ctx.worker("floor", FLOOR_ROOT);
  const floorNoLine = await ctx.worker("floor, no audit line", FLOOR_ROOT, { AUDIT_LINE: "false" });
  const extra: Target[] = [
    { label: "ours, LOG_SAMPLE_RATE=0", worker: oursNoLine },
    { label: "floor", worker: floor },
    { label: "floor, no audit line", worker: floorNoLine },
  ];
  const targets: Target[] = [...variants.map((v) => ({ label: v.label, worker: v.worker })), ...extra];

  const lat = await time(targets, (t) => rpc(`${t.worker.url}/mcp`, "tools/call", callCredits), CALL_SAMPLES);
  const rps = await rotatedThroughput(targets, ctx);
  resetFakes(await ctx.fakes());

  const at = (label: string) => targets.findIndex((t) => t.label === label);
  const n = variants.length;
  const [oursOff, fl, flOff] = [at("ours, LOG_SAMPLE_RATE=0"), at("floor"), at("floor, no audit line")].map((i) => lat[i]!) as [Stat, Stat, Stat];
  const [rpsOff, rpsFloor, rpsFloorOff] = [rps[n]!, rps[n + 1]!, rps[n + 2]!];
  const diff = (a: Stat, b: Stat) => `${round(a.p50 - b.p50)} / ${round(a.p99 - b.p99)}`;
  const share = (a: number, b: number) => `${round((a / b) * 100)} %`;
  const oursLine = lastAuditLine(ours);
  const floorLine = lastAuditLine(floor);
  const sameFields = oursLine && floorLine && oursLine.keys.join() === floorLine.keys.join();

  return [
    {
      measure: "tools/call leadmagic_get_credits, /mcp (ms p50 / p99)",
      cells: lat.slice(0, n).map(ms),
      floor: `${ms(fl)} (floor Worker)`,
      ratio: `+${round(lat[0]!.p50 - fl.p50)} ms p50`,
      data: { ours: lat.slice(0, n), floor: fl },
    },
    {
      measure: "  over the floor Worker (ms p50 / p99)",
      cells: lat.slice(0, n).map((s) => diff(s, fl)),
    },
    {
      measure: `throughput, ${CONCURRENCY} clients, tools/call (req/s, median of ${ROUNDS} rounds)`,
      cells: rps.slice(0, n).map(String),
      floor: `${rpsFloor} (floor Worker)`,
      ratio: share(rps[0]!, rpsFloor),
      data: { ours: rps.slice(0, n), floor: rpsFloor },
    },
    {
      measure: "audit line cost, floor Worker: with − without (ms p50 / p99)",
      cells: [diff(fl, flOff)],
      floor: `${ms(flOff)} without`,
      ratio: `${share(rpsFloor, rpsFloorOff)} of the req/s without (${rpsFloorOff})`,
      data: { with: fl, without: flOff, rps: { with: rpsFloor, without: rpsFloorOff } },
    },
    {
      measure: "audit line cost, ours: LOG_SAMPLE_RATE 1 − 0 (ms p50 / p99)",
      cells: [diff(lat[0]!, oursOff)],
      floor: `${ms(oursOff)} with 0`,
      ratio: `${share(rps[0]!, rpsOff)} of the req/s with 0 (${rpsOff})`,
      data: { with: lat[0], without: oursOff, rps: { with: rps[0], without: rpsOff } },
    },
    {
      measure: "  tools/call over the floor, both without the line (ms p50 / p99)",
      cells: [diff(oursOff, flOff)],
      ratio: share(rpsOff, rpsFloorOff),
    },
    {
      measure: "audit line bytes, ours / floor Worker",
      cells: [`${oursLine?.bytes ?? "none"} / ${floorLine?.bytes ?? "none"}`],
      floor: sameFields ? "same fields" : "FIELDS DIFFER",
      data: { ours: oursLine, floor: floorLine },
    },
  ];
}
