/**
 * The MCP Apps views through the MCP server in process: which tools declare
 * which view in the listing, resources/list and resources/read, what a view's
 * HTML may load (nothing from the network: its CSP and its markup), and that a
 * tool with a view still answers in full as text and structuredContent.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { RESOURCE_MIME_TYPE, RESOURCE_URI_META_KEY } from "@modelcontextprotocol/ext-apps/server";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { BUNDLE_MODULE, bundleModule, bundleViews } from "../../scripts/build-views";
import { LEGACY_RESOURCE_URI_KEY, VIEW_MIME_TYPE } from "../../src/apps/views";
import { type InProcessStack, startInProcess } from "../helpers/in-process";
import { call } from "../helpers/mcp";

const URI = (id: string) => `ui://gtm-edge-mcp/${id}.html`;

/** The tools that name a view of their own (every other two-step tool gets the confirmation card). */
const DECLARED: Record<string, string[]> = {
  campaign_performance: [
    "smartlead_get_campaign_analytics",
    "smartlead_get_campaign_analytics_by_date",
    "smartlead_get_campaign_top_level_analytics_by_date",
    "smartlead_get_campaign_mailbox_statistics",
    "smartlead_get_campaign_sequence_analytics",
    "smartlead_get_daily_analytics",
    "smartlead_get_daily_analytics_by_sent_time",
  ],
  deliverability: [
    "smartlead_get_placement_provider_report",
    "smartlead_get_placement_region_report",
    "smartlead_get_placement_sender_report",
    "smartlead_get_placement_mailbox_summary",
    "smartlead_get_placement_mailbox_counts",
  ],
  import_summary: ["gtm_import_verified_leads", "gtm_get_job"],
};

