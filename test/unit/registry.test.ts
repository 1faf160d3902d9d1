/**
 * The registry against the contract: every tool maps to a catalog endpoint with
 * the same method, path and host; every required endpoint has a tool; nothing
 * calls an excluded or unconfirmed route; annotations tell the truth.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import type { z } from "zod";
import { parseConfig } from "../../src/config";
import { ALL_TOOLS } from "../../src/tools/all";
import { pathParams } from "../../src/tools/forward";
import { LISTED_BY_NAME } from "../../src/tools/listed";
import { DEFAULT_TOOL_NAMES, listing, resolveSelection, TOOLSETS } from "../../src/tools/registry";
import { DEFAULT_LISTING_MAX_BYTES, TOOLSET_IDS, TOOLSET_INFO } from "../../src/tools/toolsets";
import { type Base, UPSTREAMS, upstreamOf } from "../../src/upstream/hosts";
import { VERSION } from "../../src/version";

interface CatalogEntry {
  id: string;
  method: string;
  path: string;
  base?: string;
  tier: string;
  effect?: string;
  readOnly: boolean;
  costsCredits?: boolean;
}
const load = (file: string) => JSON.parse(readFileSync(new URL(`../contract/${file}`, import.meta.url), "utf8"));
const smartlead = load("smartlead-endpoints.json");
const leadmagic = load("leadmagic-endpoints.json");
const catalog = new Map<string, CatalogEntry & { base: string }>();
for (const e of smartlead.endpoints as CatalogEntry[]) catalog.set(e.id, { ...e, base: e.base! });
for (const e of leadmagic.endpoints as CatalogEntry[]) catalog.set(e.id, { ...e, base: "leadmagic" });

const forbidden = [...smartlead.excluded, ...smartlead.anchorOnlyUnconfirmed].map(
  (r: { base: string; method: string; path: string }) => `${r.base} ${r.method} ${r.path}`,
);
/** The tools that call an upstream endpoint (local ones run in this server and have no catalog entry). */
const UPSTREAM_TOOLS = ALL_TOOLS.filter((t) => t.base !== "local");
const fullConfig = parseConfig({ SMARTLEAD_API_KEY: "k1", LEADMAGIC_API_KEY: "k2", MCP_ADMIN_TOOLS: "true" } as never);

