/**
 * The fast tier: the MCP SDK Client talks to our real MCP server (the same
 * createMcpServer both transports use) over the SDK's in-memory transport, and
 * the upstream client's fetch seam hands every request to the fake upstreams'
 * own handlers in this process. Everything between the protocol and the wire is
 * our production code; only the Worker's edge (auth, rate limits, the runtime)
 * is left out, and the end-to-end tier covers that in workerd.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type Fakes, fakeVars, startFakes } from "../../dev/stack";
import { type Env, parseConfig } from "../../src/config";
import { type SessionState, sessionState } from "../../src/mcp/handlers";
import { createMcpServer } from "../../src/mcp/server";
import { memoryServices } from "../../src/policy/services";
import { confirmerFor } from "../../src/tools/call";
import { resolveSelection } from "../../src/tools/registry";
import { innerCall } from "../../src/workflows/inner";
import { memoryJobs } from "../../src/workflows/jobs";
import { TEST_USER } from "./stack";

/** A fetch that answers from the fakes' handlers, routed by origin, without a socket. */
export function fakesFetch(fakes: Fakes): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const origin = new URL(request.url).origin;
    const fake = Object.values(fakes).find((f) => new URL(f.baseUrl).origin === origin);
    if (!fake) throw new TypeError(`fetch failed: no fake upstream at ${origin}`);
    return fake.fetch(request);
  };
}

export interface InProcessStack {
  fakes: Fakes;
  /** A new client on a connection with this query string (e.g. "toolsets=all"), as the caller `user`. */
  connect(query?: string, user?: string): Promise<Client>;
  stop(): Promise<void>;
}

/**
 * Fakes plus the server configured as the Worker would be from these vars
 * (added to, or with null removed from, the fakes' base URLs and keys).
 */
export async function startInProcess(vars: Record<string, string | null> = {}): Promise<InProcessStack> {
  const fakes = await startFakes();
  // Admin tools on, so the tables reach every tool; their default (off) is tested end to end.
  // Pacing off, so the tables never wait for a turn; it is tested on its own (test/unit/pacing.test.ts, test/e2e/pacing.test.ts).
  const env: Record<string, string> = { ...fakeVars(fakes), MCP_ADMIN_TOOLS: "true", SMARTLEAD_RATE_LIMIT: "off" };
  for (const [k, v] of Object.entries(vars)) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  const config = parseConfig(env as unknown as Env);
  const deps = {
    fetch: fakesFetch(fakes),
    now: () => Date.now(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  };
  const clients: Client[] = [];
  // One set of services for the stack, as the Durable Objects and KV are one per deployment.
  const services = memoryServices();
  services.jobs = memoryJobs((user) => innerCall({ config, user, confirmer: confirmerFor(config), services, deps, readOnly: false }));
  return {
    fakes,
    async connect(query = "", user = TEST_USER) {
      const params = new URLSearchParams(query);
      const state: SessionState = sessionState(config, resolveSelection(params.get("toolsets"), params.get("read_only"), config, user), user, services);
      state.call.deps = deps;
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await createMcpServer(() => state).connect(serverSide);
      const client = new Client({ name: "gtm-edge-mcp-tests", version: "1.0.0" });
      await client.connect(clientSide);
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await Promise.all(Object.values(fakes).map((f) => f.stop()));
    },
  };
}
