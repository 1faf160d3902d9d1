/**
 * Table-driven tool tests: each case calls one tool through the MCP SDK Client
 * (in process, see ./in-process.ts, with ?toolsets=all so every tool is listed
 * and its output schema is checked by the client), handles the two-step
 * confirmation when the tool asks for one, and asserts the one request the fake
 * upstream received.
 */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { LEADMAGIC_TEST_KEY } from "../../dev/fakes/leadmagic";
import type { FakeReply, FakeUpstream, RecordedRequest } from "../../dev/fakes/server";
import { SMARTLEAD_TEST_KEY } from "../../dev/fakes/smartlead/index";
import type { ToolDefinition } from "../../src/tools/define";
import { type InProcessStack, startInProcess } from "./in-process";
import { call, errorOf } from "./mcp";
import { type Fakes, resetFakes } from "./stack";

export interface ToolCase {
  tool: string;
  args: Record<string, unknown>;
  /** What the upstream must receive. */
  expect: {
    host: keyof Fakes;
    method: string;
    /** Path below the host's base path. */
    path: string;
    /** Query parameters other than api_key. Default: none. */
    query?: Record<string, string>;
    /** JSON body; undefined means no body. */
    body?: unknown;
  };
  /** Reads the tool makes before its request, as "METHOD path" in order (e.g. a launch preflight). */
  readsFirst?: string[];
  /** Reply to send instead of the fake's route (e.g. to exercise a shape). */
  reply?: FakeReply;
  /** Extra checks on the result. */
  check?: (result: CallToolResult) => void;
}

/** Finds the key wherever it must not be: anything but its one allowed place. */
function assertKeyOnlyWhereExpected(fakes: Fakes, host: keyof Fakes): void {
  const req = fakes[host].requests.at(-1)!;
  if (host === "leadmagic") {
    assert.equal(req.headers["x-api-key"], LEADMAGIC_TEST_KEY, "LeadMagic key in X-API-Key");
    assert.ok(!req.rawUrl.includes(LEADMAGIC_TEST_KEY), "LeadMagic key not in the URL");
    assert.ok(!JSON.stringify(req.body ?? "").includes(LEADMAGIC_TEST_KEY), "LeadMagic key not in the body");
  } else {
    assert.equal(req.query.api_key, SMARTLEAD_TEST_KEY, "SmartLead key as api_key");
    assert.equal(req.headers["x-api-key"], undefined, "no key header for SmartLead");
    assert.ok(!JSON.stringify(req.body ?? "").includes(SMARTLEAD_TEST_KEY), "SmartLead key not in the body");
    assert.ok(!JSON.stringify(req.headers).includes(SMARTLEAD_TEST_KEY), "SmartLead key not in a header");
  }
}

function allRequests(fakes: Fakes): (RecordedRequest & { host: string })[] {
  return Object.entries(fakes).flatMap(([host, f]) => (f as FakeUpstream).requests.map((r) => ({ host, ...r })));
}

const confirmTools = new WeakMap<Client, Promise<Set<string>>>();

/** Names of the tools that take a confirmation token (listing also primes the client's output-schema checks). */
function confirmable(client: Client): Promise<Set<string>> {
  let set = confirmTools.get(client);
  if (!set) {
    set = client.listTools().then(({ tools }) => new Set(tools.filter((t) => "confirmation_token" in (t.inputSchema.properties ?? {})).map((t) => t.name)));
    confirmTools.set(client, set);
  }
  return set;
}