describe("every tool", () => {
  test("has a unique, prefixed snake_case name", () => {
    const names = ALL_TOOLS.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, "duplicate tool names");
    for (const t of ALL_TOOLS) {
      const prefix = t.base === "local" ? "gtm_" : t.base === "leadmagic" ? "leadmagic_" : "smartlead_";
      assert.match(t.name, /^[a-z][a-z0-9_]*$/);
      assert.ok(t.name.startsWith(prefix), t.name);
      assert.ok(t.name.length <= 64, t.name);
    }
  });

  test("calls exactly its catalog endpoint (method, path, host), never an excluded or unconfirmed route", () => {
    const seen = new Set<string>();
    for (const t of UPSTREAM_TOOLS) {
      // What else it reads (a preflight, a composite read): documented GETs on the same upstream.
      for (const id of t.alsoReads ?? []) {
        const read = catalog.get(id);
        assert.ok(read, `${t.name}: unknown catalog id ${id} in alsoReads`);
        assert.equal(read.method, "GET", `${t.name}: ${id} is not a read`);
        assert.equal(upstreamOf(read.base as Base), upstreamOf(t.base as Base), `${t.name}: ${id} is on another upstream`);
        assert.ok(!forbidden.includes(`${read.base} ${read.method} ${read.path}`), `${t.name} reads a forbidden route`);
      }
      if (t.catalogId === "") {
        assert.ok(t.run && t.kind === "read" && (t.alsoReads?.length ?? 0) > 1, `${t.name}: a tool without an endpoint of its own is a composite read`);
        continue;
      }
      const entry = catalog.get(t.catalogId);
      assert.ok(entry, `${t.name}: unknown catalog id ${t.catalogId}`);
      assert.equal(t.method, entry.method, `${t.name} method`);
      assert.equal(t.path, entry.path, `${t.name} path`);
      assert.equal(t.base, entry.base, `${t.name} base`);
      assert.ok(!forbidden.includes(`${t.base} ${t.method} ${t.path}`), `${t.name} calls a forbidden route`);
      assert.ok(!seen.has(t.catalogId), `${t.catalogId} has two tools`);
      seen.add(t.catalogId);
    }
  });

  test("annotations tell the truth", () => {
    for (const t of ALL_TOOLS) {
      const a = t.annotations;
      const entry = catalog.get(t.catalogId) ?? {};
      // Every upstream tool talks to the world; a local one does only when it says so.
      if (t.base !== "local") assert.equal(a.openWorldHint, true, t.name);
      assert.ok(!(a.readOnlyHint && a.destructiveHint), `${t.name} both read-only and destructive`);
      if ("effect" in entry && entry.effect) assert.equal(t.effect, entry.effect, `${t.name} effect`);
      assert.equal(a.readOnlyHint, t.effect === "read", `${t.name} readOnlyHint`);
      const dangerous = t.effect === "destructive" || t.effect === "sends_email";
      if (dangerous) assert.equal(a.destructiveHint, true, `${t.name} destructiveHint`);
      if (t.effect === "read") assert.equal(a.destructiveHint, false, `${t.name} destructiveHint`);
      // A delegating tool (gtm_call_tool) is as destructive as what it reaches; the tool it runs asks for the confirmation.
      if (a.destructiveHint && !t.delegate) assert.ok(t.confirm, `${t.name} is destructive: it must ask for confirmation`);
      if ("costsCredits" in entry && entry.costsCredits !== undefined) assert.equal(t.costsCredits, entry.costsCredits, `${t.name} costsCredits`);
      if (t.costsCredits) assert.equal(a.idempotentHint, false, `${t.name} spends credits: not idempotent`);
      if (t.costsCredits) assert.ok(t.cost && t.description.endsWith(t.cost.text), `${t.name} spends: its description ends with its cost sentence`);
      if (["delete", "send", "spend"].includes(t.kind)) assert.ok(t.confirm, `${t.name} is a ${t.kind}: it asks for confirmation`);
    }
  });

  test("error results and confirmation previews satisfy every advertised output schema (clients validate them too)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const error = { error: { code: "timeout", message: "m", attempts: 1 } };
    const preview = { confirmation_required: true, tool: "t", action: "a", arguments: {}, confirmation_token: "1.x", expires_at: "2026-01-01T00:00:00.000Z" };
    const { tools } = listing(resolveSelection("all", null, fullConfig), fullConfig);
    for (const listed of tools) {
      if (!listed.outputSchema) continue;
      const validate = ajv.compile(listed.outputSchema);
      assert.ok(validate(error), `${listed.name}: an error result fails its output schema: ${ajv.errorsText(validate.errors)}`);
      if ("confirmation_token" in (listed.inputSchema.properties ?? {})) {
        assert.ok(validate(preview), `${listed.name}: a preview fails its output schema: ${ajv.errorsText(validate.errors)}`);
      }
    }
  });

  test("the recorded input schema names every argument (the scope rules read argument names from it)", () => {
    for (const t of ALL_TOOLS) {
      const recorded = Object.keys((LISTED_BY_NAME.get(t.name)!.inputSchema.properties as object | undefined) ?? {});
      assert.deepEqual(recorded, Object.keys((t.input as unknown as z.ZodObject).shape), t.name);
    }
  });

  test("every path placeholder is an input, and every schema converts to a lean JSON Schema", () => {
    const { tools } = listing(resolveSelection("all", null, fullConfig), fullConfig);
    assert.equal(tools.length, ALL_TOOLS.length);
    for (const listed of tools) {
      const t = ALL_TOOLS.find((x) => x.name === listed.name)!;
      const props = Object.keys(listed.inputSchema.properties ?? {});
      for (const p of pathParams(t.path)) assert.ok(props.includes(p), `${t.name}: path parameter ${p} is not an input`);
      const json = JSON.stringify(listed.inputSchema);
      assert.ok(!json.includes("$schema"), `${t.name}: $schema left in`);
      assert.ok(!json.includes("9007199254740991"), `${t.name}: unbounded integer noise left in`);
      assert.equal(listed.inputSchema.type, "object");
      if (listed.outputSchema) assert.equal(listed.outputSchema.type, "object");
      assert.ok(t.description.length >= 20 && t.description.length <= 600, `${t.name}: description length ${t.description.length}`);
    }
  });
});

