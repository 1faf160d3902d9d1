/**
 * The recorded wire contract (test/contract/wire.json): per tool, arguments and
 * the upstream requests a call with them sends. `replay` makes the call the way
 * a client would (preview first for two-step tools, then the confirmed call)
 * and returns what the fakes received for the call that acts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { FakeUpstream } from "../../dev/fakes/server";
import { call } from "./mcp";
import { type Fakes, resetFakes } from "./stack";

export interface WireRequest {
  host: keyof Fakes;
  method: string;
  /** Path below the host's base path. */
  path: string;
  /** Query parameters other than api_key. */
  query: Record<string, string>;
  /** JSON body; absent when none was sent. */
  body?: unknown;
}

export interface WireEntry {
  args: Record<string, unknown>;
  requests: WireRequest[];
  /** Where the docs and public clients disagree: which source this entry follows. */
  source?: string;
}

export const WIRE_PATH = new URL("../contract/wire.json", import.meta.url);

export function loadWire(): { $comment: string; tools: Record<string, WireEntry> } {
  return JSON.parse(readFileSync(WIRE_PATH, "utf8"));
}

/** Every request the fakes received since the last reset, in the wire format. */
export function received(fakes: Fakes): WireRequest[] {
  return (Object.entries(fakes) as [keyof Fakes, FakeUpstream][]).flatMap(([host, fake]) =>
    fake.requests.map((r) => {
      const { api_key: _key, ...query } = r.query;
      return { host, method: r.method, path: r.path, query, ...(r.body === undefined ? {} : { body: r.body }) };
    }),
  );
}

/** Calls `tool` with `args` (confirming when the tool asks to) and returns the requests of the acting call. */
export async function replay(client: Client, fakes: Fakes, tool: string, args: Record<string, unknown>): Promise<WireRequest[]> {
  resetFakes(fakes);
  let result = await call(client, tool, args);
  const preview = result.structuredContent as Record<string, unknown> | undefined;
  if (!result.isError && preview?.confirmation_required === true) {
    assert.deepEqual(
      received(fakes).filter((r) => r.method !== "GET"),
      [],
      `${tool}: the preview sends no write`,
    );
    resetFakes(fakes);
    result = await call(client, tool, { ...args, confirmation_token: preview.confirmation_token });
  }
  assert.ok(!result.isError, `${tool}: ${JSON.stringify(result.content).slice(0, 400)}`);
  return received(fakes);
}