const uriOf = (t: Tool) => (t._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri;
/**
 * A two-step tool, as a client sees it: it takes a confirmation_token. gtm_call_tool passes one on to
 * the tool it runs, whose results may be anything, so it declares no view of its own.
 */
const twoStep = (t: Tool) => t.name !== "gtm_call_tool" && "confirmation_token" in (t.inputSchema.properties ?? {});

let stack: InProcessStack;
let noConfirm: InProcessStack;
before(async () => {
  [stack, noConfirm] = await Promise.all([startInProcess(), startInProcess({ CONFIRM_ACTIONS: "false" })]);
});
after(async () => {
  await stack?.stop();
  await noConfirm?.stop();
});

describe("tools declare their views in the listing", () => {
  test("the named tools carry their view, every other two-step tool the confirmation card, and no other tool any", async () => {
    const { tools } = await (await stack.connect("toolsets=all")).listTools();
    const named = new Map(Object.entries(DECLARED).flatMap(([view, names]) => names.map((n) => [n, URI(view)] as const)));
    for (const name of named.keys())
      assert.ok(
        tools.some((t) => t.name === name),
        `${name} is listed`,
      );
    const wrong = tools.flatMap((t) => {
      const expected = named.get(t.name) ?? (twoStep(t) ? URI("confirmation") : undefined);
      return uriOf(t) === expected ? [] : [`${t.name}: ${uriOf(t)} (expected ${expected})`];
    });
    assert.deepEqual(wrong, []);
    assert.ok(tools.filter((t) => uriOf(t) === URI("confirmation")).length >= 20, "the two-step tools are many");
    const analytics = tools.find((t) => t.name === "smartlead_get_campaign_analytics")!;
    assert.deepEqual(analytics._meta, { ui: { resourceUri: URI("campaign_performance") }, "ui/resourceUri": URI("campaign_performance") });
  });

  test("with CONFIRM_ACTIONS=false no tool offers the confirmation card (there is no preview to show)", async () => {
    const { tools } = await (await noConfirm.connect("toolsets=all")).listTools();
    assert.deepEqual(
      tools.filter((t) => uriOf(t) === URI("confirmation")).map((t) => t.name),
      [],
    );
    assert.equal(uriOf(tools.find((t) => t.name === "gtm_import_verified_leads")!), URI("import_summary"));
  });

  test("our constants are the extension's", () => {
    assert.equal(VIEW_MIME_TYPE, RESOURCE_MIME_TYPE);
    assert.equal(LEGACY_RESOURCE_URI_KEY, RESOURCE_URI_META_KEY);
  });
});

describe("resources/list and resources/read", () => {
  test("four views, each served as self-contained HTML of the extension's MIME type with a no-network CSP", async () => {
    const client = await stack.connect("toolsets=default");
    const { resources } = await client.listResources();
    assert.deepEqual(
      resources.map((r) => r.uri),
      ["campaign_performance", "deliverability", "confirmation", "import_summary"].map(URI),
    );
    for (const r of resources) {
      assert.equal(r.mimeType, RESOURCE_MIME_TYPE);
      assert.ok(r.title && r.description, `${r.uri} has a title and a description`);
      const { contents } = await client.readResource({ uri: r.uri });
      assert.equal(contents.length, 1);
      const item = contents[0] as { uri: string; mimeType: string; text: string; _meta?: { ui?: { csp?: Record<string, unknown[]> } } };
      assert.equal(item.uri, r.uri);
      assert.equal(item.mimeType, RESOURCE_MIME_TYPE);
      assert.deepEqual(item._meta?.ui?.csp, { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] });
      const html = item.text;
      assert.match(html, new RegExp(`<body data-view="${r.uri.replace(/^ui:\/\/gtm-edge-mcp\/|\.html$/g, "")}">`));

      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.ok(csp, "the page carries its own CSP");
      assert.match(csp, /^default-src 'none'; /);
      assert.match(csp, /connect-src 'none'/);
      assert.doesNotMatch(csp, /https?:|unsafe-inline|unsafe-eval|\*/);
      // The one inline script and the one stylesheet are what the CSP's hashes allow, and nothing else loads.
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      assert.equal(scripts.length, 1);
      assert.equal(styles.length, 1);
      const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
      assert.ok(csp.includes(`script-src ${hash(scripts[0]!)}`), "the script's hash is the CSP's");
      assert.ok(csp.includes(`style-src ${hash(styles[0]!)}`), "the stylesheet's hash is the CSP's");
      assert.doesNotMatch(html, /<script[^>]+src=|<link\b|<iframe\b|<img\b|<object\b|<embed\b/i);
      assert.doesNotMatch(styles[0]!, /url\(|@import/);
    }
  });

  test("an unknown uri is an invalid-params error that names it", async () => {
    const client = await stack.connect();
    await assert.rejects(client.readResource({ uri: "ui://gtm-edge-mcp/secrets.html" }), (err: { code?: number; message?: string }) => {
      assert.equal(err.code, -32602);
      assert.match(err.message ?? "", /Unknown resource: ui:\/\/gtm-edge-mcp\/secrets\.html/);
      return true;
    });
  });

  test("the bundle the Worker serves is the one views/ builds today", async () => {
    assert.equal(readFileSync(BUNDLE_MODULE, "utf8"), bundleModule(await bundleViews()), "stale: run npm run build:views");
  });
});

describe("fallbacks stay whole", () => {
  test("a tool with a view still answers with its full text and structuredContent", async () => {
    const client = await stack.connect("toolsets=smartlead_analytics");
    const result = await call(client, "smartlead_get_campaign_analytics", { campaign_id: 101 });
    assert.ok(!result.isError);
    const data = result.structuredContent as Record<string, unknown>;
    assert.equal(data.sent_count, "420");
    const text = (result.content[0] as { type: string; text: string }).text;
    assert.equal(result.content[0]?.type, "text");
    assert.ok(text.includes('"sent_count":"420"') || text.includes('"sent_count": "420"'), "the text carries the numbers too");
  });
});