/** Every sub-schema of a JSON Schema, with where it sits (properties, items, anyOf members, …). */
function* subSchemas(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== "object" || Array.isArray(node)) return;
  const s = node as Record<string, unknown>;
  yield [at, s];
  for (const key of ["properties", "$defs", "definitions"]) {
    for (const [name, sub] of Object.entries((s[key] as Record<string, unknown>) ?? {})) yield* subSchemas(sub, `${at}.${key}.${name}`);
  }
  for (const key of ["items", "additionalProperties", "not"]) yield* subSchemas(s[key], `${at}.${key}`);
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) {
    for (const [i, sub] of ((s[key] as unknown[]) ?? []).entries()) yield* subSchemas(sub, `${at}.${key}[${i}]`);
  }
}

describe("portable schemas (strict validators: the Inspector's --strict, function-calling APIs)", () => {
  test("no tuple keywords and no schema that says nothing, in any advertised input or output schema", () => {
    const { tools } = listing(resolveSelection("all", null, fullConfig), fullConfig);
    const problems: string[] = [];
    for (const t of tools) {
      for (const [io, root] of [
        ["input", t.inputSchema],
        ["output", t.outputSchema],
      ] as const) {
        for (const [at, s] of subSchemas(root, `${t.name}.${io}`)) {
          if (s.items === false || "prefixItems" in s) problems.push(`${at}: tuple keywords`);
          if (!["type", "anyOf", "oneOf", "allOf", "$ref", "enum", "const", "not"].some((k) => k in s))
            problems.push(`${at}: ${JSON.stringify(s)} says nothing`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe("coverage of the catalogs", () => {
  const offered = new Set(ALL_TOOLS.map((t) => t.catalogId));
  test("every required LeadMagic endpoint has a tool", () => {
    const missing = (leadmagic.endpoints as CatalogEntry[]).filter((e) => e.tier === "required" && !offered.has(e.id)).map((e) => e.id);
    assert.deepEqual(missing, []);
  });
  test("every required SmartLead endpoint has a tool", () => {
    const missing = (smartlead.endpoints as CatalogEntry[]).filter((e) => e.tier === "required" && !offered.has(e.id)).map((e) => e.id);
    assert.deepEqual(missing, []);
  });
});

describe("documented rate limits", () => {
  test("SmartLead's tiers in upstream/hosts.ts are the catalog's, figure for figure", () => {
    const documented = smartlead.rateLimits.tiers as Record<string, Record<string, number | string>>;
    const published = Object.entries(documented).filter(([, t]) => Object.values(t).every((v) => typeof v === "number"));
    const custom = Object.entries(documented).filter(([, t]) => Object.values(t).every((v) => v === "custom"));
    assert.deepEqual(UPSTREAMS.smartlead.rateLimits.tiers, Object.fromEntries(published));
    assert.deepEqual(
      UPSTREAMS.smartlead.rateLimits.customTiers,
      custom.map(([name]) => name),
    );
    assert.equal(published.length + custom.length, Object.keys(documented).length, "every documented tier is either published or custom");
    for (const header of Object.values(UPSTREAMS.smartlead.rateLimits.headers)) assert.ok(header in smartlead.rateLimits.headers, header);
  });

  test("LeadMagic publishes no figures, only headers; hosts.ts claims none", () => {
    assert.deepEqual(UPSTREAMS.leadmagic.rateLimits.tiers, {});
    assert.equal(leadmagic.rateLimits, undefined, "the LeadMagic catalog now documents limits: record them in upstream/hosts.ts");
    // The catalog abbreviates the three headers as "RateLimit-Limit/Remaining/Reset".
    const named = (leadmagic.notes as string[]).join(" ").match(/RateLimit-(\w+)\/(\w+)\/(\w+)/);
    assert.ok(named, "the catalog names LeadMagic's rate-limit headers");
    const { limit, remaining, reset } = UPSTREAMS.leadmagic.rateLimits.headers;
    assert.deepEqual(
      [limit, remaining, reset],
      named.slice(1).map((h) => `RateLimit-${h}`),
    );
  });
});

describe("toolsets", () => {
  test("the default selection is curated: every name exists, at most 25 tools, tools/list within its byte budget", () => {
    const names = new Set(ALL_TOOLS.map((t) => t.name));
    for (const n of DEFAULT_TOOL_NAMES) assert.ok(names.has(n), `default tool ${n} does not exist`);
    assert.ok(DEFAULT_TOOL_NAMES.length <= 25);
    const bytes = JSON.stringify(listing(resolveSelection(null, null, fullConfig), fullConfig)).length;
    assert.ok(bytes <= DEFAULT_LISTING_MAX_BYTES, `default tools/list is ${bytes} bytes`);
  });

  test("every toolset has tools on its own host; opt-in toolsets (SmartProspect, Smart Senders) are never in the default selection", () => {
    for (const id of TOOLSET_IDS) {
      const tools = TOOLSETS.get(id)!;
      assert.ok(tools.length > 0, `${id} has no tools`);
      for (const t of tools) assert.equal(t.base, TOOLSET_INFO[id].base, t.name);
    }
    const optIn = TOOLSET_IDS.filter((id) => "optIn" in TOOLSET_INFO[id]);
    assert.deepEqual(optIn, ["smartlead_prospect", "smartlead_senders"]);
    for (const t of TOOLSETS.get("default")!) assert.ok(!optIn.includes(t.toolset), t.name);
  });

  test("read_only hides every tool that is not read-only", () => {
    const sel = resolveSelection("all", "true", fullConfig);
    assert.ok(sel.tools.size > 0);
    for (const t of sel.tools.values()) assert.equal(t.annotations.readOnlyHint, true, t.name);
  });

  test("admin tools (lasting access: client keys and logins, webhooks, mailboxes) are off unless MCP_ADMIN_TOOLS, and always two-step", () => {
    const admin = ALL_TOOLS.filter((t) => t.admin).map((t) => t.name);
    assert.deepEqual(admin.sort(), [
      "smartlead_create_client",
      "smartlead_create_client_api_key",
      "smartlead_create_webhook",
      "smartlead_reset_client_api_key",
      "smartlead_save_campaign_webhook",
      "smartlead_save_email_account",
      "smartlead_update_webhook",
    ]);
    for (const t of ALL_TOOLS.filter((x) => x.admin)) assert.ok(t.confirm, `${t.name} asks for confirmation`);
    const off = parseConfig({ SMARTLEAD_API_KEY: "k1", LEADMAGIC_API_KEY: "k2" } as never);
    const offered = [...resolveSelection("all", null, off).tools.keys()];
    for (const name of admin) assert.ok(!offered.includes(name), `${name} is offered without MCP_ADMIN_TOOLS`);
    assert.equal(offered.length, ALL_TOOLS.length - admin.length);
  });

  test("unknown toolsets are an error naming them", () => {
    assert.throws(() => resolveSelection("smartlead_campaigns,nope", null, fullConfig), /Unknown toolset: nope/);
  });

  test("an upstream without a key is not offered", () => {
    const cfg = parseConfig({ LEADMAGIC_API_KEY: "k2" } as never);
    const sel = resolveSelection("all", null, cfg);
    // Local tools run in this server and need no key.
    assert.ok([...sel.tools.values()].every((t) => t.base === "leadmagic" || t.base === "local"));
    assert.ok(sel.tools.size > 0);
  });
});

test("the version matches package.json", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  assert.equal(VERSION, pkg.version);
});
