/** The configuration contract: defaults, https-or-loopback base URLs, bad values refused. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, parseConfig } from "../../src/config";
import { BASES, HOSTS } from "../../src/upstream/hosts";

test("defaults", () => {
  const c = parseConfig({} as never);
  assert.deepEqual(c.baseUrls, Object.fromEntries(BASES.map((b) => [b, HOSTS[b].defaultUrl])));
  assert.equal(c.timeoutMs, 30_000);
  assert.equal(c.maxResponseBytes, 5 * 1024 * 1024);
  assert.equal(c.defaultToolsets, "default");
  assert.equal(c.confirmActions, true);
  assert.deepEqual(c.keys, { smartlead: undefined, leadmagic: undefined });
});

test("base URLs must be https unless loopback", () => {
  assert.equal(parseConfig({ LEADMAGIC_BASE_URL: "http://127.0.0.1:9999/lm/" } as never).baseUrls.leadmagic, "http://127.0.0.1:9999/lm");
  assert.equal(parseConfig({ SMARTLEAD_BASE_URL: "http://localhost:1/api/v1" } as never).baseUrls.smartlead, "http://localhost:1/api/v1");
  for (const bad of ["http://api.leadmagic.io", "ftp://x", "not a url", "https://x.io/?api_key=1", "https://user:pw@x.io"]) {
    assert.throws(() => parseConfig({ LEADMAGIC_BASE_URL: bad } as never), ConfigError, bad);
  }
});

test("numbers and flags are checked", () => {
  assert.throws(() => parseConfig({ UPSTREAM_TIMEOUT_MS: "-1" } as never), /UPSTREAM_TIMEOUT_MS/);
  assert.throws(() => parseConfig({ UPSTREAM_MAX_RESPONSE_BYTES: "lots" } as never), /UPSTREAM_MAX_RESPONSE_BYTES/);
  assert.throws(() => parseConfig({ CONFIRM_ACTIONS: "maybe" } as never), /CONFIRM_ACTIONS/);
  assert.equal(parseConfig({ CONFIRM_ACTIONS: "false", MCP_READ_ONLY: "true" } as never).confirmActions, false);
  assert.equal(parseConfig({ MCP_READ_ONLY: "true" } as never).forceReadOnly, true);
});

test("blank secrets count as unset", () => {
  assert.equal(parseConfig({ SMARTLEAD_API_KEY: "  " } as never).keys.smartlead, undefined);
});