/** Runs one case; returns the final result. */
export async function runCase(client: Client, fakes: Fakes, c: ToolCase): Promise<CallToolResult> {
  resetFakes(fakes);
  let args = c.args;
  if ((await confirmable(client)).has(c.tool)) {
    // First step: a preview with a token, and no request that could change anything.
    const preview = await call(client, c.tool, c.args);
    const data = preview.structuredContent as Record<string, unknown>;
    assert.ok(!preview.isError && data.confirmation_required === true, `${c.tool}: expected a preview`);
    const writes = allRequests(fakes).filter((r) => r.method !== "GET");
    assert.deepEqual(writes, [], `${c.tool}: the preview must not send a write`);
    assert.equal(typeof data.confirmation_token, "string");
    args = { ...c.args, confirmation_token: data.confirmation_token };
    resetFakes(fakes);
  }
  if (c.reply) fakes[c.expect.host].next(c.reply);
  const result = await call(client, c.tool, args);
  assert.ok(!result.isError, `${c.tool}: ${JSON.stringify(result.content).slice(0, 400)}`);
  assert.ok(result.structuredContent && typeof result.structuredContent === "object" && !Array.isArray(result.structuredContent));

  const all = allRequests(fakes);
  const reads = c.readsFirst ?? [];
  assert.deepEqual(
    all.slice(0, reads.length).map((r) => `${r.method} ${r.path}`),
    reads,
    `${c.tool}: the reads before its request`,
  );
  const received = all.slice(reads.length);
  assert.equal(received.length, 1, `${c.tool}: exactly one upstream request, got ${received.map((r) => `${r.host} ${r.method} ${r.path}`).join(", ")}`);
  const req = received[0]!;
  assert.equal(req.host, c.expect.host, `${c.tool}: host`);
  assert.equal(req.method, c.expect.method, `${c.tool}: method`);
  assert.equal(req.path, c.expect.path, `${c.tool}: path`);
  const { api_key: _key, ...query } = req.query;
  assert.deepEqual(query, c.expect.query ?? {}, `${c.tool}: query`);
  assert.deepEqual(req.body, c.expect.body, `${c.tool}: body`);
  assertKeyOnlyWhereExpected(fakes, c.expect.host);
  c.check?.(result);
  return result;
}

/** Requests received by all fakes together. */
export function requestCount(fakes: Fakes): number {
  return allRequests(fakes).length;
}

/**
 * A bad call: refused as invalid_input before anything is sent. A string
 * `field` must be the error's field and appear in its message; a RegExp must
 * match the message (for rules that span fields).
 */
export async function expectInvalid(client: Client, fakes: Fakes, tool: string, args: Record<string, unknown>, field: string | RegExp): Promise<void> {
  resetFakes(fakes);
  const error = errorOf(await call(client, tool, args));
  assert.equal(error.code, "invalid_input", `${tool}: ${error.message}`);
  if (typeof field === "string") {
    assert.equal(error.field, field, `${tool}: ${error.message}`);
    assert.ok(error.message.includes(field), `${tool}: the message names ${field}: ${error.message}`);
  } else {
    assert.match(error.message, field, tool);
  }
  assert.equal(requestCount(fakes), 0, `${tool}: nothing may be sent upstream`);
}

/**
 * For a suite of tool tests: starts the in-process stack and an MCP client
 * (?toolsets=all) before its tests, hands both to `bind`, and stops them after.
 */
export function useSuite(bind: (suite: { stack: InProcessStack; client: Client }) => void, vars?: Record<string, string | null>): void {
  let stack: InProcessStack | undefined;
  before(async () => {
    stack = await startInProcess(vars);
    bind({ stack, client: await stack.connect("toolsets=all") });
  });
  after(async () => {
    await stack?.stop();
  });
}

/** Every tool of a domain has a case in its table (and every case a tool), and each is listed in its toolset over MCP. */
export async function assertCoveredAndListed(
  stack: InProcessStack,
  toolset: string,
  tools: readonly ToolDefinition[],
  cases: readonly ToolCase[],
): Promise<void> {
  assert.deepEqual(new Set(cases.map((c) => c.tool)), new Set(tools.map((t) => t.name)), "one case per tool");
  const own = await stack.connect(`toolsets=${toolset}`);
  const listed = new Set((await own.listTools()).tools.map((t) => t.name));
  for (const tool of tools) assert.ok(listed.has(tool.name), `${tool.name} is listed in ${toolset}`);
}
