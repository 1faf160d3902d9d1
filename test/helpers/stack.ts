/**
 * The end-to-end test stack: the local stack (dev/stack.ts: fakes + wrangler dev)
 * with the test access token and rate limits high enough that table-driven
 * suites never meet them.
 */
import { type Fakes, fakeVars, startFakes, startWorker, type Worker } from "../../dev/stack";

export { type Fakes, freePort, PROJECT_ROOT, resetFakes, startFakes } from "../../dev/stack";

/** The access token every test stack accepts by default (as user TEST_USER); connect() sends it. */
export const TEST_USER = "tester";
export const TEST_ACCESS_TOKEN = "test-access-token-0123456789abcdefghijklmnop";

/**
 * Security settings of a test stack: the test token, and rate limits high enough
 * (or upstream pacing off) so that table-driven suites never meet them. Override (or remove with null) per stack.
 */
export function securityVars(): Record<string, string> {
  return {
    MCP_ACCESS_TOKENS: `${TEST_USER}:${TEST_ACCESS_TOKEN}`,
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_IP_PER_MINUTE: "100000",
    // Every tool is offered, admin tools included; their default (off) is tested on its own.
    MCP_ADMIN_TOOLS: "true",
    // Upstream pacing off, for the same reason; test/e2e/pacing.test.ts turns it on.
    SMARTLEAD_RATE_LIMIT: "off",
  };
}

/** `Authorization` for raw fetches against a test stack. */
export function authHeaders(token: string = TEST_ACCESS_TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export interface Stack {
  url: string;
  fakes: Fakes;
  worker: Worker;
  stop(): Promise<void>;
}

/**
 * Fakes plus a Worker pointed at them. `vars` are added to (or, with a value of
 * null, removed from) the defaults, e.g. { LEADMAGIC_API_KEY: null } for an unconfigured upstream.
 * The defaults include securityVars(): MCP_ACCESS_TOKENS with the test token, and high rate limits.
 */
export async function startStack(
  vars: Record<string, string | null> = {},
  options: {
    protocol?: "http" | "https";
    /** Durable Object and KV state directory to keep across stacks (default: a fresh one, deleted on stop). */
    stateDir?: string;
    /** Fixed port (default: a free one), e.g. to restart on the same origin. */
    port?: number;
  } = {},
): Promise<Stack> {
  const fakes = await startFakes();
  const all: Record<string, string> = { ...fakeVars(fakes), ...securityVars() };
  for (const [k, v] of Object.entries(vars)) {
    if (v === null) delete all[k];
    else all[k] = v;
  }
  const worker = await startWorker(all, { protocol: options.protocol, stateDir: options.stateDir, port: options.port });
  return {
    url: worker.url,
    fakes,
    worker,
    async stop() {
      await worker.stop();
      await Promise.all(Object.values(fakes).map((f) => f.stop()));
    },
  };
}
