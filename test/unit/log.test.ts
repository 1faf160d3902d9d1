/** The audit log's sampling rule and LOG_SAMPLE_RATE: which lines are always written, which are sampled, at what rate. */
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { parseConfig } from "../../src/config";
import { configureLog, type LogEntry, log, type ToolCallLog } from "../../src/log";
import { KINDS } from "../../src/tools/kinds";

const call = (over: Partial<ToolCallLog> = {}): ToolCallLog => ({
  event: "tool_call",
  user: "alice",
  tool: "leadmagic_get_credits",
  kind: "read",
  upstream: "leadmagic",
  outcome: "ok",
  http_status: 200,
  attempts: 1,
  latency_ms: 3,
  ...over,
});

/** What log() writes (console.log is the log's edge), one parsed object per line, with random() drawing from `draws`. */
function written(entries: LogEntry[], sampleRate: number, draws: number[] = []): Record<string, unknown>[] {
  const lines: string[] = [];
  const original = console.log;
  let i = 0;
  configureLog({
    scrub: (t) => t.replaceAll("s3cret-token-value", "[redacted]"),
    sampleRate,
    random: () => {
      assert.ok(i < draws.length, "random() drawn more often than expected");
      return draws[i++]!;
    },
  });
  console.log = (line: string) => lines.push(line);
  try {
    for (const e of entries) log(e);
  } finally {
    console.log = original;
  }
  assert.equal(i, draws.length, "every planned random draw is used");
  return lines.map((l) => JSON.parse(l));
}

afterEach(() => configureLog({ scrub: (t) => t, sampleRate: 1 }));

test("at the default rate 1 every line is written, unmarked, and nothing is drawn", () => {
  assert.equal(parseConfig({} as never).logSampleRate, 1);
  const out = written([call(), call({ kind: "send" }), { event: "auth_failure", reason: "invalid_token", route: "/mcp" }], 1);
  assert.deepEqual(
    out.map((e) => [e.event, e.kind, "sample_rate" in e]),
    [
      ["tool_call", "read", false],
      ["tool_call", "send", false],
      ["auth_failure", undefined, false],
    ],
  );
  assert.match(String(out[0]!.ts), /^\d{4}-\d\d-\d\dT/);
});

test("a successful free read is kept when random() < rate, and then says the rate it was sampled at", () => {
  const out = written([call({ tool: "a" }), call({ tool: "b" }), call({ tool: "c" }), call({ tool: "d" })], 0.25, [0.1, 0.3, 0.2499, 0.25]);
  assert.deepEqual(
    out.map((e) => [e.tool, e.sample_rate]),
    [
      ["a", 0.25],
      ["c", 0.25],
    ],
  );
});

test("failures, previews, paid reads, writes, sends, spends and every other event are always written, even at rate 0", () => {
  const always: LogEntry[] = [
    call({ outcome: "error", error_code: "upstream_error", http_status: 500 }),
    call({ outcome: "error", error_code: "scope_denied" }),
    call({ kind: "delete", outcome: "preview" }),
    ...(Object.keys(KINDS) as string[]).filter((k) => k !== "read").map((kind) => call({ kind })),
    { event: "auth_failure", reason: "invalid_token", route: "/mcp" },
    { event: "internal_error", where: "router", error_name: "TypeError" },
    { event: "client_error", reason: "body_too_large", route: "/mcp" },
    { event: "store_error", store: "RATE_LIMIT_KV", op: "get", error_name: "Error" },
  ];
  const out = written([...always, call()], 0, [0]);
  // Only the successful free read at the end draws (one draw: even 0 is not below rate 0) and is dropped.
  assert.equal(out.length, always.length);
  assert.ok(out.every((e) => !("sample_rate" in e)));
  assert.deepEqual(
    out.filter((e) => e.event === "tool_call").map((e) => e.kind),
    ["read", "read", "delete", "paid_read", "create", "update", "delete", "send", "spend"],
  );
});

test("a sampled line is still scrubbed of the configured secrets", () => {
  const [line] = written([call({ user: "s3cret-token-value" })], 0.5, [0]);
  assert.equal(line!.user, "[redacted]");
});

test("LOG_SAMPLE_RATE takes 0 to 1; anything else refuses to start", () => {
  assert.equal(parseConfig({ LOG_SAMPLE_RATE: "0" } as never).logSampleRate, 0);
  assert.equal(parseConfig({ LOG_SAMPLE_RATE: "0.05" } as never).logSampleRate, 0.05);
  assert.equal(parseConfig({ LOG_SAMPLE_RATE: "1" } as never).logSampleRate, 1);
  assert.equal(parseConfig({ LOG_SAMPLE_RATE: "" } as never).logSampleRate, 1);
  for (const bad of ["-0.1", "1.5", "half", "NaN", "Infinity", "5%"]) {
    assert.throws(() => parseConfig({ LOG_SAMPLE_RATE: bad } as never), /LOG_SAMPLE_RATE must be a number from 0 to 1/, bad);
  }
});
