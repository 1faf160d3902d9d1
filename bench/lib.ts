/**
 * What every bench section shares: the row type and the section contract, the
 * sampling helpers (alternating variants, fixed-size throughput), and the one
 * JSON-RPC request helper. A section is `(ctx) => Promise<Row[]>`; run.ts
 * lists the sections and prints their rows as one table.
 */
import { randomBytes } from "node:crypto";
import type { Fakes, Worker } from "../dev/stack";

export const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
export const WARMUP = 50;
export const CONCURRENCY = 16;
export const THROUGHPUT_REQUESTS = Number(process.env.BENCH_THROUGHPUT_REQUESTS ?? 1600);
/** A fresh access token for this run (user "bench"). */
export const TOKEN = `bench-${randomBytes(24).toString("base64url")}`;
export const AUTH = { authorization: `Bearer ${TOKEN}` };

/** One line of the table. `cells` has one entry per column (this tree, then each --baseline); missing ones print as "—". */
export interface Row {
  measure: string;
  cells: string[];
  /** What the figure is compared with, measured in the same run. */
  floor?: string;
  /** The comparison (a ratio, a difference, a share), for this tree. */
  ratio?: string;
  /** Raw figures for the JSON file. */
  data?: unknown;
}

/** A Worker under `wrangler dev` running one project directory. */
export interface Variant {
  label: string;
  root: string;
  worker: Worker;
}

export interface BenchContext {
  /** Column labels: "this tree", then each --baseline ref. */
  columns: readonly string[];
  /** Project directories, one per column (no Worker started). */
  roots: readonly string[];
  /** The fake upstreams, started on first use. */
  fakes(): Promise<Fakes>;
  /** One Worker per column, with the bench's vars, started on first use. */
  variants(): Promise<Variant[]>;
  /**
   * A further Worker under the same `wrangler dev` flags, started on first use
   * and kept for the run: `root` is its project directory, `vars` are added to
   * the bench's own (fakes, token, no rate limits).
   */
  worker(key: string, root: string, vars?: Record<string, string>): Promise<Worker>;
}

export type Section = (ctx: BenchContext) => Promise<Row[]>;

export interface Stat {
  p50: number;
  p99: number;
  n: number;
}

export const round = (n: number) => Math.round(n * 100) / 100;
export const ms = (s: Stat) => `${s.p50} / ${s.p99}`;
export const ratio = (a: number, b: number) => `${round(a / b)}×`;

export function stats(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: s.length };
}

/** The median of a few figures (startup profiles are taken a handful of times). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * p50/p99 of `fn` for each variant. Samples alternate between the variants
 * (A, B, A, B, …) so that drift on this shared machine hits them alike.
 */
export async function time<V>(variants: readonly V[], fn: (v: V) => Promise<unknown>, n = SAMPLES): Promise<Stat[]> {
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

/** Requests per second with CONCURRENCY clients sharing `requests` requests. */
export async function throughput(fn: () => Promise<unknown>, requests = THROUGHPUT_REQUESTS): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  let left = requests;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  return Math.round(requests / ((performance.now() - t) / 1000));
}

export async function ok(res: Response): Promise<string> {
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

export interface RpcAnswer {
  text: string;
  body: { error?: unknown; result?: { isError?: boolean; structuredContent?: { error?: { code: string } } } };
}

let rpcId = 0;
/** One JSON-RPC request as an MCP client sends it on /mcp (as the bench's user unless `token` is given); an HTTP error throws. */
export async function rpcAnswer(url: string, method: string, params?: unknown, token = TOKEN): Promise<RpcAnswer> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }),
  });
  const text = await ok(res);
  return { text, body: JSON.parse(text) as RpcAnswer["body"] };
}

/** The same, where a JSON-RPC error or an isError result throws. */
export async function rpc(url: string, method: string, params?: unknown): Promise<string> {
  const { text, body } = await rpcAnswer(url, method, params);
  if (body.error || body.result?.isError) throw new Error(`${method} failed: ${text.slice(0, 300)}`);
  return text;
}

export const callCredits = { name: "leadmagic_get_credits", arguments: {} };
export const callCampaigns = { name: "smartlead_list_campaigns", arguments: {} };
