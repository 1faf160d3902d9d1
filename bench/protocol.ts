/**
 * `npx tsx bench/protocol.ts`: what each way of serving /mcp costs per
 * request, in Node (same V8 as workerd), without the network: the handler
 * alone, from a Request to a Response, with the fakes' handlers in process as
 * the upstream. It is the measurement behind the dispatcher in
 * src/mcp/streamable.ts (README "Architecture"):
 *
 *   v1        the SDK v1 path (2025-11-25), as /mcp serves it today
 *   v2-legacy the SDK v2 handler's own stateless fallback for the same 2025-11-25 request
 *   v2        a 2026-07-28 request through the dispatcher to the SDK v2 adapter
 *
 * and the dispatcher's own cost (isLegacyRequest on a 2025-11-25 request).
 * Samples alternate between the variants. Not a test: nothing is asserted.
 */
import { createMcpHandler, isLegacyRequest } from "@modelcontextprotocol/server";
import { fakeVars, startFakes } from "../dev/stack";
import { type Env, parseConfig } from "../src/config";
import { type SessionState, sessionState } from "../src/mcp/handlers";
import { createModernServer } from "../src/mcp/modern";
import { handleStreamableHttp } from "../src/mcp/streamable";
import { memoryServices } from "../src/policy/services";
import { resolveSelection } from "../src/tools/registry";
import { fakesFetch } from "../test/helpers/in-process";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
/** The table goes to stdout; the server's own log lines (one per tool call) would drown it and time its I/O. */
const print = (line: string) => process.stdout.write(`${line}\n`);
console.log = () => {};
const WARMUP = 200;
const MODERN = "2026-07-28";
const LEGACY = "2025-11-25";

const fakes = await startFakes();
const config = parseConfig({ ...fakeVars(fakes), MCP_ACCESS_TOKENS: "bench:x" } as unknown as Env);

function state(toolsets: string | null): SessionState {
  const s = sessionState(config, resolveSelection(toolsets, null, config, "bench"), "bench", memoryServices());
  s.call.deps = { fetch: fakesFetch(fakes), now: Date.now, sleep: async () => {}, random: Math.random };
  return s;
}

const envelope = {
  "io.modelcontextprotocol/protocolVersion": MODERN,
  "io.modelcontextprotocol/clientInfo": { name: "bench", version: "1" },
  "io.modelcontextprotocol/clientCapabilities": {},
};

function request(
  revision: string,
  method: string,
  params: Record<string, unknown> = {},
  name?: string,
): { request: Request; body: unknown; bytes: Uint8Array } {
  const modern = revision === MODERN;
  const body = { jsonrpc: "2.0", id: 1, method, params: modern ? { ...params, _meta: envelope } : params };
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": revision,
    ...(modern ? { "mcp-method": method, ...(name ? { "mcp-name": name } : {}) } : {}),
  };
  return { request: new Request("http://bench/mcp", { method: "POST", headers, body: text }), body, bytes: new TextEncoder().encode(text) };
}

/** The SDK v2 handler serving 2025-era requests itself (its default stateless fallback), for comparison. */
const v2Legacy = new WeakMap<Request, SessionState>();
const v2LegacyHandler = createMcpHandler((ctx) => createModernServer(v2Legacy.get(ctx.requestInfo!)!), { legacy: "stateless" });

type Variant = { name: string; run: () => Promise<unknown> };

async function drain(res: Response): Promise<void> {
  const text = await res.text();
  if (res.status !== 200 || text.includes('"error"')) throw new Error(`unexpected answer ${res.status}: ${text.slice(0, 300)}`);
}

function variants(label: string, s: SessionState, method: string, params: Record<string, unknown> = {}, name?: string): Variant[] {
  return [
    {
      name: `${label} v1 (${LEGACY})`,
      run: async () => {
        const r = request(LEGACY, method, params);
        await drain(await handleStreamableHttp(r.request, s, { bytes: r.bytes, message: r.body }));
      },
    },
    {
      name: `${label} v2-legacy (${LEGACY})`,
      run: async () => {
        const r = request(LEGACY, method, params);
        v2Legacy.set(r.request, s);
        await drain(await v2LegacyHandler.fetch(r.request, { parsedBody: r.body }));
      },
    },
    {
      name: `${label} v2 (${MODERN})`,
      run: async () => {
        const r = request(MODERN, method, params, name);
        await drain(await handleStreamableHttp(r.request, s, { bytes: r.bytes, message: r.body }));
      },
    },
  ];
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: Math.round(at(0.5) * 1000), p99: Math.round(at(0.99) * 1000) };
}

async function time(group: Variant[]) {
  for (const v of group) for (let i = 0; i < WARMUP; i++) await v.run();
  const samples = group.map(() => [] as number[]);
  for (let i = 0; i < SAMPLES; i++) {
    for (const [k, v] of group.entries()) {
      const t = performance.now();
      await v.run();
      samples[k]!.push(performance.now() - t);
    }
  }
  for (const [k, v] of group.entries()) {
    const { p50, p99 } = stats(samples[k]!);
    print(`| ${v.name} | ${p50} | ${p99} |`);
  }
}

print(`${SAMPLES} samples per variant after ${WARMUP} warm-up, Node ${process.version}\n`);
print("| request | p50 µs | p99 µs |\n|---|---|---|");
await time(variants("tools/list default", state(null), "tools/list"));
await time(variants("tools/list all", state("all"), "tools/list"));
await time(variants("tools/call leadmagic_get_credits", state(null), "tools/call", { name: "leadmagic_get_credits", arguments: {} }, "leadmagic_get_credits"));
await time(variants("prompts/list", state(null), "prompts/list"));
const probe = request(LEGACY, "tools/call", { name: "leadmagic_get_credits", arguments: {} });
await time([{ name: "dispatcher: isLegacyRequest on a 2025-11-25 tools/call", run: () => isLegacyRequest(probe.request, probe.body) }]);
await Promise.all(Object.values(fakes).map((f) => f.stop()));
